// The objects a CRD embeds (x-kubernetes-embedded-resource: a pod template, a raw manifest an operator applies) must
// carry apiVersion and kind, as the custom resource strategy checks after the OpenAPI schema.
// upstream: apiextensions-apiserver pkg/apiserver/schema/objectmeta/validation.go validate, validateEmbeddedResource
// (its metadata checks are not modelled)
import { appendAll } from '../model/append.js';
import { groupVersionError } from '../model/kinds.js';
import { asRecord } from '../model/object.js';
import { dns1035LabelErrors } from '../model/name-validation.js';
import { invalid, key, required, unstructured, type FieldError, type FieldPath } from './validation/field-error.js';

type Schema = Readonly<Record<string, unknown>>;

/** True when the schema (as JSON) marks any object as an embedded resource. */
export function hasEmbeddedResources(schemaJson: string): boolean {
  return schemaJson.includes('"x-kubernetes-embedded-resource":true');
}

/** The errors of every embedded resource in `value` (a custom resource's root is not one unless its schema says so). */
export function validateEmbeddedResources(value: unknown, schema: Schema): FieldError[] {
  const errors: FieldError[] = [];
  walk(value, schema, [], errors);
  return errors;
}

function walk(value: unknown, schema: Schema, path: FieldPath, errors: FieldError[]): void {
  if (Array.isArray(value)) {
    const items = asRecord(schema['items']);
    if (items) value.forEach((item, index) => walk(item, items, [...path, index], errors));
    return;
  }
  const record = asRecord(value);
  if (!record) return;
  if (schema['x-kubernetes-embedded-resource'] === true) appendAll(errors, embeddedResourceErrors(record, path));
  const properties = asRecord(schema['properties']);
  const additional = asRecord(schema['additionalProperties']);
  for (const [name, entry] of Object.entries(record)) {
    const property = properties && Object.hasOwn(properties, name) ? asRecord(properties[name]) : undefined;
    if (property) walk(entry, property, [...path, name], errors);
    else if (additional) walk(entry, additional, [...path, key(name)], errors);
  }
}

function embeddedResourceErrors(object: Readonly<Record<string, unknown>>, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  if (!Object.hasOwn(object, 'apiVersion')) errors.push(required([...path, 'apiVersion']));
  if (!Object.hasOwn(object, 'kind')) errors.push(required([...path, 'kind']));
  const apiVersion = object['apiVersion'];
  if (Object.hasOwn(object, 'apiVersion')) {
    if (typeof apiVersion !== 'string') errors.push(invalid([...path, 'apiVersion'], unstructured(apiVersion), 'must be a string'));
    else if (apiVersion === '') errors.push(invalid([...path, 'apiVersion'], apiVersion, 'must not be empty'));
    else {
      const unreadVersion = groupVersionError(apiVersion);
      if (unreadVersion !== undefined) errors.push(invalid([...path, 'apiVersion'], apiVersion, unreadVersion));
    }
  }
  const kind = object['kind'];
  if (Object.hasOwn(object, 'kind')) {
    if (typeof kind !== 'string') errors.push(invalid([...path, 'kind'], unstructured(kind), 'must be a string'));
    else if (kind === '') errors.push(invalid([...path, 'kind'], kind, 'must not be empty'));
    else {
      const problems = dns1035LabelErrors(kind.toLowerCase());
      if (problems.length > 0) errors.push(invalid([...path, 'kind'], kind, `may have mixed case, but should otherwise match: ${problems.join(',')}`));
    }
  }
  return errors;
}
