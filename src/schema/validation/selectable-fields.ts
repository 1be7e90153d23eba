// apiextensions-apiserver's checks of a CustomResourceDefinition's selectableFields: each jsonPath names a string,
// boolean or integer field of the version's structural schema, outside metadata, once; at most 8 of them.
import { duplicate, invalid, pointing, required, toPath, tooMany, type ErrorList, type FieldError, type FieldPath } from './field-error.js';
import { asArray, asRecord, stringField, type Fields } from './values.js';

// upstream: validation.go MaxSelectableFields
const MAX_SELECTABLE_FIELDS = 8;
const SELECTABLE_TYPES = new Set(['string', 'boolean', 'integer']);

/** selectableFields as the internal version holds them: their path there, their place in the manifest, their value. */
export interface SelectableFieldsAt {
  readonly field: FieldPath;
  readonly at: FieldPath;
  readonly value: unknown;
}

/**
 * The errors of `selectable` against `openAPIV3Schema`, the schema of the same level (spec.validation for spec's,
 * the version's own for a version's); without it, the level has selectable fields and no schema (`missingSchema`).
 */
// upstream: validation.go validateCustomResourceDefinitionSpec and validateCustomResourceDefinitionVersion (the
// len(SelectableFields) > 0 branch), ValidateCustomResourceSelectableFields, allowedSelectableFieldSchema (v1.36)
export function validateSelectableFields(selectable: SelectableFieldsAt, openAPIV3Schema: Fields | undefined, missingSchema: string): ErrorList {
  const entries = asArray(selectable.value);
  if (entries.length === 0) return [];
  if (!openAPIV3Schema) return [pointing(invalid(selectable.field.concat('selectableFields'), '', missingSchema), toPath(selectable.at))];
  const errors: ErrorList = [];
  const unique = new Set<string>();
  entries.forEach((entry, index) => {
    const field = selectable.field.concat('selectableFields', index, 'jsonPath');
    const place = (error: FieldError) => errors.push(pointing(error, toPath(selectable.at.concat(index, 'jsonPath'))));
    const jsonPath = stringField(asRecord(entry), 'jsonPath') ?? '';
    if (jsonPath === '') return place(required(field));
    const found = validFieldPath(jsonPath, openAPIV3Schema);
    if (found.kind === 'unknown') return;
    if (found.kind === 'error') return place(invalid(field, jsonPath, `is an invalid path: ${found.message}`));
    if (found.path[0] === '.metadata') place(invalid(field, jsonPath, 'must not point to fields in metadata'));
    if (!SELECTABLE_TYPES.has(stringField(found.schema, 'type') ?? '')) {
      place(invalid(field, jsonPath, 'must point to a field of type string, boolean or integer. Enum string fields and strings with formats are allowed.'));
    }
    const key = found.path.join('');
    if (unique.has(key)) place(duplicate(field, jsonPath));
    else unique.add(key);
  });
  if (unique.size > MAX_SELECTABLE_FIELDS) errors.push(pointing(tooMany(selectable.field.concat('selectableFields'), unique.size, MAX_SELECTABLE_FIELDS), toPath(selectable.at)));
  return errors;
}

/**
 * Where a jsonPath leads in a structural schema: the field's path (`.name` for a property, `[key]` for a key of
 * additionalProperties, as field.Path prints them) and schema, an error in upstream's words, or unknown where upstream
 * would step past an additionalProperties without a schema (a nil schema in Go).
 */
type FieldPathResult =
  | { readonly kind: 'found'; readonly path: readonly string[]; readonly schema: Fields | undefined }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'unknown' };

// upstream: apiextensions-apiserver pkg/apiserver/schema/cel/validation.go ValidFieldPath with
// WithFieldPathAllowArrayNotation(false): '.' then a property name, or a key where the schema has additionalProperties
function validFieldPath(jsonPath: string, root: Fields): FieldPathResult {
  const tokens = fieldPathTokens(jsonPath);
  const path: string[] = [];
  let schema: Fields | undefined = root;
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index] ?? '';
    if (token === '[') return { kind: 'error', message: 'array notation is not allowed' };
    if (token !== '.') return { kind: 'error', message: `expected [ or . but got: ${token}` };
    const name = tokens[index + 1];
    if (name === undefined) return { kind: 'error', message: 'unexpected end of JSON path' };
    index += 1;
    if (schema === undefined) return { kind: 'unknown' };
    const properties = asRecord(schema['properties']);
    const additionalProperties = schema['additionalProperties'];
    if (properties) {
      if (!Object.hasOwn(properties, name)) return { kind: 'error', message: 'does not refer to a valid field' };
      schema = asRecord(properties[name]);
      path.push(`.${name}`);
    } else if (additionalProperties !== undefined && additionalProperties !== null) {
      schema = asRecord(additionalProperties);
      path.push(`[${name}]`);
    } else return { kind: 'error', message: 'does not refer to a valid field' };
  }
  return { kind: 'found', path, schema };
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
