// Which nodes hold pods whose scored affinity terms may match a given pod: InterPodAffinity's score adds the required
// affinity (hardPodAffinityWeight) and preferred (anti-)affinity terms of every existing pod that match the incoming
// one, and with many such pods in the cluster, visiting all of them for each replica placed grows with the square of
// the replicas. A term is indexed by its selector's first `In` requirement (matchLabels become those): only pods with
// one of its values under that key can match it. A term without one may match any pod.
import { firstInRequirement, labelPairKey, type Labels } from '../model/labels.js';
import type { NodeInfo } from './node-info.js';
import type { AffinityTerm, PodInfo } from './pod-info.js';

/** The index keys of the pod's scored terms, or undefined when one of them has no `In` requirement. */
function termKeys(pod: PodInfo): string[] | undefined {
  const terms: AffinityTerm[] = [...pod.requiredAffinityTerms, ...pod.preferredAffinityTerms.map((w) => w.term), ...pod.preferredAntiAffinityTerms.map((w) => w.term)];
  const keys: string[] = [];
  for (const term of terms) {
    const first = firstInRequirement(term.selector);
    if (!first) return undefined;
    for (const value of first.values) keys.push(labelPairKey(first.key, value));
  }
  return keys;
}

export class AffinityTermHolders {
  /** Node indices per indexed term key. */
  readonly #byLabel = new Map<string, Set<number>>();
  /** Nodes holding a pod with a term that may match any pod. */
  readonly #any = new Set<number>();

  constructor(nodes: readonly NodeInfo[]) {
    nodes.forEach((node, index) => {
      for (const pod of node.podsWithAffinity) this.add(index, pod);
    });
  }

  /** Indices (ascending) of the nodes holding a pod one of whose scored terms may match a pod with these labels. */
  holders(labels: Labels): number[] {
    const out = new Set(this.#any);
    for (const [key, value] of Object.entries(labels)) for (const index of this.#byLabel.get(labelPairKey(key, value)) ?? []) out.add(index);
    return [...out].sort((a, b) => a - b);
  }

  /** Indexes a pod bound to node `index` (one without scored terms adds nothing). */
  add(index: number, pod: PodInfo): void {
    const keys = termKeys(pod);
    if (!keys) {
      this.#any.add(index);
      return;
    }
    for (const key of keys) {
      const set = this.#byLabel.get(key);
      if (set) set.add(index);
      else this.#byLabel.set(key, new Set([index]));
    }
  }
}
