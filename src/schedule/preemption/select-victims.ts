// SelectVictimsOnNode: the fewest lower-priority pods to evict from one node so that the preemptor fits there.
// upstream: pkg/scheduler/framework/plugins/defaultpreemption/default_preemption.go SelectVictimsOnNode;
// pkg/scheduler/util/utils.go MoreImportantPod, GetPodStartTime (v1.35)
import { sortSlice } from '../../model/go-sort.js';
import type { ClusterState, FailureCode } from '../framework.js';
import type { NodeClasses } from '../node-classes.js';
import { removePodsForDryRun, type NodeInfo } from '../node-info.js';
import { filterWithNominatedPods, type NominatedPods } from '../nominated-pods.js';
import type { PodInfo } from '../pod-info.js';
import type { PreparedPod } from '../run-filters.js';
import { filterPodsWithPDBViolation, type PodDisruptionBudget } from './pod-disruption-budgets.js';

/** Where the what-if runs: the current nodes and cluster, and the budgets. */
export interface PreemptionScope {
  readonly nodes: NodeClasses;
  readonly cluster: ClusterState;
  readonly budgets: readonly PodDisruptionBudget[];
  /** No pod on any node has a lower priority: a pod at or below it finds no victims anywhere. */
  readonly lowestPriority?: number;
  /** Which lower-priority pods may be evicted (all when absent). */
  readonly evictable?: (pod: PodInfo) => boolean;
  /** Pods nominated to nodes and not bound yet (none when absent). */
  readonly nominated?: NominatedPods;
}

export interface Candidate {
  readonly index: number;
  /** From the most to the least important. */
  readonly victims: readonly PodInfo[];
  readonly numPDBViolations: number;
}

/** Why a node is no candidate: the status SelectVictimsOnNode (or DryRunPreemption) gives it. */
export interface DryRunStatus {
  readonly code: FailureCode | 'Error';
  readonly reasons: readonly string[];
}

export const NO_VICTIMS: DryRunStatus = { code: 'UnschedulableAndUnresolvable', reasons: ['No preemption victims found for incoming pod'] };

/** GetPodStartTime: a pod that has not started counts as starting now (after every recorded start). */
export function startTimeOf(pod: PodInfo): number {
  const time = pod.startTime === undefined ? Number.NaN : Date.parse(pod.startTime);
  return Number.isNaN(time) ? Number.POSITIVE_INFINITY : time;
}

/**
 * MoreImportantPod: the higher priority, then the earlier start. GetPodStartTime reads time.Now() for each pod not
 * started yet, the first pod's before the second's, so of two such pods the first is always the more important one:
 * Go's sort.Slice (sortSlice) turns that into a definite order (the reverse of the node's, up to 12 pods).
 */
function moreImportantPod(a: PodInfo, b: PodInfo): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority;
  const aStart = startTimeOf(a);
  const bStart = startTimeOf(b);
  return aStart === Number.POSITIVE_INFINITY && bStart === Number.POSITIVE_INFINITY ? true : aStart < bStart;
}

/** sort.Slice(pods, MoreImportantPod), on a copy. */
function byImportance(pods: readonly PodInfo[]): PodInfo[] {
  const sorted = [...pods];
  sortSlice(sorted, moreImportantPod);
  return sorted;
}

/**
 * The filters' verdict on `node` standing in for node `index`, with the pods nominated there that the preemptor must
 * leave room for (upstream: SelectVictimsOnNode runs RunFilterPluginsWithNominatedPods).
 */
function statusOn(prepared: PreparedPod, index: number, node: NodeInfo, scope: PreemptionScope): DryRunStatus | undefined {
  return filterWithNominatedPods(prepared, index, node, scope.nodes, scope.nominated);
}

/** From this minor release on, victims are sorted by importance once reprieved (each minor's newest patch). */
const VICTIMS_SORTED_SINCE = 29;

/**
 * The victims on node `index`, or the node's status when evicting every lower-priority pod would not make room
 * (upstream: "No preemption victims found for incoming pod" when there is nothing to evict).
 */
export function selectVictimsOnNode(prepared: PreparedPod, index: number, scope: PreemptionScope): Candidate | DryRunStatus {
  const node = scope.nodes.nodes[index];
  const { evictable } = scope;
  const potential = node?.pods.filter((pod) => pod.priority < prepared.pod.priority && (!evictable || evictable(pod))) ?? [];
  if (!node || potential.length === 0) return NO_VICTIMS;
  const status = statusOn(prepared, index, removePodsForDryRun(node, potential), scope);
  if (status) return status;
  // Reprieve as many as possible: budget-violating pods first, each group from the most important down. Entries are
  // bound copies (replicas placed by kubefit share a PodInfo), so a reprieve gives back one copy.
  const { violating, nonViolating } = filterPodsWithPDBViolation(byImportance(potential), scope.budgets);
  const victims: PodInfo[] = [];
  let undecided = [...violating, ...nonViolating];
  const reprieve = (pod: PodInfo): boolean => {
    undecided = undecided.slice(1);
    if (!statusOn(prepared, index, removePodsForDryRun(node, [...victims, ...undecided]), scope)) return true;
    victims.push(pod);
    return false;
  };
  let numPDBViolations = 0;
  for (const pod of violating) if (!reprieve(pod)) numPDBViolations++;
  for (const pod of nonViolating) reprieve(pod);
  // upstream: DryRunPreemption turns an empty victim list into an error status.
  if (victims.length === 0) return { code: 'Error', reasons: [`expected at least one victim pod on node "${node.name}"`] };
  // the sort came with kubernetes#128307 (1.29.11, 1.30.7, 1.31.3, 1.32); 1.27 and 1.28 never got it
  const sorted = violating.length > 0 && nonViolating.length > 0 && scope.cluster.minor >= VICTIMS_SORTED_SINCE;
  return { index, victims: sorted ? byImportance(victims) : victims, numPDBViolations };
}
