// Counting by topology domain (a node label key and value), shared by PodTopologySpread and InterPodAffinity.
import type { NodeInfo } from './node-info.js';

/** The key of a topology pair in count maps. */
export function pairKey(topologyKey: string, value: string): string {
  return `${topologyKey}\u0000${value}`;
}

/** Adds `delta` to the node's domain for `topologyKey`, when the node has that label (topologyToMatchedTermCount.update). */
export function updateCount(counts: Map<string, number>, node: NodeInfo, topologyKey: string, delta = 1): void {
  const value = node.labels[topologyKey];
  if (value === undefined) return;
  const key = pairKey(topologyKey, value);
  const next = (counts.get(key) ?? 0) + delta;
  if (next === 0) counts.delete(key);
  else counts.set(key, next);
}

/** The values of `topologyKey` present in a count map. */
export function countedValues(counts: ReadonlyMap<string, number>, topologyKey: string): string[] {
  const prefix = pairKey(topologyKey, '');
  const values: string[] = [];
  for (const key of counts.keys()) if (key.startsWith(prefix)) values.push(key.slice(prefix.length));
  return values;
}

/** Topology keys present in a count map. */
export function countedKeys(counts: ReadonlyMap<string, number>): Set<string> {
  const keys = new Set<string>();
  for (const key of counts.keys()) keys.add(key.slice(0, key.indexOf('\u0000')));
  return keys;
}
