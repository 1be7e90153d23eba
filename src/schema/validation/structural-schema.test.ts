import { describe, expect, it } from 'vitest';
import { errorMessage } from './field-error.js';
import { validateOpenAPIV3Schema } from './structural-schema.js';

const ROOT = ['spec', 'validation', 'openAPIV3Schema'];
const errors = (schema: Record<string, unknown>, statusEnabled = false): string[] => validateOpenAPIV3Schema(schema, ROOT, statusEnabled, () => 'the schema').map(errorMessage);

// Cases after apiextensions-apiserver pkg/apiserver/schema validation_test.go and convert.go NewStructural
describe('a CRD schema on create', () => {
  it('leaves a schema NewStructural refuses unjudged: upstream prints its one error only when the other checks find none', () => {
    expect(errors({ type: 'object', properties: { a: { $ref: '#/definitions/a' }, b: {} } })).toEqual([]);
    expect(errors({ type: 'object', properties: { b: { 'x-kubernetes-preserve-unknown-fields': false } } })).toEqual([]);
    expect(errors({ type: 'object', properties: { b: { type: 'array', items: [{ type: 'string' }] } } })).toEqual([]);
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

  it('lets metadata at the root say only its type, a default and a rule for name or generateName', () => {
    const metadata = (schema: Record<string, unknown>) => errors({ type: 'object', properties: { metadata: schema } });
    expect(metadata({ type: 'object', properties: { name: { type: 'string', maxLength: 63 }, generateName: { type: 'string' } } })).toEqual([]);
    expect(metadata({ type: 'object', enum: [], description: '', default: {} })).toEqual([]);
    for (const extra of [{ required: [] }, { maxProperties: 0 }, { additionalProperties: false }, { properties: { labels: { type: 'object' } } }]) {
      expect(metadata({ type: 'object', ...extra })).toEqual(['spec.validation.openAPIV3Schema.properties[metadata]: Forbidden: must not specify anything other than name and generateName, but metadata is implicitly specified']);
    }
  });
});
