// Queueing hints: whether a pod the scheduler found unschedulable is worth another try after a pod was bound or
// evicted, from the plugins that rejected it (upstream: each plugin's EventsToRegister and QueueingHintFn, v1.35).
import { firstInRequirement, labelPairKey, matchesSelector, type LabelSelector, type Labels } from '../model/labels.js';
import type { PluginName } from './framework.js';
import { termMatches, type PodInfo } from './pod-info.js';

/**
 * Whether binding `bound` may make `pod` schedulable, for a pod rejected by `rejectors`: only InterPodAffinity and
 * PodTopologySpread register for an assigned pod's addition; a pod rejected by any other plugin waits for a node
 * event or a deletion, which a bind is not.
 */
export interface BindHint {
  readonly matches: (bound: PodInfo) => boolean;
  /** Labels ("key\0value") one of which a bound pod must carry to match; undefined: any pod may match. */
  readonly labels: readonly string[] | undefined;
}

/** The labels upstream's hint matches a namespaceSelector against: none (AffinityTerm.Matches with nil labels). */
const NO_NAMESPACE_LABELS: Labels = {};

/** The hint for binds, or undefined when no bind can queue the pod again. */
export function bindHintFor(pod: PodInfo, rejectors: ReadonlySet<PluginName>): BindHint | undefined {
  const hints: BindHint[] = [];
  // upstream: interpodaffinity isSchedulableAfterPodChange: an added pod that matches all required affinity terms
  // (podMatchesAllAffinityTerms). Its terms come straight from the spec (GetAffinityTerms: a namespaceSelector is not
  // merged into the namespaces as PreFilter merges it) and are matched with nil namespace labels, so a pod that only a
  // namespaceSelector with requirements would select does not queue it.
  if (rejectors.has('InterPodAffinity') && pod.requiredAffinityTerms.length > 0) {
    const terms = pod.requiredAffinityTerms;
    const labels = terms.map((term) => requiredLabels(term.selector)).find((found) => found !== undefined);
    hints.push({ matches: (bound) => terms.every((term) => termMatches(term, bound, NO_NAMESPACE_LABELS)), labels });
  }
  // upstream: podtopologyspread isSchedulableAfterPodChange: an added pod in the same namespace that one of the hard
  // constraints' selectors (the pod's own, else the defaults, whose selector is the system default one) matches
  if (rejectors.has('PodTopologySpread')) {
    const own = pod.topologySpreadConstraints.filter((c) => c.whenUnsatisfiable === 'DoNotSchedule').map((c) => c.selector);
    const selectors = pod.topologySpreadConstraints.length > 0 ? own : pod.systemDefaultSpreadSelector ? [pod.systemDefaultSpreadSelector] : [];
    const labels = selectors.map(requiredLabels);
    if (selectors.length > 0) {
      hints.push({
        matches: (bound) => bound.namespace === pod.namespace && selectors.some((selector) => matchesSelector(selector, bound.labels)),
        labels: labels.every((found) => found !== undefined) ? labels.flat() : undefined,
      });
    }
  }
  const [only, other] = hints;
  if (!only || !other) return only;
  return {
    matches: (bound) => only.matches(bound) || other.matches(bound),
    labels: only.labels && other.labels ? [...only.labels, ...other.labels] : undefined,
  };
}

/** The labels of the selector's first `In` requirement, one of which a pod it matches carries (undefined: none such). */
function requiredLabels(selector: LabelSelector): string[] | undefined {
  const first = firstInRequirement(selector);
  return first?.values.map((value) => labelPairKey(first.key, value));
}

/** Waiting pods with a bind hint, found by the labels a bound pod must carry to queue them. */
export class BindListeners<Entry extends { queued: boolean }> {
  readonly #byLabel = new Map<string, Listener<Entry>[]>();
  #any: Listener<Entry>[] = [];

  add(entry: Entry, hint: BindHint): void {
    const listener = { entry, hint };
    if (!hint.labels) {
      this.#any.push(listener);
      return;
    }
    for (const label of hint.labels) {
      const list = this.#byLabel.get(label);
      if (list) list.push(listener);
      else this.#byLabel.set(label, [listener]);
    }
  }

  /** Marks queued every entry whose hint the bind of `pod` fires. */
  bound(pod: PodInfo): void {
    // every bind asks: most of the time nothing waits for one
    if (this.#byLabel.size === 0 && this.#any.length === 0) return;
    for (const { entry, hint } of this.#any) entry.queued ||= hint.matches(pod);
    for (const [key, value] of Object.entries(pod.labels)) {
      for (const { entry, hint } of this.#byLabel.get(labelPairKey(key, value)) ?? []) entry.queued ||= hint.matches(pod);
    }
  }

  /** Forgets the entries queued since the last call (they are tried again, and listen anew if they fail). */
  dropQueued(): void {
    this.#any = this.#any.filter(({ entry }) => !entry.queued);
    for (const [label, list] of this.#byLabel) {
      const kept = list.filter(({ entry }) => !entry.queued);
      if (kept.length === 0) this.#byLabel.delete(label);
      else if (kept.length < list.length) this.#byLabel.set(label, kept);
    }
  }
}

interface Listener<Entry> {
  readonly entry: Entry;
  readonly hint: BindHint;
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
