// Short scalar strings shared between documents. Manifests repeat a few thousand short values (apiVersions,
// namespaces, quantities, protocols, label values) over and over; each read makes a string of its own (V8 copies
// slices shorter than 13 characters), and the values kept for the cross-object rules keep every copy: of the 3.9 MB of
// short strings in the values kept from the 10,000 generated documents, all but 2,136 distinct ones are repeats.
import { MIN_VIEW_LENGTH } from '../model/detached.js';

/** Distinct strings remembered at most: a bounded table, emptied when full (some 0.5 MB). */
const CAPACITY = 8192;

let table = new Map<string, string>();

/**
 * The copy of `value` read first, for strings short enough to be copies anyway; longer ones may be views of a file's
 * text (model/detached.ts), which a shared copy would keep alive, and are returned as they are.
 */
export function interned(value: string): string {
  if (value.length >= MIN_VIEW_LENGTH) return value;
  const known = table.get(value);
  if (known !== undefined) return known;
  if (table.size >= CAPACITY) table = new Map();
  table.set(value, value);
  return value;
}
