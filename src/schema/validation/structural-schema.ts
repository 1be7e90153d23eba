// A CRD version's openAPIV3Schema as the API server checks it on create: the root's own rules, then a structural
// schema's invariants and completeness (apiextensions-apiserver pkg/apiserver/schema validation.go, complete.go).
//
// The OpenAPI rules are crd-openapi-schema.ts's. Not modelled: formats, CEL rules' compilation and cost, the
// defaults' validation and a pattern's compilation. A schema the structural conversion refuses (`$ref`,
// `definitions`, an array of items...) fails with one error upstream prints only when those checks find nothing, so
// it is not judged here.
import { appendAll } from '../../model/append.js';
import { openAPISchemaErrors } from './crd-openapi-schema.js';
import { convertsToStructural, isSet, schemaOf } from './json-schema-props.js';
import { fieldPathString, forbidden, invalid, key, required, type ErrorList, type FieldPath } from './field-error.js';
import { asArray, asRecord, type Fields } from './values.js';

/** The schema's fields a status subresource allows at the root (internal JSONSchemaProps names, v1 keys). */
// upstream: validation.go allowedFieldsAtRootSchema
const ROOT_FIELDS_WITH_STATUS: readonly (readonly [string, string])[] = [
  ['Description', 'description'], ['Type', 'type'], ['Format', 'format'], ['Title', 'title'], ['Maximum', 'maximum'],
  ['ExclusiveMaximum', 'exclusiveMaximum'], ['Minimum', 'minimum'], ['ExclusiveMinimum', 'exclusiveMinimum'],
  ['MaxLength', 'maxLength'], ['MinLength', 'minLength'], ['Pattern', 'pattern'], ['MaxItems', 'maxItems'],
  ['MinItems', 'minItems'], ['UniqueItems', 'uniqueItems'], ['MultipleOf', 'multipleOf'], ['Required', 'required'],
  ['Items', 'items'], ['Properties', 'properties'], ['ExternalDocs', 'externalDocs'], ['Example', 'example'],
  ['XPreserveUnknownFields', 'x-kubernetes-preserve-unknown-fields'], ['XValidations', 'x-kubernetes-validations'],
];

/** v1 keys of JSONSchemaProps in the internal struct's declaration order (the order the root check visits them). */
const SCHEMA_KEYS = [
  'id', '$schema', '$ref', 'description', 'type', 'nullable', 'format', 'title', 'default', 'maximum', 'exclusiveMaximum',
  'minimum', 'exclusiveMinimum', 'maxLength', 'minLength', 'pattern', 'maxItems', 'minItems', 'uniqueItems', 'multipleOf',
  'enum', 'maxProperties', 'minProperties', 'required', 'items', 'allOf', 'oneOf', 'anyOf', 'not', 'properties',
  'additionalProperties', 'patternProperties', 'dependencies', 'additionalItems', 'definitions', 'externalDocs', 'example',
  'x-kubernetes-preserve-unknown-fields', 'x-kubernetes-embedded-resource', 'x-kubernetes-int-or-string',
  'x-kubernetes-list-map-keys', 'x-kubernetes-list-type', 'x-kubernetes-map-type', 'x-kubernetes-validations',
];

const INTERNAL_NAME = new Map(ROOT_FIELDS_WITH_STATUS.map(([name, v1Key]) => [v1Key, name]));

/**
 * The errors of `schema` (a version's openAPIV3Schema, at `field`); `printed` is its internal Go value for the one error
 * that prints the whole schema.
 */
// upstream: validation.go validateCustomResourceDefinitionValidation (requireStructuralSchema: always on create in v1)
export function validateOpenAPIV3Schema(schema: Fields, field: FieldPath, statusEnabled: boolean, printed: () => unknown): ErrorList {
  const errors: ErrorList = [];
  if (statusEnabled) {
    for (const v1Key of SCHEMA_KEYS) {
      if (isGoZero(v1Key, schema[v1Key])) continue;
      if (v1Key === 'type') {
        if (schema['type'] === 'object') continue;
        errors.push(invalid(field.concat('type'), schema['type'], 'only "object" is allowed as the type at the root of the schema if the status subresource is enabled'));
        break;
      }
      if (!INTERNAL_NAME.has(v1Key)) {
        errors.push(invalid(field, printed(), `only [${ROOT_FIELDS_WITH_STATUS.map(([name]) => name).join(' ')}] fields are allowed at the root of the schema if the status subresource is enabled`));
        break;
      }
    }
  }
  if (schema['nullable'] === true) errors.push(forbidden(field.concat('nullable'), 'nullable cannot be true at the root'));
  appendAll(errors, openAPISchemaErrors(schema, field, true));
  if (convertsToStructural(schema)) {
    appendAll(errors, invariants(schema, 'root', field));
    appendAll(errors, completeness(schema, schema, field, field));
  }
  return errors;
}

/** The JSONSchemaProps fields that are plain strings and booleans in Go; the others are pointers, lists and maps. */
const SCALAR_KEYS = new Set(['id', '$schema', 'description', 'type', 'nullable', 'format', 'title', 'exclusiveMaximum', 'exclusiveMinimum', 'pattern', 'uniqueItems', 'x-kubernetes-embedded-resource', 'x-kubernetes-int-or-string']);

/** Whether the internal JSONSchemaProps field of `v1Key` holds Go's zero value: a "" or false scalar, else nil. */
function isGoZero(v1Key: string, value: unknown): boolean {
  if (value === undefined || value === null) return true;
  return SCALAR_KEYS.has(v1Key) && (value === false || value === '');
}

type Level = 'root' | 'item' | 'field';

const EMPTY_TYPE: Readonly<Record<Level, string>> = {
  root: 'must not be empty at the root',
  item: 'must not be empty for specified array items',
  field: 'must not be empty for specified object fields',
};

const propertiesOf = (schema: Fields): [string, Fields][] => Object.entries(asRecord(schema['properties']) ?? {}).map(([name, entry]) => [name, asRecord(entry) ?? {}]);
const typeOf = (schema: Fields | undefined): string => (typeof schema?.['type'] === 'string' ? schema['type'] : '');
const flag = (schema: Fields, name: string): boolean => schema[name] === true;
/** The structural schema of items or additionalProperties (a list of items is refused before, a bool has none). */
const schemaAt = (schema: Fields, name: string): Fields | undefined => schemaOf(schema[name]);

// upstream: validation.go validateStructuralInvariants
function invariants(schema: Fields, level: Level, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const type = typeOf(schema);
  const items = schemaAt(schema, 'items');
  if (type === 'array' && !items) errors.push(required(field.concat('items'), 'must be specified'));
  if (items) appendAll(errors, invariants(items, 'item', field.concat('items')));
  const properties = propertiesOf(schema);
  for (const [name, property] of properties) appendAll(errors, invariants(property, 'field', field.concat('properties', key(name))));
  const additional = schema['additionalProperties'];
  const hasAdditional = isSet(additional);
  if (hasAdditional) {
    if (level === 'root') errors.push(forbidden(field.concat('additionalProperties'), 'must not be used at the root'));
    const additionalSchema = schemaAt(schema, 'additionalProperties');
    if (additionalSchema) appendAll(errors, invariants(additionalSchema, 'field', field.concat('additionalProperties')));
  }
  const intOrString = flag(schema, 'x-kubernetes-int-or-string');
  const embedded = flag(schema, 'x-kubernetes-embedded-resource');
  const preserve = flag(schema, 'x-kubernetes-preserve-unknown-fields');
  if (intOrString && preserve) errors.push(invalid(field.concat('x-kubernetes-preserve-unknown-fields'), true, 'must be false if x-kubernetes-int-or-string is true'));
  if (intOrString && embedded) errors.push(invalid(field.concat('x-kubernetes-embedded-resource'), true, 'must be false if x-kubernetes-int-or-string is true'));
  appendAll(errors, valueValidation(schema, field, { skipAnyOf: isIntOrStringAnyOf(schema['anyOf']), skipFirstAllOfAnyOf: isIntOrStringAnyOf(asRecord(asArray(schema['allOf'])[0])?.['anyOf']) }));
  const checkMetadata = level === 'root' || embedded;
  if (embedded && type !== 'object') {
    const detail = 'must be object if x-kubernetes-embedded-resource is true';
    errors.push(type === '' ? required(field.concat('type'), detail) : invalid(field.concat('type'), type, detail));
  } else if (type === '' && !intOrString && !preserve) {
    errors.push(required(field.concat('type'), EMPTY_TYPE[level]));
  }
  if (embedded && hasAdditional) errors.push(forbidden(field.concat('additionalProperties'), 'must not be used if x-kubernetes-embedded-resource is set'));
  if (level === 'root' && type !== '' && type !== 'object') errors.push(invalid(field.concat('type'), type, 'must be object at the root'));
  const property = (name: string) => properties.find(([propertyName]) => propertyName === name)?.[1];
  for (const name of ['kind', 'apiVersion']) {
    const found = property(name);
    if (found && checkMetadata && typeOf(found) !== 'string') errors.push(invalid(field.concat('properties', key(name), 'type'), typeOf(found), 'must be string'));
  }
  const metadata = property('metadata');
  if (metadata) appendAll(errors, metadataInvariants(metadata, checkMetadata, level, field.concat('properties', key('metadata'))));
  if (embedded && !preserve && properties.length === 0) errors.push(required(field.concat('properties'), 'must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields'));
  return errors;
}

// upstream: validation.go validateStructuralMetadataInvariants: at the root, metadata may say only its type, a
// default, and properties name and generateName
function metadataInvariants(metadata: Fields, checkMetadata: boolean, level: Level, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  if (checkMetadata && typeOf(metadata) !== 'object') errors.push(invalid(field.concat('type'), typeOf(metadata), 'must be object'));
  if (level !== 'root') return errors;
  const names = propertiesOf(metadata).map(([name]) => name);
  const onlyNames = names.every((name) => name === 'name' || name === 'generateName');
  const specifiesMore = Object.entries(metadata).some(([name, value]) => (name === 'properties' ? !onlyNames : isInStructural(name, value)));
  if (specifiesMore) errors.push(forbidden(field, 'must not specify anything other than name and generateName, but metadata is implicitly specified'));
  return errors;
}

/** Keys NewStructural does not keep (it refuses the non-empty ones), and those the metadata check clears. */
const NOT_IN_STRUCTURAL = new Set(['id', '$schema', '$ref', 'patternProperties', 'dependencies', 'definitions', 'additionalItems', 'type', 'default']);
/** List keywords that NewStructural appends element by element, so that an empty list stays nil. */
const LISTS_COPIED_BY_ELEMENT = new Set(['enum', 'allOf', 'anyOf', 'oneOf']);

/** Whether `v1Key: value` leaves a non-zero field in the Structural that NewStructural builds (convert.go). */
function isInStructural(v1Key: string, value: unknown): boolean {
  if (NOT_IN_STRUCTURAL.has(v1Key) || !SCHEMA_KEYS.includes(v1Key)) return false;
  if (LISTS_COPIED_BY_ELEMENT.has(v1Key) || (v1Key === 'items' && Array.isArray(value))) return asArray(value).length > 0;
  if (v1Key === 'x-kubernetes-preserve-unknown-fields') return value === true;
  return !isGoZero(v1Key, value);
}

/** anyOf: [{type: integer}, {type: string}], nothing else (upstream: intOrStringAnyOf). */
function isIntOrStringAnyOf(value: unknown): boolean {
  const clauses = asArray(value);
  if (clauses.length !== 2) return false;
  return ['integer', 'string'].every((type, index) => {
    const clause = asRecord(clauses[index]);
    // the clause's default is a generic the comparison sees too
    return clause !== undefined && clause['type'] === type && Object.entries(clause).every(([name, entry]) => name === 'type' || (name === 'default' ? entry === null : !isInStructural(name, entry)));
  });
}

interface Skips {
  readonly skipAnyOf: boolean;
  readonly skipFirstAllOfAnyOf: boolean;
}

const NO_SKIPS: Skips = { skipAnyOf: false, skipFirstAllOfAnyOf: false };

// upstream: validation.go validateValueValidation (a pattern's compilation is not checked)
function valueValidation(schema: Fields, field: FieldPath, skips: Skips): ErrorList {
  const errors: ErrorList = [];
  if (!skips.skipAnyOf) asArray(schema['anyOf']).forEach((clause, index) => appendAll(errors, nestedValueValidation(asRecord(clause), field.concat('anyOf', index), NO_SKIPS)));
  asArray(schema['allOf']).forEach((clause, index) => appendAll(errors, nestedValueValidation(asRecord(clause), field.concat('allOf', index), { skipAnyOf: skips.skipFirstAllOfAnyOf && index === 0, skipFirstAllOfAnyOf: false })));
  asArray(schema['oneOf']).forEach((clause, index) => appendAll(errors, nestedValueValidation(asRecord(clause), field.concat('oneOf', index), NO_SKIPS)));
  appendAll(errors, nestedValueValidation(asRecord(schema['not']), field.concat('not'), NO_SKIPS));
  return errors;
}

/** What a schema inside anyOf, allOf, oneOf or not must leave to the structural part, with upstream's words. */
const FORBIDDEN_IN_VALUE_VALIDATION: readonly (readonly [string, (value: unknown) => boolean, string])[] = [
  ['default', (value) => isSet(value), 'must be undefined to be structural'],
  ['title', (value) => typeof value === 'string' && value !== '', 'must be empty to be structural'],
  ['description', (value) => typeof value === 'string' && value !== '', 'must be empty to be structural'],
  ['nullable', (value) => value === true, 'must be false to be structural'],
  ['x-kubernetes-preserve-unknown-fields', (value) => value === true, 'must be false to be structural'],
  ['x-kubernetes-embedded-resource', (value) => value === true, 'must be false to be structural'],
  ['x-kubernetes-int-or-string', (value) => value === true, 'must be false to be structural'],
  ['x-kubernetes-list-map-keys', (value) => asArray(value).length > 0, 'must be empty to be structural'],
  ['x-kubernetes-list-type', (value) => isSet(value), 'must be undefined to be structural'],
  ['x-kubernetes-map-type', (value) => isSet(value), 'must be undefined to be structural'],
  ['x-kubernetes-validations', (value) => asArray(value).length > 0, 'must be empty to be structural'],
];

// upstream: validation.go validateNestedValueValidation (nested additionalProperties and x-kubernetes-validations are
// not allowed: ValidateStructural's options)
function nestedValueValidation(schema: Fields | undefined, field: FieldPath, skips: Skips): ErrorList {
  if (!schema) return [];
  const errors = valueValidation(schema, field, skips);
  appendAll(errors, nestedValueValidation(schemaAt(schema, 'items'), field.concat('items'), NO_SKIPS));
  for (const [name, property] of propertiesOf(schema)) appendAll(errors, nestedValueValidation(property, field.concat('properties', key(name)), NO_SKIPS));
  if (typeOf(schema) !== '') errors.push(forbidden(field.concat('type'), 'must be empty to be structural'));
  const additional = schema['additionalProperties'];
  if (isSet(additional) && additional !== false) errors.push(forbidden(field.concat('additionalProperties'), 'must be undefined to be structural'));
  for (const [name, isSet, detail] of FORBIDDEN_IN_VALUE_VALIDATION) if (isSet(schema[name])) errors.push(forbidden(field.concat(name), detail));
  if (propertiesOf(schema).some(([name]) => name === 'metadata')) errors.push(forbidden(field.concat('properties', key('metadata')), 'must not be specified in a nested context'));
  return errors;
}

// upstream: complete.go validateStructuralCompleteness: every property and items a value validation (anyOf, allOf,
// oneOf, not) names must be in the structural part too
function completeness(value: Fields, structural: Fields | undefined, structuralPath: FieldPath, valuePath: FieldPath): ErrorList {
  if (!structural) return [required(structuralPath, `because it is defined in ${fieldPathString(valuePath)}`)];
  const errors: ErrorList = [];
  const nested = (clause: unknown, path: FieldPath) => appendAll(errors, nestedCompleteness(asRecord(clause), structural, structuralPath, path));
  nested(value['not'], valuePath.concat('not'));
  for (const name of ['allOf', 'anyOf', 'oneOf']) asArray(value[name]).forEach((clause, index) => nested(clause, valuePath.concat(name, index)));
  return errors;
}

function nestedCompleteness(value: Fields | undefined, structural: Fields | undefined, structuralPath: FieldPath, valuePath: FieldPath): ErrorList {
  if (!value) return [];
  if (!structural) return [required(structuralPath, `because it is defined in ${fieldPathString(valuePath)}`)];
  const errors = completeness(value, structural, structuralPath, valuePath);
  appendAll(errors, nestedCompleteness(schemaAt(value, 'items'), schemaAt(structural, 'items'), structuralPath.concat('items'), valuePath.concat('items')));
  const structuralProperties = asRecord(structural['properties']) ?? {};
  for (const [name, property] of propertiesOf(value)) {
    const path = valuePath.concat('properties', key(name));
    const found = asRecord(structuralProperties[name]);
    if (found) appendAll(errors, nestedCompleteness(property, found, structuralPath.concat('properties', key(name)), path));
    else errors.push(required(structuralPath.concat('properties', key(name)), `because it is defined in ${fieldPathString(path)}`));
  }
  return errors;
}
