// apiextensions-apiserver's checks of a CustomResourceDefinition's selectableFields: each jsonPath names a string,
// boolean or integer field of the version's structural schema, outside metadata, once; at most 8 of them.
import { duplicate, invalid, pointing, required, toPath, tooMany, type ErrorList, type FieldError, type FieldPath } from './field-error.js';
import { convertsToStructural } from './json-schema-props.js';
import { validFieldPath } from './valid-field-path.js';
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
  if (!convertsToStructural(openAPIV3Schema)) return [];
  const errors: ErrorList = [];
  const unique = new Set<string>();
  entries.forEach((entry, index) => {
    const field = selectable.field.concat('selectableFields', index, 'jsonPath');
    const place = (error: FieldError) => errors.push(pointing(error, toPath(selectable.at.concat(index, 'jsonPath'))));
    const jsonPath = stringField(asRecord(entry), 'jsonPath') ?? '';
    if (jsonPath === '') return place(required(field));
    const found = validFieldPath(jsonPath, openAPIV3Schema, { allowArrayNotation: false });
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
