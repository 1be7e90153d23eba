// Ports of pkg/controller/daemon/daemon_controller_test.go (kubernetes/kubernetes, newest stored version) and
// test/integration/daemonset/daemonset_test.go: on which nodes the DaemonSet controller creates a daemon pod (upstream's
// expected creates on a cluster without daemon pods yet), and where the scheduler then binds them. Upstream's newNode:
// Ready, 100 pods allocatable. Skipped: the cases about existing daemon pods (deletes, failed pods, backoff, status
// counters, update strategies), expectations and API errors, which are controller bookkeeping, and TestNoNodesDoesNothing
// (kubefit needs a node to run the dry-run).
import { describe, expect, it } from 'vitest';
import { toClusterSnapshot } from '../model/cluster.js';
import { toWorkload, type Workload } from '../model/workload.js';
import { stringify } from 'yaml';
import type { Value } from './integration-test-support.js';
import { scheduleWorkloads } from './schedule.js';
import { objectsFromYaml } from './test-support.js';

type Labels = Readonly<Record<string, string>>;
const simpleDaemonSetLabel: Labels = { name: 'simple-daemon', type: 'production' };
const simpleNodeLabel: Labels = { color: 'blue', speed: 'fast' };
const simpleNodeLabel2: Labels = { color: 'red', speed: 'fast' };
const noScheduleTaints = [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }];
const noScheduleTolerations = [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }];

interface NodeDoc {
  readonly name: string;
  readonly labels?: Labels;
  readonly taints?: readonly Value[];
  readonly conditions?: readonly Value[];
  readonly allocatable?: Readonly<Record<string, string>>;
  readonly unschedulable?: boolean;
}

/** upstream newNode: Ready, 100 pods allocatable. */
const newNode = ({ name, labels = {}, taints, conditions = [{ type: 'Ready', status: 'True' }], allocatable = { pods: '100' }, unschedulable }: NodeDoc): Value => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels },
  spec: { ...(taints && { taints }), ...(unschedulable && { unschedulable }) },
  status: { conditions, allocatable },
});
const addNodes = (start: number, count: number, labels?: Labels) =>
  Array.from({ length: count }, (_, i) => newNode({ name: `node-${start + i}`, ...(labels && { labels }) }));

/** upstream newDaemonSet with these template spec fields. */
const newDaemonSet = (spec: Value = {}, namespace = 'default'): Value => ({
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'foo', namespace },
  spec: {
    selector: { matchLabels: simpleDaemonSetLabel },
    template: { metadata: { labels: simpleDaemonSetLabel }, spec: { containers: [{ name: 'c', image: 'foo/bar' }], ...spec } },
  },
});

/** upstream allocatableResources(memory, cpu) as requests. */
const requests = (memory: string, cpu: string) => ({ containers: [{ name: 'c', image: 'foo/bar', resources: { requests: { memory, cpu } } }] });

function run(docs: readonly Value[]) {
  const objects = objectsFromYaml(docs.map((doc) => stringify(doc)).join('---\n'));
  const workloads = objects.map(toWorkload).filter((w): w is Workload => w?.kind === 'DaemonSet');
  const [result] = scheduleWorkloads(workloads, toClusterSnapshot(objects, 'snapshot'), { kubernetesVersion: undefined, drain: [] }).results;
  return { creates: result?.replicas ?? 0, scheduled: Object.keys(result?.placement.nodes ?? {}) };
}

interface Case {
  readonly name: string;
  readonly nodes: readonly Value[];
  readonly ds: Value;
  readonly pods?: readonly Value[];
  /** upstream's expected creates. */
  readonly creates: number;
}

const boundPod = (nodeName: string, hostPort: number): Value => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: `other-${hostPort}`, namespace: 'default' },
  spec: { nodeName, containers: [{ name: 'c', image: 'i', ports: [{ containerPort: hostPort, hostPort }] }] },
  status: { phase: 'Running' },
});

/** A TestNodeShouldRunDaemonPod case on "test-node" (simpleDaemonSetLabel, 100M memory and 1 cpu allocatable). */
function shouldRun(predicate: string, spec: Value, creates: number, { pods = [], unschedulable = false }: { pods?: readonly Value[]; unschedulable?: boolean } = {}): Case {
  const node = newNode({ name: 'test-node', labels: simpleDaemonSetLabel, allocatable: { memory: '100M', cpu: '1', pods: '100' }, unschedulable });
  return { name: `TestNodeShouldRunDaemonPod ${predicate}`, nodes: [node], ds: newDaemonSet(spec), pods, creates };
}

const requiredType = (type: string): Value => ({
  affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'type', operator: 'In', values: [type] }] }] } } },
});

const cases: Case[] = [
  { name: 'TestOneNodeDaemonLaunchesPod', nodes: [newNode({ name: 'only-node' })], ds: newDaemonSet(), creates: 1 },
  {
    name: 'TestNotReadyNodeDaemonDoesLaunchPod',
    nodes: [newNode({ name: 'not-ready', conditions: [{ type: 'Ready', status: 'False' }] })],
    ds: newDaemonSet(),
    creates: 1,
  },
  {
    name: 'TestInsufficientCapacityNodeSufficientCapacityWithNodeLabelDaemonLaunchPod',
    nodes: [
      newNode({ name: 'not-enough-resource', allocatable: { memory: '10M', cpu: '20m', pods: '100' } }),
      newNode({ name: 'enough-resource', labels: simpleNodeLabel, allocatable: { memory: '100M', cpu: '200m', pods: '100' } }),
    ],
    ds: newDaemonSet({ ...requests('50M', '75m'), nodeSelector: simpleNodeLabel }),
    creates: 1,
  },
  {
    name: 'TestNetworkUnavailableNodeDaemonLaunchesPod',
    nodes: [newNode({ name: 'network-unavailable', conditions: [{ type: 'NetworkUnavailable', status: 'True' }] })],
    ds: newDaemonSet(),
    creates: 1,
  },
  {
    name: 'TestNoPortConflictNodeDaemonLaunchesPod',
    nodes: [newNode({ name: 'no-port-conflict' })],
    ds: newDaemonSet({ nodeName: 'no-port-conflict', containers: [{ name: 'c', image: 'foo/bar', ports: [{ containerPort: 6662, hostPort: 6662 }] }] }),
    pods: [boundPod('no-port-conflict', 6661)],
    creates: 1,
  },
  { name: 'TestSelectorDaemonLaunchesPods', nodes: [...addNodes(0, 4), ...addNodes(4, 3, simpleNodeLabel)], ds: newDaemonSet({ nodeSelector: simpleNodeLabel }), creates: 3 },
  { name: 'TestBadSelectorDaemonDoesNothing', nodes: [...addNodes(0, 4), ...addNodes(4, 3, simpleNodeLabel)], ds: newDaemonSet({ nodeSelector: simpleNodeLabel2 }), creates: 0 },
  { name: 'TestNameDaemonSetLaunchesPods', nodes: addNodes(0, 5), ds: newDaemonSet({ nodeName: 'node-0' }), creates: 1 },
  { name: 'TestBadNameDaemonSetDoesNothing', nodes: addNodes(0, 5), ds: newDaemonSet({ nodeName: 'node-10' }), creates: 0 },
  {
    name: 'TestNameAndSelectorDaemonSetLaunchesPods',
    nodes: [...addNodes(0, 4), ...addNodes(4, 3, simpleNodeLabel)],
    ds: newDaemonSet({ nodeSelector: simpleNodeLabel, nodeName: 'node-6' }),
    creates: 1,
  },
  {
    name: 'TestInconsistentNameSelectorDaemonSetDoesNothing',
    nodes: [...addNodes(0, 4), ...addNodes(4, 3, simpleNodeLabel)],
    ds: newDaemonSet({ nodeSelector: simpleNodeLabel, nodeName: 'node-0' }),
    creates: 0,
  },
  {
    name: 'TestNodeAffinityDaemonLaunchesPods',
    nodes: [...addNodes(0, 4), ...addNodes(4, 3, simpleNodeLabel)],
    ds: newDaemonSet({
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'color', operator: 'In', values: ['blue'] }] }] } } },
    }),
    creates: 3,
  },
  { name: 'TestTaintedNodeDaemonDoesNotLaunchIntolerantPod', nodes: [newNode({ name: 'tainted', taints: noScheduleTaints })], ds: newDaemonSet(), creates: 0 },
  {
    name: 'TestTaintedNodeDaemonLaunchesToleratePod',
    nodes: [newNode({ name: 'tainted', taints: noScheduleTaints })],
    ds: newDaemonSet({ tolerations: noScheduleTolerations }),
    creates: 1,
  },
  {
    name: 'TestNotReadyNodeDaemonLaunchesPod',
    nodes: [newNode({ name: 'tainted', taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }], conditions: [{ type: 'Ready', status: 'False' }] })],
    ds: newDaemonSet(),
    creates: 1,
  },
  {
    name: 'TestUnreachableNodeDaemonLaunchesPod',
    nodes: [newNode({ name: 'tainted', taints: [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }], conditions: [{ type: 'Ready', status: 'Unknown' }] })],
    ds: newDaemonSet(),
    creates: 1,
  },
  { name: 'TestNodeDaemonLaunchesToleratePod', nodes: addNodes(0, 1), ds: newDaemonSet({ tolerations: noScheduleTolerations }), creates: 1 },
  {
    name: 'TestTaintPressureNodeDaemonLaunchesPod',
    nodes: [
      newNode({
        name: 'resources-pressure',
        conditions: [{ type: 'DiskPressure', status: 'True' }, { type: 'MemoryPressure', status: 'True' }, { type: 'PIDPressure', status: 'True' }],
        taints: ['disk-pressure', 'memory-pressure', 'pid-pressure'].map((key) => ({ key: `node.kubernetes.io/${key}`, effect: 'NoSchedule' })),
      }),
    ],
    ds: newDaemonSet({ priority: 2000000000 }, 'kube-system'),
    creates: 1,
  },
  // TestNodeShouldRunDaemonPod: shouldRun on upstream's "test-node"; the controller leaves resources and host ports to
  // the scheduler
  shouldRun('ShouldRunDaemonPod', requests('50M', '0.5'), 1),
  shouldRun('InsufficientResourceError', requests('200M', '0.5'), 1),
  shouldRun('ErrPodNotMatchHostName', { ...requests('50M', '0.5'), nodeName: 'other-node' }, 0),
  shouldRun('ErrPodNotFitsHostPorts', { containers: [{ name: 'c', image: 'foo/bar', ports: [{ containerPort: 666, hostPort: 666 }] }] }, 1, { pods: [boundPod('test-node', 666)] }),
  shouldRun('InsufficientResourceError (a pod on the node)', requests('100M', '0.5'), 1, { pods: [{ ...boundPod('test-node', 666), spec: { nodeName: 'test-node', containers: [{ name: 'c', image: 'i', ports: [{ containerPort: 666, hostPort: 666 }], resources: { requests: { memory: '50M', cpu: '0.5' } } }] } }] }),
  shouldRun('ErrNodeSelectorNotMatch', { nodeSelector: { name: 'simple-daemon', type: 'test' } }, 0),
  shouldRun('ShouldRunDaemonPod (nodeSelector)', { nodeSelector: simpleDaemonSetLabel }, 1),
  shouldRun('ErrPodAffinityNotMatch', requiredType('test'), 0),
  shouldRun('ShouldRunDaemonPod (node affinity)', requiredType('production'), 1),
  shouldRun('ShouldRunDaemonPodOnUnschedulableNode', requests('50M', '0.5'), 1, { unschedulable: true }),
];

describe('DaemonSet controller (upstream daemon_controller_test.go)', () => {
  it.each(cases)('$name', ({ nodes, ds, pods = [], creates }) => {
    expect(run([...nodes, ...pods, ds]).creates).toBe(creates);
  });
});

describe('DaemonSets with the scheduler (upstream test/integration/daemonset)', () => {
  it('TestDaemonSetWithNodeSelectorLaunchesPods: a term on the zone label or the name node-1', () => {
    const ds = newDaemonSet({
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [
              { matchExpressions: [{ key: 'zone', operator: 'In', values: ['test'] }] },
              { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-1'] }] },
            ],
          },
        },
      },
    });
    const { creates, scheduled } = run([...addNodes(0, 2), ...addNodes(2, 2, { zone: 'test' }), ...addNodes(4, 2), ds]);
    expect(creates).toBe(3);
    expect(scheduled).toEqual(['node-1', 'node-2', 'node-3']);
  });

  it('TestInsufficientCapacityNode: a pod for every node, bound only where it fits', () => {
    const nodes = [
      newNode({ name: 'node-with-limited-memory', allocatable: { memory: '100M', cpu: '200m', pods: '100' } }),
      newNode({ name: 'node-with-enough-memory', allocatable: { memory: '200M', cpu: '2000m', pods: '100' } }),
    ];
    expect(run([...nodes, newDaemonSet(requests('120M', '75m'))])).toEqual({ creates: 2, scheduled: ['node-with-enough-memory'] });
  });

  it('TestTaintedNode: no pod on the node with an untolerated NoSchedule taint', () => {
    const nodes = [newNode({ name: 'node-with-taint', taints: [{ key: 'key1', value: 'val1', effect: 'NoSchedule' }] }), newNode({ name: 'node-without-taint' })];
    expect(run([...nodes, newDaemonSet()])).toEqual({ creates: 1, scheduled: ['node-without-taint'] });
  });

  it('TestUnschedulableNodeDaemonDoesLaunchPod: a hostNetwork daemon runs on cordoned and network-unavailable nodes', () => {
    const nodes = [
      newNode({ name: 'unschedulable-node', unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] }),
      newNode({
        name: 'network-unavailable-node',
        conditions: [{ type: 'Ready', status: 'False' }, { type: 'NetworkUnavailable', status: 'True' }],
        taints: [{ key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' }],
      }),
    ];
    expect(run([...nodes, newDaemonSet({ hostNetwork: true })]).creates).toBe(2);
  });

  it('TestDaemonSetRollingUpdateWithTolerations (first stage): the nodes whose taints the template tolerates', () => {
    const taintOf = (i: number) => (i < 2 ? 'zone-y' : i < 4 ? 'zone-z' : 'zone-common');
    const nodes = Array.from({ length: 6 }, (_, i) => newNode({ name: `node-${i}`, taints: [{ key: taintOf(i), effect: 'NoSchedule' }] }));
    const ds = newDaemonSet({ tolerations: [{ key: 'zone-y', operator: 'Exists' }, { key: 'zone-common', operator: 'Exists' }] });
    expect(run([...nodes, ds])).toEqual({ creates: 4, scheduled: ['node-0', 'node-1', 'node-4', 'node-5'] });
  });
});
