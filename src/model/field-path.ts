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

/** fmt's %q of a string. */
export function goQuote(value: string): string {
  return JSON.stringify(value).replace(/\\u00([0-7][0-9a-f])/g, '\\x$1').replace(/\u007f/g, '\\x7f');
}
