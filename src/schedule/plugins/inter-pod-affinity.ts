// InterPodAffinity: required pod affinity, pod anti-affinity, and existing pods' anti-affinity against the pod.
// upstream: pkg/scheduler/framework/plugins/interpodaffinity/filtering.go (v1.35)
import { firstInRequirement, isEmptySelector, matchesSelector, NOTHING, type Labels } from '../../model/labels.js';
import { SUCCESS, definePlugin, unresolvable, unschedulable, type ClusterState, type FilterResult, type PreFilterResult } from '../framework.js';
import { HOSTNAME_LABEL, type NodeInfo } from '../node-info.js';
import { termMatches, type AffinityTerm, type PodInfo } from '../pod-info.js';
import { countedKeys, pairKey, updateCount } from '../topology.js';

export const ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't satisfy existing pods anti-affinity rules";
export const ERR_REASON_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod affinity rules";
export const ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod anti-affinity rules";

export interface InterPodAffinityState {
  readonly affinityTerms: readonly AffinityTerm[];
  readonly antiAffinityTerms: readonly AffinityTerm[];
  /** Labels of the incoming pod's Namespace ({} when unknown), for existing pods' namespaceSelectors. */
  readonly namespaceLabels: Labels;
  readonly affinityCounts: Map<string, number>;
  readonly antiAffinityCounts: Map<string, number>;
  readonly existingAntiAffinityCounts: Map<string, number>;
  /** True when no two nodes share a hostname label: a hostname domain is then one node. */
  readonly hostnamesOwn: boolean;
  /** The affinity terms' topology keys that every node has. */
  readonly labelledEverywhere: ReadonlySet<string>;
}

/** Unrolls a non-empty namespaceSelector of the incoming pod's term into the known Namespaces it selects. */
export function resolveNamespaces(term: AffinityTerm, namespaceLabels: ReadonlyMap<string, Labels>): AffinityTerm {
  if (isEmptySelector(term.namespaceSelector) || term.namespaceSelector.requirements === null) return term;
  const namespaces = new Set(term.namespaces);
  for (const [name, labels] of namespaceLabels) if (matchesSelector(term.namespaceSelector, labels)) namespaces.add(name);
  return { ...term, namespaces, namespaceSelector: NOTHING };
}

/** True when one of `existing`'s required anti-affinity terms matches `pod` (whose Namespace has `namespaceLabels`). */
export function repelledBy(existing: PodInfo, pod: PodInfo, namespaceLabels: Labels): boolean {
  return existing.requiredAntiAffinityTerms.some((term) => termMatches(term, pod, namespaceLabels));
}

export function matchesAllTerms(terms: readonly AffinityTerm[], pod: PodInfo): boolean {
  return terms.length > 0 && terms.every((term) => termMatches(term, pod, undefined));
}

/** Counts `existing` on `node` (delta 1), or no longer (delta -1). upstream: filtering.go updateWithPod */
function addExisting(state: InterPodAffinityState, pod: PodInfo, existing: PodInfo, node: NodeInfo, delta = 1): void {
  countExistingAntiAffinity(state, pod, existing, node, delta);
  countAffinity(state, existing, node, delta);
  for (const term of state.antiAffinityTerms) countAntiAffinity(state, term, existing, node, delta);
}

function countExistingAntiAffinity(state: InterPodAffinityState, pod: PodInfo, existing: PodInfo, node: NodeInfo, delta = 1): void {
  for (const term of existing.requiredAntiAffinityTerms) {
    if (termMatches(term, pod, state.namespaceLabels)) updateCount(state.existingAntiAffinityCounts, node, term.topologyKey, delta);
  }
}

function countAffinity(state: InterPodAffinityState, existing: PodInfo, node: NodeInfo, delta = 1): void {
  if (!matchesAllTerms(state.affinityTerms, existing)) return;
  for (const term of state.affinityTerms) updateCount(state.affinityCounts, node, term.topologyKey, delta);
}

function countAntiAffinity(state: InterPodAffinityState, term: AffinityTerm, existing: PodInfo, node: NodeInfo, delta = 1): void {
  if (termMatches(term, existing, undefined)) updateCount(state.antiAffinityCounts, node, term.topologyKey, delta);
}

// upstream: filtering.go RemovePod, AddPod (updateWithPod) on a cloned preFilterState
function changedNode(state: InterPodAffinityState, pod: PodInfo, before: NodeInfo, after: NodeInfo): InterPodAffinityState {
  const changed = { ...state, affinityCounts: new Map(state.affinityCounts), antiAffinityCounts: new Map(state.antiAffinityCounts), existingAntiAffinityCounts: new Map(state.existingAntiAffinityCounts) };
  for (const existing of before.pods) addExisting(changed, pod, existing, before, -1);
  for (const existing of after.pods) addExisting(changed, pod, existing, after);
  return changed;
}

/**
 * The nodes that may hold a pod the (namespace-resolved) term matches: those with a pod of one of its namespaces
 * labelled with a value of its selector's first `In` requirement, and those with terminating pods (which the label
 * index leaves out and the term counts); undefined (any node) for a term of all namespaces or without such a
 * requirement. Visiting every pod of the cluster for each pod with affinity grew with pods x workloads.
 */
export function nodesMayHoldMatch(term: AffinityTerm, cluster: ClusterState): Set<NodeInfo> | undefined {
  const first = firstInRequirement(term.selector);
  if (!first || isEmptySelector(term.namespaceSelector)) return undefined;
  const nodes = new Set<NodeInfo>(cluster.nodesWithTerminatingPods());
  for (const namespace of term.namespaces) {
    for (const value of first.values) for (const node of cluster.nodesWithPodLabel(namespace, first.key, value)) nodes.add(node);
  }
  return nodes;
}

function preFilter(pod: PodInfo, cluster: ClusterState): PreFilterResult<InterPodAffinityState> {
  const hasTerms = pod.requiredAffinityTerms.length > 0 || pod.requiredAntiAffinityTerms.length > 0;
  if (!hasTerms && cluster.nodesWithRequiredAntiAffinityPods().length === 0) return { kind: 'skip' };
  const state: InterPodAffinityState = {
    affinityTerms: pod.requiredAffinityTerms.map((t) => resolveNamespaces(t, cluster.namespaceLabels)),
    antiAffinityTerms: pod.requiredAntiAffinityTerms.map((t) => resolveNamespaces(t, cluster.namespaceLabels)),
    namespaceLabels: cluster.namespaceLabels.get(pod.namespace) ?? {},
    affinityCounts: new Map(),
    antiAffinityCounts: new Map(),
    existingAntiAffinityCounts: new Map(),
    hostnamesOwn: cluster.labelValuesDistinct(HOSTNAME_LABEL),
    labelledEverywhere: new Set(pod.requiredAffinityTerms.map((t) => t.topologyKey).filter((key) => cluster.everyNodeHasLabel(key))),
  };
  for (const node of cluster.nodesWithRequiredAntiAffinityPods()) {
    for (const existing of node.podsWithRequiredAntiAffinity) countExistingAntiAffinity(state, pod, existing, node);
  }
  const [first] = state.affinityTerms;
  if (first) for (const node of nodesMayHoldMatch(first, cluster) ?? cluster.nodesWithPods()) for (const existing of node.pods) countAffinity(state, existing, node);
  for (const term of state.antiAffinityTerms) {
    for (const node of nodesMayHoldMatch(term, cluster) ?? cluster.nodesWithPods()) for (const existing of node.pods) countAntiAffinity(state, term, existing, node);
  }
  // upstream: filtering.go PreFilter skips when no existing pod's anti-affinity matches the pod and it has no terms.
  return !hasTerms && state.existingAntiAffinityCounts.size === 0 ? { kind: 'skip' } : { kind: 'state', state };
}

function satisfiesPodAffinity(state: InterPodAffinityState, pod: PodInfo, node: NodeInfo): boolean {
  let podsExist = true;
  for (const term of state.affinityTerms) {
    const value = node.labels[term.topologyKey];
    if (value === undefined) return false;
    if ((state.affinityCounts.get(pairKey(term.topologyKey, value)) ?? 0) <= 0) podsExist = false;
  }
  // The first pod of a group with affinity to itself may land wherever the topology labels exist.
  return podsExist || (state.affinityCounts.size === 0 && matchesAllTerms(state.affinityTerms, pod));
}

function satisfiesPodAntiAffinity(state: InterPodAffinityState, node: NodeInfo): boolean {
  return !state.antiAffinityTerms.some((term) => {
    const value = node.labels[term.topologyKey];
    return value !== undefined && (state.antiAffinityCounts.get(pairKey(term.topologyKey, value)) ?? 0) > 0;
  });
}

function satisfiesExistingPodsAntiAffinity(state: InterPodAffinityState, node: NodeInfo): boolean {
  if (state.existingAntiAffinityCounts.size === 0) return true;
  for (const [key, value] of Object.entries(node.labels)) {
    if ((state.existingAntiAffinityCounts.get(pairKey(key, value)) ?? 0) > 0) return false;
  }
  return true;
}

function filter(pod: PodInfo, node: NodeInfo, state: InterPodAffinityState): FilterResult {
  if (!satisfiesPodAffinity(state, pod, node)) return unresolvable(ERR_REASON_AFFINITY_RULES_NOT_MATCH);
  if (!satisfiesPodAntiAffinity(state, node)) return unschedulable(ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH);
  if (!satisfiesExistingPodsAntiAffinity(state, node)) return unschedulable(ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH);
  return SUCCESS;
}

/**
 * What filter reads from the node: its value of each topology key the terms and the existing pods' anti-affinity
 * count by (ABSENT without the label). Only the placed pod's own replicas bind while a ReplicaQueue follows the
 * state, and their terms count by the pod's own topology keys, so the keys stay the same.
 */
function domainOf(_pod: PodInfo, state: InterPodAffinityState, node: NodeInfo): string {
  let text = '';
  for (const key of domainKeys(state)) text += `${node.labels[key] ?? ABSENT}\u0001`;
  return text;
}

/** Every key the terms count by, counted yet or not (nodeLabelKeys names only those some domain counts a pod by). */
function domainKeys(state: InterPodAffinityState): string[] {
  const keys = new Set([...state.affinityTerms.map((t) => t.topologyKey), ...state.antiAffinityTerms.map((t) => t.topologyKey), ...countedKeys(state.existingAntiAffinityCounts)]);
  return [...keys].sort();
}

const ABSENT = '\u0002';

export default definePlugin<InterPodAffinityState>({
  name: 'InterPodAffinity',
  preFilter,
  filter,
  domainOf,
  domainKeys: (_pod, state) => domainKeys(state),
  addPod(state, pod, added, node) {
    addExisting(state, pod, added, node);
    return state;
  },
  changedNode,
  // Only hostname domains, each one node: a bind changes the counts of the bound node's own domain, so no other
  // node's verdict (two nodes that share a hostname label are one domain).
  nodeLocal: (_pod, state) =>
    state.hostnamesOwn &&
    state.affinityTerms.length === 0 &&
    state.antiAffinityTerms.every((t) => t.topologyKey === HOSTNAME_LABEL) &&
    [...countedKeys(state.existingAntiAffinityCounts)].every((key) => key === HOSTNAME_LABEL),
  // With no matching pod anywhere, an affinity term reads only whether the node has the key (every node: no
  // difference): hostname affinity to pods that are not there made every node a class of its own. Anti-affinity keys
  // stay even before a domain counts a pod: a ReplicaQueue (IPA node-local) keeps the classes of its first replica.
  nodeLabelKeys: (_pod, state) => [
    ...state.affinityTerms.map((t) => t.topologyKey).filter((key) => state.affinityCounts.size > 0 || !state.labelledEverywhere.has(key)),
    ...state.antiAffinityTerms.map((t) => t.topologyKey),
    ...countedKeys(state.existingAntiAffinityCounts),
  ],
});
