// NodeResourcesFit scores (LeastAllocated, MostAllocated, RequestedToCapacityRatio) and NodeResourcesBalancedAllocation
// over the resources their plugin args name (cpu and memory, weight 1 each, by default).
// upstream: pkg/scheduler/framework/plugins/noderesources/{least_allocated,most_allocated,requested_to_capacity_ratio,
// balanced_allocation,resource_allocation}.go, plugins/helper/shape_score.go BuildBrokenLinearFunction (v1.36)
import type { NodeInfo } from '../node-info.js';
import type { PodInfo } from '../pod-info.js';
import { CPU, EPHEMERAL_STORAGE, MEMORY, isScalarResourceName } from '../resources.js';
import { MAX_NODE_SCORE, defineScorePlugin, type ScorePlugin } from './score-plugin.js';

/** A resource a score reads, with its weight (config.ResourceSpec). */
export interface ResourceSpec {
  readonly name: string;
  readonly weight: number;
}

/** A point of RequestedToCapacityRatio's shape: utilization 0-100 maps to score 0-10. */
export interface UtilizationShapePoint {
  readonly utilization: number;
  readonly score: number;
}

/** NodeResourcesFitArgs.scoringStrategy after defaulting. */
export type ScoringStrategy =
  | { readonly type: 'LeastAllocated' | 'MostAllocated'; readonly resources: readonly ResourceSpec[] }
  | { readonly type: 'RequestedToCapacityRatio'; readonly resources: readonly ResourceSpec[]; readonly shape: readonly UtilizationShapePoint[] };

/** defaultResourceSpec (pkg/scheduler/apis/config/v1/defaults.go). */
export const DEFAULT_RESOURCES: readonly ResourceSpec[] = [
  { name: CPU, weight: 1 },
  { name: MEMORY, weight: 1 },
];

export const DEFAULT_SCORING_STRATEGY: ScoringStrategy = { type: 'LeastAllocated', resources: DEFAULT_RESOURCES };

/** config.MaxCustomPriorityScore: shape scores run 0-10 and are scaled to MaxNodeScore. */
const MAX_CUSTOM_PRIORITY_SCORE = 10;
const MAX_UTILIZATION = 100;


/** NodeResourcesFit's score reads the non-zero cpu and memory requests (scoring's 100m / 200Mi defaults). */
function readsNonZero(name: string): boolean {
  return name === CPU || name === MEMORY;
}

/** The pod's request of `name` as the score reads it. */
// Integer arithmetic as upstream's int64; cpu millicores and memory bytes stay far below 2^53.
function podRequestOf(pod: PodInfo, name: string, nonZero: boolean): number {
  return Number((nonZero ? pod.nonZeroRequests[name] : pod.requests[name]) ?? 0n);
}

/**
 * calculateResourceAllocatableRequest's allocatable amount: 0 (skip the resource) for a scalar resource the pod does
 * not request, a resource the node lacks, or a name that is neither native nor scalar.
 */
// upstream: noderesources/resource_allocation.go score, calculateResourceAllocatableRequest (v1.36)
function scoredCapacity(node: NodeInfo, name: string, podRequest: number): number {
  const native = name === CPU || name === MEMORY || name === EPHEMERAL_STORAGE;
  return native || (isScalarResourceName(name) && podRequest !== 0) ? Number(node.allocatable[name] ?? 0n) : 0;
}

/** What the node's pods request of `name` as the score reads it. */
function usedOf(node: NodeInfo, name: string, nonZero: boolean): number {
  return Number((nonZero ? node.nonZeroRequested : node.requested)[name] ?? 0n);
}

/** leastRequestedScore: (capacity - requested) * 100 / capacity, 0 when over-committed. */
function leastRequestedScore(requested: number, capacity: number): number {
  if (requested > capacity) return 0;
  return Math.floor(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

/** mostRequestedScore: requested * 100 / capacity, requested capped at capacity. */
function mostRequestedScore(requested: number, capacity: number): number {
  return Math.floor((Math.min(requested, capacity) * MAX_NODE_SCORE) / capacity);
}

/** helper.BuildBrokenLinearFunction over the shape scaled to MaxNodeScore (Go's integer division truncates). */
function brokenLinear(shape: readonly UtilizationShapePoint[]): (utilization: number) => number {
  const points = shape.map((p) => ({ utilization: p.utilization, score: p.score * (MAX_NODE_SCORE / MAX_CUSTOM_PRIORITY_SCORE) }));
  return (p) => {
    for (let i = 0; i < points.length; i++) {
      const point = points[i];
      const previous = points[i - 1];
      if (!point || p > point.utilization) continue;
      if (!previous) return point.score;
      return previous.score + Math.trunc(((point.score - previous.score) * (p - previous.utilization)) / (point.utilization - previous.utilization));
    }
    return points[points.length - 1]?.score ?? 0;
  };
}

/** A strategy: the score of one resource, whether a score counts towards the mean, and how the mean is rounded. */
interface Strategy {
  readonly resourceScore: (requested: number, capacity: number) => number;
  readonly counts: (score: number) => boolean;
  readonly round: (mean: number) => number;
}

const ALWAYS = (): boolean => true;

/** buildRequestedToCapacityRatioScorerFunction: resources scoring 0 leave the mean, which is rounded. */
function requestedToCapacityRatio(shape: readonly UtilizationShapePoint[]): Strategy {
  const raw = brokenLinear(shape);
  return {
    resourceScore: (requested, capacity) => raw(requested >= capacity ? MAX_UTILIZATION : requested <= 0 ? 0 : Math.floor((requested * MAX_UTILIZATION) / capacity)),
    counts: (score) => score > 0,
    round: Math.round,
  };
}

/** leastResourceScorer / mostResourceScorer (the integer weighted mean), or the ratio scorer. */
function strategyOf(strategy: ScoringStrategy): Strategy {
  if (strategy.type === 'RequestedToCapacityRatio') return requestedToCapacityRatio(strategy.shape);
  return { resourceScore: strategy.type === 'MostAllocated' ? mostRequestedScore : leastRequestedScore, counts: ALWAYS, round: Math.floor };
}

function weightedMean(pod: PodInfo, node: NodeInfo, resources: readonly ResourceSpec[], strategy: Strategy): number {
  let nodeScore = 0;
  let weightSum = 0;
  for (const { name, weight } of resources) {
    const nonZero = readsNonZero(name);
    const podRequest = podRequestOf(pod, name, nonZero);
    const capacity = scoredCapacity(node, name, podRequest);
    if (capacity === 0) continue;
    const score = strategy.resourceScore(usedOf(node, name, nonZero) + podRequest, capacity);
    if (!strategy.counts(score)) continue;
    nodeScore += score * weight;
    weightSum += weight;
  }
  return weightSum === 0 ? 0 : strategy.round(nodeScore / weightSum);
}

/** resourceAllocationScorer.score for NodeResourcesFit's strategy. */
export function resourceAllocationScore(pod: PodInfo, node: NodeInfo, strategy: ScoringStrategy): number {
  return weightedMean(pod, node, strategy.resources, strategyOf(strategy));
}

/** The default LeastAllocated score over cpu and memory. */
export function leastAllocatedScore(pod: PodInfo, node: NodeInfo): number {
  return resourceAllocationScore(pod, node, DEFAULT_SCORING_STRATEGY);
}

/** NodeResourcesFit's score plugin with the given strategy (weight 1 in the default profile). */
export function nodeResourcesFitScore(strategy: ScoringStrategy): ScorePlugin {
  const scorer = strategyOf(strategy);
  return defineScorePlugin<true>({
    name: 'NodeResourcesFit',
    weight: 1,
    perNode: true,
    preScore: () => true,
    score: (pod, node) => weightedMean(pod, node, strategy.resources, scorer),
  });
}

export const leastAllocated = nodeResourcesFitScore(DEFAULT_SCORING_STRATEGY);

/** (1 - standard deviation of the requested fractions, each capped at 1) * 100. */
// upstream: noderesources/balanced_allocation.go balancedResourceScorer
function balanceOf(pod: PodInfo, node: NodeInfo, resources: readonly ResourceSpec[], withPod: boolean): number {
  const fractions: number[] = [];
  for (const { name } of resources) {
    const podRequest = podRequestOf(pod, name, false);
    const capacity = scoredCapacity(node, name, podRequest);
    if (capacity !== 0) fractions.push(Math.min(1, (usedOf(node, name, false) + (withPod ? podRequest : 0)) / capacity));
  }
  let std = 0;
  if (fractions.length === 2) std = Math.abs(((fractions[0] ?? 0) - (fractions[1] ?? 0)) / 2);
  else if (fractions.length > 2) {
    const mean = fractions.reduce((sum, f) => sum + f, 0) / fractions.length;
    std = Math.sqrt(fractions.reduce((sum, f) => sum + (f - mean) * (f - mean), 0) / fractions.length);
  }
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

/** v1.35 and older: the balance of the node with the pod on it. */
export function balancedAllocationScore(pod: PodInfo, node: NodeInfo, resources: readonly ResourceSpec[] = DEFAULT_RESOURCES): number {
  return balanceOf(pod, node, resources, true);
}

const HALF_SCORE = MAX_NODE_SCORE / 2;

/**
 * v1.36+: how much the pod improves the node's balance, 75 for no change, 50 from perfectly balanced to perfectly
 * imbalanced, 100 the other way (kubernetes#135573).
 */
// upstream: noderesources/balanced_allocation.go balancedResourceScorer(requested, allocated, allocatable) (v1.36)
export function balanceChangeScore(pod: PodInfo, node: NodeInfo, resources: readonly ResourceSpec[] = DEFAULT_RESOURCES): number {
  const withPod = balanceOf(pod, node, resources, true);
  const withoutPod = balanceOf(pod, node, resources, false);
  return HALF_SCORE + Math.trunc((HALF_SCORE + withPod - withoutPod) / 2);
}

/** A pod requesting none of the scored resources, as resourceAllocationScorer.isBestEffortPod. */
export function isBestEffortPod(pod: PodInfo, resources: readonly ResourceSpec[] = DEFAULT_RESOURCES): boolean {
  return resources.every(({ name }) => (pod.requests[name] ?? 0n) === 0n);
}

/** Since v1.33 PreScore skips best-effort pods so they do not pile onto one node (kubernetes#129138). */
const SKIPS_BEST_EFFORT_SINCE = 33;
/** Since v1.36 the score is the change of balance the pod brings, not the balance with it (kubernetes#135573). */
const SCORES_BALANCE_CHANGE_SINCE = 36;

type BalanceScorer = (pod: PodInfo, node: NodeInfo, resources: readonly ResourceSpec[]) => number;

/** NodeResourcesBalancedAllocation over `resources` (NodeResourcesBalancedAllocationArgs; weight 1 by default). */
export function balancedAllocationOf(resources: readonly ResourceSpec[]): ScorePlugin {
  return defineScorePlugin<BalanceScorer>({
    name: 'NodeResourcesBalancedAllocation',
    weight: 1,
    perNode: true,
    // upstream: noderesources/balanced_allocation.go PreScore (v1.33+)
    preScore(pod, _feasible, cluster) {
      if (cluster.minor >= SKIPS_BEST_EFFORT_SINCE && isBestEffortPod(pod, resources)) return undefined;
      return cluster.minor >= SCORES_BALANCE_CHANGE_SINCE ? balanceChangeScore : balancedAllocationScore;
    },
    score: (pod, node, scorer) => scorer(pod, node, resources),
  });
}

export const balancedAllocation = balancedAllocationOf(DEFAULT_RESOURCES);
