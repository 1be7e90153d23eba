// Where each key and value of a document came from, found by path: the spans the builders record while reading.
import type { Path } from '../model/document.js';

/** [keyStart, keyEnd, valueStart, valueEnd] as offsets into the file text; key -1 for sequence items. */
export type EntrySpan = readonly [number, number, number, number];

/** The span of the deepest entry along a path, and whether every segment of the path was found. */
export interface FoundSpan {
  readonly span: EntrySpan | undefined;
  readonly complete: boolean;
}

export interface SpanIndex {
  find(path: Path): FoundSpan;
}

/** Spans per container, keyed by object identity (the full path: merge keys make key order differ from source order). */
export class ContainerSpans implements SpanIndex {
  readonly #root: unknown;
  readonly #entries: ReadonlyMap<object, ReadonlyMap<string | number, EntrySpan>>;

  constructor(root: unknown, entries: ReadonlyMap<object, ReadonlyMap<string | number, EntrySpan>>) {
    this.#root = root;
    this.#entries = entries;
  }

  find(path: Path): FoundSpan {
    let value: unknown = this.#root;
    let span: EntrySpan | undefined;
    for (const segment of path) {
      const entries = typeof value === 'object' && value !== null ? this.#entries.get(value) : undefined;
      const next = entries?.get(segment);
      if (!next) return { span, complete: false };
      span = next;
      value = (value as Record<string | number, unknown>)[segment];
    }
    return { span, complete: true };
  }
}

/** Numbers stored per entry: the four offsets of its span, then how many entries its value holds at any depth. */
const STRIDE = 5;
const DESCENDANTS = 4;
/** Siblings a lookup steps over before their container gets an index. */
const INDEX_AFTER_STEPS = 32;

/**
 * Every entry of a document in source (pre-)order, in one typed array and one key array: no allocation per
 * container or entry, which is most of what positions cost the garbage collector. An entry's descendants follow it,
 * so a lookup steps over siblings' subtrees in one jump.
 */
export class FlatSpans implements SpanIndex {
  readonly #keys: readonly (string | number)[];
  readonly #numbers: Int32Array;
  /** Children by key of the large containers looked into so far, by the container's first entry. */
  #indexes: Map<number, Map<string | number, number>> | undefined;

  constructor(keys: readonly (string | number)[], numbers: Int32Array) {
    this.#keys = keys;
    this.#numbers = numbers;
  }

  find(path: Path): FoundSpan {
    const numbers = this.#numbers;
    let from = 0;
    let to = this.#keys.length;
    let found = -1;
    for (const segment of path) {
      const entry = this.#child(from, to, segment);
      if (entry < 0) return { span: this.#span(found), complete: false };
      found = entry;
      from = entry + 1;
      to = from + (numbers[entry * STRIDE + DESCENDANTS] ?? 0);
    }
    return { span: this.#span(found), complete: true };
  }

  /** The entry of `key` among the children of the container whose entries are [from, to), or -1. */
  #child(from: number, to: number, key: string | number): number {
    const indexed = this.#indexes?.get(from);
    if (indexed) return indexed.get(key) ?? -1;
    const keys = this.#keys;
    const numbers = this.#numbers;
    let entry = from;
    let steps = 0;
    for (; entry < to && keys[entry] !== key; steps++) entry += 1 + (numbers[entry * STRIDE + DESCENDANTS] ?? 0);
    // a long sequence (a List's items) is indexed once, so that looking up each of n items is not O(n) apiece
    if (steps > INDEX_AFTER_STEPS) (this.#indexes ??= new Map()).set(from, this.#indexOf(from, to));
    return entry < to ? entry : -1;
  }

  #indexOf(from: number, to: number): Map<string | number, number> {
    const index = new Map<string | number, number>();
    for (let entry = from; entry < to; entry += 1 + (this.#numbers[entry * STRIDE + DESCENDANTS] ?? 0)) index.set(this.#keys[entry] ?? -1, entry);
    return index;
  }

  #span(entry: number): EntrySpan | undefined {
    if (entry < 0) return undefined;
    const at = entry * STRIDE;
    const numbers = this.#numbers;
    return [numbers[at] ?? -1, numbers[at + 1] ?? -1, numbers[at + 2] ?? -1, numbers[at + 3] ?? -1];
  }
}

/** Records entries in source order for FlatSpans: `open` before reading an entry's value, `close` after it. */
export class FlatSpanWriter {
  readonly #keys: (string | number)[] = [];
  #numbers: Int32Array;

  /** `expectedEntries` sizes the first buffer (too few only costs a copy). */
  constructor(expectedEntries: number) {
    this.#numbers = new Int32Array(Math.max(16, expectedEntries) * STRIDE);
  }

  /** Reserves the entry of `key`; returns its number for `close`. */
  open(key: string | number): number {
    const entry = this.#keys.length;
    this.#keys.push(key);
    if ((entry + 1) * STRIDE > this.#numbers.length) {
      const grown = new Int32Array(this.#numbers.length * 2);
      grown.set(this.#numbers);
      this.#numbers = grown;
    }
    return entry;
  }

  /** Sets the span of an entry whose value has been read (every entry opened since belongs to it). */
  close(entry: number, keyStart: number, keyEnd: number, valueStart: number, valueEnd: number): void {
    const at = entry * STRIDE;
    const numbers = this.#numbers;
    numbers[at] = keyStart;
    numbers[at + 1] = keyEnd;
    numbers[at + 2] = valueStart;
    numbers[at + 3] = valueEnd;
    numbers[at + DESCENDANTS] = this.#keys.length - entry - 1;
  }

  /** The spans; they share the buffer (at most half of it unused after growing, or what the estimate left over). */
  finish(): FlatSpans {
    return new FlatSpans(this.#keys, this.#numbers.subarray(0, this.#keys.length * STRIDE));
  }
}

/** A document read without positions: re-read with them on the first request (cluster inputs rarely get one). */
export class LazySpans implements SpanIndex {
  readonly #read: () => SpanIndex;
  #index: SpanIndex | undefined;

  constructor(read: () => SpanIndex) {
    this.#read = read;
  }

  find(path: Path): FoundSpan {
    return (this.#index ??= this.#read()).find(path);
  }
}
