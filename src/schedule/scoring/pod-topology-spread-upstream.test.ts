// Ports of pkg/scheduler/framework/plugins/podtopologyspread/scoring_test.go TestPodTopologySpreadScore
// (kubernetes/kubernetes at 008b3652959ca58af8be3fb5b6ecfe9ae7638282), run the way kube-scheduler scores: the objects
// are loaded as a cluster, the profile (a KubeSchedulerConfiguration) scores with PodTopologySpread alone, and the
// scores are the ones selectHost compares (PreScore over the feasible nodes as placement groups them into node
// classes, Score, NormalizeScore). upstream's failedNodes are nodes the filters reject (here: spec.unschedulable).
// pod-topology-spread.test.ts runs the same tables against the plugin alone. Skipped: "matchLabelKeys ignored when
// feature gate disabled" (MatchLabelKeysInPodTopologySpread is GA and always on).
import { describe, expect, it } from 'vitest';
import { node, pod, scoreNodes, scoreOnlyConfig, type Value } from '../integration-test-support.js';

type Labels = Readonly<Record<string, string>>;

const HOSTNAME = 'kubernetes.io/hostname';
const exists = (key: string) => ({ matchExpressions: [{ key, operator: 'Exists' }] });
const FOO = exists('foo');
const BAR = exists('bar');

/** st.MakePod().SpreadConstraint(maxSkew, key, ScheduleAnyway, selector, minDomains, affinityPolicy, taintsPolicy, matchLabelKeys) */
const soft = (maxSkew: number, topologyKey: string, labelSelector: Value | null, extra: Value = {}) => ({
  maxSkew,
  topologyKey,
  whenUnsatisfiable: 'ScheduleAnyway',
  ...(labelSelector && { labelSelector }),
  ...extra,
});

interface Bound {
  readonly labels: Labels;
  readonly namespace?: string;
  readonly terminating?: boolean;
}

/** A node: its labels, the pods bound to it, whether the filters reject it (failedNodes) and its taints. */
interface NodeRow {
  readonly name: string;
  readonly labels: Labels;
  readonly pods?: readonly Bound[];
  readonly failed?: boolean;
  readonly taints?: readonly Value[];
}

interface Case {
  readonly name: string;
  readonly labels: Labels;
  readonly constraints?: readonly Value[];
  readonly spec?: Value;
  readonly nodes: readonly NodeRow[];
  readonly objects?: readonly Value[];
  /** upstream's want, the candidate nodes' scores. */
  readonly want: Readonly<Record<string, number>>;
}

const boundPod = (nodeName: string, pod: Bound, i: number): Value => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: `p-${nodeName}-${i}`,
    namespace: pod.namespace ?? 'default',
    labels: pod.labels,
    ...(pod.terminating && { deletionTimestamp: '2026-01-01T00:00:00Z' }),
  },
  spec: { nodeName, containers: [{ name: 'c', image: 'registry.k8s.io/pause:3.10' }] },
  status: { phase: 'Running' },
});

function docsOf(c: Case): Value[] {
  const incoming = pod({ name: 'p', ...(c.labels && { labels: c.labels }), spec: { ...(c.constraints && { topologySpreadConstraints: c.constraints }), ...c.spec } });
  return [
    ...c.nodes.map((row) => node({ name: row.name, labels: row.labels, ...(row.failed && { unschedulable: true }), ...(row.taints && { taints: row.taints }) })),
    ...c.nodes.flatMap((row) => (row.pods ?? []).map((pod, i) => boundPod(row.name, pod, i))),
    ...(c.objects ?? []),
    incoming,
  ];
}

const foo: Labels = { foo: '' };
const bar: Labels = { bar: '' };
const fooBar: Labels = { foo: '', bar: '' };
const pods = (n: number, labels: Labels = foo): Bound[] => Array.from({ length: n }, () => ({ labels }));
const hosted = (name: string, n: number, extra: Partial<NodeRow> = {}): NodeRow => ({ name, labels: { [HOSTNAME]: name }, pods: pods(n), ...extra });
const zoned = (name: string, zone: string, bound: readonly Bound[], extra: Partial<NodeRow> = {}): NodeRow => ({ name, labels: { zone, [HOSTNAME]: name }, pods: bound, ...extra });
const labelled = (name: string, n: number, extra: Labels = {}, taints?: readonly Value[]): NodeRow => ({ name, labels: { node: name, ...extra }, pods: pods(n), ...(taints && { taints }) });
const nodeAffinityFoo = { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'foo', operator: 'In', values: [''] }] }] } } } };
/** node-a and node-b labelled foo (node-c not) and holding 2, 1, 1 matching pods, for the NodeAffinityPolicy cases. */
const policyNodes = [labelled('node-a', 2, foo), labelled('node-b', 1, foo), labelled('node-c', 1)];
const UNSCHEDULABLE_TAINT = [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }];
/** node-c carries the unschedulable NoSchedule taint, for the NodeTaintsPolicy cases. */
const taintNodes = [labelled('node-a', 2), labelled('node-b', 1), labelled('node-c', 1, {}, UNSCHEDULABLE_TAINT)];
const differentSelectors = (yFailed: boolean): NodeRow[] => [
  zoned('node-a', 'zone1', pods(1)),
  zoned('node-b', 'zone1', [{ labels: fooBar }]),
  zoned('node-x', 'zone2', []),
  zoned('node-y', 'zone2', [{ labels: foo }, { labels: bar }], { failed: yFailed }),
];
const matchLabelKeysNodes = (bLabels: Labels, cPods: readonly Bound[]): NodeRow[] => [
  zoned('node-a', 'zone1', pods(1)),
  zoned('node-b', 'zone1', [{ labels: bLabels }]),
  zoned('node-c', 'zone2', cPods),
  zoned('node-d', 'zone2', []),
];

const cases: Case[] = [
  { name: 'one constraint on node, no existing pods', labels: foo, constraints: [soft(1, HOSTNAME, FOO)], nodes: [hosted('node-a', 0), hosted('node-b', 0)], want: { 'node-a': 100, 'node-b': 100 } },
  {
    name: 'one constraint on node, only one node is candidate',
    labels: foo,
    constraints: [soft(1, HOSTNAME, FOO)],
    nodes: [hosted('node-a', 2), hosted('node-b', 1, { failed: true })],
    want: { 'node-a': 100 },
  },
  {
    name: 'one constraint on node, all nodes have the same number of matching pods',
    labels: foo,
    constraints: [soft(1, HOSTNAME, FOO)],
    nodes: [hosted('node-a', 1), hosted('node-b', 1)],
    want: { 'node-a': 100, 'node-b': 100 },
  },
  {
    name: 'one constraint on node, all 4 nodes are candidates',
    labels: foo,
    constraints: [soft(1, HOSTNAME, FOO)],
    nodes: [hosted('node-a', 2), hosted('node-b', 1), hosted('node-c', 0), hosted('node-d', 3)],
    want: { 'node-a': 20, 'node-b': 60, 'node-c': 100, 'node-d': 0 },
  },
  {
    name: 'one constraint on node, null selector',
    labels: foo,
    constraints: [soft(1, HOSTNAME, null)],
    nodes: [hosted('node-a', 2), hosted('node-b', 1), hosted('node-c', 0), hosted('node-d', 3)],
    want: { 'node-a': 100, 'node-b': 100, 'node-c': 100, 'node-d': 100 },
  },
  {
    name: 'one constraint on node, all 4 nodes are candidates, maxSkew=2',
    labels: foo,
    constraints: [soft(2, HOSTNAME, FOO)],
    nodes: [hosted('node-a', 2), hosted('node-b', 1), hosted('node-c', 0), hosted('node-d', 3)],
    want: { 'node-a': 33, 'node-b': 66, 'node-c': 100, 'node-d': 16 },
  },
  {
    name: 'one constraint on node, all 4 nodes are candidates, maxSkew=3',
    labels: foo,
    constraints: [soft(3, HOSTNAME, FOO)],
    nodes: [hosted('node-a', 4), hosted('node-b', 3), hosted('node-c', 2), hosted('node-d', 1)],
    want: { 'node-a': 44, 'node-b': 66, 'node-c': 77, 'node-d': 100 },
  },
  {
    name: "system defaulting, nodes don't have zone, pods match service",
    labels: foo,
    nodes: [hosted('node-a', 4), hosted('node-b', 3), hosted('node-c', 2), hosted('node-d', 1)],
    objects: [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'default' }, spec: { selector: foo } }],
    want: { 'node-a': 44, 'node-b': 66, 'node-c': 77, 'node-d': 100 },
  },
  {
    name: 'one constraint on node, 3 out of 4 nodes are candidates',
    labels: foo,
    constraints: [soft(1, HOSTNAME, FOO)],
    nodes: [hosted('node-a', 4), hosted('node-b', 2), hosted('node-x', 1), hosted('node-y', 3, { failed: true })],
    want: { 'node-a': 33, 'node-b': 83, 'node-x': 100 },
  },
  {
    name: "one constraint on node, 3 out of 4 nodes are candidates, one node doesn't match topology key",
    labels: foo,
    constraints: [soft(1, HOSTNAME, FOO)],
    nodes: [hosted('node-a', 4), { name: 'node-b', labels: { n: 'node-b' }, pods: pods(2) }, hosted('node-x', 1), hosted('node-y', 3, { failed: true })],
    want: { 'node-a': 16, 'node-b': 0, 'node-x': 100 },
  },
  {
    name: 'one constraint on zone, 3 out of 4 nodes are candidates',
    labels: foo,
    constraints: [soft(1, 'zone', FOO)],
    nodes: [zoned('node-a', 'zone1', pods(4)), zoned('node-b', 'zone1', pods(2)), zoned('node-x', 'zone2', pods(1)), zoned('node-y', 'zone2', pods(3), { failed: true })],
    want: { 'node-a': 75, 'node-b': 75, 'node-x': 100 },
  },
  {
    name: 'two Constraints on zone and node, 2 out of 4 nodes are candidates',
    labels: foo,
    constraints: [soft(1, 'zone', FOO), soft(1, HOSTNAME, FOO)],
    nodes: [zoned('node-a', 'zone1', pods(2)), zoned('node-b', 'zone1', pods(1), { failed: true }), zoned('node-x', 'zone2', pods(2)), zoned('node-y', 'zone2', pods(4), { failed: true })],
    want: { 'node-a': 100, 'node-x': 63 },
  },
  {
    name: 'two Constraints on zone, 2 out of 4 nodes are candidates',
    labels: fooBar,
    constraints: [soft(1, 'zone', FOO), soft(1, 'zone', BAR)],
    nodes: [
      { name: 'node-a', labels: { zone: 'zone1' }, pods: [{ labels: fooBar }, { labels: foo }] },
      { name: 'node-b', labels: { zone: 'zone1' }, pods: [{ labels: fooBar }], failed: true },
      { name: 'node-x', labels: { zone: 'zone2' } },
      { name: 'node-y', labels: { zone: 'zone2' }, pods: [{ labels: foo }, { labels: fooBar }, { labels: foo }], failed: true },
    ],
    want: { 'node-a': 85, 'node-x': 100 },
  },
  {
    name: 'two Constraints on zone and node, with different labelSelectors',
    labels: fooBar,
    constraints: [soft(1, 'zone', FOO), soft(1, HOSTNAME, BAR)],
    nodes: differentSelectors(false),
    want: { 'node-a': 60, 'node-b': 20, 'node-x': 100, 'node-y': 60 },
  },
  {
    name: 'two Constraints on zone and node, with different labelSelectors, some nodes have 0 pods',
    labels: fooBar,
    constraints: [soft(1, 'zone', FOO), soft(1, HOSTNAME, BAR)],
    nodes: [zoned('node-a', 'zone1', []), zoned('node-b', 'zone1', [{ labels: bar }]), zoned('node-x', 'zone2', pods(1)), zoned('node-y', 'zone2', [{ labels: fooBar }])],
    want: { 'node-a': 100, 'node-b': 60, 'node-x': 40, 'node-y': 0 },
  },
  {
    name: 'two Constraints on zone and node, with different labelSelectors, 3 out of 4 nodes are candidates',
    labels: fooBar,
    constraints: [soft(1, 'zone', FOO), soft(1, HOSTNAME, BAR)],
    nodes: differentSelectors(true),
    want: { 'node-a': 50, 'node-b': 25, 'node-x': 100 },
  },
  {
    name: 'existing pods in a different namespace do not count',
    labels: foo,
    constraints: [soft(1, HOSTNAME, FOO)],
    nodes: [{ name: 'node-a', labels: { [HOSTNAME]: 'node-a' }, pods: [{ labels: foo, namespace: 'ns1' }, { labels: foo }] }, hosted('node-b', 2)],
    want: { 'node-a': 100, 'node-b': 33 },
  },
  {
    name: 'terminating Pods should be excluded',
    labels: foo,
    constraints: [soft(1, HOSTNAME, FOO)],
    nodes: [{ name: 'node-a', labels: { [HOSTNAME]: 'node-a' }, pods: [{ labels: foo, terminating: true }] }, hosted('node-b', 1)],
    want: { 'node-a': 100, 'node-b': 0 },
  },
  {
    name: 'minDomains has no effect when ScheduleAnyway',
    labels: foo,
    constraints: [soft(2, 'node', FOO, { minDomains: 10 })],
    nodes: [labelled('node-a', 2), labelled('node-b', 2), labelled('node-c', 1)],
    want: { 'node-a': 75, 'node-b': 75, 'node-c': 100 },
  },
  { name: 'NodeAffinityPolicy honoed with labelSelectors', labels: foo, constraints: [soft(1, 'node', FOO)], spec: { nodeSelector: foo }, nodes: policyNodes, want: { 'node-a': 0, 'node-b': 33, 'node-c': 100 } },
  {
    name: 'NodeAffinityPolicy ignored with labelSelectors',
    labels: foo,
    constraints: [soft(1, 'node', FOO, { nodeAffinityPolicy: 'Ignore' })],
    spec: { nodeSelector: foo },
    nodes: policyNodes,
    want: { 'node-a': 66, 'node-b': 100, 'node-c': 100 },
  },
  { name: 'NodeAffinityPolicy honoed with nodeAffinity', labels: foo, constraints: [soft(1, 'node', FOO)], spec: nodeAffinityFoo, nodes: policyNodes, want: { 'node-a': 0, 'node-b': 33, 'node-c': 100 } },
  {
    name: 'NodeAffinityPolicy ignored with nodeAffinity',
    labels: foo,
    constraints: [soft(1, 'node', FOO, { nodeAffinityPolicy: 'Ignore' })],
    spec: nodeAffinityFoo,
    nodes: policyNodes,
    want: { 'node-a': 66, 'node-b': 100, 'node-c': 100 },
  },
  { name: 'NodeTaintsPolicy honored', labels: foo, constraints: [soft(1, 'node', FOO, { nodeTaintsPolicy: 'Honor' })], nodes: taintNodes, want: { 'node-a': 0, 'node-b': 33, 'node-c': 100 } },
  { name: 'NodeTaintsPolicy ignored', labels: foo, constraints: [soft(1, 'node', FOO)], nodes: taintNodes, want: { 'node-a': 66, 'node-b': 100, 'node-c': 100 } },
  {
    name: 'matchLabelKeys ANDed with LabelSelector when LabelSelector is empty',
    labels: fooBar,
    constraints: [soft(1, 'zone', {}, { matchLabelKeys: ['foo'] }), soft(1, HOSTNAME, {}, { matchLabelKeys: ['bar'] })],
    nodes: matchLabelKeysNodes(fooBar, [{ labels: foo }, { labels: bar }]),
    want: { 'node-a': 60, 'node-b': 20, 'node-c': 60, 'node-d': 100 },
  },
  {
    name: "matchLabelKeys ANDed with LabelSelector when LabelSelector isn't empty",
    labels: { foo: '', bar: '', baz: '' },
    constraints: [soft(1, 'zone', FOO), soft(1, HOSTNAME, BAR, { matchLabelKeys: ['baz'] })],
    nodes: matchLabelKeysNodes({ foo: '', bar: '', baz: '' }, [{ labels: foo }, { labels: bar }, { labels: { bar: '', baz: '' } }]),
    want: { 'node-a': 60, 'node-b': 20, 'node-c': 60, 'node-d': 100 },
  },
];

describe('TestPodTopologySpreadScore (upstream)', () => {
  it.each(cases)('$name', (c) => {
    expect(scoreNodes(docsOf(c), scoreOnlyConfig('PodTopologySpread'))).toEqual(c.want);
  });
});
