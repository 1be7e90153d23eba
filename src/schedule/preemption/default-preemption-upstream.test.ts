// Port of pkg/scheduler/framework/plugins/defaultpreemption/default_preemption_test.go (kubernetes/kubernetes
// @5def93b1). TestDryRunPreemption: the candidate each node gives (its victims and PDB violations) when every node is
// a potential node, as upstream's test passes them all. TestSelectBestCandidate (all 9 cases): the node
// pickOneNodeForPreemption takes among those candidates. TestPreempt (4 of 8; the 4 with scheduler extenders
// skipped): the whole PostFilter after the filters, the node nominated and the pods evicted. Nodes have upstream's veryLargeRes (500m cpu, 500 bytes of
// memory, 32 pods) and labels from their names (hostname/zone). Start times keep upstream's order in seconds instead
// of nanoseconds. Skipped: the cases built on fake filter plugins. Those that set DefaultPreemptionArgs start at node1
// (upstream's test fixes the random offset at 4) and check the node picked. TestPostFilter (4 of 19, @008b3652): the
// cases on nodes that admit one pod, where the filters give the Unschedulable statuses upstream hands in; skipped are
// the cases whose statuses a real filter would not give (UnschedulableAndUnresolvable for a fitting node, Unschedulable
// for requests beyond the node's allocatable, kept adapted in preemption.test.ts), the fake TestPlugin, extenders and
// PodGroups (alpha gates).
import { describe, expect, it } from 'vitest';
import { NodeClasses } from '../node-classes.js';
import { toPodInfo, type PodInfo } from '../pod-info.js';
import { runPreFilters } from '../run-filters.js';
import { podSourceOfPod } from '../snapshot.js';
import { nodeInfoOf, objectOf } from '../test-support.js';
import { NEWEST_MINOR } from '../version.js';
import { toPodDisruptionBudget } from './pod-disruption-budgets.js';
import { findNodesThatFit } from '../feasibility.js';
import { DEFAULT_PROFILE, type SchedulerProfiles } from '../profile/profile.js';
import { pickOneNodeForPreemption, postFilterMessageOf, preemptionOf, runPostFilter, toPreemptionResult, type PreemptionArgs, type PreemptionResult } from './preemption.js';
import { selectVictimsOnNode, type Candidate } from './select-victims.js';

type Labels = Readonly<Record<string, string>>;
type Value = Readonly<Record<string, unknown>>;

const LOW = 0;
const MID = 100;
const HIGH = 1000;
const small = { cpu: '100m', memory: '100' };
const medium = { cpu: '200m', memory: '200' };
const large = { cpu: '300m', memory: '300' };
const veryLarge = { cpu: '500m', memory: '500' };

interface PodSpec {
  readonly name: string;
  readonly priority: number;
  readonly requests?: Readonly<Record<string, string>>;
  readonly labels?: Labels;
  /** Seconds after the epoch (upstream: nanoseconds). */
  readonly start?: number;
  readonly spec?: Value;
}

function podInfo({ name, priority, requests, labels = {}, start, spec = {} }: PodSpec, nodeName?: string, profiles?: SchedulerProfiles): PodInfo {
  const object = objectOf({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels },
    spec: { ...(nodeName && { nodeName }), priority, containers: [{ name: 'c', image: 'i', ...(requests && { resources: { requests } }) }], ...spec },
    ...(start !== undefined && { status: { phase: 'Running', startTime: new Date(start * 1000).toISOString() } }),
  });
  return toPodInfo(podSourceOfPod(object), { minor: NEWEST_MINOR, services: [], priorityClasses: new Map(), defaultPriority: 0, ...(profiles && { profiles }) }, []);
}

const budget = (status: Value, matchLabels: Labels = { app: 'foo' }) => ({
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  metadata: { name: 'pdb', namespace: 'default' },
  spec: { selector: { matchLabels } },
  status,
});

interface Case {
  readonly name: string;
  readonly preemptor: PodSpec;
  /** "name" or "name/zone" → the pods bound there. */
  readonly nodes: Readonly<Record<string, readonly PodSpec[]>>;
  readonly budgets?: readonly Value[];
  /** Node → its candidate's victims (sorted) and PDB violations; nodes without a candidate are left out. */
  readonly want: Readonly<Record<string, { readonly victims: readonly string[]; readonly violations?: number }>>;
}

interface Setup extends Omit<Case, 'name' | 'want'> {
  /** Every node's allocatable (upstream st.MakeNode().Capacity); veryLargeRes and 32 pods unless said otherwise. */
  readonly allocatable?: Readonly<Record<string, string>>;
  /** The preemptor's profile's DefaultPreemptionArgs (the defaults unless said otherwise). */
  readonly args?: PreemptionArgs;
}

/** The preemptor after PreFilter, on nodes labelled from their names, and the preemption scope. */
function setup({ preemptor, nodes, budgets = [], allocatable = { ...veryLarge, pods: '32' }, args }: Setup) {
  const infos = Object.entries(nodes).map(([key, pods]) => {
    const [name = key, zone] = key.split('/');
    const labels = { hostname: name, ...(zone && { zone }) };
    return nodeInfoOf({ name, labels, allocatable }, pods.map((spec) => podInfo(spec, name)));
  });
  const classes = new NodeClasses(infos);
  const cluster = classes.clusterState(new Map(), NEWEST_MINOR);
  const profiles = args && new Map([[DEFAULT_PROFILE.schedulerName, { ...DEFAULT_PROFILE, preemption: args }]]);
  const prepared = runPreFilters(podInfo(preemptor, undefined, profiles), cluster);
  const scope = { nodes: classes, cluster, budgets: budgets.map((b) => toPodDisruptionBudget(objectOf(b), { pods: [], controllers: [] })) };
  return { infos, classes, prepared, scope };
}

/** The candidate of every node that gives one, and the node names by index. */
function dryRun(c: Setup): { candidates: Candidate[]; names: string[] } {
  const { infos, prepared, scope } = setup(c);
  const candidates = infos.map((_, index) => selectVictimsOnNode(prepared, index, scope)).filter((selected): selected is Candidate => !('code' in selected));
  return { candidates, names: infos.map((node) => node.name) };
}

function candidates(c: Case): Case['want'] {
  const { candidates: found, names } = dryRun(c);
  return Object.fromEntries(found.map((candidate) => [names[candidate.index], { victims: candidate.victims.map((pod) => pod.name).sort(), violations: candidate.numPDBViolations }]));
}

const fooAntiAffinity = {
  affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchExpressions: [{ key: 'foo', operator: 'Exists' }] }, topologyKey: 'hostname' }] } },
};
const spread = (topologyKey: string) => ({ maxSkew: 1, topologyKey, whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchExpressions: [{ key: 'foo', operator: 'Exists' }] } });
const foo = { foo: '' };

/**
 * Upstream's pod topology spread setup: a preemptor spreading pods with foo over zones and hostnames, node-a and node-b
 * in zone1 (two pods and one, of these priorities), node-x in zone2 (two pods of high priority).
 */
const spreadOverZones = (prefix: string, a1: number, a2: number, b1: number) => {
  const pod = (name: string, priority: number): PodSpec => ({ name: `${prefix}-${name}`, priority, labels: foo });
  return {
    preemptor: { name: 'p', priority: HIGH, labels: foo, spec: { topologySpreadConstraints: [spread('zone'), spread('hostname')] } },
    nodes: { 'node-a/zone1': [pod('a1', a1), pod('a2', a2)], 'node-b/zone1': [pod('b1', b1)], 'node-x/zone2': [pod('x1', HIGH), pod('x2', HIGH)] },
  };
};
const app = { app: 'foo' };

const cases: Case[] = [
  {
    name: 'a pod that fits on both nodes when lower priority pods are preempted',
    preemptor: { name: 'p', priority: HIGH, requests: large },
    nodes: { node1: [{ name: 'p1', priority: MID, requests: large }], node2: [{ name: 'p2', priority: MID, requests: large }] },
    want: { node1: { victims: ['p1'] }, node2: { victims: ['p2'] } },
  },
  {
    name: 'a pod that would fit on the nodes, but other pods running are higher priority, no preemption would happen',
    preemptor: { name: 'p', priority: LOW, requests: large },
    nodes: { node1: [{ name: 'p1', priority: MID, requests: large }], node2: [{ name: 'p2', priority: MID, requests: large }] },
    want: {},
  },
  {
    name: 'medium priority pod is preempted, but lower priority one stays as it is small',
    preemptor: { name: 'p', priority: HIGH, requests: large },
    nodes: {
      node1: [{ name: 'p1.1', priority: LOW, requests: small }, { name: 'p1.2', priority: MID, requests: large }],
      node2: [{ name: 'p2', priority: MID, requests: large }],
    },
    want: { node1: { victims: ['p1.2'] }, node2: { victims: ['p2'] } },
  },
  {
    name: 'mixed priority pods are preempted',
    preemptor: { name: 'p', priority: HIGH, requests: large },
    nodes: {
      node1: [
        { name: 'p1.1', priority: MID, requests: small },
        { name: 'p1.2', priority: LOW, requests: small },
        { name: 'p1.3', priority: MID, requests: medium },
        { name: 'p1.4', priority: HIGH, requests: small },
      ],
      node2: [{ name: 'p2', priority: HIGH, requests: large }],
    },
    want: { node1: { victims: ['p1.2', 'p1.3'] } },
  },
  {
    name: 'mixed priority pods are preempted, pick later StartTime one when priorities are equal',
    preemptor: { name: 'p', priority: HIGH, requests: large },
    nodes: {
      node1: [
        { name: 'p1.1', priority: LOW, requests: small, start: 5 },
        { name: 'p1.2', priority: LOW, requests: small, start: 4 },
        { name: 'p1.3', priority: MID, requests: medium, start: 3 },
        { name: 'p1.4', priority: HIGH, requests: small, start: 2 },
      ],
      node2: [{ name: 'p2', priority: HIGH, requests: large, start: 1 }],
    },
    want: { node1: { victims: ['p1.1', 'p1.3'] } },
  },
  {
    name: 'pod with anti-affinity is preempted',
    preemptor: { name: 'p', priority: HIGH, requests: small, labels: foo },
    nodes: {
      node1: [
        { name: 'p1.1', priority: LOW, requests: small, labels: foo, spec: fooAntiAffinity },
        { name: 'p1.2', priority: MID, requests: small },
        { name: 'p1.3', priority: HIGH, requests: small },
      ],
      node2: [{ name: 'p2', priority: HIGH, requests: small }],
    },
    want: { node1: { victims: ['p1.1'] } },
  },
  {
    name: 'preemption to resolve pod topology spread filter failure',
    ...spreadOverZones('pod', MID, LOW, LOW),
    want: { 'node-a': { victims: ['pod-a2'] }, 'node-b': { victims: ['pod-b1'] } },
  },
  {
    name: 'preemption with violation of same pdb',
    preemptor: { name: 'p', priority: HIGH, requests: veryLarge },
    nodes: { node1: [{ name: 'p1.1', priority: MID, requests: medium, labels: app }, { name: 'p1.2', priority: MID, requests: medium, labels: app }] },
    budgets: [budget({ disruptionsAllowed: 1 })],
    want: { node1: { victims: ['p1.1', 'p1.2'], violations: 1 } },
  },
  {
    name: "preemption with violation of the pdb with pod whose eviction was processed, the victim doesn't belong to DisruptedPods",
    preemptor: { name: 'p', priority: HIGH, requests: veryLarge },
    nodes: { node1: [{ name: 'p1.1', priority: MID, requests: medium, labels: app }, { name: 'p1.2', priority: MID, requests: medium, labels: app }] },
    budgets: [budget({ disruptionsAllowed: 1, disruptedPods: { p2: '2026-01-01T00:00:00Z' } })],
    want: { node1: { victims: ['p1.1', 'p1.2'], violations: 1 } },
  },
  {
    name: 'preemption with violation of the pdb with pod whose eviction was processed, the victim belongs to DisruptedPods',
    preemptor: { name: 'p', priority: HIGH, requests: veryLarge },
    nodes: { node1: [{ name: 'p1.1', priority: MID, requests: medium, labels: app }, { name: 'p1.2', priority: MID, requests: medium, labels: app }] },
    budgets: [budget({ disruptionsAllowed: 1, disruptedPods: { 'p1.2': '2026-01-01T00:00:00Z' } })],
    want: { node1: { victims: ['p1.1', 'p1.2'], violations: 0 } },
  },
  {
    name: "preemption with violation of the pdb with pod whose eviction was processed, the victim which belongs to DisruptedPods is treated as 'nonViolating'",
    preemptor: { name: 'p', priority: HIGH, requests: veryLarge },
    nodes: {
      node1: [
        { name: 'p1.1', priority: MID, requests: medium, labels: app },
        { name: 'p1.2', priority: MID, requests: medium, labels: app },
        { name: 'p1.3', priority: MID, requests: medium, labels: app },
      ],
    },
    budgets: [budget({ disruptionsAllowed: 1, disruptedPods: { 'p1.3': '2026-01-01T00:00:00Z' } })],
    want: { node1: { victims: ['p1.1', 'p1.2', 'p1.3'], violations: 1 } },
  },
  // upstream: preemption_test.go TestDryRunPreemption "pdb violation on each node" (@3e34da6e): its fake
  // SelectVictimsOnNode evicts each node's pod with one violation; here a budget allowing none makes it so
  {
    name: 'pdb violation on each node',
    preemptor: { name: 'p', priority: HIGH, requests: large },
    nodes: { node1: [{ name: 'p1', priority: MID, requests: large, labels: app }], node2: [{ name: 'p2', priority: MID, requests: large, labels: app }] },
    budgets: [budget({ disruptionsAllowed: 0 })],
    want: { node1: { victims: ['p1'], violations: 1 }, node2: { victims: ['p2'], violations: 1 } },
  },
];

describe('TestDryRunPreemption (upstream default_preemption_test.go)', () => {
  it.each(cases)('$name', (c) => {
    const want = Object.fromEntries(Object.entries(c.want).map(([node, { victims, violations = 0 }]) => [node, { victims, violations }]));
    expect(candidates(c)).toEqual(want);
  });
});

interface SelectCase {
  readonly name: string;
  readonly preemptor: PodSpec;
  readonly nodes: Readonly<Record<string, readonly PodSpec[]>>;
  /** Any of these is valid. */
  readonly expected: readonly string[];
}

const VERY_HIGH = 10000;
const NEG = -100;
/** A pod of upstream's TestSelectBestCandidate: started at the epoch unless said otherwise. */
const at = (name: string, priority: number, requests: Readonly<Record<string, string>>, start = 0): PodSpec => ({ name, priority, requests, start });

/** The preemptor of most of these cases. */
const bigHigh: PodSpec = { name: 'p', priority: HIGH, requests: veryLarge };
/** A case of upstream's table: the preemptor, and node1, node2, ... with these pods. */
const selectCase = (name: string, expected: readonly string[], preemptor: PodSpec, ...pods: (readonly PodSpec[])[]): SelectCase => ({
  name,
  preemptor,
  nodes: Object.fromEntries(pods.map((list, i) => [`node${i + 1}`, list])),
  expected,
});

const selectCases: SelectCase[] = [
  selectCase('a pod that fits on both nodes when lower priority pods are preempted', ['node1', 'node2'], { name: 'p', priority: HIGH, requests: large }, [at('p1', MID, large)], [at('p2', MID, large)]),
  selectCase('node with min highest priority pod is picked', ['node3'], bigHigh, [at('p1.1', MID, medium), at('p1.2', MID, large)], [at('p2.1', MID, medium), at('p2.2', LOW, medium)], [at('p3.1', LOW, medium), at('p3.2', LOW, medium)]),
  selectCase('when highest priorities are the same, minimum sum of priorities is picked', ['node2'], bigHigh, [at('p1.1', MID, medium), at('p1.2', MID, large)], [at('p2.1', MID, large), at('p2.2', LOW, medium)], [at('p3.1', MID, medium), at('p3.2', MID, medium)]),
  selectCase('when highest priority and sum are the same, minimum number of pods is picked', ['node2'], bigHigh, [at('p1.1', MID, small), at('p1.2', NEG, small), at('p1.3', MID, small), at('p1.4', NEG, small)], [at('p2.1', MID, large), at('p2.2', NEG, medium)], [at('p3.1', MID, medium), at('p3.2', NEG, small), at('p3.3', LOW, small)]),
  selectCase('sum of adjusted priorities is considered', ['node2'], bigHigh, [at('p1.1', MID, small), at('p1.2', NEG, small), at('p1.3', NEG, small)], [at('p2.1', MID, large), at('p2.2', NEG, medium)], [at('p3.1', MID, medium), at('p3.2', NEG, small), at('p3.3', LOW, small)]),
  selectCase('non-overlapping lowest high priority, sum priorities, and number of pods', ['node1'], { name: 'p', priority: VERY_HIGH, requests: veryLarge }, [at('p1.1', MID, small), at('p1.2', LOW, small), at('p1.3', LOW, small)], [at('p2.1', HIGH, large)], [at('p3.1', MID, medium), at('p3.2', LOW, small), at('p3.3', LOW, small), at('p3.4', LOW, medium)], [at('p4.1', MID, medium), at('p4.2', MID, small), at('p4.3', MID, small), at('p4.4', NEG, small)]),
  selectCase("same priority, same number of victims, different start time for each node's pod", ['node2'], bigHigh, [at('p1.1', MID, medium, 2), at('p1.2', MID, medium, 2)], [at('p2.1', MID, medium, 3), at('p2.2', MID, medium, 3)], [at('p3.1', MID, medium, 1), at('p3.2', MID, medium, 1)]),
  selectCase('same priority, same number of victims, different start time for all pods', ['node3'], bigHigh, [at('p1.1', MID, medium, 4), at('p1.2', MID, medium, 2)], [at('p2.1', MID, medium, 5), at('p2.2', MID, medium, 1)], [at('p3.1', MID, medium, 3), at('p3.2', MID, medium, 6)]),
  selectCase('different priority, same number of victims, different start time for all pods', ['node2'], bigHigh, [at('p1.1', LOW, medium, 4), at('p1.2', MID, medium, 2)], [at('p2.1', MID, medium, 6), at('p2.2', LOW, medium, 1)], [at('p3.1', LOW, medium, 3), at('p3.2', MID, medium, 5)]),
];

describe('TestSelectBestCandidate (upstream default_preemption_test.go)', () => {
  it.each(selectCases)('$name', (c) => {
    const { candidates: found, names } = dryRun(c);
    const chosen = pickOneNodeForPreemption(found);
    expect(c.expected).toContain(chosen && names[chosen.index]);
  });
});

interface PreemptCase {
  readonly name: string;
  readonly preemptor: PodSpec;
  readonly nodes: Readonly<Record<string, readonly PodSpec[]>>;
  readonly want: PreemptionResult | null;
}

const basicPods = (): PreemptCase['nodes'] => ({
  node1: [
    { name: 'p1.1', priority: LOW, requests: small },
    { name: 'p1.2', priority: LOW, requests: small },
  ],
  node2: [{ name: 'p2.1', priority: HIGH, requests: large }],
  node3: [{ name: 'p3.1', priority: MID, requests: medium }],
});

const preemptCases: PreemptCase[] = [
  {
    name: 'basic preemption logic',
    preemptor: { name: 'p', priority: HIGH, requests: veryLarge, spec: { preemptionPolicy: 'PreemptLowerPriority' } },
    nodes: basicPods(),
    want: { node: 'node1', victims: ['default/p1.1', 'default/p1.2'] },
  },
  {
    name: 'preemption for topology spread constraints',
    ...spreadOverZones('p', HIGH, HIGH, LOW),
    want: { node: 'node-b', victims: ['default/p-b1'] },
  },
  {
    name: 'no preempting in pod',
    preemptor: { name: 'p', priority: HIGH, requests: veryLarge, spec: { preemptionPolicy: 'Never' } },
    nodes: basicPods(),
    want: null,
  },
  {
    name: 'PreemptionPolicy is nil',
    preemptor: { name: 'p', priority: HIGH, requests: veryLarge },
    nodes: basicPods(),
    want: { node: 'node1', victims: ['default/p1.1', 'default/p1.2'] },
  },
];

describe('TestPreempt (upstream default_preemption_test.go)', () => {
  it.each(preemptCases)('$name', (c) => {
    const { classes, prepared, scope } = setup(c);
    expect(toPreemptionResult(preemptionOf(runPostFilter(prepared, findNodesThatFit(prepared, classes), scope)))).toEqual(c.want);
  });
});

// upstream: TestDryRunPreemption's cases with DefaultPreemptionArgs (upstream fixes the random offset at 4; kubefit
// starts at node1), and preemption.go DryRunPreemption: each candidate list holds numCandidates candidates and drops
// any beyond, so while no candidate without PDB violations turns up, only the first numCandidates violating ones count.
const limited: PreemptionArgs = { minCandidateNodesPercentage: 40, minCandidateNodesAbsolute: 1 };
const mids = (...names: string[]): PreemptCase['nodes'] => Object.fromEntries(names.map((node, i) => [node, [{ name: `p${i + 1}`, priority: MID, requests: large }]]));
const limitedCases: (PreemptCase & { readonly args: PreemptionArgs; readonly budgets: readonly Value[] })[] = [
  // upstream, from offset 4: node5 and node1; from offset 0: node1 and node2, equal, the first picked
  {
    name: 'all nodes are possible candidates, but DefaultPreemptionArgs limits to 2',
    args: limited,
    preemptor: { name: 'p', priority: HIGH, requests: large },
    nodes: mids('node1', 'node2', 'node3', 'node4', 'node5'),
    budgets: [],
    want: { node: 'node1', victims: ['default/p1'] },
  },
  // upstream, from offset 4: node5 (no), node1 (yes), node2 (no), node3 (yes); from offset 0: node1 and node3
  {
    name: 'some nodes are not possible candidates, DefaultPreemptionArgs limits to 2',
    args: limited,
    preemptor: { name: 'p', priority: HIGH, requests: large },
    nodes: { ...mids('node1', 'node2', 'node3', 'node4', 'node5'), node2: [{ name: 'p2', priority: VERY_HIGH, requests: large }], node5: [{ name: 'p5', priority: VERY_HIGH, requests: large }] },
    budgets: [],
    want: { node: 'node1', victims: ['default/p1'] },
  },
  {
    name: 'preemption looks past numCandidates until a non-PDB violating node is found',
    args: { minCandidateNodesPercentage: 40, minCandidateNodesAbsolute: 2 },
    preemptor: { name: 'p', priority: HIGH, requests: large },
    nodes: {
      node1: [{ name: 'p1', priority: MID, requests: large, labels: app }],
      node2: [{ name: 'p2', priority: MID, requests: large, labels: app }],
      node3: [{ name: 'p3', priority: MID, requests: large }],
      node4: [{ name: 'p4', priority: MID, requests: large }],
      node5: [{ name: 'p5', priority: MID, requests: large, labels: app }],
    },
    budgets: [budget({ disruptionsAllowed: 0 })],
    want: { node: 'node3', victims: ['default/p3'] },
  },
  {
    name: 'a PDB-violating candidate beyond numCandidates is dropped, even with a lower-priority victim',
    args: limited,
    preemptor: { name: 'p', priority: HIGH, requests: large },
    nodes: { node1: [{ name: 'p1', priority: MID, requests: large, labels: app }], node2: [{ name: 'p2', priority: LOW, requests: large, labels: app }] },
    budgets: [budget({ disruptionsAllowed: 0 })],
    want: { node: 'node1', victims: ['default/p1'] },
  },
  {
    name: 'a candidate without PDB violations beyond the dropped ones still ends the search and wins',
    args: limited,
    preemptor: { name: 'p', priority: HIGH, requests: large },
    nodes: {
      node1: [{ name: 'p1', priority: LOW, requests: large, labels: app }],
      node2: [{ name: 'p2', priority: LOW, requests: large, labels: app }],
      node3: [{ name: 'p3', priority: MID, requests: large }],
    },
    budgets: [budget({ disruptionsAllowed: 0 })],
    want: { node: 'node3', victims: ['default/p3'] },
  },
];

describe('TestDryRunPreemption with DefaultPreemptionArgs (upstream default_preemption_test.go, offset 0)', () => {
  it.each(limitedCases)('$name', (c) => {
    const { classes, prepared, scope } = setup(c);
    expect(toPreemptionResult(preemptionOf(runPostFilter(prepared, findNodesThatFit(prepared, classes), scope)))).toEqual(c.want);
  });
});

const violatingPDB = 'test.kubernetes.io/is-violating-pdb';

interface PostFilterCase extends Omit<Setup, 'allocatable'> {
  readonly name: string;
  /** The node nominated, or DefaultPreemption's status message. */
  readonly want: { readonly node: string } | { readonly message: string };
}

const postFilterCases: PostFilterCase[] = [
  {
    name: 'pod with higher priority can be made schedulable',
    preemptor: { name: 'p', priority: HIGH },
    nodes: { node1: [{ name: 'p1', priority: LOW }] },
    want: { node: 'node1' },
  },
  {
    name: 'pod with tied priority is still unschedulable',
    preemptor: { name: 'p', priority: LOW },
    nodes: { node1: [{ name: 'p1', priority: LOW }] },
    want: { message: 'preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.' },
  },
  {
    name: 'pod can be made schedulable on one node',
    preemptor: { name: 'p', priority: MID },
    nodes: { node1: [{ name: 'p1', priority: HIGH }], node2: [{ name: 'p2', priority: LOW }] },
    want: { node: 'node2' },
  },
  {
    name: 'pod can be made schedulable on minHighestPriority node',
    preemptor: { name: 'p', priority: VERY_HIGH },
    nodes: {
      node1: [
        { name: 'p1', priority: HIGH, labels: { [violatingPDB]: 'non-violating' } },
        { name: 'p2', priority: LOW, labels: { [violatingPDB]: 'violating' } },
      ],
      node2: [{ name: 'p3', priority: MID, labels: { [violatingPDB]: 'violating' } }],
    },
    // upstream: MinAvailable("100%") without status, and MinAvailable("0") with DisruptionsAllowed(math.MaxInt32)
    budgets: [budget({}, { [violatingPDB]: 'violating' }), budget({ disruptionsAllowed: 2 ** 31 - 1 }, { [violatingPDB]: 'non-violating' })],
    want: { node: 'node2' },
  },
];

describe('TestPostFilter (upstream default_preemption_test.go)', () => {
  it.each(postFilterCases)('$name', ({ want, ...c }) => {
    // upstream onePodRes: nodes that admit one pod and have no cpu or memory
    const { classes, prepared, scope } = setup({ ...c, allocatable: { pods: '1' } });
    const outcome = runPostFilter(prepared, findNodesThatFit(prepared, classes), scope);
    // From 1.34 DynamicResources' PostFilter runs first and its reason leads the message.
    if ('node' in want) expect(preemptionOf(outcome)?.node.name).toBe(want.node);
    else expect(postFilterMessageOf(outcome)).toBe(`no new claims to deallocate, ${want.message}`);
  });
});

// SelectVictimsOnNode sorts the potential victims with sort.Slice and util.MoreImportantPod, whose GetPodStartTime reads
// time.Now() for a pod not started yet, the first pod's before the second's: of two such pods of one priority each is
// the more important, and Go's sort gives them a definite order (the reverse of the node's up to 12 pods, pdqsort's
// beyond; the orders printed by go1.19 sort.Slice). The node admits the preemptor and all but one of its pods.
describe('SelectVictimsOnNode: MoreImportantPod and pods not started yet (upstream util.MoreImportantPod, GetPodStartTime)', () => {
  const victimsOn = (pods: readonly PodSpec[]) => {
    const { candidates: found } = dryRun({ preemptor: { name: 'p', priority: HIGH }, nodes: { node1: pods }, allocatable: { pods: String(pods.length) } });
    return found.map((candidate) => candidate.victims.map((pod) => pod.name));
  };
  const named = (count: number, start?: number) => Array.from({ length: count }, (_, i): PodSpec => ({ name: `p${i}`, priority: LOW, ...(start !== undefined && { start }) }));

  it.each([
    ['two pods not started: the second is reprieved first, the first goes', named(2), ['p0']],
    ['two pods started at once: the first is reprieved first, the second goes', named(2, 0), ['p1']],
    ['13 pods not started: pdqsort reprieves p6 last', named(13), ['p6']],
    ['13 pods started at once: pdqsort keeps their order', named(13, 0), ['p12']],
    ['a started pod is more important than one not started', [{ name: 'p0', priority: LOW }, { name: 'p1', priority: LOW, start: 0 }], ['p0']],
  ] as const)('%s', (_name, pods, victims) => {
    expect(victimsOn(pods)).toEqual([victims]);
  });
});
