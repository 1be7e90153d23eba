// A CRD schema's OpenAPI rules (apiextensions validation.go ValidateCustomResourceDefinitionOpenAPISchema and its
// specStandardValidatorV3): the keywords a CRD may not use, types, defaults in resource metadata, uniqueItems,
// properties beside additionalProperties, and the x-kubernetes list and map extensions. The CEL rules are not compiled;
// their static checks (an empty rule, a message with line breaks, a reason) are made.
import { appendAll } from '../../model/append.js';
import { goTrimSpace } from '../../model/go-strings.js';
import { forbidden, invalid, key, notSupported, required, type ErrorList, type FieldPath } from './field-error.js';
import { asArray, asRecord, stringField, type Fields } from './values.js';
import { convertsToStructural, isSet, schemaOf } from './json-schema-props.js';
import { validFieldPath } from './valid-field-path.js';

const OPENAPI_TYPES = ['array', 'boolean', 'integer', 'number', 'object', 'string'];
const META_FIELDS = new Set(['metadata', 'kind', 'apiVersion']);
const VALIDATION_REASONS = ['FieldValueDuplicate', 'FieldValueForbidden', 'FieldValueInvalid', 'FieldValueRequired'];

/** What the walk carries down (upstream: specStandardValidatorV3's options). */
interface Walk {
  /** Inside the metadata, kind or apiVersion of the root or of an embedded resource. */
  readonly insideResourceMeta: boolean;
  /** Why a default is not allowed here, when it is not. */
  readonly defaultsForbidden?: string;
}

const nonEmptyMap = (value: unknown): boolean => Object.keys(asRecord(value) ?? {}).length > 0;

/** The errors of `schema` at `field`, the root's when `isRoot`. */
export function openAPISchemaErrors(schema: Fields, field: FieldPath, isRoot: boolean, walk: Walk = { insideResourceMeta: false }): ErrorList {
  const errors = standardErrors(schema, field, walk);
  const type = stringField(schema, 'type') ?? '';
  if (schema['uniqueItems'] === true) errors.push(forbidden(field.concat('uniqueItems'), 'uniqueItems cannot be set to true since the runtime complexity becomes quadratic'));
  const additional = schema['additionalProperties'];
  if (isSet(additional)) {
    if (nonEmptyMap(schema['properties']) && additional !== true) errors.push(forbidden(field.concat('additionalProperties'), 'additionalProperties and properties are mutual exclusive'));
    const additionalSchema = schemaOf(additional);
    const inner = walk.insideResourceMeta ? { ...walk, defaultsForbidden: 'inside additionalProperties applying to object metadata' } : walk;
    if (additionalSchema) appendAll(errors, openAPISchemaErrors(additionalSchema, field.concat('additionalProperties'), false, inner));
  }
  for (const [name, property] of Object.entries(asRecord(schema['properties']) ?? {})) {
    const meta = (isRoot || schema['x-kubernetes-embedded-resource'] === true) && META_FIELDS.has(name);
    const inner: Walk = meta ? { insideResourceMeta: true, defaultsForbidden: isRoot ? `in top-level ${name}` : walk.defaultsForbidden } : walk;
    appendAll(errors, openAPISchemaErrors(asRecord(property) ?? {}, field.concat('properties', key(name)), false, inner));
  }
  const not = schemaOf(schema['not']);
  if (not) appendAll(errors, openAPISchemaErrors(not, field.concat('not'), false, walk));
  for (const name of ['allOf', 'oneOf', 'anyOf']) {
    asArray(schema[name]).forEach((entry, index) => appendAll(errors, openAPISchemaErrors(asRecord(entry) ?? {}, field.concat(name, index), false, walk)));
  }
  for (const [name, definition] of Object.entries(asRecord(schema['definitions']) ?? {})) {
    appendAll(errors, openAPISchemaErrors(asRecord(definition) ?? {}, field.concat('definitions', key(name)), false, walk));
  }
  const items = schema['items'];
  const itemsSchema = schemaOf(items);
  if (itemsSchema) appendAll(errors, openAPISchemaErrors(itemsSchema, field.concat('items'), false, walk));
  asArray(items).forEach((entry, index) => appendAll(errors, openAPISchemaErrors(asRecord(entry) ?? {}, field.concat('items', index), false, walk)));
  for (const [name, dependency] of Object.entries(asRecord(schema['dependencies']) ?? {})) {
    const dependencySchema = schemaOf(dependency);
    if (dependencySchema) appendAll(errors, openAPISchemaErrors(dependencySchema, field.concat('dependencies', key(name)), false, walk));
  }
  if (schema['x-kubernetes-preserve-unknown-fields'] === false) errors.push(invalid(field.concat('x-kubernetes-preserve-unknown-fields'), false, 'must be true or undefined'));
  appendAll(errors, mapTypeErrors(schema, type, field));
  appendAll(errors, listTypeErrors(schema, type, itemsSchema, field));
  appendAll(errors, validationRuleErrors(schema, field.concat('x-kubernetes-validations')));
  return errors;
}

// upstream: validation.go specStandardValidatorV3.validate
function standardErrors(schema: Fields, field: FieldPath, walk: Walk): ErrorList {
  const errors: ErrorList = [];
  const type = stringField(schema, 'type') ?? '';
  if (type !== '' && !OPENAPI_TYPES.includes(type)) errors.push(notSupported(field.concat('type'), type, OPENAPI_TYPES));
  if (isSet(schema['default']) && walk.defaultsForbidden !== undefined) errors.push(forbidden(field.concat('default'), `must not be set ${walk.defaultsForbidden}`));
  if ((stringField(schema, 'id') ?? '') !== '') errors.push(forbidden(field.concat('id'), 'id is not supported'));
  if (isSet(schema['additionalItems'])) errors.push(forbidden(field.concat('additionalItems'), 'additionalItems is not supported'));
  if (nonEmptyMap(schema['patternProperties'])) errors.push(forbidden(field.concat('patternProperties'), 'patternProperties is not supported'));
  if (nonEmptyMap(schema['definitions'])) errors.push(forbidden(field.concat('definitions'), 'definitions is not supported'));
  if (isSet(schema['dependencies'])) errors.push(forbidden(field.concat('dependencies'), 'dependencies is not supported'));
  if (isSet(schema['$ref'])) errors.push(forbidden(field.concat('$ref'), '$ref is not supported'));
  if (type === 'null') errors.push(forbidden(field.concat('type'), 'type cannot be set to null, use nullable as an alternative'));
  if (asArray(schema['items']).length > 0) errors.push(forbidden(field.concat('items'), 'items must be a schema object and not an array'));
  if (walk.insideResourceMeta && schema['x-kubernetes-embedded-resource'] === true) errors.push(forbidden(field.concat('x-kubernetes-embedded-resource'), 'must not be used inside of resource meta'));
  return errors;
}

function mapTypeErrors(schema: Fields, type: string, field: FieldPath): ErrorList {
  const mapType = schema['x-kubernetes-map-type'];
  if (!isSet(mapType)) return [];
  const errors: ErrorList = [];
  const detail = 'must be object if x-kubernetes-map-type is specified';
  if (type !== 'object') errors.push(type === '' ? required(field.concat('type'), detail) : invalid(field.concat('type'), type, detail));
  if (mapType !== 'atomic' && mapType !== 'granular') errors.push(notSupported(field.concat('x-kubernetes-map-type'), mapType, ['atomic', 'granular']));
  return errors;
}

// upstream: the x-kubernetes-list-type and x-kubernetes-list-map-keys part of ValidateCustomResourceDefinitionOpenAPISchema,
// validateMapListKeysMapSet (requireAtomicSetType and requireMapListKeysMapSetValidation are on for a create)
function listTypeErrors(schema: Fields, type: string, items: Fields | undefined, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const listType = schema['x-kubernetes-list-type'];
  const keys = asArray(schema['x-kubernetes-list-map-keys']).filter((entry): entry is string => typeof entry === 'string');
  const itemType = stringField(items, 'type') ?? '';
  if (isSet(listType) && type !== 'array') {
    const detail = 'must be array if x-kubernetes-list-type is specified';
    errors.push(type === '' ? required(field.concat('type'), detail) : invalid(field.concat('type'), type, detail));
  } else if (listType === 'set' && items) {
    const itemListType = items['x-kubernetes-list-type'];
    if (itemType === 'array' && isSet(itemListType) && itemListType !== 'atomic') errors.push(invalid(field.concat('items', 'x-kubernetes-list-type'), itemListType, 'must be atomic as item of a list with x-kubernetes-list-type=set'));
    // upstream prints the item's list type here, not its map type
    if (itemType === 'object' && items['x-kubernetes-map-type'] !== 'atomic') errors.push(invalid(field.concat('items', 'x-kubernetes-map-type'), itemListType ?? null, 'must be atomic as item of a list with x-kubernetes-list-type=set'));
  }
  if (isSet(listType) && listType !== 'atomic' && listType !== 'set' && listType !== 'map') errors.push(notSupported(field.concat('x-kubernetes-list-type'), listType, ['atomic', 'set', 'map']));
  if (keys.length > 0) {
    if (!isSet(listType)) errors.push(required(field.concat('x-kubernetes-list-type'), 'must be map if x-kubernetes-list-map-keys is non-empty'));
    else if (listType !== 'map') errors.push(invalid(field.concat('x-kubernetes-list-type'), listType, 'must be map if x-kubernetes-list-map-keys is non-empty'));
  }
  if (listType === 'map') {
    if (keys.length === 0) errors.push(required(field.concat('x-kubernetes-list-map-keys'), 'must not be empty if x-kubernetes-list-type is map'));
    if (!isSet(schema['items'])) errors.push(required(field.concat('items'), 'must have a schema if x-kubernetes-list-type is map'));
    if (items && itemType !== 'object') errors.push(invalid(field.concat('items', 'type'), itemType, "must be object if parent array's x-kubernetes-list-type is map"));
    if (items && itemType === 'object') {
      const properties = asRecord(items['properties']) ?? {};
      const seen = new Set<string>();
      for (const name of keys) {
        const property = asRecord(properties[name]);
        const propertyType = stringField(property, 'type') ?? '';
        // upstream prints the item's type ("object") as the bad value
        if (property && (propertyType === 'array' || propertyType === 'object')) errors.push(invalid(field.concat('items', 'properties', key(name), 'type'), itemType, "must be a scalar type if parent array's x-kubernetes-list-type is map"));
        if (!property) errors.push(invalid(field.concat('x-kubernetes-list-map-keys'), keys, 'entries must all be names of item properties'));
        if (seen.has(name)) errors.push(invalid(field.concat('x-kubernetes-list-map-keys'), keys, 'must not contain duplicate entries'));
        seen.add(name);
      }
    }
  }
  if (items && (listType === 'set' || listType === 'map')) {
    if (items['nullable'] === true) errors.push(forbidden(field.concat('items', 'nullable'), `cannot be nullable when x-kubernetes-list-type is ${String(listType)}`));
    if (listType === 'map') {
      const requiredKeys = new Set(asArray(items['required']));
      const properties = asRecord(items['properties']) ?? {};
      for (const name of keys) {
        const property = asRecord(properties[name]);
        if (!property) continue;
        if (!requiredKeys.has(name) && !isSet(property['default'])) errors.push(required(field.concat('items', 'properties', key(name), 'default'), 'this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property'));
        if (property['nullable'] === true) errors.push(forbidden(field.concat('items', 'properties', key(name), 'nullable'), 'this property is in x-kubernetes-list-map-keys, so it cannot be nullable'));
      }
    }
  }
  return errors;
}

const NEWLINES = /[\n\r]/;

// upstream: validation.go pathValid
const isValidPath = (schema: Fields, path: string): boolean => !convertsToStructural(schema) || validFieldPath(path, schema, { allowArrayNotation: true }).kind !== 'error';

// upstream: the static checks of x-kubernetes-validations in ValidateCustomResourceDefinitionOpenAPISchema, pathValid
// (a fieldPath resolves in the rule's own schema node, when NewStructural converts it); the CEL compilation is not
// modelled
function validationRuleErrors(schema: Fields, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  asArray(schema['x-kubernetes-validations']).forEach((entry, index) => {
    const rule = asRecord(entry) ?? {};
    const at = field.concat(index);
    const text = goTrimSpace(stringField(rule, 'rule') ?? '');
    const message = stringField(rule, 'message') ?? '';
    const trimmedMessage = goTrimSpace(message);
    if (text === '') errors.push(required(at.concat('rule'), 'rule is not specified'));
    else if (message.length > 0 && trimmedMessage === '') errors.push(invalid(at.concat('message'), message, 'must be non-empty if specified'));
    else if (NEWLINES.test(trimmedMessage)) errors.push(invalid(at.concat('message'), message, 'must not contain line breaks'));
    else if (NEWLINES.test(text) && trimmedMessage === '') errors.push(required(at.concat('message'), 'message must be specified if rule contains line breaks'));
    const messageExpression = stringField(rule, 'messageExpression') ?? '';
    if (messageExpression.length > 0 && goTrimSpace(messageExpression) === '') errors.push(required(at.concat('messageExpression'), 'messageExpression must be non-empty if specified'));
    const reason = rule['reason'];
    if (isSet(reason) && !VALIDATION_REASONS.includes(String(reason))) errors.push(notSupported(at.concat('reason'), reason, VALIDATION_REASONS));
    const fieldPath = stringField(rule, 'fieldPath') ?? '';
    if (fieldPath.length > 0 && goTrimSpace(fieldPath) === '') errors.push(invalid(at.concat('fieldPath'), fieldPath, 'must be non-empty if specified'));
    if (NEWLINES.test(fieldPath)) errors.push(invalid(at.concat('fieldPath'), fieldPath, 'must not contain line breaks'));
    if (fieldPath.length > 0 && !isValidPath(schema, fieldPath)) errors.push(invalid(at.concat('fieldPath'), fieldPath, 'must be a valid path'));
  });
  return errors;
}
