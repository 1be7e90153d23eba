import { describe, expect, it } from 'vitest';
import { nodeInfoOf, podInfoOf, runScorePlugin } from '../test-support.js';
import plugin from './inter-pod-affinity.js';

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

/** Nodes with their labels and the labels of the pods bound there. */
type Row = readonly [labels: Readonly<Record<string, string>>, pods: readonly Readonly<Record<string, string>>[]];
const nodesOf = (rows: readonly Row[]) =>
  rows.map(([labels, pods], i) => nodeInfoOf({ name: `node${i + 1}`, labels }, pods.map((podLabels) => podInfoOf({ containers: [{ name: 'c' }] }, { labels: podLabels }))));

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
  ] as const)('%s', (_name, affinity, labels, rows, want) => {
    const pod = podInfoOf({ containers: [{ name: 'c' }], affinity }, { labels });
    expect(runScorePlugin(plugin, pod, nodesOf(rows as readonly Row[]))).toEqual(want);
  });

  it('all nodes are same priority as Affinity is nil (PreScore skips)', () => {
    expect(runScorePlugin(plugin, podInfoOf({ containers: [{ name: 'c' }] }, { labels: s1 }), nodesOf([[china, []], [india, []], [az1, []]]))).toBeUndefined();
  });
});
