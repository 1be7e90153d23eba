import { describe, expect, it } from 'vitest';
import { nodeInfoOf, podInfoOf, runScorePlugin } from '../test-support.js';
import { toPreferredNodeTerms } from '../pod-info.js';
import nodeAffinity, { nodeAffinityScore } from './node-affinity.js';
import { inTerm, label1, label2, label3, label4, label5, nodeAffinity1, nodeAffinity2, preferredTerms } from './upstream-score-objects.js';

const preferred = (...terms: Parameters<typeof preferredTerms>) => ({ nodeAffinity: preferredTerms(...terms) });
const affinity1 = { nodeAffinity: nodeAffinity1 };
const affinity2 = { nodeAffinity: nodeAffinity2 };

// Ported from pkg/scheduler/framework/plugins/nodeaffinity/node_affinity_test.go TestNodeAffinityPriority; the
// "added affinity" cases run nodeAffinityScore with the profile's addedAffinity preferred terms. Skipped: "PreScore
// returns error when an incoming Pod has a broken affinity" (an invalid label key the API server rejects).
describe('NodeAffinity score', () => {
  it.each([
    {
      name: "no node matches preferred scheduling requirements in NodeAffinity of pod so all nodes' priority is zero",
      affinity: affinity1,
      nodes: [label4, label2, label3],
      want: [0, 0, 0],
    },
    { name: 'only node1 matches the preferred scheduling requirements of pod', affinity: affinity1, nodes: [label1, label2, label3], want: [100, 0, 0] },
    {
      name: 'all nodes matches the preferred scheduling requirements of pod but with different priorities',
      affinity: affinity2,
      nodes: [label1, label5, label2],
      want: [18, 100, 36],
    },
    { name: 'added affinity', added: affinity1, nodes: [label1, label2], want: [100, 0] },
    {
      name: 'added affinity and pod has default affinity',
      affinity: affinity1,
      added: preferred([3, [inTerm('key', 'value')]]),
      nodes: [label1, label2, label5],
      want: [40, 60, 100],
    },
  ])('$name', ({ affinity, added, nodes, want }) => {
    const infos = nodes.map((labels, i) => nodeInfoOf({ name: `node${i}`, labels }));
    const plugin = added ? nodeAffinityScore(toPreferredNodeTerms(added.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution)) : nodeAffinity;
    expect(runScorePlugin(plugin, podInfoOf({ containers: [{ name: 'c' }], ...(affinity && { affinity }) }), infos)).toEqual(want);
  });

  it('Skip is returned in PreScore when NodeAffinity is nil (all nodes score the same)', () => {
    expect(runScorePlugin(nodeAffinity, podInfoOf({ containers: [{ name: 'c' }] }), [nodeInfoOf({ name: 'node1', labels: label1 })])).toBeUndefined();
  });

  // Upstream's two cases that call Score and NormalizeScore without PreScore: the score reads nothing PreScore computes.
  it.each([
    { name: 'all nodes are same priority as NodeAffinity is nil', affinity: undefined, nodes: [label1, label2, label3], want: [0, 0, 0] },
    { name: 'calculate the priorities correctly even if PreScore is not called', affinity: affinity2, nodes: [label1, label5, label2], want: [18, 100, 36] },
  ])('$name', ({ affinity, nodes, want }) => {
    const pod = podInfoOf({ containers: [{ name: 'c' }], ...(affinity && { affinity }) });
    const scores = nodes.map((labels, i) => nodeAffinity.score(pod, nodeInfoOf({ name: `node${i}`, labels }), true));
    nodeAffinity.normalize?.(scores, true);
    expect(scores).toEqual(want);
  });
});
