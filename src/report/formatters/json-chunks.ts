// JSON.stringify(value, null, 2) in pieces: a report with hundreds of thousands of findings or nodes is longer than
// the longest string V8 can build ("RangeError: Invalid string length"), so large outputs are written chunk by chunk.
import { isPlainRecord } from '../../model/plain-record.js';

/** Output of a formatter: one string, or the chunks of a long one in order. */
export type FormatOutput = string | ChunkedText;

export class ChunkedText implements Iterable<string> {
  readonly #chunks: () => Iterable<string>;

  constructor(chunks: () => Iterable<string>) {
    this.#chunks = chunks;
  }

  [Symbol.iterator](): Iterator<string> {
    return this.#chunks()[Symbol.iterator]();
  }

  /** The whole text (for tests and small reports). */
  toString(): string {
    let text = '';
    for (const chunk of this) text += chunk;
    return text;
  }
}

const CHUNK_CHARS = 1 << 16;

/**
 * Exactly `${JSON.stringify(value, null, 2)}\n`, as chunks of about 64 KiB. Arrays and objects nested less than
 * `streamDepth` deep are written member by member; deeper values are stringified whole.
 */
export function jsonChunks(value: unknown, streamDepth: number): ChunkedText {
  return new ChunkedText(() => batched(members(value, streamDepth, '', true)));
}

function* batched(pieces: Iterable<string>): Generator<string> {
  let buffer = '';
  for (const piece of pieces) {
    buffer += piece;
    if (buffer.length >= CHUNK_CHARS) {
      yield buffer;
      buffer = '';
    }
  }
  yield `${buffer}\n`;
}

function* members(value: unknown, depth: number, indent: string, inArray: boolean): Generator<string> {
  const json = toJsonValue(value);
  if (depth <= 0 || json === null || typeof json !== 'object') {
    yield stringified(json, indent, inArray);
    return;
  }
  const inner = `${indent}  `;
  const isArray = Array.isArray(json);
  const entries = isArray ? json.map((item, index) => [index, item] as const) : Object.entries(json).filter(([, item]) => isWritable(toJsonValue(item)));
  if (entries.length === 0) {
    yield isArray ? '[]' : '{}';
    return;
  }
  if (isArray && depth === 1) {
    yield* itemsInBatches(json, indent);
    return;
  }
  yield isArray ? '[' : '{';
  for (const [position, [key, item]] of entries.entries()) {
    yield `${position === 0 ? '' : ','}\n${inner}${isArray ? '' : `${JSON.stringify(key)}: `}`;
    yield* members(item, depth - 1, inner, isArray);
  }
  yield `\n${indent}${isArray ? ']' : '}'}`;
}

/** About this many characters per JSON.stringify call when an array's items are written whole. */
const BATCH_CHARS = 1 << 12;

/**
 * A non-empty array whose items are written whole, as `[` + members(item, 0) per item + `]` would write it, but many
 * items per JSON.stringify call (20,000 node records of a large cluster are a few hundred calls, not 20,000). The
 * number of items per call follows their length, so that a piece stays near BATCH_CHARS.
 */
function* itemsInBatches(items: readonly unknown[], indent: string): Generator<string> {
  if (sharesMembers(items)) {
    yield* recordsWithSharedMembers(items, indent);
    return;
  }
  yield '[';
  let count = 1;
  for (let start = 0; start < items.length; ) {
    const batch = items.slice(start, start + count);
    const text = itemsText(batch, indent);
    yield start === 0 ? text : `,${text}`;
    start += batch.length;
    count = Math.min(1000, Math.max(1, Math.floor((BATCH_CHARS * batch.length) / text.length)));
  }
  yield `\n${indent}]`;
}

/**
 * The items of a non-empty `batch` with their separators (`\n<indent>  item,` ...), as stringified(batch, indent, true)
 * writes them between its brackets. Wrapped in as many arrays as `indent` has levels, the batch comes out of
 * JSON.stringify indented already: the text is sliced, not copied line by line to indent it (megabytes per report).
 */
function itemsText(batch: readonly unknown[], indent: string): string {
  const levels = indent.length / 2;
  let wrapped: unknown = batch;
  for (let level = 0; level < levels; level++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  // wrapper i (1-based) opens with `[\n` and 2i spaces and closes with `\n`, 2(i - 1) spaces and `]`
  const opening = levels * (levels + 3);
  const closing = levels * (levels + 1);
  // then the batch's own `[` and `\n<indent>]`
  return text.slice(opening + 1, text.length - closing - indent.length - 2);
}

/**
 * Whether the array's first records share an object member (the same object, as the `nodes` records of alike nodes
 * share their amounts): its records are then written member by member, each shared object stringified once.
 */
function sharesMembers(items: readonly unknown[]): boolean {
  const [first, ...next] = items.slice(0, 3);
  if (!isRecordWithoutToJson(first)) return false;
  return Object.keys(first).some((key) => {
    const member = first[key];
    return typeof member === 'object' && member !== null && next.some((item) => isRecordWithoutToJson(item) && item[key] === member);
  });
}

/**
 * itemsInBatches for records sharing objects: `[` + members(item, 0) per item + `]` exactly, where each object member is
 * stringified once per distinct object (by identity: 20,000 node records share a few amounts objects) instead of once
 * per record; a record that is no plain object, or has a member with toJSON (which JSON.stringify calls with its key),
 * is stringified whole.
 */
function* recordsWithSharedMembers(items: readonly unknown[], indent: string): Generator<string> {
  const inner = `${indent}  `;
  const memberIndent = `\n${inner}  `;
  const objectTexts = new Map<object, string>();
  const keyTexts = new Map<string, string>();
  let text = '[';
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    text += `${index === 0 ? '' : ','}\n${inner}${recordText(item, memberIndent, objectTexts, keyTexts) ?? stringified(toJsonValue(item), inner, true)}`;
    if (text.length >= CHUNK_CHARS) {
      yield text;
      text = '';
    }
  }
  yield `${text}\n${indent}]`;
}

/** The record as JSON.stringify(item, null, 2) writes it at `memberIndent`, or undefined when it cannot tell. */
function recordText(item: unknown, memberIndent: string, objectTexts: Map<object, string>, keyTexts: Map<string, string>): string | undefined {
  if (!isRecordWithoutToJson(item)) return undefined;
  let text = '';
  for (const key of Object.keys(item)) {
    const member = item[key];
    let memberText: string | undefined;
    if (typeof member === 'object' && member !== null) {
      if (typeof (member as { toJSON?: unknown }).toJSON === 'function') return undefined;
      memberText = objectTexts.get(member);
      if (memberText === undefined) objectTexts.set(member, (memberText = (JSON.stringify(member, null, 2) as string).replaceAll('\n', memberIndent)));
    } else if (isWritable(member)) {
      if (typeof member === 'bigint') return undefined;
      memberText = JSON.stringify(member) as string;
    } else continue;
    let keyText = keyTexts.get(key);
    if (keyText === undefined) keyTexts.set(key, (keyText = `${memberIndent}${JSON.stringify(key)}: `));
    text += `${text === '' ? '' : ','}${keyText}${memberText}`;
  }
  return text === '' ? '{}' : `{${text}${memberIndent.slice(0, -2)}}`;
}

/** A plain object JSON.stringify walks without calling it (no toJSON of its own). */
function isRecordWithoutToJson(value: unknown): value is Record<string, unknown> {
  return isPlainRecord(value) && typeof value['toJSON'] !== 'function';
}

/** What JSON.stringify sees: the result of toJSON() when there is one. */
function toJsonValue(value: unknown): unknown {
  const withToJson = value as { toJSON?: unknown } | null | undefined;
  return withToJson !== null && typeof withToJson === 'object' && typeof withToJson.toJSON === 'function' ? (withToJson.toJSON as () => unknown)() : value;
}

/** Object members JSON.stringify omits: undefined, functions and symbols. */
function isWritable(value: unknown): boolean {
  return value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';
}

function stringified(value: unknown, indent: string, inArray: boolean): string {
  const text = JSON.stringify(value, null, 2) as string | undefined;
  if (text === undefined) return inArray ? 'null' : '';
  return indent === '' ? text : text.replaceAll('\n', `\n${indent}`);
}
