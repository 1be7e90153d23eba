// Queueing hints: whether a pod the scheduler found unschedulable is worth another try after a pod was bound or
// evicted, from the plugins that rejected it (upstream: each plugin's EventsToRegister and QueueingHintFn, v1.35).
import { matchesSelector, type Labels } from '../model/labels.js';
import type { PluginName } from './framework.js';
import { termMatches, type PodInfo } from './pod-info.js';

/**
 * Whether binding `bound` may make `pod` schedulable, for a pod rejected by `rejectors`: only InterPodAffinity and
 * PodTopologySpread register for an assigned pod's addition; a pod rejected by any other plugin waits for a node
 * event or a deletion, which a bind is not.
 */
export type BindHint = (bound: PodInfo, namespaceLabels: ReadonlyMap<string, Labels>) => boolean;

/** The hint for binds, or undefined when no bind can queue the pod again. */
export function bindHintFor(pod: PodInfo, rejectors: ReadonlySet<PluginName>): BindHint | undefined {
  const hints: BindHint[] = [];
  // upstream: interpodaffinity isSchedulableAfterPodChange: an added pod that matches all required affinity terms
  if (rejectors.has('InterPodAffinity') && pod.requiredAffinityTerms.length > 0) {
    const terms = pod.requiredAffinityTerms;
    hints.push((bound, namespaceLabels) => terms.every((term) => termMatches(term, bound, namespaceLabels.get(bound.namespace))));
  }
  // upstream: podtopologyspread isSchedulableAfterPodChange: an added pod in the same namespace that one of the hard
  // constraints' selectors (the pod's own, else the defaults, whose selector is the system default one) matches
  if (rejectors.has('PodTopologySpread')) {
    const own = pod.topologySpreadConstraints.filter((c) => c.whenUnsatisfiable === 'DoNotSchedule').map((c) => c.selector);
    const selectors = pod.topologySpreadConstraints.length > 0 ? own : pod.systemDefaultSpreadSelector ? [pod.systemDefaultSpreadSelector] : [];
    if (selectors.length > 0) hints.push((bound) => bound.namespace === pod.namespace && selectors.some((selector) => matchesSelector(selector, bound.labels)));
  }
  if (hints.length === 0) return undefined;
  const [only] = hints;
  return hints.length === 1 && only ? only : (bound, namespaceLabels) => hints.some((hint) => hint(bound, namespaceLabels));
}

/**
 * Plugins whose hints queue a pod again when an assigned pod is deleted (preemption evicts pods): the room, ports,
 * volumes or attach slots it held, and the pods affinity, anti-affinity and spreading count. Unlike upstream's
 * InterPodAffinity and PodTopologySpread hints, the dry run does not look at which pod went; it only retries more.
 */
const QUEUED_BY_EVICTION: ReadonlySet<PluginName> = new Set<PluginName>([
  'NodeResourcesFit',
  'NodePorts',
  'VolumeRestrictions',
  'NodeVolumeLimits',
  'InterPodAffinity',
  'PodTopologySpread',
]);

export function queuedByEviction(rejectors: ReadonlySet<PluginName>): boolean {
  for (const plugin of rejectors) if (QUEUED_BY_EVICTION.has(plugin)) return true;
  return false;
}
