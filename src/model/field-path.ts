// apimachinery's field.Path as the API server prints it in its errors and warnings, and fmt's %q: shared by the
// validation (src/schema/validation/field-error.ts) and the rules that quote the API server (api-warning).
import type { Path } from './document.js';

/** A map key inside a field path: printed `[key]`, as upstream's Path.Key. */
export interface MapKey { readonly key: string }
export type FieldPath = readonly (string | number | MapKey)[];

/** A map key segment, as upstream's fldPath.Key. */
export const key = (name: string): MapKey => ({ key: name });

// upstream: field/path.go Path.String
export function fieldPathString(field: FieldPath): string {
  let out = '';
  for (const segment of field) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'object') out += `[${segment.key}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

/** The document path of a field path (map keys become plain keys) for positions. */
export function toPath(field: FieldPath): Path {
  return field.map((segment) => (typeof segment === 'object' ? segment.key : segment));
}

const GO_ESCAPES: Readonly<Record<string, string>> = { '\u0007': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '\\': '\\\\', '"': '\\"' };
/** What strconv.Quote escapes: a quote, a backslash, and each rune unicode.IsPrint refuses (all but letters, marks, numbers, punctuation, symbols and the ASCII space). */
const GO_QUOTED = /["\\]|[^\p{L}\p{M}\p{N}\p{P}\p{S} ]/gu;

/** fmt's %q of a string (strconv.Quote): \a-style escapes, \x for other ASCII controls, \u or \U for other unprintable runes. */
export function goQuote(value: string): string {
  return `"${value.replace(GO_QUOTED, goEscape)}"`;
}

/** One rune as strconv.Quote escapes it: \a-style, \x for other ASCII controls, \u or \U for other runes. */
export function goEscape(rune: string): string {
  const escape = GO_ESCAPES[rune];
  if (escape !== undefined) return escape;
  const code = rune.codePointAt(0) ?? 0;
  if (code < 0x20 || code === 0x7f) return `\\x${code.toString(16).padStart(2, '0')}`;
  return code < 0x10000 ? `\\u${code.toString(16).padStart(4, '0')}` : `\\U${code.toString(16).padStart(8, '0')}`;
}
