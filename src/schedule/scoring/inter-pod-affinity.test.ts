import { describe, expect, it } from 'vitest';
import { clusterOf, feasibleNodes, nodeInfoOf, podInfoOf, runScorePlugin } from '../test-support.js';
import plugin, { interPodAffinityScore } from './inter-pod-affinity.js';
import type { ScorePlugin } from './score-plugin.js';

// upstream: interpodaffinity/scoring.go NormalizeScore (float64 arithmetic, then int64 truncation)
describe('InterPodAffinity NormalizeScore', () => {
  it.each([
    ['scales to [0, 100] by max - min', [0, 5, 10], [0, 50, 100]],
    ['divides before multiplying, as Go does: 100 * (29 / 100) truncates to 28', [0, 29, 100], [0, 28, 100]],
    ['negative raw scores (preferred anti-affinity) shift by the minimum', [-10, 0, 10], [0, 50, 100]],
    ['equal scores normalise to 0', [7, 7], [0, 0]],
  ])('%s', (_name, raw, want) => {
    const scores = [...raw];
    plugin.normalize?.(scores, undefined);
    expect(scores).toEqual(want);
  });
});

type Expr = readonly [key: string, operator: string, values?: readonly string[]];
const weighted = (weight: number, topologyKey: string, ...exprs: Expr[]) => ({
  weight,
  podAffinityTerm: {
    labelSelector: { matchExpressions: exprs.map(([key, operator, values]) => ({ key, operator, ...(values && { values }) })) },
    topologyKey,
  },
});
const preferred = (kind: 'podAffinity' | 'podAntiAffinity', ...terms: ReturnType<typeof weighted>[]) => ({
  [kind]: { preferredDuringSchedulingIgnoredDuringExecution: terms },
});
const s1 = { security: 'S1' };
const s2 = { security: 'S2' };
const stayWithS1InRegion = preferred('podAffinity', weighted(5, 'region', ['security', 'In', ['S1']]));
const stayWithS2InRegion = preferred('podAffinity', weighted(6, 'region', ['security', 'In', ['S2']]));
const affinity3 = preferred(
  'podAffinity',
  weighted(8, 'region', ['security', 'NotIn', ['S1']], ['security', 'In', ['S2']]),
  weighted(2, 'region', ['security', 'Exists'], ['wrongkey', 'DoesNotExist']),
);
const china = { region: 'China' };
const india = { region: 'India' };
const az1 = { az: 'az1' };

/** A bound pod: its labels, and its affinity if any. */
type Bound = Readonly<Record<string, string>> | { readonly labels: Readonly<Record<string, string>>; readonly affinity: unknown };
/** Nodes with their labels and the pods bound there. */
type Row = readonly [labels: Readonly<Record<string, string>>, pods: readonly Bound[]];
const boundPod = (pod: Bound) =>
  'affinity' in pod
    ? podInfoOf({ containers: [{ name: 'c' }], affinity: pod.affinity }, { labels: pod.labels as Readonly<Record<string, string>> })
    : podInfoOf({ containers: [{ name: 'c' }] }, { labels: pod as Readonly<Record<string, string>> });
const nodesOf = (rows: readonly Row[]) => rows.map(([labels, pods], i) => nodeInfoOf({ name: `node${i + 1}`, labels }, pods.map(boundPod)));
const hardAffinity = {
  podAffinity: {
    requiredDuringSchedulingIgnoredDuringExecution: [
      weighted(1, 'region', ['security', 'In', ['S1', 'value2']]).podAffinityTerm,
      weighted(1, 'region', ['security', 'Exists'], ['wrongkey', 'DoesNotExist']).podAffinityTerm,
    ],
  },
};
const awayFromS1InAz = preferred('podAntiAffinity', weighted(5, 'az', ['security', 'In', ['S1']]));
const awayFromS2InAz = preferred('podAntiAffinity', weighted(5, 'az', ['security', 'In', ['S2']]));
const stayWithS1InRegionAwayFromS2InAz = { ...preferred('podAffinity', weighted(8, 'region', ['security', 'In', ['S1']])), ...awayFromS2InAz };

// Ported from pkg/scheduler/framework/plugins/interpodaffinity/scoring_test.go TestPreferredAffinity.
describe('InterPodAffinity score: TestPreferredAffinity', () => {
  it.each([
    [
      'Affinity: pod that matches topology key & pods in nodes will get high score comparing to others which doesn\'t match either pods in nodes or in topology key',
      stayWithS1InRegion, s1, [[china, [s1]], [india, [s2]], [az1, [s1]]], [100, 0, 0],
    ],
    [
      'All the nodes that have the same topology key & label value with one of them has an existing pod that match the affinity rules, have the same score',
      stayWithS1InRegion, {}, [[china, [s1]], [{ region: 'China', az: 'az1' }, []], [india, []]], [100, 100, 0],
    ],
    [
      'Affinity: nodes in one region has more matching pods comparing to other region, so the region which has more matches will get high score',
      stayWithS2InRegion, s1, [[china, [s2, s2]], [india, [s2]], [china, [s2]], [china, [s2]], [india, [s2]]], [100, 0, 100, 100, 0],
    ],
    [
      'Affinity: different Label operators and values for pod affinity scheduling preference, including some match failures',
      affinity3, s1, [[china, [s1]], [india, [s2]], [az1, [s1]]], [20, 100, 0],
    ],
    [
      'Affinity symmetry: considered only the preferredDuringSchedulingIgnoredDuringExecution in pod affinity symmetry',
      undefined, s2, [[china, [{ labels: s1, affinity: stayWithS1InRegion }]], [india, [{ labels: s2, affinity: stayWithS2InRegion }]], [az1, []]], [0, 100, 0],
    ],
    [
      'Affinity symmetry: considered RequiredDuringSchedulingIgnoredDuringExecution in pod affinity symmetry',
      undefined, s1, [[china, [{ labels: s1, affinity: hardAffinity }]], [india, [{ labels: s2, affinity: hardAffinity }]], [az1, []]], [100, 100, 0],
    ],
    ['Anti Affinity: pod that does not match existing pods in node will get high score', awayFromS1InAz, s1, [[az1, [s1]], [china, [s2]]], [0, 100]],
    ['Anti Affinity: pod that does not match topology key & match the pods in nodes will get higher score comparing to others', awayFromS1InAz, s1, [[az1, [s1]], [china, [s1]]], [0, 100]],
    ['Anti Affinity: one node has more matching pods comparing to other node, so the node which has more unmatches will get high score', awayFromS1InAz, s1, [[az1, [s1, s1]], [india, [s2]]], [0, 100]],
    [
      'Anti Affinity symmetry: the existing pods in node which has anti affinity match will get high score',
      undefined, s2, [[az1, [{ labels: s1, affinity: awayFromS2InAz }]], [{ az: 'az2' }, [{ labels: s2, affinity: awayFromS1InAz }]]], [0, 100],
    ],
    [
      'Affinity and Anti Affinity: considered only preferredDuringSchedulingIgnoredDuringExecution in both pod affinity & anti affinity',
      stayWithS1InRegionAwayFromS2InAz, s1, [[china, [s1]], [az1, [s1]]], [100, 0],
    ],
    [
      'Affinity and Anti Affinity: considering both affinity and anti-affinity, the pod to schedule and existing pods have the same labels',
      stayWithS1InRegionAwayFromS2InAz, s1,
      [[{ region: 'China', az: 'az1' }, [s1, s1]], [india, [s1]], [china, [s1, s1]], [china, [s1]], [india, [s1]]], [100, 0, 100, 100, 0],
    ],
    [
      'Affinity and Anti Affinity and symmetry: considered only preferredDuringSchedulingIgnoredDuringExecution in both pod affinity & anti affinity & symmetry',
      stayWithS1InRegionAwayFromS2InAz, s1,
      [[china, [s1]], [az1, [s2]], [india, [{ labels: {}, affinity: stayWithS1InRegionAwayFromS2InAz }]], [{ az: 'az2' }, [{ labels: {}, affinity: awayFromS1InAz }]]],
      [100, 0, 100, 0],
    ],
    [
      'Avoid panic when partial nodes in a topology don\'t have pods with affinity',
      undefined, s1, [[china, [s1]], [china, [{ labels: {}, affinity: stayWithS1InRegionAwayFromS2InAz }]]], [0, 0],
    ],
  ] as const)('%s', (_name, affinity, labels, rows, want) => {
    const pod = podInfoOf({ containers: [{ name: 'c' }], ...(affinity && { affinity }) }, { labels });
    expect(runScorePlugin(plugin, pod, nodesOf(rows as readonly Row[]))).toEqual(want);
  });

  it('all nodes are same priority as Affinity is nil (PreScore skips)', () => {
    expect(runScorePlugin(plugin, podInfoOf({ containers: [{ name: 'c' }] }, { labels: s1 }), nodesOf([[china, []], [india, []], [az1, []]]))).toBeUndefined();
  });
});

// upstream interpodaffinity tests' `namespaces`
const namespaceLabels = new Map([
  ['subteam1.team1', { team: 'team1' }],
  ['subteam2.team1', { team: 'team1' }],
  ['subteam1.team2', { team: 'team2' }],
  ['subteam2.team2', { team: 'team2' }],
]);

/** The normalised scores on `nodes` in a cluster with upstream's namespaces; undefined when PreScore skips. */
function scoresWithNamespaces(pod: ReturnType<typeof podInfoOf>, nodes: readonly ReturnType<typeof nodeInfoOf>[], scored: ScorePlugin = plugin): number[] | undefined {
  const state = scored.preScore(pod, feasibleNodes(nodes), clusterOf(nodes, undefined, namespaceLabels));
  if (state === undefined) return undefined;
  const scores = nodes.map((node) => scored.score(pod, node, state));
  scored.normalize?.(scores, state);
  return scores;
}

// Ported from interpodaffinity/scoring_test.go TestPreferredAffinity, the cases with namespaces and a
// namespaceSelector (on the incoming pod's terms and, for symmetry, on a bound pod's), "Ignore preferred terms of
// existing pods" (InterPodAffinityArgs, through interPodAffinityScore), "Do not ignore preferred terms of existing pods"
// (the default) and "No nodes to score". Skipped: the invalid label values (API-invalid).
describe('InterPodAffinity score: TestPreferredAffinity (namespaces)', () => {
  const bySelector = (kind: 'podAffinity' | 'podAntiAffinity') => ({
    [kind]: {
      preferredDuringSchedulingIgnoredDuringExecution: [{
        weight: 5,
        podAffinityTerm: {
          labelSelector: { matchExpressions: [{ key: 'security', operator: 'In', values: ['S1'] }] },
          topologyKey: 'region',
          namespaces: ['subteam2.team2'],
          namespaceSelector: { matchExpressions: [{ key: 'team', operator: 'In', values: ['team1'] }] },
        },
      }],
    },
  });
  /** Two S1 pods of subteam1.team1 and one of `third` on node1 (China), one of subteam2.team1 on node2 (India). */
  const nodes = (third: string) => [
    nodeInfoOf({ name: 'node1', labels: china }, ['subteam1.team1', 'subteam1.team1', third].map((namespace, i) => podInfoOf({ containers: [{ name: 'c' }] }, { name: `p${i}`, namespace, labels: s1 }))),
    nodeInfoOf({ name: 'node2', labels: india }, [podInfoOf({ containers: [{ name: 'c' }] }, { name: 'p3', namespace: 'subteam2.team1', labels: s1 })]),
  ];
  it.each([
    ['Affinity with pods matching NamespaceSelector', 'podAffinity', 'subteam1.team2', [100, 0]],
    ['Affinity with pods matching both NamespaceSelector and Namespaces fields', 'podAffinity', 'subteam2.team2', [100, 0]],
    ['(anti-affinity) Affinity with pods matching NamespaceSelector', 'podAntiAffinity', 'subteam1.team2', [0, 100]],
    ['(anti-affinity) Affinity with pods matching both NamespaceSelector and Namespaces fields', 'podAntiAffinity', 'subteam2.team2', [0, 100]],
  ] as const)('%s', (_name, kind, third, want) => {
    const pod = podInfoOf({ containers: [{ name: 'c' }], affinity: bySelector(kind) }, { namespace: 'subteam1.team1', labels: s1 });
    expect(scoresWithNamespaces(pod, nodes(third))).toEqual(want);
  });

  // The symmetry cases: the term sits on a bound pod (namespace default) and selects the incoming pod's namespace.
  it.each([
    ['Affinity symmetry with namespace selector', 'podAffinity', [100, 0, 0]],
    ['AntiAffinity symmetry with namespace selector', 'podAntiAffinity', [0, 100, 100]],
  ] as const)('%s', (_name, kind, want) => {
    const nodes = [
      nodeInfoOf({ name: 'node1', labels: china }, [podInfoOf({ containers: [{ name: 'c' }], affinity: bySelector(kind) }, { name: 'p1', labels: s1 })]),
      nodeInfoOf({ name: 'node2', labels: india }, [podInfoOf({ containers: [{ name: 'c' }], affinity: stayWithS2InRegion }, { name: 'p2', labels: s2 })]),
      nodeInfoOf({ name: 'node3', labels: az1 }),
    ];
    expect(scoresWithNamespaces(podInfoOf({ containers: [{ name: 'c' }] }, { namespace: 'subteam1.team1', labels: s1 }), nodes)).toEqual(want);
  });

  it('Ignore preferred terms of existing pods (PreScore skips)', () => {
    const nodes = [
      nodeInfoOf({ name: 'node1', labels: china }, [podInfoOf({ containers: [{ name: 'c' }], affinity: stayWithS1InRegionAwayFromS2InAz }, { name: 'p1', labels: s1 })]),
      nodeInfoOf({ name: 'node2', labels: india }, [podInfoOf({ containers: [{ name: 'c' }], affinity: stayWithS2InRegion }, { name: 'p2', labels: s2 })]),
    ];
    const ignoring = interPodAffinityScore({ hardPodAffinityWeight: 1, ignorePreferredTermsOfExistingPods: true });
    expect(scoresWithNamespaces(podInfoOf({ containers: [{ name: 'c' }] }, { labels: s2 }), nodes, ignoring)).toBeUndefined();
  });

  it('Do not ignore preferred terms of existing pods', () => {
    const nodes = [
      nodeInfoOf({ name: 'node1', labels: china }, [podInfoOf({ containers: [{ name: 'c' }], affinity: stayWithS1InRegionAwayFromS2InAz }, { name: 'p1', labels: s1 })]),
      nodeInfoOf({ name: 'node2', labels: india }, [podInfoOf({ containers: [{ name: 'c' }], affinity: stayWithS2InRegion }, { name: 'p2', labels: s2 })]),
    ];
    expect(scoresWithNamespaces(podInfoOf({ containers: [{ name: 'c' }] }, { labels: s2 }), nodes)).toEqual([0, 100]);
  });

  it('No nodes to score (PreScore skips)', () => {
    expect(scoresWithNamespaces(podInfoOf({ containers: [{ name: 'c' }] }, { labels: s2 }), [])).toBeUndefined();
  });
});

// Ported from interpodaffinity/scoring_test.go TestPreferredAffinityWithHardPodAffinitySymmetricWeight: an existing
// pod's required affinity term that matches the incoming pod adds hardPodAffinityWeight (default 1) to its domain,
// with the term's namespaces and namespaceSelector resolved against the incoming pod. Upstream's namespace "" is
// "default" here. "with zero weight" runs interPodAffinityScore with hardPodAffinityWeight 0 (a profile arg).
describe('InterPodAffinity score: TestPreferredAffinityWithHardPodAffinitySymmetricWeight', () => {
  const hardPodAffinity = {
    podAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: [{
        labelSelector: { matchExpressions: [{ key: 'service', operator: 'In', values: ['S1'] }] },
        namespaces: ['default', 'subteam2.team2'],
        namespaceSelector: { matchExpressions: [{ key: 'team', operator: 'In', values: ['team1'] }] },
        topologyKey: 'region',
      }],
    },
  };
  const nodes = [china, india, az1].map((labels, i) =>
    nodeInfoOf({ name: `node${i + 1}`, labels }, i < 2 ? [podInfoOf({ containers: [{ name: 'c' }], affinity: hardPodAffinity }, { name: `p${i}` })] : []),
  );
  it.each([
    ['with default weight', 'default', [100, 100, 0]],
    ['with no matching namespace', 'subteam1.team2', undefined],
    ['with matching NamespaceSelector', 'subteam1.team1', [100, 100, 0]],
    ['with matching Namespaces', 'subteam2.team2', [100, 100, 0]],
  ] as const)('%s', (_name, namespace, want) => {
    expect(scoresWithNamespaces(podInfoOf({ containers: [{ name: 'c' }] }, { namespace, labels: { service: 'S1' } }), nodes)).toEqual(want);
  });

  it('with zero weight (PreScore skips)', () => {
    const zero = interPodAffinityScore({ hardPodAffinityWeight: 0, ignorePreferredTermsOfExistingPods: false });
    expect(scoresWithNamespaces(podInfoOf({ containers: [{ name: 'c' }] }, { namespace: 'default', labels: { service: 'S1' } }), nodes, zero)).toBeUndefined();
  });
});
