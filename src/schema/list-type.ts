// The uniqueness a CRD's x-kubernetes-list-type asks of a custom resource's lists: whole items of a "set", the key
// fields of a "map" (upstream: apiextensions-apiserver pkg/apiserver/schema/listtype/validation.go
// ValidateListSetsAndMaps, which the custom resource strategy runs after the OpenAPI schema, its errors not blocking
// the CEL rules).
import { canonicalJson } from '../model/canonical-json.js';
import { asRecord } from '../model/object.js';
import { duplicate, invalid, key, unstructured, type FieldError, type FieldPath } from './validation/field-error.js';

type Schema = Readonly<Record<string, unknown>>;

/** True when the schema (as JSON) marks any list as a set or map. */
export function hasListTypes(schemaJson: string): boolean {
  return schemaJson.includes('"x-kubernetes-list-type"');
}

/** The Duplicate errors of every set and map list in `value`, walking the structural schema as upstream does. */
export function validateListSetsAndMaps(value: unknown, schema: Schema): FieldError[] {
  const errors: FieldError[] = [];
  walk(value, schema, [], errors);
  return errors;
}

function walk(value: unknown, schema: Schema, path: FieldPath, errors: FieldError[]): void {
  if (Array.isArray(value)) {
    validateList(value, schema, path, errors);
    const items = asRecord(schema['items']);
    if (items) value.forEach((item, index) => walk(item, items, [...path, index], errors));
    return;
  }
  const record = asRecord(value);
  if (!record) return;
  const properties = asRecord(schema['properties']);
  const additional = asRecord(schema['additionalProperties']);
  for (const [name, entry] of Object.entries(record)) {
    const entrySchema = properties && Object.hasOwn(properties, name) ? asRecord(properties[name]) : undefined;
    // upstream names an additionalProperties entry as a map key (fldPath.Key: "routes[web]")
    if (additional) walk(entry, additional, [...path, key(name)], errors);
    if (entrySchema) walk(entry, entrySchema, [...path, name], errors);
  }
}

function validateList(list: readonly unknown[], schema: Schema, path: FieldPath, errors: FieldError[]): void {
  const listType = schema['x-kubernetes-list-type'];
  if (listType === 'set') {
    for (const index of repeatedAt(list)) errors.push(duplicate([...path, index], unstructured(list[index])));
  } else if (listType === 'map') {
    const keyFields = Array.isArray(schema['x-kubernetes-list-map-keys']) ? schema['x-kubernetes-list-map-keys'].filter((key): key is string => typeof key === 'string') : [];
    const notObject = list.findIndex((item) => item !== null && asRecord(item) === undefined);
    if (notObject >= 0) {
      errors.push(invalid([...path, notObject], unstructured(list[notObject]), 'must be an object for an array of list-type map'));
      return;
    }
    const keys = list.map((item) => keyOf(asRecord(item), keyFields));
    for (const index of repeatedAt(keys)) errors.push(duplicate([...path, index], unstructured(keys[index])));
  }
}

/** An item's key fields that it sets (an item without them, or a null item, has the empty key). */
function keyOf(item: Readonly<Record<string, unknown>> | undefined, keyFields: readonly string[]): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const field of keyFields) if (item && Object.hasOwn(item, field)) fields[field] = item[field];
  return fields;
}

/** validateListSet: the index of the second appearance of every value that appears more than once. */
function repeatedAt(values: readonly unknown[]): number[] {
  const seen = new Map<string, number>();
  const repeated: number[] = [];
  values.forEach((value, index) => {
    const identity = canonicalJson(value);
    const times = seen.get(identity) ?? 0;
    seen.set(identity, times + 1);
    if (times === 1) repeated.push(index);
  });
  return repeated;
}
