// InterPodAffinity score: preferred (anti-)affinity of the pod, and existing pods' terms that match the pod.
// upstream: pkg/scheduler/framework/plugins/interpodaffinity/scoring.go (v1.35; hardPodAffinityWeight 1)
import type { Labels } from '../../model/labels.js';
import type { NodeInfo } from '../node-info.js';
import { termMatches, type AffinityTerm, type PodInfo, type WeightedAffinityTerm } from '../pod-info.js';
import { resolveNamespaces } from '../plugins/inter-pod-affinity.js';
import { countedKeys, pairKey, updateCount } from '../topology.js';
import { MAX_NODE_SCORE, defineScorePlugin } from './score-plugin.js';

const HARD_POD_AFFINITY_WEIGHT = 1;

interface ScoreState {
  readonly topologyScore: Map<string, number>;
}

function addTerm(scores: Map<string, number>, term: AffinityTerm, weight: number, match: { pod: PodInfo; labels: Labels | undefined; node: NodeInfo }): void {
  if (termMatches(term, match.pod, match.labels)) updateCount(scores, match.node, term.topologyKey, weight);
}

function addTerms(scores: Map<string, number>, terms: readonly WeightedAffinityTerm[], sign: number, match: { pod: PodInfo; labels: Labels | undefined; node: NodeInfo }): void {
  for (const { weight, term } of terms) addTerm(scores, term, weight * sign, match);
}

export default defineScorePlugin<ScoreState>({
  name: 'InterPodAffinity',
  weight: 2,
  perNode: false,
  preScore(pod, _feasible, cluster) {
    const preferred = pod.preferredAffinityTerms.map((w) => ({ ...w, term: resolveNamespaces(w.term, cluster.namespaceLabels) }));
    const preferredAnti = pod.preferredAntiAffinityTerms.map((w) => ({ ...w, term: resolveNamespaces(w.term, cluster.namespaceLabels) }));
    const hasConstraints = preferred.length + preferredAnti.length > 0;
    const namespaceLabels = cluster.namespaceLabels.get(pod.namespace) ?? {};
    const topologyScore = new Map<string, number>();
    let touched = false;
    for (const node of hasConstraints ? cluster.nodes : cluster.nodesWithAffinityPods()) {
      for (const existing of hasConstraints ? node.pods : node.podsWithAffinity) {
        touched = true;
        addTerms(topologyScore, preferred, 1, { pod: existing, labels: undefined, node });
        addTerms(topologyScore, preferredAnti, -1, { pod: existing, labels: undefined, node });
        const incoming = { pod, labels: namespaceLabels, node };
        for (const term of existing.requiredAffinityTerms) addTerm(topologyScore, term, HARD_POD_AFFINITY_WEIGHT, incoming);
        addTerms(topologyScore, existing.preferredAffinityTerms, 1, incoming);
        addTerms(topologyScore, existing.preferredAntiAffinityTerms, -1, incoming);
      }
    }
    return touched && topologyScore.size > 0 ? { topologyScore } : undefined;
  },
  score(_pod, node, state) {
    let total = 0;
    for (const [key, value] of Object.entries(node.labels)) total += state.topologyScore.get(pairKey(key, value)) ?? 0;
    return total;
  },
  normalize(scores) {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const score of scores) {
      min = Math.min(min, score);
      max = Math.max(max, score);
    }
    for (let i = 0; i < scores.length; i++) {
      // float64(MaxNodeScore) * (float64(score-min) / float64(max-min)), truncated: the division comes first, as in Go.
      scores[i] = max - min > 0 ? Math.trunc(MAX_NODE_SCORE * (((scores[i] ?? 0) - min) / (max - min))) : 0;
    }
  },
  nodeLabelKeys: (_pod, state) => countedKeys(state.topologyScore),
});
