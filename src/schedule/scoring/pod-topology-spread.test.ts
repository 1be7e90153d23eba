import { describe, expect, it } from 'vitest';
import { toLabelSelector } from '../../model/labels.js';
import { HOSTNAME_LABEL } from '../node-info.js';
import { ZONE_LABEL } from '../plugins/pod-topology-spread.js';
import { toPodInfo } from '../pod-info.js';
import { podSourceOfPod } from '../snapshot.js';
import { clusterOf, feasibleNodes, nodeInfoOf, podInfoOf, podObject, runScorePlugin } from '../test-support.js';
import { NEWEST_MINOR } from '../version.js';
import podTopologySpread, { normalizingWeight, podTopologySpreadScore, type SpreadScoreState } from './pod-topology-spread.js';

const foo = { foo: '' };
const fooSelector = { matchExpressions: [{ key: 'foo', operator: 'Exists' }] };
const constraint = (maxSkew: number, topologyKey: string, labelSelector: unknown = fooSelector) => ({
  maxSkew,
  topologyKey,
  whenUnsatisfiable: 'ScheduleAnyway',
  ...(labelSelector !== null && { labelSelector }),
});
const incoming = (...constraints: ReturnType<typeof constraint>[]) =>
  podInfoOf({ containers: [{ name: 'c' }], topologySpreadConstraints: constraints }, { name: 'p', labels: foo });

/** Nodes by name: labels (hostname unless given) and the number of matching pods bound there. */
type NodeRow = readonly [name: string, pods: number, labels?: Readonly<Record<string, string>>];
const nodesOf = (rows: readonly NodeRow[]) =>
  rows.map(([name, pods, labels]) =>
    nodeInfoOf(
      { name, labels: labels ?? { [HOSTNAME_LABEL]: name } },
      Array.from({ length: pods }, (_, i) => podInfoOf({ containers: [{ name: 'c' }], nodeName: name }, { name: `p-${name}${i}`, labels: foo })),
    ),
  );

/** Matching pods spread as 2/1/0/3. */
const spread2103: NodeRow[] = [['node-a', 2], ['node-b', 1], ['node-c', 0], ['node-d', 3]];

// Ported from pkg/scheduler/framework/plugins/podtopologyspread/scoring_test.go TestPodTopologySpreadScore (nodes:
// the candidates; failed: nodes in the cluster that did not pass the filters).
describe('PodTopologySpread score', () => {
  it.each([
    { name: 'one constraint on node, no existing pods', pod: incoming(constraint(1, HOSTNAME_LABEL)), nodes: [['node-a', 0], ['node-b', 0]], failed: [], want: [100, 100] },
    {
      name: 'one constraint on node, only one node is candidate',
      pod: incoming(constraint(1, HOSTNAME_LABEL)),
      nodes: [['node-a', 2]],
      failed: [['node-b', 1]],
      want: [100],
    },
    {
      name: 'one constraint on node, all nodes have the same number of matching pods',
      pod: incoming(constraint(1, HOSTNAME_LABEL)),
      nodes: [['node-a', 1], ['node-b', 1]],
      want: [100, 100],
    },
    {
      name: 'one constraint on node, all 4 nodes are candidates',
      pod: incoming(constraint(1, HOSTNAME_LABEL)),
      nodes: spread2103,
      want: [20, 60, 100, 0],
    },
    {
      name: 'one constraint on node, null selector',
      pod: incoming(constraint(1, HOSTNAME_LABEL, null)),
      nodes: spread2103,
      want: [100, 100, 100, 100],
    },
    {
      name: 'one constraint on node, all 4 nodes are candidates, maxSkew=2',
      pod: incoming(constraint(2, HOSTNAME_LABEL)),
      nodes: spread2103,
      want: [33, 66, 100, 16],
    },
    {
      name: 'one constraint on node, all 4 nodes are candidates, maxSkew=3',
      pod: incoming(constraint(3, HOSTNAME_LABEL)),
      nodes: [['node-a', 4], ['node-b', 3], ['node-c', 2], ['node-d', 1]],
      want: [44, 66, 77, 100],
    },
    {
      name: 'one constraint on node, 3 out of 4 nodes are candidates',
      pod: incoming(constraint(1, HOSTNAME_LABEL)),
      nodes: [['node-a', 4], ['node-b', 2], ['node-x', 1]],
      failed: [['node-y', 3]],
      want: [33, 83, 100],
    },
    {
      name: "one constraint on node, 3 out of 4 nodes are candidates, one node doesn't match topology key",
      pod: incoming(constraint(1, HOSTNAME_LABEL)),
      nodes: [['node-a', 4], ['node-b', 2, { n: 'node-b' }], ['node-x', 1]],
      failed: [['node-y', 3]],
      want: [16, 0, 100],
    },
    {
      name: 'one constraint on zone, 3 out of 4 nodes are candidates',
      pod: incoming(constraint(1, 'zone')),
      nodes: [['node-a', 4, { zone: 'zone1' }], ['node-b', 2, { zone: 'zone1' }], ['node-x', 1, { zone: 'zone2' }]],
      failed: [['node-y', 3, { zone: 'zone2' }]],
      want: [75, 75, 100],
    },
  ] as { name: string; pod: ReturnType<typeof incoming>; nodes: NodeRow[]; failed?: NodeRow[]; want: number[] }[])('$name', ({ pod, nodes, failed = [], want }) => {
    const feasible = nodesOf(nodes);
    expect(runScorePlugin(podTopologySpread, pod, feasible, [...feasible, ...nodesOf(failed)])).toEqual(want);
  });

  it('system defaulting, nodes don\'t have zone, pods match service', () => {
    const options = { minor: NEWEST_MINOR, services: [{ namespace: 'default', selector: foo }], priorityClasses: new Map<string, number>(), defaultPriority: 0 };
    const pod = toPodInfo(podSourceOfPod(podObject({ containers: [{ name: 'c' }] }, { name: 'p', labels: foo })), options, []);
    const nodes = nodesOf([['node-a', 4], ['node-b', 3], ['node-c', 2], ['node-d', 1]]);
    expect(runScorePlugin(podTopologySpread, pod, nodes)).toEqual([44, 66, 77, 100]);
  });
});

// The rest of upstream's TestPodTopologySpreadScore (scoring_test.go at 38f68d59a73f5685774b2f1e1d1921e231cc8ab4):
// bound pods with their own labels, namespaces and deletion, node inclusion policies and matchLabelKeys. Skipped:
// "matchLabelKeys ignored when feature gate disabled" (MatchLabelKeysInPodTopologySpread is GA).
describe('PodTopologySpread score: TestPodTopologySpreadScore, pods and policies', () => {
  type Labels = Readonly<Record<string, string>>;
  interface Bound {
    readonly labels: Labels;
    readonly namespace?: string;
    readonly terminating?: boolean;
  }
  /** A node: name, labels, bound pods, and whether it carries the node.kubernetes.io/unschedulable NoSchedule taint. */
  type Row = readonly [name: string, labels: Labels, pods: readonly Bound[], tainted?: boolean];
  const bar = { bar: '' };
  const fooBar = { foo: '', bar: '' };
  const barSelector = { matchExpressions: [{ key: 'bar', operator: 'Exists' }] };
  const pods = (n: number, labels: Labels = foo): Bound[] => Array.from({ length: n }, () => ({ labels }));
  const nodesFrom = (rows: readonly Row[]) =>
    rows.map(([name, labels, bound, tainted]) =>
      nodeInfoOf(
        { name, labels, ...(tainted ? { taints: [{ key: 'node.kubernetes.io/unschedulable', value: '', effect: 'NoSchedule' }] } : {}) },
        bound.map((pod, i) =>
          podInfoOf({ containers: [{ name: 'c' }], nodeName: name }, {
            name: `p-${name}${i}`,
            labels: pod.labels,
            namespace: pod.namespace ?? 'default',
            ...(pod.terminating ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}),
          }),
        ),
      ),
    );
  const zoned = (name: string, zone: string, bound: readonly Bound[]): Row => [name, { zone, [HOSTNAME_LABEL]: name }, bound];
  const hosted = (name: string, bound: readonly Bound[]): Row => [name, { [HOSTNAME_LABEL]: name }, bound];
  const labelled = (name: string, bound: readonly Bound[], extra: Labels = {}, tainted = false): Row => [name, { node: name, ...extra }, bound, tainted];
  const pod = (labels: Labels, constraints: readonly Readonly<Record<string, unknown>>[], extra: Readonly<Record<string, unknown>> = {}) =>
    podInfoOf({ containers: [{ name: 'c' }], topologySpreadConstraints: constraints, ...extra }, { name: 'p', labels });
  const zoneAndHost = (labels: Labels, hostSelector: unknown = barSelector) => pod(labels, [constraint(1, 'zone'), constraint(1, HOSTNAME_LABEL, hostSelector)]);
  const onNode = (extra: Readonly<Record<string, unknown>> = {}) => ({ ...constraint(1, 'node'), ...extra });
  const nodeAffinityFoo = { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'foo', operator: 'In', values: [''] }] }] } } } };
  const policyNodes = (aExtra: Labels, bExtra: Labels, cTainted = false): Row[] => [
    labelled('node-a', pods(2), aExtra),
    labelled('node-b', pods(1), bExtra),
    labelled('node-c', pods(1), {}, cTainted),
  ];
  const differentSelectors: Row[] = [
    zoned('node-a', 'zone1', pods(1)),
    zoned('node-b', 'zone1', [{ labels: fooBar }]),
    zoned('node-x', 'zone2', []),
    zoned('node-y', 'zone2', [{ labels: foo }, { labels: bar }]),
  ];
  const matchLabelKeysNodes = (cPods: readonly Bound[], bLabels: Labels): Row[] => [
    zoned('node-a', 'zone1', pods(1)),
    zoned('node-b', 'zone1', [{ labels: bLabels }]),
    zoned('node-c', 'zone2', cPods),
    zoned('node-d', 'zone2', []),
  ];

  it.each([
    {
      name: 'two Constraints on zone and node, 2 out of 4 nodes are candidates',
      pod: zoneAndHost(foo, fooSelector),
      nodes: [zoned('node-a', 'zone1', pods(2)), zoned('node-x', 'zone2', pods(2))],
      failed: [zoned('node-b', 'zone1', pods(1)), zoned('node-y', 'zone2', pods(4))],
      want: [100, 63],
    },
    {
      name: 'two Constraints on zone, 2 out of 4 nodes are candidates',
      pod: pod(fooBar, [constraint(1, 'zone'), constraint(1, 'zone', barSelector)]),
      nodes: [['node-a', { zone: 'zone1' }, [{ labels: fooBar }, { labels: foo }]], ['node-x', { zone: 'zone2' }, []]],
      failed: [['node-b', { zone: 'zone1' }, [{ labels: fooBar }]], ['node-y', { zone: 'zone2' }, [{ labels: foo }, { labels: fooBar }, { labels: foo }]]],
      want: [85, 100],
    },
    { name: 'two Constraints on zone and node, with different labelSelectors', pod: zoneAndHost(fooBar), nodes: differentSelectors, want: [60, 20, 100, 60] },
    {
      name: 'two Constraints on zone and node, with different labelSelectors, some nodes have 0 pods',
      pod: zoneAndHost(fooBar),
      nodes: [zoned('node-a', 'zone1', []), zoned('node-b', 'zone1', [{ labels: bar }]), zoned('node-x', 'zone2', pods(1)), zoned('node-y', 'zone2', [{ labels: fooBar }])],
      want: [100, 60, 40, 0],
    },
    {
      name: 'two Constraints on zone and node, with different labelSelectors, 3 out of 4 nodes are candidates',
      pod: zoneAndHost(fooBar),
      nodes: differentSelectors.slice(0, 3),
      failed: differentSelectors.slice(3),
      want: [50, 25, 100],
    },
    {
      name: 'existing pods in a different namespace do not count',
      pod: pod(foo, [constraint(1, HOSTNAME_LABEL)]),
      nodes: [hosted('node-a', [{ labels: foo, namespace: 'ns1' }, { labels: foo }]), hosted('node-b', pods(2))],
      want: [100, 33],
    },
    {
      name: 'terminating Pods should be excluded',
      pod: pod(foo, [constraint(1, HOSTNAME_LABEL)]),
      nodes: [hosted('node-a', [{ labels: foo, terminating: true }]), hosted('node-b', pods(1))],
      want: [100, 0],
    },
    {
      name: 'minDomains has no effect when ScheduleAnyway',
      pod: pod(foo, [{ ...constraint(2, 'node'), minDomains: 10 }]),
      nodes: [labelled('node-a', pods(2)), labelled('node-b', pods(2)), labelled('node-c', pods(1))],
      want: [75, 75, 100],
    },
    { name: 'NodeAffinityPolicy honoed with labelSelectors', pod: pod(foo, [onNode()], { nodeSelector: foo }), nodes: policyNodes(foo, foo), want: [0, 33, 100] },
    { name: 'NodeAffinityPolicy ignored with labelSelectors', pod: pod(foo, [onNode({ nodeAffinityPolicy: 'Ignore' })], { nodeSelector: foo }), nodes: policyNodes(foo, foo), want: [66, 100, 100] },
    { name: 'NodeAffinityPolicy honoed with nodeAffinity', pod: pod(foo, [onNode()], nodeAffinityFoo), nodes: policyNodes(foo, foo), want: [0, 33, 100] },
    { name: 'NodeAffinityPolicy ignored with nodeAffinity', pod: pod(foo, [onNode({ nodeAffinityPolicy: 'Ignore' })], nodeAffinityFoo), nodes: policyNodes(foo, foo), want: [66, 100, 100] },
    { name: 'NodeTaintsPolicy honored', pod: pod(foo, [onNode({ nodeTaintsPolicy: 'Honor' })]), nodes: policyNodes({}, {}, true), want: [0, 33, 100] },
    { name: 'NodeTaintsPolicy ignored', pod: pod(foo, [onNode()]), nodes: policyNodes({}, {}, true), want: [66, 100, 100] },
    {
      name: 'matchLabelKeys ANDed with LabelSelector when LabelSelector is empty',
      pod: pod(fooBar, [{ ...constraint(1, 'zone', {}), matchLabelKeys: ['foo'] }, { ...constraint(1, HOSTNAME_LABEL, {}), matchLabelKeys: ['bar'] }]),
      nodes: matchLabelKeysNodes([{ labels: foo }, { labels: bar }], fooBar),
      want: [60, 20, 60, 100],
    },
    {
      name: "matchLabelKeys ANDed with LabelSelector when LabelSelector isn't empty",
      pod: pod({ foo: '', bar: '', baz: '' }, [constraint(1, 'zone'), { ...constraint(1, HOSTNAME_LABEL, barSelector), matchLabelKeys: ['baz'] }]),
      nodes: matchLabelKeysNodes([{ labels: foo }, { labels: bar }, { labels: { bar: '', baz: '' } }], { foo: '', bar: '', baz: '' }),
      want: [60, 20, 60, 100],
    },
  ] as { name: string; pod: ReturnType<typeof pod>; nodes: Row[]; failed?: Row[]; want: number[] }[])('$name', ({ pod: incomingPod, nodes, failed = [], want }) => {
    const feasible = nodesFrom(nodes);
    expect(runScorePlugin(podTopologySpread, incomingPod, feasible, [...feasible, ...nodesFrom(failed)])).toEqual(want);
  });
});

// Ported from podtopologyspread/scoring_test.go TestPreScoreStateEmptyNodes (ListDefaulting without default
// constraints; the node inclusion policy cases: PreScore registers every domain whatever the policies, which only
// decide what is counted): the state PreScore builds over nodes without pods. The defaults cases follow below and in
// plugins/pod-topology-spread-defaults-upstream.test.ts.
describe('PodTopologySpread PreScore: TestPreScoreStateEmptyNodes', () => {
  const zoned = (name: string, zone?: string, extra: Readonly<Record<string, string>> = {}, tainted = false) =>
    nodeInfoOf({
      name,
      labels: { ...(zone && { zone }), ...extra, [HOSTNAME_LABEL]: name },
      ...(tainted && { taints: [{ key: 'node.kubernetes.io/unschedulable', value: '', effect: 'NoSchedule' }] }),
    });
  const bar = { matchExpressions: [{ key: 'bar', operator: 'Exists' }] };
  const fooAffinity = { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'foo', operator: 'In', values: [''] }] }] } } } };
  const listDefaulting = podTopologySpreadScore({ type: 'List', constraints: [] });
  it.each([
    {
      name: 'normal case',
      pod: incoming(constraint(1, 'zone'), constraint(1, HOSTNAME_LABEL)),
      nodes: [zoned('node-a', 'zone1'), zoned('node-b', 'zone1'), zoned('node-x', 'zone2')],
      ignored: [],
      zoneCounts: [['zone1', 0], ['zone2', 0]],
      weights: [normalizingWeight(2), normalizingWeight(3)],
    },
    {
      name: 'null selector',
      pod: incoming(constraint(1, 'zone', null)),
      nodes: [zoned('node-a', 'zone1'), zoned('node-b', 'zone1'), zoned('node-x', 'zone2')],
      ignored: [],
      zoneCounts: [['zone1', 0], ['zone2', 0]],
      weights: [normalizingWeight(2)],
    },
    {
      name: "node-x doesn't have label zone",
      pod: incoming(constraint(1, 'zone'), constraint(1, HOSTNAME_LABEL, bar)),
      nodes: [zoned('node-a', 'zone1'), zoned('node-b', 'zone1'), zoned('node-x')],
      ignored: ['node-x'],
      zoneCounts: [['zone1', 0]],
      weights: [normalizingWeight(1), normalizingWeight(2)],
    },
    ...([
      ['NodeAffinityPolicy honored with labelSelectors', undefined, undefined, { nodeSelector: foo }],
      ['NodeAffinityPolicy ignored with labelSelectors', 'Ignore', undefined, { nodeSelector: foo }],
      ['NodeAffinityPolicy honored with nodeAffinity', undefined, undefined, fooAffinity],
      ['NodeAffinityPolicy ignored with nodeAffinity', 'Ignore', undefined, fooAffinity],
      ['NodeTaintsPolicy honored', undefined, 'Honor', {}],
      ['NodeTaintsPolicy ignored', undefined, undefined, {}],
    ] as const).map(([name, nodeAffinityPolicy, nodeTaintsPolicy, extra]) => ({
      name,
      pod: podInfoOf(
        { containers: [{ name: 'c' }], ...extra, topologySpreadConstraints: [{ ...constraint(1, 'zone', bar), ...(nodeAffinityPolicy && { nodeAffinityPolicy }), ...(nodeTaintsPolicy && { nodeTaintsPolicy }) }] },
        { name: 'p', labels: foo },
      ),
      nodes: [zoned('node-a', 'zone1', foo), zoned('node-b', 'zone1', foo), zoned('node-x', 'zone2', {}, true)],
      ignored: [],
      zoneCounts: [['zone1', 0], ['zone2', 0]],
      weights: [normalizingWeight(2)],
    })),
  ])('$name', ({ pod, nodes, ignored, zoneCounts, weights }) => {
    const state = listDefaulting.preScore(pod, feasibleNodes(nodes), clusterOf(nodes)) as SpreadScoreState | undefined;
    expect(state && { ignored: [...state.ignored], zoneCounts: [...(state.podCounts[0] ?? [])], weights: state.weights }).toEqual({ ignored, zoneCounts, weights });
  });

  // TestPreScoreSkip "the pod doesn't have soft topology spread Constraints"
  it("skips a pod without soft constraints under ListDefaulting (TestPreScoreSkip: the pod doesn't have soft topology spread Constraints)", () => {
    const nodes = [zoned('node-a'), zoned('node-b')];
    expect(listDefaulting.preScore(podInfoOf({ containers: [{ name: 'c' }] }, { name: 'p' }), feasibleNodes(nodes), clusterOf(nodes))).toBeUndefined();
  });
});

// scoring_test.go TestPreScoreStateEmptyNodes "system default constraints and a replicaset" and TestPreScoreSkip
// "default constraints and a replicaset that doesn't match" (the pod's owner rs2 is unknown, so no selector).
describe('PodTopologySpread PreScore: default constraints and a ReplicaSet owner', () => {
  const options = { minor: NEWEST_MINOR, services: [], priorityClasses: new Map<string, number>(), defaultPriority: 0 };
  const ownedPod = (ownerSelector: ReturnType<typeof toLabelSelector> | undefined) =>
    toPodInfo({ ...podSourceOfPod(podObject({ containers: [{ name: 'c' }] }, { name: 'p', labels: { foo: 'tar', baz: 'sup' } })), ...(ownerSelector && { ownerSelector }) }, options, []);

  it('system default constraints and a replicaset', () => {
    const zone = (name: string, value?: string) => nodeInfoOf({ name, labels: { [HOSTNAME_LABEL]: name, ...(value && { [ZONE_LABEL]: value }) } });
    // Nodes with no zone are not excluded: they are one more zone, "".
    const nodes = [zone('node-a', 'mars'), zone('node-b', 'mars'), zone('node-c'), zone('node-d')];
    const state = podTopologySpread.preScore(ownedPod(toLabelSelector(fooSelector)), feasibleNodes(nodes), clusterOf(nodes)) as SpreadScoreState;
    expect(state.constraints.map(({ maxSkew, topologyKey, whenUnsatisfiable }) => ({ maxSkew, topologyKey, whenUnsatisfiable }))).toEqual([
      { maxSkew: 3, topologyKey: HOSTNAME_LABEL, whenUnsatisfiable: 'ScheduleAnyway' },
      { maxSkew: 5, topologyKey: ZONE_LABEL, whenUnsatisfiable: 'ScheduleAnyway' },
    ]);
    expect({ ignored: [...state.ignored], podCounts: state.podCounts.map((counts) => Object.fromEntries(counts)), weights: state.weights }).toEqual({
      ignored: [],
      podCounts: [{}, { mars: 0, '': 0 }],
      weights: [normalizingWeight(4), normalizingWeight(2)],
    });
  });

  it("default constraints and a replicaset that doesn't match (TestPreScoreSkip)", () => {
    const nodes = [nodeInfoOf({ name: 'node-a', labels: { planet: 'mars' } })];
    const defaults = podTopologySpreadScore({ type: 'List', constraints: [{ maxSkew: 2, topologyKey: 'planet', whenUnsatisfiable: 'ScheduleAnyway', minDomains: 1, nodeAffinityPolicy: 'Honor', nodeTaintsPolicy: 'Ignore' }] });
    expect(defaults.preScore(ownedPod(undefined), feasibleNodes(nodes), clusterOf(nodes))).toBeUndefined();
  });
});
