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

/** Per resource, the node's allocatable amount and what is requested there, 0 and 0 for a resource to skip. */
interface ResourceVectors {
  readonly requested: number[];
  readonly allocatable: number[];
}

/**
 * calculateResourceAllocatableRequest per resource: a scalar resource the pod does not request or the node lacks is
 * skipped. `useRequested` false reads the non-zero cpu and memory requests (NodeResourcesFit), true the actual ones
 * (BalancedAllocation); `withPod` false leaves the pod's own request out (BalancedAllocation's balance before, v1.36).
 */
// upstream: noderesources/resource_allocation.go score, calculateResourceAllocatableRequest (v1.36)
function vectorsOf(pod: PodInfo, node: NodeInfo, resources: readonly ResourceSpec[], mode: { useRequested: boolean; withPod: boolean }): ResourceVectors {
  const requested: number[] = [];
  const allocatable: number[] = [];
  for (const { name } of resources) {
    const nonZero = !mode.useRequested && (name === CPU || name === MEMORY);
    // Integer arithmetic as upstream's int64; cpu millicores and memory bytes stay far below 2^53.
    const podRequest = Number((nonZero ? pod.nonZeroRequests[name] : pod.requests[name]) ?? 0n);
    const added = mode.withPod ? podRequest : 0;
    const native = name === CPU || name === MEMORY || name === EPHEMERAL_STORAGE;
    const alloc = native || (isScalarResourceName(name) && podRequest !== 0) ? Number(node.allocatable[name] ?? 0n) : 0;
    allocatable.push(alloc);
    requested.push(alloc === 0 ? 0 : Number((nonZero ? node.nonZeroRequested : node.requested)[name] ?? 0n) + added);
  }
  return { requested, allocatable };
}

/** leastRequestedScore: (capacity - requested) * 100 / capacity, 0 when over-committed. */
function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.floor(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

/** mostRequestedScore: requested * 100 / capacity, requested capped at capacity. */
function mostRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0) return 0;
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

type Scorer = (requested: readonly number[], allocatable: readonly number[], resources: readonly ResourceSpec[]) => number;

/** leastResourceScorer / mostResourceScorer: the weighted mean of the per-resource scores, integer. */
function weightedMean(resourceScore: (requested: number, capacity: number) => number): Scorer {
  return (requested, allocatable, resources) => {
    let nodeScore = 0;
    let weightSum = 0;
    resources.forEach(({ weight }, i) => {
      const capacity = allocatable[i] ?? 0;
      if (capacity === 0) return;
      nodeScore += resourceScore(requested[i] ?? 0, capacity) * weight;
      weightSum += weight;
    });
    return weightSum === 0 ? 0 : Math.floor(nodeScore / weightSum);
  };
}

/** buildRequestedToCapacityRatioScorerFunction: resources scoring 0 leave the mean; rounded. */
function requestedToCapacityRatio(shape: readonly UtilizationShapePoint[]): Scorer {
  const raw = brokenLinear(shape);
  const resourceScore = (requested: number, capacity: number): number =>
    raw(capacity === 0 || requested >= capacity ? MAX_UTILIZATION : requested <= 0 ? 0 : Math.floor((requested * MAX_UTILIZATION) / capacity));
  return (requested, allocatable, resources) => {
    let nodeScore = 0;
    let weightSum = 0;
    resources.forEach(({ weight }, i) => {
      const capacity = allocatable[i] ?? 0;
      if (capacity === 0) return;
      const score = resourceScore(requested[i] ?? 0, capacity);
      if (score <= 0) return;
      nodeScore += score * weight;
      weightSum += weight;
    });
    return weightSum === 0 ? 0 : Math.round(nodeScore / weightSum);
  };
}

function scorerOf(strategy: ScoringStrategy): Scorer {
  if (strategy.type === 'RequestedToCapacityRatio') return requestedToCapacityRatio(strategy.shape);
  return weightedMean(strategy.type === 'MostAllocated' ? mostRequestedScore : leastRequestedScore);
}

/** resourceAllocationScorer.score for NodeResourcesFit's strategy. */
export function resourceAllocationScore(pod: PodInfo, node: NodeInfo, strategy: ScoringStrategy): number {
  const { requested, allocatable } = vectorsOf(pod, node, strategy.resources, { useRequested: false, withPod: true });
  return scorerOf(strategy)(requested, allocatable, strategy.resources);
}

/** The default LeastAllocated score over cpu and memory. */
export function leastAllocatedScore(pod: PodInfo, node: NodeInfo): number {
  return resourceAllocationScore(pod, node, DEFAULT_SCORING_STRATEGY);
}

/** NodeResourcesFit's score plugin with the given strategy (weight 1 in the default profile). */
export function nodeResourcesFitScore(strategy: ScoringStrategy): ScorePlugin {
  const scorer = scorerOf(strategy);
  return defineScorePlugin<true>({
    name: 'NodeResourcesFit',
    weight: 1,
    perNode: true,
    preScore: () => true,
    score: (pod, node) => {
      const { requested, allocatable } = vectorsOf(pod, node, strategy.resources, { useRequested: false, withPod: true });
      return scorer(requested, allocatable, strategy.resources);
    },
  });
}

export const leastAllocated = nodeResourcesFitScore(DEFAULT_SCORING_STRATEGY);

/** (1 - standard deviation of the requested fractions, each capped at 1) * 100. */
// upstream: noderesources/balanced_allocation.go balancedResourceScorer
function balanceOf({ requested, allocatable }: ResourceVectors): number {
  const fractions: number[] = [];
  allocatable.forEach((capacity, i) => {
    if (capacity !== 0) fractions.push(Math.min(1, (requested[i] ?? 0) / capacity));
  });
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
  return balanceOf(vectorsOf(pod, node, resources, { useRequested: true, withPod: true }));
}

const HALF_SCORE = MAX_NODE_SCORE / 2;

/**
 * v1.36+: how much the pod improves the node's balance, 75 for no change, 50 from perfectly balanced to perfectly
 * imbalanced, 100 the other way (kubernetes#135573).
 */
// upstream: noderesources/balanced_allocation.go balancedResourceScorer(requested, allocated, allocatable) (v1.36)
export function balanceChangeScore(pod: PodInfo, node: NodeInfo, resources: readonly ResourceSpec[] = DEFAULT_RESOURCES): number {
  const withPod = balanceOf(vectorsOf(pod, node, resources, { useRequested: true, withPod: true }));
  const withoutPod = balanceOf(vectorsOf(pod, node, resources, { useRequested: true, withPod: false }));
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
