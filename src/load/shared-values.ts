// Equal subtrees of a cluster snapshot's values as one object: thousands of Nodes and agent Pods repeat the same
// resources, capacities, conditions, labels and container lists, and only their names and node names differ.
import { IdentityTrie } from '../model/identity-trie.js';

/** A mapping or a sequence, indexed by key or position. */
type Collection = Record<string | number, unknown>;

/** Map keys are compared with SameValueZero, which takes -0 for 0. */
const NEGATIVE_ZERO = Symbol('-0');

/**
 * Shares equal strings and equal plain mappings and sequences (same keys in the same order, identical entries) among
 * the values it is given, so that a snapshot keeps one copy of each and consumers may memoise by identity. Values read
 * from cluster inputs are never changed in place, which is what makes the sharing safe. A collection is only looked up
 * once all its entries were seen before: unique ones (a Node's metadata, with its name) never enter the tables, and an
 * equal subtree is shared once its entries were (a mapping of strings from its third appearance on). One per file: the tables go with it, and the repeats that
 * matter are within a file (a `kubectl get -o yaml` List is one document).
 */
export class SharedValues {
  readonly #strings = new Map<string, string>();
  /** Collections by their entries: one level per key and one per (shared) value, so lookups build no text. */
  readonly #mappings = new IdentityTrie<Collection>();
  readonly #sequences = new IdentityTrie<Collection>();

  /** `value` with equal subtrees replaced by the first one seen (in place: the value must be the caller's own). */
  share(value: unknown): unknown {
    return this.#shared(value).value;
  }

  /** The shared value, and whether it was seen before (a new value makes its parents new too). */
  #shared(value: unknown): { value: unknown; seen: boolean } {
    if (typeof value === 'string') {
      const known = this.#strings.get(value);
      if (known !== undefined) return { value: known, seen: true };
      this.#strings.set(value, value);
      return { value, seen: false };
    }
    if (Array.isArray(value)) return this.#collection(value as unknown as Collection, this.#sequences, undefined);
    // an own `__proto__` key (the full path keeps it as data) cannot be assigned back: such a mapping stays as it is
    if (isPlainRecord(value) && !Object.hasOwn(value, '__proto__')) return this.#collection(value, this.#mappings, Object.keys(value));
    return { value, seen: true };
  }

  /**
   * The first collection with the same entries as `collection`, whose own entries are shared first; `keys` are a
   * mapping's keys, undefined for a sequence.
   */
  #collection(collection: Collection, root: IdentityTrie<Collection>, keys: readonly string[] | undefined): { value: unknown; seen: boolean } {
    const size = keys ? keys.length : (collection as unknown as unknown[]).length;
    let seen = true;
    for (let index = 0; index < size; index++) {
      const name = keys ? (keys[index] as string) : index;
      const entry = this.#shared(collection[name]);
      if (entry.value !== collection[name]) collection[name] = entry.value;
      seen &&= entry.seen;
    }
    if (!seen) return { value: collection, seen };
    let trie = root;
    for (let index = 0; index < size; index++) {
      const name = keys ? (keys[index] as string) : index;
      const entry = collection[name];
      trie = trie.at(name).at(Object.is(entry, -0) ? NEGATIVE_ZERO : entry);
    }
    const first = trie.value(() => collection);
    return { value: first, seen: first !== collection };
  }
}

/** Mappings as YAML and JSON readers build them (not class instances such as dates or buffers). */
function isPlainRecord(value: unknown): value is Collection {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
