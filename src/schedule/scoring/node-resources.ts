// NodeResourcesFit scores (LeastAllocated, MostAllocated, RequestedToCapacityRatio) and NodeResourcesBalancedAllocation
// over the resources their plugin args name (cpu and memory, weight 1 each, by default).
// upstream: pkg/scheduler/framework/plugins/noderesources/{least_allocated,most_allocated,requested_to_capacity_ratio,
// balanced_allocation,resource_allocation}.go, plugins/helper/shape_score.go BuildBrokenLinearFunction (v1.36); the
// devices of DRA-backed extended resources for NodeResourcesFit's score: dra-resource-totals.ts
import type { ClusterState } from '../framework.js';
import type { NodeInfo } from '../node-info.js';
import type { PodInfo } from '../pod-info.js';
import { CPU, EPHEMERAL_STORAGE, MEMORY, isScalarResourceName } from '../resources.js';
import { MAX_NODE_SCORE, defineScorePlugin, type ScorePlugin } from './score-plugin.js';
import { DRAResourceTotals, type DeviceTotals } from './dra-resource-totals.js';

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

/** A point of helper.FunctionShape: a utilization and the score it maps to, on the scale of the caller. */
export interface FunctionShapePoint {
  readonly utilization: number;
  readonly score: number;
}

/** helper.BuildBrokenLinearFunction: linear between the points, flat beyond them (Go's integer division truncates). */
export function buildBrokenLinearFunction(shape: readonly FunctionShapePoint[]): (p: number) => number {
  return (p) => {
    for (let i = 0; i < shape.length; i++) {
      const point = shape[i];
      const previous = shape[i - 1];
      if (!point || p > point.utilization) continue;
      if (!previous) return point.score;
      return previous.score + Math.trunc(((point.score - previous.score) * (p - previous.utilization)) / (point.utilization - previous.utilization));
    }
    return shape[shape.length - 1]?.score ?? 0;
  };
}

/** A strategy: the score of one resource, whether a score counts towards the mean, and how the mean is rounded. */
interface Strategy {
  readonly resourceScore: (requested: number, capacity: number) => number;
  readonly counts: (score: number) => boolean;
  readonly round: (mean: number) => number;
}

const ALWAYS = (): boolean => true;

/**
 * requestedToCapacityRatioScorer: the shape scaled from MaxCustomPriorityScore to MaxNodeScore; resources scoring 0
 * leave the mean, which is rounded (buildRequestedToCapacityRatioScorerFunction).
 */
function requestedToCapacityRatio(shape: readonly UtilizationShapePoint[]): Strategy {
  const raw = buildBrokenLinearFunction(shape.map((p) => ({ utilization: p.utilization, score: p.score * (MAX_NODE_SCORE / MAX_CUSTOM_PRIORITY_SCORE) })));
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

/** A resource a score reads, with the pod's request of it as the score reads it (worked out once per pod). */
interface PodResource extends ResourceSpec {
  readonly nonZero: boolean;
  readonly podRequest: number;
  /** The DeviceClass that backs it, when the pod requests it and one does (v1.36+). */
  readonly deviceClassName: string | undefined;
}

function podResourcesOf(pod: PodInfo, resources: readonly ResourceSpec[], readsNonZeroOf: (name: string) => boolean): PodResource[] {
  return resources.map(({ name, weight }) => {
    const nonZero = readsNonZeroOf(name);
    return { name, weight, nonZero, podRequest: podRequestOf(pod, name, nonZero), deviceClassName: pod.draExtendedResources.get(name)?.deviceClassName };
  });
}

/**
 * calculateDRAExtendedResourceAllocatableRequest: for a resource a DeviceClass backs that the node does not advertise,
 * the node's devices of the class and those in use; undefined when it has none (the resource is then not scored).
 */
function draDevicesOf(node: NodeInfo, resource: PodResource, dra: DRAResourceTotals | undefined): DeviceTotals | undefined {
  if (!dra || resource.deviceClassName === undefined) return undefined;
  const devices = dra.of(node, resource.deviceClassName);
  return devices.capacity > 0 ? devices : undefined;
}

/** getDRAPreScoredParams: the devices of the DRA-backed resources among `resources`; undefined when the pod requests none. */
function draTotalsFor(resources: readonly PodResource[], cluster: ClusterState): DRAResourceTotals | undefined {
  return resources.some((resource) => resource.deviceClassName !== undefined) ? new DRAResourceTotals(cluster.devices) : undefined;
}

/**
 * calculateResourceAllocatableRequest without the pod, into ALLOCATABLE: [0] the resource's allocatable on the node,
 * [1] what its pods request of it (`nonZero`: as NodeResourcesFit's score reads them); for a resource a DeviceClass
 * backs that the node does not advertise, its devices of the class and those in use. False when the resource is not
 * scored on the node.
 */
// one reused array, no tuple per call: the scores run for every candidate of every pod
function readAllocatable(node: NodeInfo, resource: PodResource, dra: DRAResourceTotals | undefined, nonZero: boolean): boolean {
  const { name, podRequest } = resource;
  const capacity = scoredCapacity(node, name, podRequest);
  if (capacity !== 0) {
    ALLOCATABLE[0] = capacity;
    ALLOCATABLE[1] = usedOf(node, name, nonZero);
    return true;
  }
  const devices = draDevicesOf(node, resource, dra);
  if (!devices) return false;
  ALLOCATABLE[0] = devices.capacity;
  ALLOCATABLE[1] = devices.allocated;
  return true;
}

const ALLOCATABLE = new Float64Array(2);

function weightedMean(node: NodeInfo, state: FitScoreState, strategy: Strategy): number {
  let nodeScore = 0;
  let weightSum = 0;
  const { resources } = state;
  for (let index = 0; index < resources.length; index++) {
    const resource = resources[index] as PodResource;
    if (!readAllocatable(node, resource, state.dra, resource.nonZero)) continue;
    const capacity = ALLOCATABLE[0] as number;
    const requested = (ALLOCATABLE[1] as number) + resource.podRequest;
    const { weight } = resource;
    const score = strategy.resourceScore(requested, capacity);
    if (!strategy.counts(score)) continue;
    nodeScore += score * weight;
    weightSum += weight;
  }
  return weightSum === 0 ? 0 : strategy.round(nodeScore / weightSum);
}

interface FitScoreState {
  readonly resources: readonly PodResource[];
  /** The devices of the DRA-backed resources the pod requests (getDRAPreScoredParams); undefined when it requests none. */
  readonly dra: DRAResourceTotals | undefined;
}

/** NodeResourcesFit's score plugin with the given strategy (weight 1 in the default profile). */
export function nodeResourcesFitScore(strategy: ScoringStrategy): ScorePlugin {
  const scorer = strategyOf(strategy);
  return defineScorePlugin<FitScoreState>({
    name: 'NodeResourcesFit',
    weight: 1,
    perNode: true,
    preScore(pod, _feasible, cluster) {
      const resources = podResourcesOf(pod, strategy.resources, readsNonZero);
      return { resources, dra: draTotalsFor(resources, cluster) };
    },
    score: (_pod, node, state) => weightedMean(node, state, scorer),
    // the devices of a node's slices are the node's own
    usesNodeName: (_pod, state) => state.dra !== undefined,
  });
}

export const leastAllocated = nodeResourcesFitScore(DEFAULT_SCORING_STRATEGY);

const NEVER = (): boolean => false;

/**
 * The requested fraction of each resource the node has (from v1.36 the devices of a DRA-backed one it does not
 * advertise), capped at 1, without and with the pod on the node: the first `count` entries of FRACTIONS_WITHOUT and
 * FRACTIONS_WITH (reused, scoring runs for every node and allocates nothing).
 */
function fractionsOf(node: NodeInfo, { resources, dra }: FitScoreState): number {
  let count = 0;
  for (let index = 0; index < resources.length; index++) {
    const resource = resources[index] as PodResource;
    if (!readAllocatable(node, resource, dra, false)) continue;
    const capacity = ALLOCATABLE[0] as number;
    const used = ALLOCATABLE[1] as number;
    FRACTIONS_WITHOUT[count] = Math.min(1, used / capacity);
    FRACTIONS_WITH[count++] = Math.min(1, (used + resource.podRequest) / capacity);
  }
  return count;
}

const FRACTIONS_WITHOUT: number[] = [];
const FRACTIONS_WITH: number[] = [];

/** (1 - standard deviation of the first `count` requested fractions, each capped at 1) * 100. */
// upstream: noderesources/balanced_allocation.go balancedResourceScorer
function balanceOf(fractions: readonly number[], count: number): number {
  let std = 0;
  if (count === 2) std = Math.abs(((fractions[0] ?? 0) - (fractions[1] ?? 0)) / 2);
  else if (count > 2) {
    let sum = 0;
    for (let index = 0; index < count; index++) sum += fractions[index] ?? 0;
    const mean = sum / count;
    let squares = 0;
    for (let index = 0; index < count; index++) squares += ((fractions[index] ?? 0) - mean) * ((fractions[index] ?? 0) - mean);
    std = Math.sqrt(squares / count);
  }
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

type BalanceScorer = (node: NodeInfo, state: FitScoreState) => number;

/** v1.35 and older: the balance of the node with the pod on it. */
const balanceWithPod: BalanceScorer = (node, state) => balanceOf(FRACTIONS_WITH, fractionsOf(node, state));

const HALF_SCORE = MAX_NODE_SCORE / 2;

/**
 * v1.36+: how much the pod improves the node's balance, 75 for no change, 50 from perfectly balanced to perfectly
 * imbalanced, 100 the other way (kubernetes#135573).
 */
// upstream: noderesources/balanced_allocation.go balancedResourceScorer(requested, allocated, allocatable) (v1.36)
const balanceChange: BalanceScorer = (node, state) => {
  const count = fractionsOf(node, state);
  return HALF_SCORE + Math.trunc((HALF_SCORE + balanceOf(FRACTIONS_WITH, count) - balanceOf(FRACTIONS_WITHOUT, count)) / 2);
};

/** The v1.35 and older score of the pod on the node. */
export function balancedAllocationScore(pod: PodInfo, node: NodeInfo, resources: readonly ResourceSpec[] = DEFAULT_RESOURCES): number {
  return balanceWithPod(node, { resources: podResourcesOf(pod, resources, NEVER), dra: undefined });
}

/** A pod requesting none of the scored resources, as resourceAllocationScorer.isBestEffortPod. */
export function isBestEffortPod(pod: PodInfo, resources: readonly ResourceSpec[] = DEFAULT_RESOURCES): boolean {
  return resources.every(({ name }) => (pod.requests[name] ?? 0n) === 0n);
}

/** Since v1.33 PreScore skips best-effort pods so they do not pile onto one node (kubernetes#129138). */
const SKIPS_BEST_EFFORT_SINCE = 33;
/** Since v1.36 the score is the change of balance the pod brings, not the balance with it (kubernetes#135573). */
const SCORES_BALANCE_CHANGE_SINCE = 36;

/** The balance scorer of a release, the pod's requests it reads and the devices of those a DeviceClass backs. */
interface BalanceState extends FitScoreState {
  readonly scorer: BalanceScorer;
}

/** NodeResourcesBalancedAllocation over `resources` (NodeResourcesBalancedAllocationArgs; weight 1 by default). */
export function balancedAllocationOf(resources: readonly ResourceSpec[]): ScorePlugin {
  return defineScorePlugin<BalanceState>({
    name: 'NodeResourcesBalancedAllocation',
    weight: 1,
    perNode: true,
    // upstream: noderesources/balanced_allocation.go PreScore (v1.33+)
    preScore(pod, _feasible, cluster) {
      if (cluster.minor >= SKIPS_BEST_EFFORT_SINCE && isBestEffortPod(pod, resources)) return undefined;
      const scorer = cluster.minor >= SCORES_BALANCE_CHANGE_SINCE ? balanceChange : balanceWithPod;
      const podResources = podResourcesOf(pod, resources, NEVER);
      return { scorer, resources: podResources, dra: draTotalsFor(podResources, cluster) };
    },
    score: (_pod, node, state) => state.scorer(node, state),
    // the devices of a node's slices are the node's own
    usesNodeName: (_pod, state) => state.dra !== undefined,
  });
}

export const balancedAllocation = balancedAllocationOf(DEFAULT_RESOURCES);
