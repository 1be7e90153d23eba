import { describe, expect, it } from 'vitest';
import { errorMessage } from './field-error.js';
import { validateOpenAPIV3Schema } from './structural-schema.js';

const ROOT = ['spec', 'validation', 'openAPIV3Schema'];
const errors = (schema: Record<string, unknown>, statusEnabled = false): string[] => validateOpenAPIV3Schema(schema, ROOT, statusEnabled, () => 'the schema').map(errorMessage);

// Cases after apiextensions-apiserver pkg/apiserver/schema validation_test.go and convert.go NewStructural
describe('a CRD schema on create', () => {
  it('reports a schema NewStructural refuses by the OpenAPI rules alone: upstream prints its one error only when they find none', () => {
    expect(errors({ type: 'object', properties: { a: { $ref: '#/definitions/a' }, b: {} } })).toEqual(['spec.validation.openAPIV3Schema.properties[a].$ref: Forbidden: $ref is not supported']);
    expect(errors({ type: 'object', properties: { b: { 'x-kubernetes-preserve-unknown-fields': false } } })).toEqual(['spec.validation.openAPIV3Schema.properties[b].x-kubernetes-preserve-unknown-fields: Invalid value: false: must be true or undefined']);
    expect(errors({ type: 'object', properties: { b: { type: 'array', items: [{ type: 'string' }] } } })).toEqual(['spec.validation.openAPIV3Schema.properties[b].items: Forbidden: items must be a schema object and not an array']);
    expect(errors({ type: 'object', properties: { b: {} } })).toEqual(['spec.validation.openAPIV3Schema.properties[b].type: Required value: must not be empty for specified object fields']);
  });

  it('skips the int-or-string anyOf only when its clauses say nothing but their type', () => {
    const intOrString = (clause: Record<string, unknown>) => errors({ type: 'object', properties: { port: { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer', ...clause }, { type: 'string' }] } } });
    expect(intOrString({})).toEqual([]);
    expect(intOrString({ default: 1 })).toEqual([
      'spec.validation.openAPIV3Schema.properties[port].anyOf[0].type: Forbidden: must be empty to be structural',
      'spec.validation.openAPIV3Schema.properties[port].anyOf[0].default: Forbidden: must be undefined to be structural',
      'spec.validation.openAPIV3Schema.properties[port].anyOf[1].type: Forbidden: must be empty to be structural',
    ]);
  });

  it('with a status subresource, names the first root field that is not allowed, or a root type other than object', () => {
    expect(errors({ type: 'object', enum: [] }, true)).toEqual(['spec.validation.openAPIV3Schema: Invalid value: "the schema": only [Description Type Format Title Maximum ExclusiveMaximum Minimum ExclusiveMinimum MaxLength MinLength Pattern MaxItems MinItems UniqueItems MultipleOf Required Items Properties ExternalDocs Example XPreserveUnknownFields XValidations] fields are allowed at the root of the schema if the status subresource is enabled']);
    expect(errors({ type: 'array', items: { type: 'string' } }, true)).toEqual([
      'spec.validation.openAPIV3Schema.type: Invalid value: "array": only "object" is allowed as the type at the root of the schema if the status subresource is enabled',
      'spec.validation.openAPIV3Schema.type: Invalid value: "array": must be object at the root',
    ]);
    expect(errors({ type: 'object', description: '', minProperties: 0 }, false)).toEqual([]);
  });

  it('lets metadata at the root say only its type and a rule for name or generateName (a default there is an OpenAPI error)', () => {
    const metadata = (schema: Record<string, unknown>) => errors({ type: 'object', properties: { metadata: schema } });
    expect(metadata({ type: 'object', properties: { name: { type: 'string', maxLength: 63 }, generateName: { type: 'string' } } })).toEqual([]);
    expect(metadata({ type: 'object', enum: [], description: '' })).toEqual([]);
    expect(metadata({ type: 'object', default: {} })).toEqual(['spec.validation.openAPIV3Schema.properties[metadata].default: Forbidden: must not be set in top-level metadata']);
    for (const extra of [{ required: [] }, { maxProperties: 0 }, { additionalProperties: false }, { properties: { labels: { type: 'object' } } }]) {
      expect(metadata({ type: 'object', ...extra })).toEqual(['spec.validation.openAPIV3Schema.properties[metadata]: Forbidden: must not specify anything other than name and generateName, but metadata is implicitly specified']);
    }
  });

  it('applies the OpenAPI rules: types, keywords a CRD may not use, defaults in top-level metadata, uniqueItems', () => {
    expect(errors({ type: 'object', properties: { a: { type: 'null' }, b: { type: 'string', $ref: '#/x' }, metadata: { type: 'object', default: {} }, c: { type: 'array', items: { type: 'string' }, uniqueItems: true } } })).toEqual([
      'spec.validation.openAPIV3Schema.properties[a].type: Unsupported value: "null": supported values: "array", "boolean", "integer", "number", "object", "string"',
      'spec.validation.openAPIV3Schema.properties[a].type: Forbidden: type cannot be set to null, use nullable as an alternative',
      'spec.validation.openAPIV3Schema.properties[b].$ref: Forbidden: $ref is not supported',
      'spec.validation.openAPIV3Schema.properties[metadata].default: Forbidden: must not be set in top-level metadata',
      'spec.validation.openAPIV3Schema.properties[c].uniqueItems: Forbidden: uniqueItems cannot be set to true since the runtime complexity becomes quadratic',
    ]);
    expect(errors({ type: 'object', properties: { a: { type: 'object', properties: { x: { type: 'string' } }, additionalProperties: false } } })).toEqual([
      'spec.validation.openAPIV3Schema.properties[a].additionalProperties: Forbidden: additionalProperties and properties are mutual exclusive',
    ]);
  });

  it('checks the list and map extensions: map lists need keys that are required or defaulted scalar item properties', () => {
    const list = (schema: Record<string, unknown>) => errors({ type: 'object', properties: { ports: { type: 'array', ...schema } } });
    expect(list({ 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['port', 'protocol'], items: { type: 'object', required: ['port'], properties: { port: { type: 'integer' }, protocol: { type: 'string', default: 'TCP' } } } })).toEqual([]);
    expect(list({ 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['name', 'name', 'missing'], items: { type: 'object', properties: { name: { type: 'object', nullable: true } } } })).toEqual([
      'spec.validation.openAPIV3Schema.properties[ports].items.properties[name].type: Invalid value: "object": must be a scalar type if parent array\'s x-kubernetes-list-type is map',
      'spec.validation.openAPIV3Schema.properties[ports].items.properties[name].type: Invalid value: "object": must be a scalar type if parent array\'s x-kubernetes-list-type is map',
      'spec.validation.openAPIV3Schema.properties[ports].x-kubernetes-list-map-keys: Invalid value: ["name","name","missing"]: must not contain duplicate entries',
      'spec.validation.openAPIV3Schema.properties[ports].x-kubernetes-list-map-keys: Invalid value: ["name","name","missing"]: entries must all be names of item properties',
      'spec.validation.openAPIV3Schema.properties[ports].items.properties[name].default: Required value: this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property',
      'spec.validation.openAPIV3Schema.properties[ports].items.properties[name].nullable: Forbidden: this property is in x-kubernetes-list-map-keys, so it cannot be nullable',
      'spec.validation.openAPIV3Schema.properties[ports].items.properties[name].default: Required value: this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property',
      'spec.validation.openAPIV3Schema.properties[ports].items.properties[name].nullable: Forbidden: this property is in x-kubernetes-list-map-keys, so it cannot be nullable',
    ]);
    expect(list({ 'x-kubernetes-list-type': 'set', items: { type: 'object' } })).toEqual([
      'spec.validation.openAPIV3Schema.properties[ports].items.x-kubernetes-map-type: Invalid value: null: must be atomic as item of a list with x-kubernetes-list-type=set',
    ]);
    expect(list({ 'x-kubernetes-list-map-keys': ['name'], items: { type: 'string' }, 'x-kubernetes-list-type': 'bag' })).toEqual([
      'spec.validation.openAPIV3Schema.properties[ports].x-kubernetes-list-type: Unsupported value: "bag": supported values: "atomic", "set", "map"',
      'spec.validation.openAPIV3Schema.properties[ports].x-kubernetes-list-type: Invalid value: "bag": must be map if x-kubernetes-list-map-keys is non-empty',
    ]);
  });

  it('makes the static checks of x-kubernetes-validations (their CEL is not compiled)', () => {
    expect(errors({ type: 'object', 'x-kubernetes-validations': [{ rule: ' ' }, { rule: 'self.a ==\n self.b' }, { rule: 'true', message: 'two\nlines', reason: 'FieldValueWrong', fieldPath: ' ' }] })).toEqual([
      'spec.validation.openAPIV3Schema.x-kubernetes-validations[0].rule: Required value: rule is not specified',
      'spec.validation.openAPIV3Schema.x-kubernetes-validations[1].message: Required value: message must be specified if rule contains line breaks',
      'spec.validation.openAPIV3Schema.x-kubernetes-validations[2].message: Invalid value: "two\\nlines": must not contain line breaks',
      'spec.validation.openAPIV3Schema.x-kubernetes-validations[2].reason: Unsupported value: "FieldValueWrong": supported values: "FieldValueDuplicate", "FieldValueForbidden", "FieldValueInvalid", "FieldValueRequired"',
      'spec.validation.openAPIV3Schema.x-kubernetes-validations[2].fieldPath: Invalid value: " ": must be non-empty if specified',
      'spec.validation.openAPIV3Schema.x-kubernetes-validations[2].fieldPath: Invalid value: " ": must be a valid path',
    ]);
    // strings.TrimSpace: U+0085 is space to Go, U+FEFF is not
    expect(errors({ type: 'object', 'x-kubernetes-validations': [{ rule: '\u0085' }, { rule: '\ufeff' }] })).toEqual(['spec.validation.openAPIV3Schema.x-kubernetes-validations[0].rule: Required value: rule is not specified']);
  });
});
