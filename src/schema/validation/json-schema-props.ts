// Reading a CRD's openAPIV3Schema (v1 JSONSchemaProps) as decoded values: its sub-schemas, as apiextensions' SchemaHas
// visits them, and whether it converts to a structural schema.
import { asArray, asRecord, type Fields } from './values.js';

export const isSet = (value: unknown): boolean => value !== undefined && value !== null;

/** A schema-valued keyword's schema: none for a list (items as an array) or a boolean (additionalProperties: true). */
export const schemaOf = (value: unknown): Fields | undefined => (Array.isArray(value) ? undefined : asRecord(value));

/**
 * The schemas directly below `schema`: items (one or a list), allOf, oneOf, anyOf, not, properties,
 * additionalProperties, patternProperties, dependencies, additionalItems and definitions.
 */
// upstream: apiextensions validation.go SchemaHas
export function subschemas(schema: Fields): Fields[] {
  const items = schema['items'];
  const maps = ['properties', 'patternProperties', 'dependencies', 'definitions'].flatMap((name) => Object.values(asRecord(schema[name]) ?? {}));
  const single = [schemaOf(items), schemaOf(schema['not']), schemaOf(schema['additionalProperties']), schemaOf(schema['additionalItems'])];
  const lists = [...asArray(items), ...asArray(schema['allOf']), ...asArray(schema['oneOf']), ...asArray(schema['anyOf'])];
  return [...single, ...lists, ...maps.map(schemaOf)].filter((child): child is Fields => child !== undefined);
}

/**
 * Whether NewStructural converts the schema (upstream: convert.go NewStructural and validateUnsupportedFields); where it
 * does not, upstream checks no structural invariants and resolves no field path.
 */
export function convertsToStructural(schema: Fields): boolean {
  const nonEmpty = (name: string) => Object.keys(asRecord(schema[name]) ?? {}).length > 0;
  if ((typeof schema['id'] === 'string' && schema['id'] !== '') || (typeof schema['$schema'] === 'string' && schema['$schema'] !== '')) return false;
  if (typeof schema['$ref'] === 'string' && schema['$ref'] !== '') return false;
  if (nonEmpty('patternProperties') || nonEmpty('dependencies') || nonEmpty('definitions')) return false;
  if (isSet(schema['additionalItems']) || schema['x-kubernetes-preserve-unknown-fields'] === false) return false;
  if (asArray(schema['items']).length > 0) return false;
  // (the sub-schemas of the keywords refused above are none left)
  return subschemas(schema).every(convertsToStructural);
}
