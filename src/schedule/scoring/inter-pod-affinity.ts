// InterPodAffinity score: preferred (anti-)affinity of the pod, and existing pods' terms that match the pod.
// upstream: pkg/scheduler/framework/plugins/interpodaffinity/scoring.go (v1.35)
import type { Labels } from '../../model/labels.js';
import type { ClusterState } from '../framework.js';
import { HOSTNAME_LABEL, type NodeInfo } from '../node-info.js';
import { termMatches, type AffinityTerm, type PodInfo, type WeightedAffinityTerm } from '../pod-info.js';
import { nodesMayHoldMatch, resolveNamespaces } from '../plugins/inter-pod-affinity.js';
import { countedKeys, countedValues, pairKey, updateCount } from '../topology.js';
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

/**
 * The nodes holding pods the pod's terms may match (a superset: per term, the pods of its namespaces labelled with a
 * value of its first `In` requirement, and terminating pods, which that index leaves out but the score counts), or
 * every node when a term reaches every namespace or has no such requirement.
 */
function nodesMatchingTerms(terms: readonly WeightedAffinityTerm[], cluster: ClusterState): Iterable<NodeInfo> {
  const nodes = new Set<NodeInfo>();
  for (const { term } of terms) {
    const holding = nodesMayHoldMatch(term, cluster);
    if (!holding) return cluster.nodes;
    for (const node of holding) nodes.add(node);
  }
  return nodes;
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
      // upstream visits every existing pod once for both directions (processExistingPod); the sums are the same when
      // each direction visits only the pods that may add to it: those the pod's terms may match, then those whose
      // terms may match the pod
      if (hasConstraints) {
        for (const node of nodesMatchingTerms([...preferred, ...preferredAnti], cluster)) {
          for (const existing of node.pods) {
            addTerms(topologyScore, preferred, 1, { pod: existing, labels: undefined, node });
            addTerms(topologyScore, preferredAnti, -1, { pod: existing, labels: undefined, node });
          }
        }
      }
      for (const node of cluster.nodesWithTermsFor(pod)) {
        const incoming = { pod, labels: namespaceLabels, node };
        for (const existing of node.podsWithAffinity) {
          if (args.hardPodAffinityWeight > 0) for (const term of existing.requiredAffinityTerms) addTerm(topologyScore, term, args.hardPodAffinityWeight, incoming);
          addTerms(topologyScore, existing.preferredAffinityTerms, 1, incoming);
          addTerms(topologyScore, existing.preferredAntiAffinityTerms, -1, incoming);
        }
      }
      return topologyScore.size > 0 ? { topologyScore } : undefined;
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
    // A bound replica holds the pod's labels and terms: a term that matches the pod itself (its preferred terms either
    // way, an existing replica's required affinity with hardPodAffinityWeight) gives the next replica a topologyScore.
    activatedByReplicas(pod, cluster) {
      const preferred = [...pod.preferredAffinityTerms, ...pod.preferredAntiAffinityTerms].map(({ term }) => term);
      if (args.ignorePreferredTermsOfExistingPods && preferred.length === 0) return false;
      const namespaceLabels = cluster.namespaceLabels.get(pod.namespace) ?? {};
      const required = args.hardPodAffinityWeight > 0 ? pod.requiredAffinityTerms : [];
      return (
        preferred.some((term) => termMatches(resolveNamespaces(term, cluster.namespaceLabels), pod, undefined) || termMatches(term, pod, namespaceLabels)) ||
        required.some((term) => termMatches(term, pod, namespaceLabels))
      );
    },
    nodeLabelKeys: (_pod, state) => countedKeys(state.topologyScore),
    // Score adds the weight of each of the node's domains with one: a hostname without one adds nothing.
    hostnameHolders: (_pod, state, cluster) => countedValues(state.topologyScore, HOSTNAME_LABEL).flatMap((value) => cluster.nodesLabelled(HOSTNAME_LABEL, value)),
  });
}

export default interPodAffinityScore(DEFAULT_INTER_POD_AFFINITY_ARGS);
