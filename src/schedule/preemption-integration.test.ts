// Port of test/integration/scheduler/preemption/preemption_test.go (kubernetes/kubernetes, newest stored version): the
// whole scheduler runs the preemptor against pods already running, and upstream's evicted pods must be the ones
// kubefit's preemption names (and the preemptor must then land on the node). Ported: TestPreemption (the 3 cases without
// upstream's token filter plugin, and the PodDisruptionConditions variant, identical for scheduling), TestNonPreemption,
// TestDisablePreemption, TestPodPriorityResolution (the two system classes; the third case, a class that does not
// exist, is the API server's refusal: rules/non-existent-priority-class), TestPreemptionStarvation, TestPDBInPreemption
// (budget statuses written as the disruption controller computes them: disruptionsAllowed = healthy pods - minAvailable),
// TestPreferNominatedNode, TestReadWriteOncePodPreemption, and TestAsyncPreemption as the state each case ends in (who
// runs, who was evicted, who stays pending). Skipped: the token-filter cases, TestPreemptionRaces (a race between API
// events) and TestNominatedNodeCleanUp (pods created batch after batch, each batch scheduled before the next exists).
import { describe, expect, it } from 'vitest';
import { node, pod, schedule, scheduleSnapshot, type PodDoc, type Value } from './integration-test-support.js';
import { readSchedulerConfiguration } from './profile/scheduler-configuration.js';
import { NEWEST_MINOR } from './version.js';

const LOW = 100;
const MEDIUM = 200;
const HIGH = 300;
const nodeRes = { cpu: '500m', memory: '500' };
const res = (cpu: number, memory: number) => ({ cpu: `${cpu}m`, memory: String(memory) });
const defaultPodRes = res(100, 100);

interface Case {
  readonly name: string;
  readonly nodes: readonly Value[];
  readonly existing: readonly PodDoc[];
  readonly preemptor: PodDoc;
  /** Names of the existing pods upstream evicts. */
  readonly preempted: readonly string[];
}

function run({ nodes, existing, preemptor }: Case) {
  const [result] = schedule([...nodes, ...existing.map(pod), pod(preemptor)]);
  return { preempted: (result?.placement.preempted ?? []).map((key) => key.split('/')[1]), nodes: Object.keys(result?.placement.nodes ?? {}) };
}

const antiAffinity = (value: string) => ({
  affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchExpressions: [{ key: 'pod', operator: 'In', values: [value] }] }, topologyKey: 'node' }] } },
});
const node1 = [node({ name: 'node1', labels: { node: 'node1' }, capacity: nodeRes })];
const victim400: PodDoc = { name: 'victim-pod', node: 'node1', priority: LOW, requests: res(400, 200) };
const preemptor300: PodDoc = { name: 'preemptor-pod', priority: HIGH, requests: res(300, 200) };

/**
 * Upstream's anti-affinity cases: the preemptor avoids pod-0 (medium priority), pod-1 (of `pod1Priority`) avoids the
 * preemptor; both on node1, topology key `node`.
 */
function antiAffinityCase(name: string, pod1Priority: number, preempted: readonly string[]): Case {
  const existing = (pod: string, priority: number, spec: Value = {}): PodDoc => ({ name: pod, node: 'node1', priority, labels: { pod: pod.replace('pod-', 'p') }, requests: defaultPodRes, spec });
  return {
    name,
    nodes: node1,
    existing: [existing('pod-0', MEDIUM), existing('pod-1', pod1Priority, antiAffinity('preemptor'))],
    preemptor: { name: 'preemptor-pod', priority: HIGH, labels: { pod: 'preemptor' }, requests: defaultPodRes, spec: antiAffinity('p0') },
    preempted,
  };
}

const preemptionCases: Case[] = [
  { name: 'basic pod preemption', nodes: node1, existing: [victim400], preemptor: preemptor300, preempted: ['victim-pod'] },
  antiAffinityCase('preemption is performed to satisfy anti-affinity', LOW, ['pod-0', 'pod-1']),
  antiAffinityCase('preemption is not performed when anti-affinity is not satisfied', HIGH, []),
  {
    name: 'TestNonPreemption: pod preemption will happen',
    nodes: node1,
    existing: [victim400],
    preemptor: preemptor300,
    preempted: ['victim-pod'],
  },
  {
    name: 'TestNonPreemption: pod preemption will not happen (preemptionPolicy Never)',
    nodes: node1,
    existing: [victim400],
    preemptor: { ...preemptor300, spec: { preemptionPolicy: 'Never' } },
    preempted: [],
  },
];

const pdb = (name: string, matchLabels: Readonly<Record<string, string>>, healthy: number) => ({
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  metadata: { name, namespace: 'default' },
  spec: { minAvailable: 2, selector: { matchLabels } },
  status: { currentHealthy: healthy, desiredHealthy: 2, expectedPods: healthy, disruptionsAllowed: Math.max(0, healthy - 2) },
});
const pdbNodes = (count: number) => Array.from({ length: count }, (_, i) => node({ name: `node-${i + 1}`, capacity: nodeRes }));
const small = (name: string, nodeName: string, priority: number, labels: Readonly<Record<string, string>> = {}): PodDoc => ({ name, node: nodeName, priority, labels, requests: defaultPodRes });

const pdbCases: Case[] = [
  {
    name: 'A non-PDB violating pod is preempted despite its higher priority',
    nodes: [...pdbNodes(1), pdb('pdb-1', { foo: 'bar' }, 2)],
    existing: [small('low-pod1', 'node-1', LOW, { foo: 'bar' }), small('low-pod2', 'node-1', LOW, { foo: 'bar' }), small('mid-pod3', 'node-1', MEDIUM)],
    preemptor: { name: 'preemptor-pod', priority: HIGH, requests: res(300, 200) },
    preempted: ['mid-pod3'],
  },
  {
    name: 'A node without any PDB violating pods is preferred for preemption',
    nodes: [...pdbNodes(2), pdb('pdb-1', { foo: 'bar' }, 1)],
    existing: [small('low-pod1', 'node-1', LOW, { foo: 'bar' }), small('mid-pod2', 'node-2', MEDIUM)],
    preemptor: { name: 'preemptor-pod', priority: HIGH, requests: res(500, 200) },
    preempted: ['mid-pod2'],
  },
  {
    name: 'A node with fewer PDB violating pods is preferred for preemption',
    nodes: [...pdbNodes(3), pdb('pdb-1', { foo1: 'bar' }, 1), pdb('pdb-2', { foo2: 'bar' }, 5)],
    existing: [
      small('low-pod1', 'node-1', LOW, { foo1: 'bar' }),
      small('mid-pod1', 'node-1', MEDIUM),
      small('low-pod2', 'node-2', LOW, { foo2: 'bar' }),
      small('mid-pod2', 'node-2', MEDIUM, { foo2: 'bar' }),
      small('low-pod4', 'node-3', LOW, { foo2: 'bar' }),
      small('low-pod5', 'node-3', LOW, { foo2: 'bar' }),
      small('low-pod6', 'node-3', LOW, { foo2: 'bar' }),
    ],
    preemptor: { name: 'preemptor-pod', priority: HIGH, requests: res(500, 400) },
    preempted: ['low-pod4', 'low-pod5', 'low-pod6'],
  },
];

describe('TestPreemption, TestNonPreemption (upstream test/integration/scheduler/preemption)', () => {
  it.each(preemptionCases)('$name', (c) => {
    const { preempted, nodes } = run(c);
    expect(preempted.sort()).toEqual([...c.preempted].sort());
    if (c.preempted.length > 0) expect(nodes).toEqual(['node1']);
  });
});

describe('TestPDBInPreemption (upstream test/integration/scheduler/preemption)', () => {
  it.each(pdbCases)('$name', (c) => {
    expect(run(c).preempted.sort()).toEqual([...c.preempted].sort());
  });

  // Upstream creates the budgets without a status, marks the running pods Ready (addPodConditionReady) and waits for
  // the disruption controller to count them (waitForPDBsStable): kubefit counts them the same way.
  const asCreated = (value: Value): Value => {
    if (value['kind'] === 'PodDisruptionBudget') return { ...value, status: undefined };
    if (value['kind'] === 'Pod') return { ...value, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] } };
    return value;
  };
  it.each(pdbCases)('$name (budgets as created, pods Ready)', ({ nodes, existing, preemptor, preempted }) => {
    const [result] = schedule([...nodes.map(asCreated), ...existing.map((doc) => asCreated(pod(doc))), pod(preemptor)]);
    expect((result?.placement.preempted ?? []).map((key) => key.split('/')[1]).sort()).toEqual([...preempted].sort());
  });
});

describe('TestPreemptionStarvation (upstream test/integration/scheduler/preemption)', () => {
  it('starvation test: higher priority pod is scheduled before the lower priority ones', () => {
    const running = Array.from({ length: 5 }, (_, i) => pod({ name: `rpod-${i}`, node: 'node1', priority: MEDIUM, labels: { pod: `rpod-${i}` }, requests: defaultPodRes }));
    const pending = Array.from({ length: 5 }, (_, i) => pod({ name: `ppod-${i}`, priority: MEDIUM, labels: { pod: `ppod-${i}` }, requests: defaultPodRes }));
    const results = schedule([...node1, ...running, ...pending, pod(preemptor300)]);
    const preemptor = results.find((result) => result.object.name === 'preemptor-pod');
    expect(preemptor?.placement.nodes).toEqual({ node1: 1 });
    expect(preemptor?.placement.preempted).toHaveLength(3);
    for (const result of results.filter((r) => r.object.name.startsWith('ppod-'))) expect(result.placement.nodes).toEqual({});
  });
});

describe('TestReadWriteOncePodPreemption (upstream test/integration/scheduler/preemption)', () => {
  const storage = [1, 2].flatMap((i) => [
    {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: `pv-with-read-write-once-pod-${i}` },
      spec: { accessModes: ['ReadWriteOncePod'], capacity: { storage: '1Mi' }, hostPath: { path: `/mnt${i}`, type: 'DirectoryOrCreate' } },
      status: { phase: 'Bound' },
    },
    {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: `pvc-with-read-write-once-pod-${i}`, namespace: 'default', annotations: { 'pv.kubernetes.io/bind-completed': 'true' } },
      spec: { accessModes: ['ReadWriteOncePod'], resources: { requests: { storage: '1Mi' } }, volumeName: `pv-with-read-write-once-pod-${i}` },
      status: { phase: 'Bound' },
    },
  ]);
  const claims = (...numbers: number[]) => ({
    volumes: numbers.map((i) => ({ name: `volume-${i}`, persistentVolumeClaim: { claimName: `pvc-with-read-write-once-pod-${i}` } })),
  });
  const preemptor: PodDoc = { name: 'preemptor-pod', priority: HIGH, spec: claims(1, 2) };

  it.each([
    { name: 'preempt single pod', existing: [{ name: 'victim-pod', node: 'node1', priority: LOW, spec: claims(1) }], preemptor: { ...preemptor, spec: claims(1) }, preempted: ['victim-pod'] },
    {
      name: 'preempt two pods',
      existing: [
        { name: 'victim-pod-1', node: 'node1', priority: LOW, spec: claims(1) },
        { name: 'victim-pod-2', node: 'node1', priority: LOW, spec: claims(2) },
      ],
      preemptor,
      preempted: ['victim-pod-1', 'victim-pod-2'],
    },
    { name: 'preempt single pod with two volumes', existing: [{ name: 'victim-pod', node: 'node1', priority: LOW, spec: claims(1, 2) }], preemptor, preempted: ['victim-pod'] },
  ])('$name', ({ name, existing, preemptor: incoming, preempted }) => {
    const { preempted: got, nodes } = run({ name, nodes: [...node1, ...storage], existing, preemptor: incoming, preempted });
    expect(got.sort()).toEqual(preempted);
    expect(nodes).toEqual(['node1']);
  });
});

// The Priority admission plugin gives a pod without priorityClassName the global default class's value and
// preemptionPolicy. upstream: plugin/pkg/admission/priority/admission_test.go TestDefaultPriority, "multiple default
// classes resolves to the minimum value among them" (admission.go getDefaultPriorityClass).
describe('PriorityClass globalDefault (upstream Priority admission)', () => {
  const priorityClass = (name: string, value: number, preemptionPolicy: string) => ({
    apiVersion: 'scheduling.k8s.io/v1',
    kind: 'PriorityClass',
    metadata: { name },
    value,
    globalDefault: true,
    preemptionPolicy,
  });
  const victim: PodDoc = { name: 'victim-pod', node: 'node1', priority: LOW, requests: res(400, 200) };
  /** The pods a preemptor without priorityClassName evicts, with these PriorityClasses in the cluster. */
  const preemptedWith = (classes: readonly Value[]) => {
    const [result] = schedule([...node1, ...classes, pod(victim), pod({ name: 'preemptor-pod', requests: res(300, 200) })]);
    return (result?.placement.preempted ?? []).map((key) => key.split('/')[1]);
  };

  it.each([
    { name: 'the lower default class may preempt, listed first', classes: [priorityClass('low-default', MEDIUM, 'PreemptLowerPriority'), priorityClass('high-default', HIGH, 'Never')], preempted: ['victim-pod'] },
    { name: 'the lower default class may preempt, listed last', classes: [priorityClass('high-default', HIGH, 'Never'), priorityClass('low-default', MEDIUM, 'PreemptLowerPriority')], preempted: ['victim-pod'] },
    { name: 'the lower default class never preempts', classes: [priorityClass('low-default', MEDIUM, 'Never'), priorityClass('high-default', HIGH, 'PreemptLowerPriority')], preempted: [] },
  ])('multiple default classes resolves to the minimum value among them: $name', ({ classes, preempted }) => {
    expect(preemptedWith(classes)).toEqual(preempted);
  });
});

describe('TestDisablePreemption (upstream test/integration/scheduler/preemption)', () => {
  // upstream: InitTestDisablePreemption, a default profile whose PostFilter has DefaultPreemption disabled
  const config = { apiVersion: 'kubescheduler.config.k8s.io/v1', kind: 'KubeSchedulerConfiguration', profiles: [{ schedulerName: 'default-scheduler', plugins: { postFilter: { disabled: [{ name: 'DefaultPreemption' }] } } }] };
  const { profiles } = readSchedulerConfiguration(JSON.stringify(config), 'test.json', NEWEST_MINOR);

  it('pod preemption will not happen', () => {
    const [result] = schedule([...node1, pod(victim400), pod(preemptor300)], profiles);
    expect(result?.placement.preempted).toBeUndefined();
    expect(result?.placement.nodes).toEqual({});
  });
});

// The two system classes every API server creates: a pod of system-node-critical (2000001000) evicts one running at
// system-cluster-critical's value (2000000000), a pod of system-cluster-critical does not (equal priority).
describe('TestPodPriorityResolution (upstream test/integration/scheduler/preemption)', () => {
  it.each([
    ['SystemNodeCritical priority class', 'system-node-critical', ['victim-pod']],
    ['SystemClusterCritical priority class', 'system-cluster-critical', []],
  ] as const)('%s', (_name, priorityClassName, preempted) => {
    const running = pod({ name: 'victim-pod', namespace: 'kube-system', node: 'node1', priority: 2_000_000_000, requests: res(400, 200) });
    const incoming = pod({ name: `pod-${priorityClassName}`, namespace: 'kube-system', requests: res(300, 200), spec: { priorityClassName } });
    const [result] = schedule([...node1, running, incoming]);
    expect((result?.placement.preempted ?? []).map((key) => key.split('/')[1])).toEqual(preempted);
  });
});

// upstream's initTestPreferNominatedNode sets status.nominatedNodeName to node-1 on every pod it pops; in both cases
// node-1 is also the node (or not a node) the filters alone leave, so the pods are written without it (the nominated
// node taken before a better-scored one: fixtures/schedule/DefaultPreemption-nominated).
describe('TestPreferNominatedNode (upstream test/integration/scheduler/preemption)', () => {
  const nodes = ['node-1', 'node-2'].map((name) => node({ name, capacity: nodeRes }));
  it.each([
    { name: 'nominated node released all resource, preemptor is scheduled to the nominated node', lowOn: 'node-2', runningNode: 'node-1' },
    { name: 'nominated node cannot pass all the filters, preemptor should find a different node', lowOn: 'node-1', runningNode: 'node-2' },
  ])('$name', ({ lowOn, runningNode }) => {
    const low = pod({ name: 'low-pod', node: lowOn, priority: LOW, requests: defaultPodRes });
    const [result] = schedule([...nodes, low, pod({ name: 'preemptor-pod', priority: HIGH, requests: res(500, 200) })]);
    expect(result?.placement.nodes).toEqual({ [runningNode]: 1 });
  });
});

// Each case as it ends once every preemption has completed: one node of 4 cpu, victims of priority 1.
describe('TestAsyncPreemption (upstream test/integration/scheduler/preemption)', () => {
  const asyncNode = node({ name: 'node', capacity: { cpu: '4' } });
  const victims = (count: number, cpu: string) => Array.from({ length: count }, (_, i) => pod({ name: `victim-${i}`, node: 'node', priority: 1, requests: { cpu } }));
  const pending = (name: string, priority: number, cpu: string) => pod({ name, priority, requests: { cpu } });

  it.each([
    { name: 'basic: async preemption happens expectedly', victims: victims(2, '2'), pods: [pending('preemptor', 100, '4')], placed: ['preemptor'], evicted: 2 },
    {
      name: "Lower priority Pod doesn't take over the place for higher priority Pod that is running the preemption",
      victims: victims(2, '2'),
      pods: [pending('preemptor-high-priority', 100, '4'), pending('pod-mid-priority', 50, '4')],
      placed: ['preemptor-high-priority'],
      evicted: 2,
    },
    {
      name: 'Higher priority Pod takes over the place for lower priority Pod that is running the preemption',
      victims: victims(4, '1'),
      pods: [pending('preemptor-high-priority', 100, '4'), pending('preemptor-super-high-priority', 200, '4')],
      placed: ['preemptor-super-high-priority'],
      evicted: 4,
    },
    {
      name: 'Lower priority Pod can select the same place where the higher priority Pod is preempting if the node is big enough',
      victims: victims(4, '1'),
      pods: [pending('preemptor-high-priority', 100, '2'), pending('preemptor-mid-priority', 50, '2')],
      placed: ['preemptor-high-priority', 'preemptor-mid-priority'],
      evicted: 4,
    },
  ])('$name', (c) => {
    const results = schedule([asyncNode, ...c.victims, ...c.pods]);
    expect(results.filter((result) => result.placement.nodes['node'] === 1).map((result) => result.object.name)).toEqual(c.placed);
    expect(new Set(results.flatMap((result) => result.placement.preempted ?? [])).size).toBe(c.evicted);
  });
});

// Ports of test/integration/scheduler/nominated_node_name/nominated_node_name_test.go
// TestPreemptionAndNominatedNodeNameScenarios, of test/integration/scheduler/preemption/nominatednodename
// (TestExternalComponentSetsNominatedNodeName, TestNominatedNodeNamePriorityWhenNodeAppears,
// TestHighPriorityIgnoresNominatedNode, "prefers nominated node") and of eventhandler TestUpdateNominatedNodeName, each
// as it ends. The objects are a cluster snapshot, so a pending pod's
// status.nominatedNodeName nominates it: it is tried on that node first, and pods of equal or lower priority leave it
// room there, unless it cannot fit, a higher-priority pod comes first, or a preemption elsewhere needs fewer victims.
describe('NominatedNodeName scenarios (upstream test/integration/scheduler/nominated_node_name, preemption/nominatednodename)', () => {
  const sized = (name: string, cpu: string, memory?: string) => node({ name, capacity: { cpu, ...(memory && { memory }) } });
  const create = (name: string, requests: Readonly<Record<string, string>>, priority?: number, at: { node?: string; nominated?: string } = {}): Value => {
    const doc = pod({ name, requests, ...(priority !== undefined && { priority }), ...(at.node && { node: at.node }), spec: { terminationGracePeriodSeconds: 0 } });
    return at.nominated ? { ...doc, status: { phase: 'Pending', nominatedNodeName: at.nominated } } : doc;
  };
  const cpu = (amount: string) => ({ cpu: amount });
  const big = { cpu: '600m', memory: '40Mi' };
  const notHelpful = '0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.';
  const noVictims = '0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.';
  const reserved =
    '0/2 nodes are available: 1 Insufficient memory, 2 Insufficient cpu. no new claims to deallocate, preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.';

  it.each([
    {
      name: 'basic preemption sets NominatedNodeName',
      docs: [sized('node', '4'), create('victim', cpu('4'), 1, { node: 'node' }), create('preemptor', cpu('2'), 100)],
      want: { preemptor: ['node', ['default/victim'], null] },
    },
    {
      name: 'Overwrite NominatedNodeName with preemption (node2 needs one victim, node two)',
      docs: [
        sized('node', '4'),
        sized('node2', '4'),
        create('victim-1', cpu('2'), 1, { node: 'node' }),
        create('victim-2', cpu('2'), 1, { node: 'node' }),
        create('victim-3', cpu('3'), 1, { node: 'node2' }),
        create('preemptor', cpu('4'), 100, { nominated: 'node' }),
      ],
      want: { preemptor: ['node2', ['default/victim-3'], null] },
    },
    {
      name: 'NNN is ignored on pod that cannot fit on the node',
      docs: [sized('node', '4'), create('pod-exceeds-capacity', cpu('5'), 1, { nominated: 'node' }), create('pod-fits', cpu('3'), 1)],
      want: { 'pod-exceeds-capacity': ['', [], notHelpful], 'pod-fits': ['node', [], null] },
    },
    {
      name: 'NNN is ignored on lower priority pod when higher priority pod without NNN is being scheduled',
      docs: [sized('node', '4'), create('low-priority', cpu('4'), 1, { nominated: 'node' }), create('high-priority', cpu('4'), 100)],
      want: { 'high-priority': ['node', [], null], 'low-priority': ['', [], noVictims] },
    },
    {
      name: 'No preemption, NNN is cleared after binding',
      docs: [sized('node', '4'), create('pod', cpu('4'), 1, { nominated: 'node' })],
      want: { pod: ['node', [], null] },
    },
    {
      name: 'TestExternalComponentSetsNominatedNodeName: the pod lands on the node an external component nominated',
      docs: [sized('node1', '1000m', '100Mi'), sized('node2', '1000m', '100Mi'), create('external-nnn-pod', {}, undefined, { nominated: 'node2' })],
      want: { 'external-nnn-pod': ['node2', [], null] },
    },
    {
      name: 'TestNominatedNodeNamePriorityWhenNodeAppears: the nominated pod takes the node, the other one does not fit beside it',
      docs: [sized('node1', '500m', '50Mi'), sized('nominated-node', '700m', '50Mi'), create('pod-with-nnn', big, undefined, { nominated: 'nominated-node' }), create('pod-without-nnn', big)],
      want: { 'pod-with-nnn': ['nominated-node', [], null], 'pod-without-nnn': ['', [], reserved] },
    },
    {
      name: 'TestNominatedNodeNamePriorityWhenNodeAppears, pod-without-nnn created first: the nominated pod\'s room is kept from it',
      docs: [sized('node1', '500m', '50Mi'), sized('nominated-node', '700m', '50Mi'), create('pod-without-nnn', big), create('pod-with-nnn', big, undefined, { nominated: 'nominated-node' })],
      want: { 'pod-with-nnn': ['nominated-node', [], null], 'pod-without-nnn': ['', [], reserved] },
    },
    {
      name: 'preemption/nominatednodename "prefers nominated node": node2 needs one victim, node1 two',
      docs: [
        sized('node1', '1000m', '100Mi'),
        sized('node2', '1000m', '100Mi'),
        create('low-priority-pod', { cpu: '900m', memory: '50Mi' }, 100, { node: 'node2' }),
        create('low-priority-pod-2', { cpu: '500m', memory: '30Mi' }, 100, { node: 'node1' }),
        create('low-priority-pod-3', { cpu: '450m', memory: '20Mi' }, 100, { node: 'node1' }),
        create('high-priority-pod', { cpu: '600m', memory: '50Mi' }, 300),
      ],
      want: { 'high-priority-pod': ['node2', ['default/low-priority-pod'], null] },
    },
    {
      name: 'eventhandler TestUpdateNominatedNodeName "Preempt nominated pod": the high-priority pod fits, the nominated one no longer does and loses its nomination, the low one fits',
      docs: [
        node({ name: 'node-0', capacity: { memory: '32' } }),
        { ...create('test-nominated-pod', { memory: '25' }, 200), status: { phase: 'Pending', nominatedNodeName: 'node-0' } },
        create('test-lp-pod', { memory: '20' }, 100),
        create('test-hp-pod', { memory: '10' }, 300),
      ],
      want: {
        'test-hp-pod': ['node-0', [], null],
        'test-nominated-pod': ['', [], '0/1 nodes are available: 1 Insufficient memory. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.'],
        'test-lp-pod': ['node-0', [], null],
      },
    },
    {
      name: 'TestHighPriorityIgnoresNominatedNode: the high-priority pod takes the empty node, preempting nothing',
      docs: [sized('node1', '1000m', '100Mi'), sized('node2', '1000m', '100Mi'), create('existing-pod', { cpu: '900m', memory: '50Mi' }, 100, { node: 'node1' }), create('high-priority-pod', { cpu: '800m', memory: '50Mi' }, 300)],
      want: { 'high-priority-pod': ['node2', [], null] },
    },
  ])('$name', ({ docs, want }) => {
    const results = scheduleSnapshot(docs);
    expect(Object.fromEntries(results.map((result) => [result.object.name, [Object.keys(result.placement.nodes)[0] ?? '', result.placement.preempted ?? [], result.placement.message]]))).toEqual(want);
  });
});
