// Equal subtrees of a cluster snapshot's values as one object: thousands of Nodes and agent Pods repeat the same
// resources, capacities, conditions, labels and container lists, and only their names and node names differ.
import { detached, MIN_VIEW_LENGTH } from '../model/detached.js';
import { IdentityTrie } from '../model/identity-trie.js';
import { isPlainRecord } from '../model/plain-record.js';

/** Map keys are compared with SameValueZero, which takes -0 for 0. */
const NEGATIVE_ZERO = Symbol('-0');

/**
 * Shares equal strings and equal plain mappings and sequences (same keys in the same order, identical entries) among
 * the values it is given, so that a snapshot keeps one copy of each and consumers may memoise by identity. Values read
 * from cluster inputs are never changed in place, which is what makes the sharing safe. A collection is only looked up
 * once all its entries were seen before: unique ones (a Node's metadata, with its name) never enter the tables, and an
 * equal subtree is shared once its entries were (a mapping of strings from its third appearance on). One per file, or
 * per run of small files (snapshot-reading.ts): the tables go with it, and the repeats that matter are within a file (a
 * `kubectl get -o yaml` List is one document) or across the small files of a snapshot written one object per file.
 * It runs for every value of a snapshot, so it allocates nothing but table entries. A string first seen in the current
 * document (startDocument) counts as new: a Node's hostname label repeats its name, a Pod's volume its volume mount,
 * and the collections holding them never repeat, so looking them up only built table levels that nothing reused
 * (some 1.5 kB per node of a generated 20,000-node snapshot, all of it kept until the end of its file).
 */
export class SharedValues {
  readonly #strings = new Map<string, string>();
  /** The strings first seen in the current document. */
  readonly #fresh = new Set<string>();
  /** Mappings by their entries, one level per key and one per (shared) value: lookups build no text. */
  readonly #mappings = new IdentityTrie<object>();
  /** Sequences by their items, one level per item. */
  readonly #sequences = new IdentityTrie<object>();
  /** Whether the value #shared returned last was seen before (a new value makes its parents new too). */
  #seen = false;

  /** Values shared from now on belong to another document. */
  startDocument(): void {
    this.#fresh.clear();
  }

  /** `value` with equal subtrees replaced by the first one seen (in place: the value must be the caller's own). */
  share(value: unknown): unknown {
    return this.#shared(value);
  }

  /** Whether the value `share` or `shareCollection` returned last was seen before. */
  get seen(): boolean {
    return this.#seen;
  }

  /**
   * `share` of a collection whose entries are shared values already (a copy of a shared one with some entries
   * replaced, see document-templates.ts); `entriesSeen`: whether every entry was seen before.
   */
  shareCollection(collection: Record<string, unknown> | unknown[], entriesSeen: boolean): unknown {
    if (!entriesSeen) return this.#unseen(collection);
    return this.#first(Array.isArray(collection) ? this.#sequenceTrie(collection) : this.#mappingTrie(collection), collection);
  }

  #shared(value: unknown): unknown {
    if (typeof value === 'string') {
      const known = this.#strings.get(value);
      if (known !== undefined) {
        this.#seen = !this.#fresh.has(known);
        return known;
      }
      // kept for the whole run: a copy, not a view of the file's text that would keep all of it (model/detached.ts)
      const own = detached(value);
      this.#strings.set(own, own);
      this.#fresh.add(own);
      this.#seen = false;
      return own;
    }
    if (Array.isArray(value)) return this.#sequence(value);
    // an own `__proto__` key (the full path keeps it as data) cannot be assigned back: such a mapping stays as it is
    if (isPlainRecord(value) && !Object.hasOwn(value, '__proto__')) return this.#mapping(value);
    this.#seen = true;
    return value;
  }

  #mapping(map: Record<string, unknown>): unknown {
    let seen = true;
    for (const name in map) {
      const value = map[name];
      const entry = this.#shared(value);
      if (replaces(entry, value)) map[name] = entry;
      seen &&= this.#seen;
    }
    return seen ? this.#first(this.#mappingTrie(map), map) : this.#unseen(map);
  }

  #mappingTrie(map: Record<string, unknown>): IdentityTrie<object> {
    let trie = this.#mappings;
    for (const name in map) trie = trie.at(name).at(mapKeyOf(map[name]));
    return trie;
  }

  #sequence(items: unknown[]): unknown {
    let seen = true;
    for (let index = 0; index < items.length; index++) {
      const item = items[index];
      const entry = this.#shared(item);
      if (replaces(entry, item)) items[index] = entry;
      seen &&= this.#seen;
    }
    return seen ? this.#first(this.#sequenceTrie(items), items) : this.#unseen(items);
  }

  #sequenceTrie(items: readonly unknown[]): IdentityTrie<object> {
    let trie = this.#sequences;
    for (const item of items) trie = trie.at(mapKeyOf(item));
    return trie;
  }

  #unseen(collection: object): object {
    this.#seen = false;
    return collection;
  }

  #first(trie: IdentityTrie<object>, collection: object): object {
    const first = trie.get();
    this.#seen = first !== undefined;
    if (first !== undefined) return first;
    trie.set(collection);
    return collection;
  }
}

/**
 * Whether the shared `entry` must be written over `value`: another collection, or a string long enough to be a view of
 * the file's text (equal strings test equal, so a long one is always written back; a shorter one is a copy anyway).
 */
function replaces(entry: unknown, value: unknown): boolean {
  return entry !== value || (typeof entry === 'string' && entry.length >= MIN_VIEW_LENGTH);
}

function mapKeyOf(value: unknown): unknown {
  return Object.is(value, -0) ? NEGATIVE_ZERO : value;
}
