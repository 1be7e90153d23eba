// Where each key and value of a document came from, found by path: the spans the builders record while reading.
import { Buffer } from 'node:buffer';
import { endianness } from 'node:os';
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

/** The entries FlatSpans looks through, in source (pre-)order. */
interface SpanTable {
  readonly entries: number;
  /** Number `field` of an entry: 0 to 3 the offsets of its span, DESCENDANTS the size of its subtree. */
  number(entry: number, field: number): number;
  /** The key of an entry that is its container's child number `index`. */
  keyOf(entry: number, index: number): string | number;
  hasKey(entry: number, index: number, key: string | number): boolean;
}

/**
 * Every entry of a document in source (pre-)order, in one typed array and one key array: no allocation per
 * container or entry, which is most of what positions cost the garbage collector. An entry's descendants follow it,
 * so a lookup steps over siblings' subtrees in one jump.
 */
export class FlatSpans implements SpanIndex {
  readonly #table: SpanTable;
  /** Children by key of the large containers looked into so far, by the container's first entry. */
  #indexes: Map<number, Map<string | number, number>> | undefined;

  constructor(table: SpanTable) {
    this.#table = table;
  }

  find(path: Path): FoundSpan {
    let from = 0;
    let to = this.#table.entries;
    let found = -1;
    for (const segment of path) {
      const entry = this.#child(from, to, segment);
      if (entry < 0) return { span: this.#span(found), complete: false };
      found = entry;
      from = entry + 1;
      to = from + this.#table.number(entry, DESCENDANTS);
    }
    return { span: this.#span(found), complete: true };
  }

  /**
   * The same spans as offsets into the document's own text (`text` from `start` to `end`), for a document kept after
   * its file: 16 bits per number when they fit, and no keys when the text spells each one as it is.
   */
  keptIn(text: string, start: number, end: number): KeptSpans {
    if (!(this.#table instanceof RecordedTable)) throw new Error('only spans as the reader recorded them are kept');
    return this.#table.keptIn(text, start, end);
  }

  /** The entry of `key` among the children of the container whose entries are [from, to), or -1. */
  #child(from: number, to: number, key: string | number): number {
    const indexed = this.#indexes?.get(from);
    if (indexed) return indexed.get(key) ?? -1;
    const table = this.#table;
    let entry = from;
    let steps = 0;
    for (; entry < to && !table.hasKey(entry, steps, key); steps++) entry += 1 + table.number(entry, DESCENDANTS);
    // a long sequence (a List's items) is indexed once, so that looking up each of n items is not O(n) apiece
    if (steps > INDEX_AFTER_STEPS) (this.#indexes ??= new Map()).set(from, this.#indexOf(from, to));
    return entry < to ? entry : -1;
  }

  #indexOf(from: number, to: number): Map<string | number, number> {
    const index = new Map<string | number, number>();
    const table = this.#table;
    for (let entry = from, child = 0; entry < to; entry += 1 + table.number(entry, DESCENDANTS), child++) index.set(table.keyOf(entry, child), entry);
    return index;
  }

  #span(entry: number): EntrySpan | undefined {
    if (entry < 0) return undefined;
    const table = this.#table;
    return [table.number(entry, 0), table.number(entry, 1), table.number(entry, 2), table.number(entry, 3)];
  }
}

/** Entries as the reader records them: file offsets in an Int32Array, keys in an array. */
class RecordedTable implements SpanTable {
  readonly #keys: readonly (string | number)[];
  readonly #numbers: Int32Array;

  constructor(keys: readonly (string | number)[], numbers: Int32Array) {
    this.#keys = keys;
    this.#numbers = numbers;
  }

  get entries(): number {
    return this.#keys.length;
  }

  number(entry: number, field: number): number {
    return this.#numbers[entry * STRIDE + field] ?? -1;
  }

  keyOf(entry: number): string | number {
    return this.#keys[entry] ?? -1;
  }

  hasKey(entry: number, _index: number, key: string | number): boolean {
    return this.#keys[entry] === key;
  }

  keptIn(text: string, start: number, end: number): KeptSpans {
    const numbers = this.#numbers;
    const keys = this.#keys;
    const codes = end - start + 1 <= 0xffff ? scratchCodes(numbers.length) : new Int32Array(numbers.length);
    let spelt = true;
    for (let entry = 0, at = 0; entry < keys.length; entry++, at += STRIDE) {
      const key = keys[entry];
      const keyStart = numbers[at] ?? -1;
      const keyEnd = numbers[at + 1] ?? -1;
      if (spelt && typeof key === 'string') spelt = keyEnd - keyStart === key.length && text.startsWith(key, keyStart);
      codes[at] = keptOffset(keyStart, start);
      codes[at + 1] = keptOffset(keyEnd, start);
      codes[at + 2] = keptOffset(numbers[at + 2] ?? -1, start);
      codes[at + 3] = keptOffset(numbers[at + 3] ?? -1, start);
      codes[at + DESCENDANTS] = numbers[at + DESCENDANTS] ?? 0;
    }
    return new KeptSpans(codes instanceof Int32Array ? codes : asCodeUnits(codes), spelt ? undefined : keys.slice());
  }
}

/** The 16-bit numbers of the document being kept, before they become a string (one buffer for every document). */
let scratch = new Uint16Array(4096);

function scratchCodes(length: number): Uint16Array {
  if (scratch.length < length) scratch = new Uint16Array(Math.max(length, scratch.length * 2));
  return scratch.subarray(0, length);
}

/** Whether a Uint16Array's bytes are UTF-16LE code units as they are (the byte order of almost every platform). */
const LITTLE_ENDIAN = endianness() === 'LE';

/** Code units String.fromCharCode takes per call: a bounded argument list, whatever the document's size. */
const CODES_PER_CALL = 8192;

/**
 * 16-bit numbers as the code units of one string: it lives in V8's heap like any small object, where a typed array
 * over 64 bytes would take an ArrayBuffer, a backing store outside the heap and their bookkeeping (about 250 bytes a
 * document on top of the numbers). Decoding the bytes as UTF-16LE copies the code units as they are, lone surrogates
 * included, five times as fast as String.fromCharCode, whose argument list (a boxed number per code unit) was 4% of
 * everything a lint run allocates.
 */
function asCodeUnits(codes: Uint16Array): string {
  if (LITTLE_ENDIAN) return Buffer.from(codes.buffer, codes.byteOffset, codes.byteLength).toString('utf16le');
  const parts: string[] = [];
  for (let at = 0; at < codes.length; at += CODES_PER_CALL) parts.push(Reflect.apply(String.fromCharCode, null, codes.subarray(at, at + CODES_PER_CALL)) as string);
  return parts.join('');
}

/**
 * An offset of a kept document's span, relative to its text and plus one. Both offsets below zero become 0, read back
 * as -1 as when the text is read alone: -1 (no key: a sequence item) and the position just before the text (an empty
 * value's, as the reader gives it).
 */
function keptOffset(offset: number, start: number): number {
  return offset === -1 ? 0 : offset - start + 1;
}

/** The spans FlatSpans.keptIn compacts, until they are given the text they point into. */
export class KeptSpans {
  readonly #codes: KeptCodes;
  readonly #keys: readonly (string | number)[] | undefined;

  constructor(codes: KeptCodes, keys: readonly (string | number)[] | undefined) {
    this.#codes = codes;
    this.#keys = keys;
  }

  /** The spans over `text`, the document's own (the same characters as when they were kept). */
  in(text: string): FlatSpans {
    return new FlatSpans(new KeptTable(this.#codes, this.#keys, text));
  }
}

/** A kept document's numbers: the code units of a string when each fits in 16 bits (documents under 64 KiB), else 32-bit. */
type KeptCodes = string | Int32Array;

class KeptTable implements SpanTable {
  readonly #codes: KeptCodes;
  /** Undefined when each mapping key is spelt out in the text at its span (a sequence item's key is its index). */
  readonly #keys: readonly (string | number)[] | undefined;
  readonly #text: string;

  constructor(codes: KeptCodes, keys: readonly (string | number)[] | undefined, text: string) {
    this.#codes = codes;
    this.#keys = keys;
    this.#text = text;
  }

  get entries(): number {
    return this.#codes.length / STRIDE;
  }

  number(entry: number, field: number): number {
    const codes = this.#codes;
    const at = entry * STRIDE + field;
    const code = typeof codes === 'string' ? codes.charCodeAt(at) : (codes[at] ?? 0);
    return field === DESCENDANTS ? code : code - 1;
  }

  keyOf(entry: number, index: number): string | number {
    if (this.#keys) return this.#keys[entry] ?? -1;
    const keyStart = this.number(entry, 0);
    return keyStart < 0 ? index : this.#text.slice(keyStart, this.number(entry, 1));
  }

  hasKey(entry: number, index: number, key: string | number): boolean {
    if (this.#keys) return this.#keys[entry] === key;
    const keyStart = this.number(entry, 0);
    if (keyStart < 0) return key === index;
    return typeof key === 'string' && this.number(entry, 1) - keyStart === key.length && this.#text.startsWith(key, keyStart);
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
    return new FlatSpans(new RecordedTable(this.#keys, this.#numbers.subarray(0, this.#keys.length * STRIDE)));
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
