// Ports of pkg/scheduler/framework/plugins/interpodaffinity/scoring_test.go TestPreferredAffinity and
// TestPreferredAffinityWithHardPodAffinitySymmetricWeight (kubernetes/kubernetes at
// 030880a5dc5449403c6d1f0aa146a7dc21d6c6dc), run the way kube-scheduler scores: the objects are loaded as a cluster
// with upstream's four Namespaces, the profile (a KubeSchedulerConfiguration with InterPodAffinityArgs) scores with
// InterPodAffinity alone, and the scores are the ones selectHost compares. A PreScore Skip leaves every node at 0.
// inter-pod-affinity.test.ts runs the same tables against the plugin alone. Skipped: "invalid Affinity fails
// PreScore" and "invalid AntiAffinity fails PreScore" (label values the API server rejects). upstream's namespace ""
// is "default" here.
import { describe, expect, it } from 'vitest';
import { node, pod, scoreNodes, scoreOnlyConfig, type Value } from '../integration-test-support.js';

type Labels = Readonly<Record<string, string>>;

const NAMESPACES = [
  ['subteam1.team1', 'team1'],
  ['subteam2.team1', 'team1'],
  ['subteam1.team2', 'team2'],
  ['subteam2.team2', 'team2'],
].map(([name, team]) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { team } } }));

type Expr = readonly [key: string, operator: string, values?: readonly string[]];
const selector = (...exprs: Expr[]) => ({ matchExpressions: exprs.map(([key, operator, values]) => ({ key, operator, ...(values && { values }) })) });
const term = (topologyKey: string, labelSelector: Value, extra: Value = {}) => ({ labelSelector, topologyKey, ...extra });
const weighted = (weight: number, podAffinityTerm: Value) => ({ weight, podAffinityTerm });
const preferred = (kind: 'podAffinity' | 'podAntiAffinity', ...terms: Value[]) => ({ [kind]: { preferredDuringSchedulingIgnoredDuringExecution: terms } });

const stayWithS1InRegion = preferred('podAffinity', weighted(5, term('region', selector(['security', 'In', ['S1']]))));
const stayWithS2InRegion = preferred('podAffinity', weighted(6, term('region', selector(['security', 'In', ['S2']]))));
const affinity3 = preferred(
  'podAffinity',
  weighted(8, term('region', selector(['security', 'NotIn', ['S1']], ['security', 'In', ['S2']]))),
  weighted(2, term('region', selector(['security', 'Exists'], ['wrongkey', 'DoesNotExist']))),
);
const hardAffinity = {
  podAffinity: {
    requiredDuringSchedulingIgnoredDuringExecution: [
      term('region', selector(['security', 'In', ['S1', 'value2']])),
      term('region', selector(['security', 'Exists'], ['wrongkey', 'DoesNotExist'])),
    ],
  },
};
const awayFromS1InAz = preferred('podAntiAffinity', weighted(5, term('az', selector(['security', 'In', ['S1']]))));
const awayFromS2InAz = preferred('podAntiAffinity', weighted(5, term('az', selector(['security', 'In', ['S2']]))));
const stayWithS1InRegionAwayFromS2InAz = { ...preferred('podAffinity', weighted(8, term('region', selector(['security', 'In', ['S1']])))), ...awayFromS2InAz };
const namespaceSelected = { namespaces: ['subteam2.team2'], namespaceSelector: selector(['team', 'In', ['team1']]) };
const affinityNamespaceSelector = preferred('podAffinity', weighted(5, term('region', selector(['security', 'In', ['S1']]), namespaceSelected)));
const antiAffinityNamespaceSelector = preferred('podAntiAffinity', weighted(5, term('region', selector(['security', 'In', ['S1']]), namespaceSelected)));

const china: Labels = { region: 'China' };
const india: Labels = { region: 'India' };
const az1: Labels = { az: 'az1' };
const az2: Labels = { az: 'az2' };
const chinaAz1: Labels = { region: 'China', az: 'az1' };
const s1: Labels = { security: 'S1' };
const s2: Labels = { security: 'S2' };

/** A pod: its labels, namespace and affinity. */
interface PodRow {
  readonly labels?: Labels;
  readonly namespace?: string;
  readonly affinity?: Value;
}

interface Case {
  readonly name: string;
  readonly pod: PodRow;
  /** Each node's labels and bound pods; node names are node1, node2, … */
  readonly nodes: readonly (readonly [Labels, readonly PodRow[]])[];
  readonly want: readonly number[];
}

const podDoc = (name: string, row: PodRow, nodeName?: string): Value =>
  pod({ name, ...(row.namespace && { namespace: row.namespace }), ...(row.labels && { labels: row.labels }), ...(nodeName && { node: nodeName }), spec: row.affinity ? { affinity: row.affinity } : {} });

function scores(c: Case, args?: Value): number[] {
  const docs = [
    ...NAMESPACES,
    ...c.nodes.map(([labels], i) => node({ name: `node${i + 1}`, labels })),
    ...c.nodes.flatMap(([, pods], i) => pods.map((pod, j) => podDoc(`p${i + 1}-${j}`, pod, `node${i + 1}`))),
    podDoc('p', c.pod),
  ];
  const byNode = scoreNodes(docs, scoreOnlyConfig('InterPodAffinity', args));
  return c.nodes.map((_, i) => byNode[`node${i + 1}`] ?? -1);
}

const on = (...pods: (Labels | PodRow)[]): PodRow[] => pods.map((pod) => ('labels' in pod || 'affinity' in pod || 'namespace' in pod ? pod : { labels: pod as Labels }));
const inNamespace = (namespace: string): PodRow => ({ namespace, labels: s1 });

const preferredAffinity: Case[] = [
  { name: 'all nodes are same priority as Affinity is nil', pod: { labels: s1 }, nodes: [[china, []], [india, []], [az1, []]], want: [0, 0, 0] },
  {
    name: "Affinity: pod that matches topology key & pods in nodes will get high score comparing to otherswhich doesn't match either pods in nodes or in topology key",
    pod: { labels: s1, affinity: stayWithS1InRegion },
    nodes: [[china, on(s1)], [india, on(s2)], [az1, on(s1)]],
    want: [100, 0, 0],
  },
  {
    name: 'All the nodes that have the same topology key & label value with one of them has an existing pod that match the affinity rules, have the same score',
    pod: { affinity: stayWithS1InRegion },
    nodes: [[china, on(s1)], [chinaAz1, []], [india, []]],
    want: [100, 100, 0],
  },
  {
    name: 'Affinity: nodes in one region has more matching pods comparing to other region, so the region which has more matches will get high score',
    pod: { labels: s1, affinity: stayWithS2InRegion },
    nodes: [[china, on(s2, s2)], [india, on(s2)], [china, on(s2)], [china, on(s2)], [india, on(s2)]],
    want: [100, 0, 100, 100, 0],
  },
  {
    name: 'Affinity: different Label operators and values for pod affinity scheduling preference, including some match failures ',
    pod: { labels: s1, affinity: affinity3 },
    nodes: [[china, on(s1)], [india, on(s2)], [az1, on(s1)]],
    want: [20, 100, 0],
  },
  {
    name: 'Affinity symmetry: considered only the preferredDuringSchedulingIgnoredDuringExecution in pod affinity symmetry',
    pod: { labels: s2 },
    nodes: [[china, on({ labels: s1, affinity: stayWithS1InRegion })], [india, on({ labels: s2, affinity: stayWithS2InRegion })], [az1, []]],
    want: [0, 100, 0],
  },
  {
    name: 'Affinity symmetry with namespace selector',
    pod: { namespace: 'subteam1.team1', labels: s1 },
    nodes: [[china, on({ labels: s1, affinity: affinityNamespaceSelector })], [india, on({ labels: s2, affinity: stayWithS2InRegion })], [az1, []]],
    want: [100, 0, 0],
  },
  {
    name: 'AntiAffinity symmetry with namespace selector',
    pod: { namespace: 'subteam1.team1', labels: s1 },
    nodes: [[china, on({ labels: s1, affinity: antiAffinityNamespaceSelector })], [india, on({ labels: s2, affinity: stayWithS2InRegion })], [az1, []]],
    want: [0, 100, 100],
  },
  {
    name: 'Affinity symmetry: considered RequiredDuringSchedulingIgnoredDuringExecution in pod affinity symmetry',
    pod: { labels: s1 },
    nodes: [[china, on({ labels: s1, affinity: hardAffinity })], [india, on({ labels: s2, affinity: hardAffinity })], [az1, []]],
    want: [100, 100, 0],
  },
  { name: 'Anti Affinity: pod that does not match existing pods in node will get high score ', pod: { labels: s1, affinity: awayFromS1InAz }, nodes: [[az1, on(s1)], [china, on(s2)]], want: [0, 100] },
  {
    name: 'Anti Affinity: pod that does not match topology key & match the pods in nodes will get higher score comparing to others ',
    pod: { labels: s1, affinity: awayFromS1InAz },
    nodes: [[az1, on(s1)], [china, on(s1)]],
    want: [0, 100],
  },
  {
    name: 'Anti Affinity: one node has more matching pods comparing to other node, so the node which has more unmatches will get high score',
    pod: { labels: s1, affinity: awayFromS1InAz },
    nodes: [[az1, on(s1, s1)], [india, on(s2)]],
    want: [0, 100],
  },
  {
    name: 'Anti Affinity symmetry: the existing pods in node which has anti affinity match will get high score',
    pod: { labels: s2 },
    nodes: [[az1, on({ labels: s1, affinity: awayFromS2InAz })], [az2, on({ labels: s2, affinity: awayFromS1InAz })]],
    want: [0, 100],
  },
  {
    name: 'Affinity and Anti Affinity: considered only preferredDuringSchedulingIgnoredDuringExecution in both pod affinity & anti affinity',
    pod: { labels: s1, affinity: stayWithS1InRegionAwayFromS2InAz },
    nodes: [[china, on(s1)], [az1, on(s1)]],
    want: [100, 0],
  },
  {
    name: 'Affinity and Anti Affinity: considering both affinity and anti-affinity, the pod to schedule and existing pods have the same labels',
    pod: { labels: s1, affinity: stayWithS1InRegionAwayFromS2InAz },
    nodes: [[chinaAz1, on(s1, s1)], [india, on(s1)], [china, on(s1, s1)], [china, on(s1)], [india, on(s1)]],
    want: [100, 0, 100, 100, 0],
  },
  {
    name: 'Affinity and Anti Affinity and symmetry: considered only preferredDuringSchedulingIgnoredDuringExecution in both pod affinity & anti affinity & symmetry',
    pod: { labels: s1, affinity: stayWithS1InRegionAwayFromS2InAz },
    nodes: [[china, on(s1)], [az1, on(s2)], [india, on({ affinity: stayWithS1InRegionAwayFromS2InAz })], [az2, on({ affinity: awayFromS1InAz })]],
    want: [100, 0, 100, 0],
  },
  {
    name: "Avoid panic when partial nodes in a topology don't have pods with affinity",
    pod: { labels: s1 },
    nodes: [[china, on(s1)], [china, on({ affinity: stayWithS1InRegionAwayFromS2InAz })]],
    want: [0, 0],
  },
  ...(['podAffinity', 'podAntiAffinity'] as const).flatMap((kind) => {
    const pod = { namespace: 'subteam1.team1', labels: s1, affinity: kind === 'podAffinity' ? affinityNamespaceSelector : antiAffinityNamespaceSelector };
    const want = kind === 'podAffinity' ? [100, 0] : [0, 100];
    const nodes = (third: string): Case['nodes'] => [
      [china, [inNamespace('subteam1.team1'), inNamespace('subteam1.team1'), inNamespace(third)]],
      [india, [inNamespace('subteam2.team1')]],
    ];
    // upstream names both of its anti-affinity cases as the affinity ones
    return [
      { name: `Affinity with pods matching NamespaceSelector (${kind})`, pod, nodes: nodes('subteam1.team2'), want },
      { name: `Affinity with pods matching both NamespaceSelector and Namespaces fields (${kind})`, pod, nodes: nodes('subteam2.team2'), want },
    ];
  }),
  {
    name: 'Do not ignore preferred terms of existing pods',
    pod: { labels: s2 },
    nodes: [[china, on({ labels: s1, affinity: stayWithS1InRegionAwayFromS2InAz })], [india, on({ labels: s2, affinity: stayWithS2InRegion })]],
    want: [0, 100],
  },
];

describe('TestPreferredAffinity (upstream)', () => {
  it.each(preferredAffinity)('$name', (c) => {
    expect(scores(c)).toEqual(c.want);
  });

  it('Ignore preferred terms of existing pods', () => {
    const c: Case = {
      name: 'Ignore preferred terms of existing pods',
      pod: { labels: s2 },
      nodes: [[china, on({ labels: s1, affinity: stayWithS1InRegionAwayFromS2InAz })], [india, on({ labels: s2, affinity: stayWithS2InRegion })]],
      want: [0, 0],
    };
    expect(scores(c, { hardPodAffinityWeight: 1, ignorePreferredTermsOfExistingPods: true })).toEqual(c.want);
  });
});

describe('TestPreferredAffinityWithHardPodAffinitySymmetricWeight (upstream)', () => {
  const hardPodAffinity = {
    podAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: [
        term('region', selector(['service', 'In', ['S1']]), { namespaces: ['default', 'subteam2.team2'], namespaceSelector: selector(['team', 'In', ['team1']]) }),
      ],
    },
  };
  const nodes: Case['nodes'] = [[china, on({ affinity: hardPodAffinity })], [india, on({ affinity: hardPodAffinity })], [az1, []]];
  it.each([
    { name: 'with default weight', namespace: 'default', weight: 1, want: [100, 100, 0] },
    { name: 'with zero weight', namespace: 'default', weight: 0, want: [0, 0, 0] },
    { name: 'with no matching namespace', namespace: 'subteam1.team2', weight: 1, want: [0, 0, 0] },
    { name: 'with matching NamespaceSelector', namespace: 'subteam1.team1', weight: 1, want: [100, 100, 0] },
    { name: 'with matching Namespaces', namespace: 'subteam2.team2', weight: 1, want: [100, 100, 0] },
  ])('$name', ({ name, namespace, weight, want }) => {
    const c: Case = { name, pod: { namespace, labels: { service: 'S1' } }, nodes, want };
    expect(scores(c, { hardPodAffinityWeight: weight })).toEqual(want);
  });
});
