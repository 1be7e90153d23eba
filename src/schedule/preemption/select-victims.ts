// SelectVictimsOnNode: the fewest lower-priority pods to evict from one node so that the preemptor fits there.
// upstream: pkg/scheduler/framework/plugins/defaultpreemption/default_preemption.go SelectVictimsOnNode;
// pkg/scheduler/util/utils.go MoreImportantPod, GetPodStartTime (v1.35)
import type { ClusterState } from '../framework.js';
import { NodeClasses } from '../node-classes.js';
import { removePodsFromNode, type NodeInfo } from '../node-info.js';
import type { PodInfo } from '../pod-info.js';
import { filterNode, runPreFilters, type PreparedPod } from '../run-filters.js';
import { filterPodsWithPDBViolation, type PodDisruptionBudget } from './pod-disruption-budgets.js';

/** Where the what-if runs: the current nodes and cluster, and the budgets. */
export interface PreemptionScope {
  readonly nodes: NodeClasses;
  readonly cluster: ClusterState;
  readonly budgets: readonly PodDisruptionBudget[];
}

export interface Candidate {
  readonly index: number;
  /** From the most to the least important. */
  readonly victims: readonly PodInfo[];
  readonly numPDBViolations: number;
}

/** GetPodStartTime: a pod that has not started counts as starting now (after every recorded start). */
export function startTimeOf(pod: PodInfo): number {
  const time = pod.startTime === undefined ? Number.NaN : Date.parse(pod.startTime);
  return Number.isNaN(time) ? Number.POSITIVE_INFINITY : time;
}

/** MoreImportantPod as a comparator: higher priority first, then the earlier start. */
export function byImportance(a: PodInfo, b: PodInfo): number {
  return b.priority - a.priority || startTimeOf(a) - startTimeOf(b) || 0;
}

/**
 * The filters' verdict on `node` standing in for node `index`. Plugins whose PreFilter state counts pods elsewhere
 * (spreading, affinity, ReadWriteOncePod, volume bindings) are prepared again on the changed cluster, which is what
 * upstream's RemovePod/AddPod extensions amount to.
 */
function fits(prepared: PreparedPod, index: number, node: NodeInfo, scope: PreemptionScope): boolean {
  if (!prepared.tracksPods) return filterNode(prepared, node) === undefined;
  // The plugins that read the node alone decide first, without preparing anything again.
  const local = { ...prepared, active: prepared.active.filter(({ plugin }) => !plugin.addPod) };
  if (filterNode(local, node) !== undefined) return false;
  const changed = new NodeClasses(scope.nodes.nodes.map((n, i) => (i === index ? node : n)));
  const { namespaceLabels, minor, storage } = scope.cluster;
  const again = runPreFilters(prepared.pod, changed.clusterState(namespaceLabels, minor, storage));
  if (again.rejection || (again.nodeNames && !again.nodeNames.has(node.name))) return false;
  return filterNode(again, node) === undefined;
}

/** The victims on node `index`, or undefined when evicting every lower-priority pod would not make room. */
export function selectVictimsOnNode(prepared: PreparedPod, index: number, scope: PreemptionScope): Candidate | undefined {
  const node = scope.nodes.nodes[index];
  if (!node) return undefined;
  const potential = node.pods.filter((pod) => pod.priority < prepared.pod.priority);
  if (potential.length === 0) return undefined;
  const removed = new Set(potential);
  if (!fits(prepared, index, removePodsFromNode(node, removed), scope)) return undefined;
  // Reprieve as many as possible: budget-violating pods first, each group from the most important down.
  const { violating, nonViolating } = filterPodsWithPDBViolation([...potential].sort(byImportance), scope.budgets);
  const victims: PodInfo[] = [];
  const reprieve = (pod: PodInfo): boolean => {
    removed.delete(pod);
    if (fits(prepared, index, removePodsFromNode(node, removed), scope)) return true;
    removed.add(pod);
    victims.push(pod);
    return false;
  };
  let numPDBViolations = 0;
  for (const pod of violating) if (!reprieve(pod)) numPDBViolations++;
  for (const pod of nonViolating) reprieve(pod);
  if (violating.length > 0 && nonViolating.length > 0) victims.sort(byImportance);
  return { index, victims, numPDBViolations };
}
