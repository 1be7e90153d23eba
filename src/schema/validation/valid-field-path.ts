// apiextensions-apiserver's ValidFieldPath: where a JSON path such as `.spec.replicas` or `.spec['x.y']` leads in a CRD's
// structural schema, for selectableFields and the fieldPath of x-kubernetes-validations rules.
import { asRecord, type Fields } from './values.js';

/**
 * Where a jsonPath leads in a structural schema: the field's path (`.name` for a property, `[key]` for a key of
 * additionalProperties, as field.Path prints them) and schema, an error in upstream's words, or unknown where upstream
 * would step past an additionalProperties without a schema (a nil schema in Go).
 */
export type FieldPathResult =
  | { readonly kind: 'found'; readonly path: readonly string[]; readonly schema: Fields | undefined }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'unknown' };

// upstream: apiextensions-apiserver pkg/apiserver/schema/cel/validation.go ValidFieldPath (v1.36): '.' then a name, or
// with array notation `['name']`; a name is a property, or a key where the schema has additionalProperties instead
export function validFieldPath(jsonPath: string, root: Fields, options: { readonly allowArrayNotation: boolean }): FieldPathResult {
  const tokens = fieldPathTokens(jsonPath);
  const path: string[] = [];
  let schema: Fields | undefined = root;
  let index = 0;
  const error = (message: string): FieldPathResult => ({ kind: 'error', message });
  while (index < tokens.length) {
    const token = tokens[index] ?? '';
    if (token !== '.' && token !== '[') return error(`expected [ or . but got: ${token}`);
    if (token === '[' && !options.allowArrayNotation) return error('array notation is not allowed');
    const next = tokens[index + 1];
    if (next === undefined) return error('unexpected end of JSON path');
    const name = token === '.' ? next : subscriptName(next);
    if (typeof name !== 'string') return name;
    if (schema === undefined) return { kind: 'unknown' };
    const step = stepInto(schema, name);
    if (step === undefined) return error('does not refer to a valid field');
    path.push(step.named ? `.${name}` : `[${name}]`);
    schema = step.schema;
    index += 2;
    if (token === '.') continue;
    const closing = tokens[index];
    if (closing === undefined) return error('unexpected end of JSON path');
    if (closing !== ']') return error(`expected ] but got ${closing}`);
    index += 1;
  }
  return { kind: 'found', path, schema };
}

/** The schema of `name` under `schema`: a property's (named), additionalProperties' (a key), or none. */
// (upstream: schema/convert.go NewStructural keeps properties only when there are some)
function stepInto(schema: Fields, name: string): { readonly named: boolean; readonly schema: Fields | undefined } | undefined {
  const properties = asRecord(schema['properties']);
  if (properties && Object.keys(properties).length > 0) return Object.hasOwn(properties, name) ? { named: true, schema: asRecord(properties[name]) } : undefined;
  const additionalProperties = schema['additionalProperties'];
  return additionalProperties === undefined || additionalProperties === null ? undefined : { named: false, schema: asRecord(additionalProperties) };
}

/**
 * The scanner's tokens (upstream's split function): '.', '[' and ']' alone, a single-quoted string up to its closing
 * quote, the text between delimiters.
 */
function fieldPathTokens(jsonPath: string): string[] {
  const tokens: string[] = [];
  let rest = jsonPath;
  while (rest.length > 0) {
    let length = rest.length;
    if (rest.startsWith("'")) {
      for (let index = 1; index < rest.length; index += 1) {
        if (rest[index] === "'" && rest[index - 1] !== '\\') {
          length = index + 1;
          break;
        }
      }
    } else {
      const delimiter = rest.search(/[.[\]]/);
      length = delimiter === 0 ? 1 : delimiter > 0 ? delimiter : rest.length;
    }
    tokens.push(rest.slice(0, length));
    rest = rest.slice(length);
  }
  return tokens;
}

/** The name a `'quoted'` subscript holds, unescaped (upstream: unescapeSingleQuote, whose last bad escape is named). */
function subscriptName(quoted: string): string | FieldPathResult {
  if (quoted.length < 2 || !quoted.startsWith("'") || !quoted.endsWith("'")) return { kind: 'error', message: `expected single quoted string but got ${quoted}` };
  let invalidEscape: string | undefined;
  // Go's `\\.` matches a backslash and any character but a newline
  const name = quoted.slice(1, -1).replace(/\\[^\n]/g, (escape) => {
    const unescaped = SINGLE_QUOTE_ESCAPES[escape[1] ?? ''];
    if (unescaped === undefined) invalidEscape = escape;
    return unescaped ?? '';
  });
  return invalidEscape === undefined ? name : { kind: 'error', message: `invalid string literal: invalid escape char ${invalidEscape}` };
}

const SINGLE_QUOTE_ESCAPES: Readonly<Record<string, string>> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', "'": "'", '\\': '\\' };
