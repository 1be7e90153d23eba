// PodTopologySpread (filter part): DoNotSchedule constraints, maxSkew, minDomains, node inclusion policies.
// upstream: pkg/scheduler/framework/plugins/podtopologyspread/filtering.go, common.go (v1.35)
import { firstInRequirement, isEmptySelector, matchesSelector, type LabelSelector } from '../../model/labels.js';
import { SUCCESS, definePlugin, unresolvable, unschedulable, type ClusterState, type FilterPlugin, type FilterResult, type PreFilterResult } from '../framework.js';
import { HOSTNAME_LABEL, type NodeInfo } from '../node-info.js';
import { podLabelKey } from '../pod-label-counts.js';
import type { PodInfo, TopologySpreadConstraint } from '../pod-info.js';
import { matchesRequiredNodeAffinity, requiredNodeAffinityKeys, requiredNodeAffinityUsesName } from './node-affinity.js';
import { findUntoleratedTaint } from './taint-toleration.js';

export const ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints";
export const ERR_REASON_NODE_LABEL_NOT_MATCH = "node(s) didn't match pod topology spread constraints (missing required label)";

export const ZONE_LABEL = 'topology.kubernetes.io/zone';

/** A default constraint of PodTopologySpreadArgs: its selector is the pod's (helper.DefaultSelector). */
export type DefaultSpreadConstraint = Omit<TopologySpreadConstraint, 'selector'>;

/** PodTopologySpreadArgs: the built-in system defaults, or the profile's list. */
export type SpreadDefaulting = { readonly type: 'System' } | { readonly type: 'List'; readonly constraints: readonly DefaultSpreadConstraint[] };

export const SYSTEM_DEFAULTING: SpreadDefaulting = { type: 'System' };

const SYSTEM_BASE = { whenUnsatisfiable: 'ScheduleAnyway', minDomains: 1, nodeAffinityPolicy: 'Honor', nodeTaintsPolicy: 'Ignore' } as const;

/** systemDefaultConstraints: hostname maxSkew 3, zone maxSkew 5, both ScheduleAnyway. */
const SYSTEM_DEFAULT_CONSTRAINTS: readonly DefaultSpreadConstraint[] = [
  { ...SYSTEM_BASE, maxSkew: 3, topologyKey: HOSTNAME_LABEL },
  { ...SYSTEM_BASE, maxSkew: 5, topologyKey: ZONE_LABEL },
];

/**
 * buildDefaultConstraints: the defaults with `whenUnsatisfiable` given the selector of the pod's Services and
 * controller; none when the pod has its own constraints or no such selector.
 */
// upstream: podtopologyspread/common.go, plugin.go buildDefaultConstraints (v1.35)
export function defaultConstraints(pod: PodInfo, defaulting: SpreadDefaulting, whenUnsatisfiable: string): TopologySpreadConstraint[] {
  const selector = pod.systemDefaultSpreadSelector;
  if (pod.topologySpreadConstraints.length > 0 || !selector) return [];
  const list = defaulting.type === 'System' ? SYSTEM_DEFAULT_CONSTRAINTS : defaulting.constraints;
  return list.filter((c) => c.whenUnsatisfiable === whenUnsatisfiable).map((c) => ({ ...c, selector }));
}

export interface PodTopologySpreadState {
  readonly constraints: readonly TopologySpreadConstraint[];
  /**
   * Per constraint (same index): matching pods per eligible domain (topology value), every eligible domain present,
   * possibly with 0 (upstream: TpValueToMatchNum).
   */
  readonly matchNum: readonly Map<string, number>[];
  /** Per constraint: the smallest count, filled on demand and cleared by addPod. */
  readonly minCache: (number | undefined)[];
  /**
   * True while every node has a hostname label of its own and no hostname domain counts a pod: then hostname tells no
   * nodes apart (a verdict per node class, not per node); addPod clears it when a pod lands in a hostname domain.
   */
  hostnamesAlike: boolean;
  /** True when no two nodes share a hostname label: a hostname domain is then one node. */
  hostnamesOwn: boolean;
}

export function hasAllTopologyKeys(node: NodeInfo, constraints: readonly TopologySpreadConstraint[]): boolean {
  return constraints.every((c) => node.labels[c.topologyKey] !== undefined);
}

/** Whether a node's domain takes part in a constraint (nodeAffinityPolicy / nodeTaintsPolicy). */
export function matchesNodeInclusionPolicies(c: TopologySpreadConstraint, pod: PodInfo, node: NodeInfo): boolean {
  if (c.nodeAffinityPolicy === 'Honor' && !matchesRequiredNodeAffinity(pod, node.labels, node.name)) return false;
  return c.nodeTaintsPolicy !== 'Honor' || findUntoleratedTaint(node.taints, pod.tolerations) === undefined;
}

/** countPodsMatchSelector: same namespace, not terminating; an empty selector counts nothing (v1.35). */
export function countsPod(c: TopologySpreadConstraint, pod: PodInfo, existing: PodInfo): boolean {
  if (existing.terminating || existing.namespace !== pod.namespace || isEmptySelector(c.selector)) return false;
  return matchesSelector(c.selector, existing.labels);
}

function preFilter(pod: PodInfo, cluster: ClusterState, defaulting: SpreadDefaulting): PreFilterResult<PodTopologySpreadState> {
  const own = pod.topologySpreadConstraints.filter((c) => c.whenUnsatisfiable === 'DoNotSchedule');
  // System defaults are all ScheduleAnyway: only a profile's list can add constraints here.
  const constraints = defaulting.type === 'List' && own.length === 0 ? defaultConstraints(pod, defaulting, 'DoNotSchedule') : own;
  if (constraints.length === 0) return { kind: 'skip' };
  const state: PodTopologySpreadState = { constraints, matchNum: constraints.map(() => new Map()), minCache: [], hostnamesAlike: false, hostnamesOwn: false };
  // Nodes in one group agree on the inclusion policies and on the topology labels but hostname, whose every value is a
  // domain of its own: each member with the label adds one (grouping by it too would evaluate the policies per node).
  const domains = constraints.filter((c) => c.topologyKey !== HOSTNAME_LABEL);
  const hostnames = constraints.flatMap((c, i) => (c.topologyKey === HOSTNAME_LABEL ? [i] : []));
  const keys = [...domains.map((c) => c.topologyKey), ...requiredNodeAffinityKeys(pod)];
  for (const group of cluster.nodeGroups(keys, requiredNodeAffinityUsesName(pod))) {
    const representative = cluster.nodes[group.members[0] ?? -1];
    if (!representative || !hasAllTopologyKeys(representative, domains)) continue;
    const counted = constraints.map((c, i) => (matchesNodeInclusionPolicies(c, pod, representative) ? state.matchNum[i] : undefined));
    // A member without the hostname label counts for no constraint (it lacks a topology key).
    let withHostname = hostnames.length === 0;
    for (const index of hostnames.length === 0 ? [] : group.members) {
      const hostname = cluster.nodes[index]?.labels[HOSTNAME_LABEL];
      if (hostname === undefined) continue;
      withHostname = true;
      for (const i of hostnames) if (counted[i]?.has(hostname) === false) counted[i]?.set(hostname, 0);
    }
    if (!withHostname) continue;
    constraints.forEach((c, i) => {
      const value = representative.labels[c.topologyKey] ?? '';
      if (c.topologyKey !== HOSTNAME_LABEL && counted[i]?.has(value) === false) counted[i]?.set(value, 0);
    });
  }
  constraints.forEach((c, i) => {
    const counts = state.matchNum[i];
    const countPods = podCounter(c, pod);
    for (const node of nodesMayMatch(c.selector, pod.namespace, cluster)) {
      if (!counts || !hasAllTopologyKeys(node, constraints) || !matchesNodeInclusionPolicies(c, pod, node)) continue;
      const value = node.labels[c.topologyKey] ?? '';
      counts.set(value, (counts.get(value) ?? 0) + countPods(node));
    }
  });
  state.hostnamesOwn = hostnames.length > 0 && cluster.labelValuesDistinct(HOSTNAME_LABEL);
  state.hostnamesAlike = state.hostnamesOwn && cluster.everyNodeHasLabel(HOSTNAME_LABEL) && hostnames.every((i) => countsNone(state.matchNum[i]));
  return { kind: 'state', state };
}

function countsNone(counts: ReadonlyMap<string, number> | undefined): boolean {
  for (const count of counts?.values() ?? []) if (count !== 0) return false;
  return true;
}

/** Calls `visit` for every constraint the node counts for (it has all topology keys and passes the policies). */
function forEachCountedDomain(
  state: PodTopologySpreadState,
  pod: PodInfo,
  node: NodeInfo,
  visit: (c: TopologySpreadConstraint, counts: Map<string, number>, value: string) => void,
): void {
  if (!hasAllTopologyKeys(node, state.constraints)) return;
  state.constraints.forEach((c, i) => {
    const counts = state.matchNum[i];
    if (counts && matchesNodeInclusionPolicies(c, pod, node)) visit(c, counts, node.labels[c.topologyKey] ?? '');
  });
}

/** False when no pod of `namespace` on the node can match: an `In` requirement's labels are absent there. */
function mayMatch(selector: LabelSelector, namespace: string, node: NodeInfo): boolean {
  for (const r of selector.requirements ?? []) {
    if (r.operator === 'In' && !r.values.some((value) => node.podLabelCounts.has(podLabelKey(namespace, r.key, value)))) return false;
  }
  return true;
}

/**
 * The nodes whose pods of `namespace` the selector may match (a superset): those holding a value of its first `In`
 * requirement, else every node with pods. Counting over them equals counting over every node.
 */
export function nodesMayMatch(selector: LabelSelector, namespace: string, cluster: ClusterState): Iterable<NodeInfo> {
  const first = firstInRequirement(selector);
  if (!first) return cluster.nodesWithPods();
  const [only, ...more] = first.values;
  if (only === undefined || more.length === 0) return only === undefined ? [] : cluster.nodesWithPodLabel(namespace, first.key, only);
  return new Set(first.values.flatMap((value) => [...cluster.nodesWithPodLabel(namespace, first.key, value)]));
}

/** The nodes where some of the constraints counts a pod for `pod`. */
export function nodesCountingPods(constraints: readonly TopologySpreadConstraint[], pod: PodInfo, cluster: ClusterState): Set<NodeInfo> {
  const out = new Set<NodeInfo>();
  for (const c of constraints) {
    const count = podCounter(c, pod);
    for (const node of nodesMayMatch(c.selector, pod.namespace, cluster)) if (count(node) > 0) out.add(node);
  }
  return out;
}

/** Pods on the node that the constraint counts for the incoming pod. */
export function countPods(c: TopologySpreadConstraint, pod: PodInfo, node: NodeInfo): number {
  return podCounter(c, pod)(node);
}

/** countPods for one constraint and pod, with what it needs from the selector worked out once. */
export function podCounter(c: TopologySpreadConstraint, pod: PodInfo): (node: NodeInfo) => number {
  const requirements = c.selector.requirements;
  const only = requirements?.length === 1 ? requirements[0] : undefined;
  if (only?.operator === 'In') {
    // One `In` requirement (a one-label matchLabels): podLabelCounts already counts exactly the pods countsPod takes
    // (non-terminating, of the namespace; a pod has one value per key).
    const keys = [...new Set(only.values)].map((value) => podLabelKey(pod.namespace, only.key, value));
    const [single] = keys;
    if (keys.length === 1 && single !== undefined) return (node) => node.podLabelCounts.get(single) ?? 0;
    return (node) => keys.reduce((sum, key) => sum + (node.podLabelCounts.get(key) ?? 0), 0);
  }
  return (node) => {
    if (!mayMatch(c.selector, pod.namespace, node)) return 0;
    let count = 0;
    for (const existing of node.pods) if (countsPod(c, pod, existing)) count++;
    return count;
  };
}

function minMatchNum(state: PodTopologySpreadState, index: number, minDomains: number): number {
  const counts = state.matchNum[index];
  if (!counts || counts.size < minDomains) return 0;
  const cached = state.minCache[index];
  if (cached !== undefined) return cached;
  let min = Number.MAX_SAFE_INTEGER;
  for (const count of counts.values()) min = Math.min(min, count);
  state.minCache[index] = min;
  return min;
}

function filter(pod: PodInfo, node: NodeInfo, state: PodTopologySpreadState): FilterResult {
  for (const [i, c] of state.constraints.entries()) {
    const value = node.labels[c.topologyKey];
    if (value === undefined) return unresolvable(ERR_REASON_NODE_LABEL_NOT_MATCH);
    const selfMatch = matchesSelector(c.selector, pod.labels) ? 1 : 0;
    const skew = (state.matchNum[i]?.get(value) ?? 0) + selfMatch - minMatchNum(state, i, c.minDomains);
    if (skew > c.maxSkew) return unschedulable(ERR_REASON_CONSTRAINTS_NOT_MATCH);
  }
  return SUCCESS;
}

/**
 * Per constraint, what filter reads from the node: its domain (topology value), or for hostname, when each node has
 * a hostname of its own, its count of matching pods, which only a pod placed on the node itself changes (a hostname
 * two nodes share stays a domain: a pod placed on either changes both); ABSENT without the label.
 */
function domainOf(_pod: PodInfo, state: PodTopologySpreadState, node: NodeInfo): string {
  let text = '';
  for (const [i, c] of state.constraints.entries()) {
    const value = node.labels[c.topologyKey];
    const part = value === undefined ? ABSENT : c.topologyKey === HOSTNAME_LABEL && state.hostnamesOwn ? `#${state.matchNum[i]?.get(value) ?? 0}` : value;
    text += `${part}\u0001`;
  }
  return text;
}

const ABSENT = '\u0002';

// upstream: filtering.go updateWithPod
function addPod(state: PodTopologySpreadState, pod: PodInfo, added: PodInfo, node: NodeInfo): PodTopologySpreadState {
  if (added.namespace !== pod.namespace) return state;
  state.minCache.length = 0;
  forEachCountedDomain(state, pod, node, (c, counts, value) => {
    if (!countsPod(c, pod, added)) return;
    counts.set(value, (counts.get(value) ?? 0) + 1);
    if (c.topologyKey === HOSTNAME_LABEL) state.hostnamesAlike = false;
  });
  return state;
}

/**
 * updateWithPod's test of a pod removed from or added to a what-if node: same namespace and the selector matches.
 * Unlike countPodsMatchSelector it takes a terminating pod, and for an empty selector every pod, so removing such a
 * victim lowers a count PreFilter never raised.
 */
function updatesCount(c: TopologySpreadConstraint, pod: PodInfo, existing: PodInfo): boolean {
  return existing.namespace === pod.namespace && matchesSelector(c.selector, existing.labels);
}

// upstream: filtering.go RemovePod, AddPod (updateWithPod) on a cloned preFilterState
function changedNode(state: PodTopologySpreadState, pod: PodInfo, before: NodeInfo, after: NodeInfo): PodTopologySpreadState {
  const matchNum = [...state.matchNum];
  let { hostnamesAlike } = state;
  forEachCountedDomain(state, pod, after, (c, counts, value) => {
    const delta = after.pods.filter((existing) => updatesCount(c, pod, existing)).length - before.pods.filter((existing) => updatesCount(c, pod, existing)).length;
    if (delta === 0) return;
    const index = state.constraints.indexOf(c);
    matchNum[index] = new Map(counts).set(value, (counts.get(value) ?? 0) + delta);
    // a hostname domain whose count changed, either way (a removed victim PreFilter did not count), stands apart
    if (c.topologyKey === HOSTNAME_LABEL) hostnamesAlike = false;
  });
  return { ...state, matchNum, minCache: [], hostnamesAlike };
}

/** The PodTopologySpread filter with the profile's default constraints. */
export function podTopologySpreadFilter(defaulting: SpreadDefaulting): FilterPlugin {
  return definePlugin<PodTopologySpreadState>({
    name: 'PodTopologySpread',
    preFilter: (pod, cluster) => preFilter(pod, cluster, defaulting),
    filter,
    addPod,
    changedNode,
    domainOf,
    nodeLabelKeys: (_pod, state) => state.constraints.map((c) => c.topologyKey).filter((key) => key !== HOSTNAME_LABEL || !state.hostnamesAlike),
  });
}

export default podTopologySpreadFilter(SYSTEM_DEFAULTING);
