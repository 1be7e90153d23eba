// NodeAffinity score: the sum of the weights of the preferred terms a node matches.
// upstream: pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go Score, NormalizeScore (v1.35)
import { matchesNodeSelectorTerm, selectorKeys } from '../../model/labels.js';
import { defaultNormalizeScore, defineScorePlugin } from './score-plugin.js';

export default defineScorePlugin<true>({
  name: 'NodeAffinity',
  weight: 2,
  perNode: true,
  preScore: (pod) => (pod.preferredNodeAffinity.length > 0 ? true : undefined),
  score(pod, node) {
    let total = 0;
    for (const { weight, term } of pod.preferredNodeAffinity) if (matchesNodeSelectorTerm(term, node.labels, node.name)) total += weight;
    return total;
  },
  normalize: (scores) => defaultNormalizeScore(scores, false),
  nodeLabelKeys: (pod) => pod.preferredNodeAffinity.flatMap(({ term }) => selectorKeys(term.labels)),
  usesNodeName: (pod) => pod.preferredNodeAffinity.some(({ term }) => term.fields !== null),
});
