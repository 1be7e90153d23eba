// NodeAffinity score: the sum of the weights of the preferred terms a node matches.
// upstream: pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go Score, NormalizeScore (v1.35)
// A profile's addedAffinity preferred terms add to every pod's score (PreScore skips only when both are empty).
import { matchesNodeSelectorTerm, selectorKeys } from '../../model/labels.js';
import type { PreferredNodeTerm } from '../pod-info.js';
import { defaultNormalizeScore, defineScorePlugin, type ScorePlugin } from './score-plugin.js';

function preferredScore(terms: readonly PreferredNodeTerm[], labels: Readonly<Record<string, string>>, name: string): number {
  let total = 0;
  for (const { weight, term } of terms) if (matchesNodeSelectorTerm(term, labels, name)) total += weight;
  return total;
}

/** The NodeAffinity score with the profile's added preferred terms (weight 2 in the default profile). */
export function nodeAffinityScore(added: readonly PreferredNodeTerm[]): ScorePlugin {
  return defineScorePlugin<true>({
    name: 'NodeAffinity',
    weight: 2,
    perNode: true,
    preScore: (pod) => (pod.preferredNodeAffinity.length > 0 || added.length > 0 ? true : undefined),
    score: (pod, node) => preferredScore(added, node.labels, node.name) + preferredScore(pod.preferredNodeAffinity, node.labels, node.name),
    normalize: (scores) => defaultNormalizeScore(scores, false),
    nodeLabelKeys: (pod) => [...added, ...pod.preferredNodeAffinity].flatMap(({ term }) => selectorKeys(term.labels)),
    usesNodeName: (pod) => [...added, ...pod.preferredNodeAffinity].some(({ term }) => term.fields !== null),
  });
}

export default nodeAffinityScore([]);
