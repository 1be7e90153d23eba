// Port of pkg/controller/daemon/daemon_controller_test.go TestNodeShouldRunDaemonPod (kubernetes/kubernetes, newest
// stored version): whether the DaemonSet controller creates a daemon pod for the node (shouldRun). A daemon pod it
// creates may still not fit (resources, ports): the scheduler's filters decide that, as in upstream.
import { describe, expect, it } from 'vitest';
import { toWorkload } from '../model/workload.js';
import { daemonNodeStatus, daemonPodSource, daemonPodSpec, pinnedNodeAffinity, pinnedToNode } from './daemonset.js';
import { toPodInfo, withRequiredNodeAffinity, type PodInfo } from './pod-info.js';
import { nodeInfoOf, objectOf, podInfoOf } from './test-support.js';
import { NEWEST_MINOR } from './version.js';

const simpleDaemonSetLabel = { name: 'simple-daemon', type: 'production' };
const simpleDaemonSetLabel2 = { name: 'simple-daemon', type: 'test' };

/** upstream resourcePodSpec(nodeName, memory, cpu) */
const resourcePodSpec = (nodeName: string, memory: string, cpu: string) => ({
  ...(nodeName ? { nodeName } : {}),
  containers: [{ name: 'c', resources: { requests: { memory, cpu } } }],
});
const hostPort666 = (resources?: Readonly<Record<string, string>>) => ({
  containers: [{ name: 'c', ports: [{ containerPort: 666, hostPort: 666 }], ...(resources ? { resources: { requests: resources } } : {}) }],
});
const typeIn = (value: string) => ({
  containers: [{ name: 'c' }],
  affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'type', operator: 'In', values: [value] }] }] } } },
});

function daemonPod(podSpec: Readonly<Record<string, unknown>>) {
  const workload = toWorkload(objectOf({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'ds', namespace: 'default' },
    spec: { selector: { matchLabels: simpleDaemonSetLabel }, template: { metadata: { labels: simpleDaemonSetLabel }, spec: podSpec } },
  }));
  if (!workload) throw new Error('no workload');
  const options = { minor: NEWEST_MINOR, services: [], priorityClasses: new Map<string, number>(), defaultPriority: 0 };
  return toPodInfo(daemonPodSource(workload, daemonPodSpec(workload)), options, []);
}

interface Case {
  readonly predicateName: string;
  readonly podSpec: Readonly<Record<string, unknown>>;
  readonly podsOnNode?: readonly Readonly<Record<string, unknown>>[];
  readonly nodeUnschedulable?: boolean;
  /** upstream shouldRun; when false, the plugin whose reason the node gets. */
  readonly want: true | 'NodeName' | 'NodeAffinity';
}

const cases: Case[] = [
  { predicateName: 'ShouldRunDaemonPod', podSpec: resourcePodSpec('', '50M', '0.5'), want: true },
  { predicateName: 'InsufficientResourceError', podSpec: resourcePodSpec('', '200M', '0.5'), want: true },
  { predicateName: 'ErrPodNotMatchHostName', podSpec: resourcePodSpec('other-node', '50M', '0.5'), want: 'NodeName' },
  { predicateName: 'ErrPodNotFitsHostPorts', podSpec: hostPort666(), podsOnNode: [hostPort666()], want: true },
  { predicateName: 'InsufficientResourceError', podSpec: resourcePodSpec('', '100M', '0.5'), podsOnNode: [hostPort666({ memory: '50M', cpu: '0.5' })], want: true },
  { predicateName: 'ShouldRunDaemonPod', podSpec: resourcePodSpec('', '50M', '0.5'), podsOnNode: [hostPort666({ memory: '50M', cpu: '0.5' })], want: true },
  { predicateName: 'ErrNodeSelectorNotMatch', podSpec: { containers: [{ name: 'c' }], nodeSelector: simpleDaemonSetLabel2 }, want: 'NodeAffinity' },
  { predicateName: 'ShouldRunDaemonPod', podSpec: { containers: [{ name: 'c' }], nodeSelector: simpleDaemonSetLabel }, want: true },
  { predicateName: 'ErrPodAffinityNotMatch', podSpec: typeIn('test'), want: 'NodeAffinity' },
  { predicateName: 'ShouldRunDaemonPod', podSpec: typeIn('production'), want: true },
  { predicateName: 'ShouldRunDaemonPodOnUnschedulableNode', podSpec: resourcePodSpec('', '50M', '0.5'), nodeUnschedulable: true, want: true },
];

describe('TestNodeShouldRunDaemonPod (upstream daemon_controller_test.go)', () => {
  it.each(cases)('$predicateName', ({ podSpec, podsOnNode = [], nodeUnschedulable = false, want }) => {
    const bound = podsOnNode.map((spec, i) => podInfoOf({ ...spec, nodeName: 'test-node' }, { name: `p${i}` }));
    const node = nodeInfoOf({ name: 'test-node', labels: simpleDaemonSetLabel, unschedulable: nodeUnschedulable, allocatable: { memory: '100M', cpu: '1', pods: '100' } }, bound);
    const status = daemonNodeStatus(daemonPod(podSpec), node, NEWEST_MINOR);
    expect(status === undefined ? true : status.plugin).toBe(want);
  });
});

describe('the daemon pod for one node', () => {
  it('is the daemon pod as admitted with its required node affinity replaced, as building it from the pinned spec gives', () => {
    const workload = toWorkload(objectOf({
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'ds', namespace: 'default' },
      spec: { selector: { matchLabels: simpleDaemonSetLabel }, template: { metadata: { labels: simpleDaemonSetLabel }, spec: { ...typeIn('production'), tolerations: [{ operator: 'Exists' }] } } },
    }));
    if (!workload) throw new Error('no workload');
    const options = { minor: NEWEST_MINOR, services: [], priorityClasses: new Map<string, number>(), defaultPriority: 0 };
    const spec = daemonPodSpec(workload);
    const admitted = toPodInfo(daemonPodSource(workload, spec), options, []);
    const fields = (pod: PodInfo) => Object.fromEntries(Object.entries(pod));
    const [a, b] = ['node-a', 'node-b'].map((name) => withRequiredNodeAffinity(admitted, pinnedNodeAffinity(name)));
    expect(fields(a as PodInfo)).toEqual(fields(toPodInfo(daemonPodSource(workload, pinnedToNode(spec, 'node-a')), options, [])));
    expect(new Set([admitted.signature, a?.signature, b?.signature]).size).toBe(3);
    expect(a?.tolerations).toBe(admitted.tolerations);
  });
});
