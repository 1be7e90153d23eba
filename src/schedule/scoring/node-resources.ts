// NodeResourcesFit (LeastAllocated) and NodeResourcesBalancedAllocation scores over cpu and memory, weight 1 each.
// upstream: pkg/scheduler/framework/plugins/noderesources/{least_allocated,balanced_allocation,resource_allocation}.go (v1.36)
import type { NodeInfo } from '../node-info.js';
import type { PodInfo } from '../pod-info.js';
import { CPU, MEMORY, type ResourceAmounts } from '../resources.js';
import { MAX_NODE_SCORE, defineScorePlugin } from './score-plugin.js';

const RESOURCES = [CPU, MEMORY] as const;

/** (allocatable - requested) * 100 / allocatable, integer, 0 when over-committed; resources without allocatable skipped. */
export function leastAllocatedScore(pod: PodInfo, node: NodeInfo): number {
  let total = 0;
  let weights = 0;
  for (const name of RESOURCES) {
    // Integer arithmetic as upstream's int64; cpu millicores and memory bytes stay far below 2^53.
    const capacity = Number(node.allocatable[name] ?? 0n);
    if (capacity === 0) continue;
    const requested = Number((node.nonZeroRequested[name] ?? 0n) + (pod.nonZeroRequests[name] ?? 0n));
    total += requested > capacity ? 0 : Math.floor(((capacity - requested) * MAX_NODE_SCORE) / capacity);
    weights += 1;
  }
  return weights === 0 ? 0 : Math.floor(total / weights);
}

/** (1 - standard deviation of the requested fractions) * 100 for the node's actual requests plus `added`. */
function balanceScore(node: NodeInfo, added: ResourceAmounts): number {
  const fractions: number[] = [];
  for (const name of RESOURCES) {
    const capacity = node.allocatable[name] ?? 0n;
    if (capacity === 0n) continue;
    const requested = (node.requested[name] ?? 0n) + (added[name] ?? 0n);
    fractions.push(Math.min(1, Number(requested) / Number(capacity)));
  }
  const std = fractions.length === 2 ? Math.abs(((fractions[0] ?? 0) - (fractions[1] ?? 0)) / 2) : 0;
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

/** v1.35 and older: the balance of the node with the pod on it. */
export function balancedAllocationScore(pod: PodInfo, node: NodeInfo): number {
  return balanceScore(node, pod.requests);
}

const HALF_SCORE = MAX_NODE_SCORE / 2;
const NO_REQUESTS: ResourceAmounts = {};

/**
 * v1.36+: how much the pod improves the node's balance, 75 for no change, 50 from perfectly balanced to perfectly
 * imbalanced, 100 the other way (kubernetes#135573).
 */
// upstream: noderesources/balanced_allocation.go balancedResourceScorer(requested, allocated, allocatable) (v1.36)
export function balanceChangeScore(pod: PodInfo, node: NodeInfo): number {
  const withPod = balanceScore(node, pod.requests);
  const withoutPod = balanceScore(node, NO_REQUESTS);
  return HALF_SCORE + Math.trunc((HALF_SCORE + withPod - withoutPod) / 2);
}

export const leastAllocated = defineScorePlugin<true>({
  name: 'NodeResourcesFit',
  weight: 1,
  perNode: true,
  preScore: () => true,
  score: leastAllocatedScore,
});

/** A pod requesting no cpu and no memory (its scoring resources), as resourceAllocationScorer.isBestEffortPod. */
export function isBestEffortPod(pod: PodInfo): boolean {
  return RESOURCES.every((name) => (pod.requests[name] ?? 0n) === 0n);
}

/** Since v1.33 PreScore skips best-effort pods so they do not pile onto one node (kubernetes#129138). */
const SKIPS_BEST_EFFORT_SINCE = 33;
/** Since v1.36 the score is the change of balance the pod brings, not the balance with it (kubernetes#135573). */
const SCORES_BALANCE_CHANGE_SINCE = 36;

type BalanceScorer = (pod: PodInfo, node: NodeInfo) => number;

export const balancedAllocation = defineScorePlugin<BalanceScorer>({
  name: 'NodeResourcesBalancedAllocation',
  weight: 1,
  perNode: true,
  // upstream: noderesources/balanced_allocation.go PreScore (v1.33+)
  preScore(pod, _feasible, cluster) {
    if (cluster.minor >= SKIPS_BEST_EFFORT_SINCE && isBestEffortPod(pod)) return undefined;
    return cluster.minor >= SCORES_BALANCE_CHANGE_SINCE ? balanceChangeScore : balancedAllocationScore;
  },
  score: (pod, node, scorer) => scorer(pod, node),
});
