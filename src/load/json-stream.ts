// kubectl reads input whose first non-space character is `{` as a stream of JSON values (encoding/json), not as YAML.
// upstream: k8s.io/apimachinery/pkg/util/yaml/decoder.go YAMLOrJSONDecoder.Decode, GuessJSONStream
import { goJsonSyntaxError } from '../model/go-json.js';

export interface JsonValueSpan {
  readonly start: number;
  readonly end: number;
}

export interface JsonStream {
  readonly values: JsonValueSpan[];
  /** The first value encoding/json refuses; kubectl stops there. */
  readonly error: { readonly offset: number; readonly message: string } | undefined;
}

/** Go's unicode.IsSpace. */
export const GO_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

/** White space before the brace (hasJSONPrefix trims with unicode.IsSpace). */
const JSON_PREFIX = new RegExp(`^${GO_SPACE.source}*\\{`);

/** The bytes cli-runtime's StreamVisitor has kubectl look at (NewYAMLOrJSONDecoder(reader, 4096), GuessJSONStream). */
const PEEKED_BYTES = 4096;

export function isJsonStream(text: string): boolean {
  const prefix = JSON_PREFIX.exec(text);
  // the brace must be among the bytes peeked at (white space before it is ASCII mostly: a native count only when long)
  return prefix !== null && (prefix[0].length <= PEEKED_BYTES / 3 || Buffer.byteLength(prefix[0]) <= PEEKED_BYTES);
}

/**
 * The first error encoding/json's decoder gives for one value, in its words, and the character it is at: none when
 * JSON.parse reads the value (the two agree on what is JSON). The input ending inside the value is io.ErrUnexpectedEOF
 * for json.Decoder, which kubectl reads the stream with.
 */
function syntaxErrorIn(value: string): { readonly offset: number; readonly message: string } | undefined {
  try {
    JSON.parse(value);
    return undefined;
  } catch {
    const bytes = Buffer.from(value, 'utf8');
    const error = goJsonSyntaxError(bytes);
    if (!error) return { offset: 0, message: 'invalid JSON' };
    // the character holding the byte: its UTF-8 prefix decoded back
    const offset = bytes.subarray(0, error.offset).toString('utf8').length;
    return { offset: Math.min(offset, value.length), message: error.atEnd ? 'unexpected EOF' : error.message };
  }
}

/** Each top-level value's span, checked as encoding/json checks it. */
export function splitJsonValues(text: string): JsonStream {
  const values: JsonValueSpan[] = [];
  for (let start = skipSpace(text, 0); start < text.length; start = skipSpace(text, values.at(-1)?.end ?? text.length)) {
    const end = valueEnd(text, start);
    const error = syntaxErrorIn(text.slice(start, end));
    if (error) return { values, error: { offset: start + error.offset, message: `invalid JSON (kubectl reads input that starts with "{" as JSON): ${error.message}` } };
    values.push({ start, end });
  }
  return { values, error: undefined };
}

/** A JSON text's one value, read by JSON.parse. */
export interface ParsedJsonValue extends JsonValueSpan {
  readonly value: unknown;
  /** Its values, itself and every value inside it. */
  readonly values: number;
}

/**
 * The text's value when JSON.parse reads the whole text (a `kubectl get -o json` snapshot is one List), without the
 * character scan splitJsonValues makes to find where each value of a stream ends. Undefined when JSON.parse refuses the
 * text: a stream of several values, comments or an error, which splitJsonValues finds and words.
 */
export function wholeJsonValue(text: string): ParsedJsonValue | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  let end = text.length;
  while (end > 0 && ' \t\n\r'.includes(text.charAt(end - 1))) end--;
  return { start: skipSpace(text, 0), end, value, values: valuesIn(value) };
}

/**
 * Values in `value`, itself included: a loop over the collections still to visit, not a recursion (JSON.parse reads any
 * nesting), and scalars are only counted (a flood of them is what the count is for).
 */
function valuesIn(value: unknown): number {
  const pending: object[] = [];
  let count = 1;
  const visit = (child: unknown) => {
    count++;
    if (typeof child === 'object' && child !== null) pending.push(child);
  };
  if (typeof value === 'object' && value !== null) pending.push(value);
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (Array.isArray(next)) for (const item of next as unknown[]) visit(item);
    else for (const key in next) visit((next as Record<string, unknown>)[key]);
  }
  return count;
}

/** encoding/json's white space between values. */
function skipSpace(text: string, from: number): number {
  let position = from;
  while (position < text.length && ' \t\n\r'.includes(text.charAt(position))) position++;
  return position;
}

/** Where the value starting at `start` ends: its closing bracket or quote, or the end of a literal. */
function valueEnd(text: string, start: number): number {
  let depth = 0;
  for (let position = start; position < text.length; position++) {
    const char = text.charAt(position);
    if (char === '"') position = stringEnd(text, position);
    else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') depth--;
    // a value ends at white space or a comma, but not before its first character (a stray `,` is the value then)
    else if (depth === 0 && position > start && ' \t\n\r,'.includes(char)) return position;
    if (depth <= 0 && (char === '"' || char === '}' || char === ']')) return position + 1;
  }
  return text.length;
}

function stringEnd(text: string, quote: number): number {
  for (let position = quote + 1; position < text.length; position++) {
    const char = text.charAt(position);
    if (char === '\\') position++;
    else if (char === '"') return position;
  }
  return text.length;
}
