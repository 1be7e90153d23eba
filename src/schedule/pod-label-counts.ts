// NodeInfo.podLabelCounts after a bind without copying the whole map: the labels the new pods added sit in a small
// delta over the counts they share with earlier NodeInfos of the node, merged into a new base once it grows.
import type { PodInfo } from './pod-info.js';

/** How many changed keys a delta holds before a bind merges it into a new base. */
const MAX_DELTA = 16;

/** The key of a pod label in NodeInfo.podLabelCounts. */
export function podLabelKey(namespace: string, key: string, value: string): string {
  return `${namespace}\u0000${key}\u0000${value}`;
}

/** Adds the pod's labels to `counts` in place (terminating pods are not counted). */
export function countPodLabels(counts: Map<string, number>, pod: PodInfo): void {
  if (pod.terminating) return;
  for (const [key, value] of Object.entries(pod.labels)) {
    const label = podLabelKey(pod.namespace, key, value);
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
}

/** Counts that never fall to zero (binds only add), read through a delta over a shared base. */
class LayeredCounts implements ReadonlyMap<string, number> {
  readonly #base: ReadonlyMap<string, number>;
  /** Keys whose count differs from the base's: their whole count. */
  readonly #delta: Map<string, number>;

  constructor(base: ReadonlyMap<string, number>, delta: Map<string, number>) {
    this.#base = base;
    this.#delta = delta;
  }

  /** These counts with the pod's labels added. */
  with(pod: PodInfo): ReadonlyMap<string, number> {
    if (this.#delta.size >= MAX_DELTA) return withPodLabels(new Map(this), pod);
    const delta = new Map(this.#delta);
    for (const [key, value] of Object.entries(pod.labels)) {
      const label = podLabelKey(pod.namespace, key, value);
      delta.set(label, (this.get(label) ?? 0) + 1);
    }
    return new LayeredCounts(this.#base, delta);
  }

  get size(): number {
    let added = 0;
    for (const key of this.#delta.keys()) if (!this.#base.has(key)) added++;
    return this.#base.size + added;
  }

  get(key: string): number | undefined {
    return this.#delta.get(key) ?? this.#base.get(key);
  }

  has(key: string): boolean {
    return this.#delta.has(key) || this.#base.has(key);
  }

  *entries(): MapIterator<[string, number]> {
    for (const [key, count] of this.#base) yield [key, this.#delta.get(key) ?? count];
    for (const entry of this.#delta) if (!this.#base.has(entry[0])) yield entry;
  }

  *keys(): MapIterator<string> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<number> {
    for (const [, count] of this.entries()) yield count;
  }

  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }

  forEach(callback: (value: number, key: string, map: ReadonlyMap<string, number>) => void): void {
    for (const [key, count] of this.entries()) callback(count, key, this);
  }
}

/** The counts with the pod's labels added; `counts` stays as it was. */
export function withPodLabels(counts: ReadonlyMap<string, number>, pod: PodInfo): ReadonlyMap<string, number> {
  if (pod.terminating) return counts;
  if (counts instanceof LayeredCounts) return counts.with(pod);
  return new LayeredCounts(counts, new Map()).with(pod);
}
