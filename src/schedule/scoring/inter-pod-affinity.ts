// InterPodAffinity score: preferred (anti-)affinity of the pod, and existing pods' terms that match the pod.
// upstream: pkg/scheduler/framework/plugins/interpodaffinity/scoring.go (v1.35)
import type { Labels } from '../../model/labels.js';
import type { NodeInfo } from '../node-info.js';
import { termMatches, type AffinityTerm, type PodInfo, type WeightedAffinityTerm } from '../pod-info.js';
import { resolveNamespaces } from '../plugins/inter-pod-affinity.js';
import { countedKeys, pairKey, updateCount } from '../topology.js';
import { MAX_NODE_SCORE, defineScorePlugin, type ScorePlugin } from './score-plugin.js';

/** InterPodAffinityArgs after defaulting. */
export interface InterPodAffinityArgs {
  /** Score weight of an existing pod's required affinity term that matches the incoming pod (0-100). */
  readonly hardPodAffinityWeight: number;
  /** Skip the score when the incoming pod has no preferred (anti-)affinity terms. */
  readonly ignorePreferredTermsOfExistingPods: boolean;
}

export const DEFAULT_INTER_POD_AFFINITY_ARGS: InterPodAffinityArgs = { hardPodAffinityWeight: 1, ignorePreferredTermsOfExistingPods: false };

interface ScoreState {
  readonly topologyScore: Map<string, number>;
}

function addTerm(scores: Map<string, number>, term: AffinityTerm, weight: number, match: { pod: PodInfo; labels: Labels | undefined; node: NodeInfo }): void {
  if (termMatches(term, match.pod, match.labels)) updateCount(scores, match.node, term.topologyKey, weight);
}

function addTerms(scores: Map<string, number>, terms: readonly WeightedAffinityTerm[], sign: number, match: { pod: PodInfo; labels: Labels | undefined; node: NodeInfo }): void {
  for (const { weight, term } of terms) addTerm(scores, term, weight * sign, match);
}

/** The InterPodAffinity score plugin with the given args (weight 2 in the default profile). */
export function interPodAffinityScore(args: InterPodAffinityArgs): ScorePlugin {
  return defineScorePlugin<ScoreState>({
    name: 'InterPodAffinity',
    weight: 2,
    perNode: false,
    preScore(pod, _feasible, cluster) {
      const preferred = pod.preferredAffinityTerms.map((w) => ({ ...w, term: resolveNamespaces(w.term, cluster.namespaceLabels) }));
      const preferredAnti = pod.preferredAntiAffinityTerms.map((w) => ({ ...w, term: resolveNamespaces(w.term, cluster.namespaceLabels) }));
      const hasConstraints = preferred.length + preferredAnti.length > 0;
      if (args.ignorePreferredTermsOfExistingPods && !hasConstraints) return undefined;
      const namespaceLabels = cluster.namespaceLabels.get(pod.namespace) ?? {};
      const topologyScore = new Map<string, number>();
      let touched = false;
      for (const node of hasConstraints ? cluster.nodes : cluster.nodesWithAffinityPods()) {
        for (const existing of hasConstraints ? node.pods : node.podsWithAffinity) {
          touched = true;
          addTerms(topologyScore, preferred, 1, { pod: existing, labels: undefined, node });
          addTerms(topologyScore, preferredAnti, -1, { pod: existing, labels: undefined, node });
          const incoming = { pod, labels: namespaceLabels, node };
          if (args.hardPodAffinityWeight > 0) for (const term of existing.requiredAffinityTerms) addTerm(topologyScore, term, args.hardPodAffinityWeight, incoming);
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
}

export default interPodAffinityScore(DEFAULT_INTER_POD_AFFINITY_ARGS);
