import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../load/load-manifests.js';
import { validateObjects } from '../validate.js';

/** Every schema-stage finding of a fixture for `kubernetesVersion`, as the CLI prints its position, id and message. */
async function check(file: string, kubernetesVersion?: string): Promise<string[]> {
  const { objects, findings } = await loadManifests([file], { cwd: 'fixtures/schema/validation' });
  expect(findings).toEqual([]);
  return validateObjects(objects, { kubernetesVersion, extraSchemas: new Map(), strictKinds: false })
    .map((finding) => `${finding.line}:${finding.column} ${finding.ruleId}: ${finding.message}`);
}

const TYPES = 'must point to a field of type string, boolean or integer. Enum string fields and strings with formats are allowed.';

// upstream: apiextensions-apiserver pkg/apis/apiextensions/validation/validation_test.go TestSelectableFields (paths to
// no field of the schema, to fields of other types, duplicates, too many; a version's own schema or spec's); the
// path errors are pkg/apiserver/schema/cel/validation.go ValidFieldPath's
describe('ValidateCustomResourceSelectableFields', () => {
  it('resolves each jsonPath in the schema of its level, as the conversion to the internal version places them', async () => {
    expect(await check('invalid-crd-selectable-fields.yaml')).toEqual([
      '28:21 api-validation: spec.versions[0].selectableFields[1].jsonPath: Invalid value: ".spec.xyz": is an invalid path: does not refer to a valid field',
      `29:21 api-validation: spec.versions[0].selectableFields[2].jsonPath: Invalid value: ".spec.obj": ${TYPES}`,
      '30:21 api-validation: spec.versions[0].selectableFields[3].jsonPath: Duplicate value: ".spec.color"',
      '32:21 api-validation: spec.versions[0].selectableFields[5].jsonPath: Invalid value: "spec.color": is an invalid path: expected [ or . but got: spec',
      '33:21 api-validation: spec.versions[0].selectableFields[6].jsonPath: Invalid value: ".spec[\'color\']": is an invalid path: array notation is not allowed',
      '34:21 api-validation: spec.versions[0].selectableFields[7].jsonPath: Invalid value: ".spec.": is an invalid path: unexpected end of JSON path',
      '35:21 api-validation: spec.versions[0].selectableFields[8].jsonPath: Invalid value: ".metadata.name": is an invalid path: does not refer to a valid field',
      '49:21 api-validation: spec.versions[1].selectableFields[0].jsonPath: Invalid value: ".spec.color": is an invalid path: does not refer to a valid field',
      '85:9 api-validation: spec.selectableFields: Too many: 9: must have at most 8 items',
      '94:21 api-validation: spec.selectableFields[9].jsonPath: Invalid value: ".spec.zz": is an invalid path: does not refer to a valid field',
      '118:9 api-validation: spec.versions[0].selectableFields: Invalid value: "": may only be set when `version.schema.openAPIV3Schema` is not included',
    ]);
  });

  // upstream: kubernetes#132472 (1.34) dropped the detail of a version's missing schema
  it('before 1.34 a missing schema is "schemas are required"', async () => {
    const missing = async (release: string) => (await check('crd-without-schema.yaml', release)).filter((message) => message.includes('openAPIV3Schema: Required'));
    expect(await missing('1.33')).toEqual(['11:7 api-validation: spec.versions[0].schema.openAPIV3Schema: Required value: schemas are required']);
    expect(await missing('1.34')).toEqual(['11:7 api-validation: spec.versions[0].schema.openAPIV3Schema: Required value']);
  });

  it('before 1.34 the detail of selectable fields without a schema starts with "selectableFields"', async () => {
    expect((await check('invalid-crd-selectable-fields.yaml', '1.33')).filter((message) => message.includes('may only be set'))).toEqual([
      '118:9 api-validation: spec.versions[0].selectableFields: Invalid value: "": selectableFields may only be set when version.schema.openAPIV3Schema is not included',
    ]);
  });
});

// upstream: validation_test.go TestValidateCustomResourceDefinition "x-kubernetes-validations should have valid fieldPath
// for array" and "x-kubernetes-validations have invalid fieldPath" (validation.go pathValid, with array notation)
describe('pathValid', () => {
  it('resolves a rule\'s fieldPath in the rule\'s own schema node, subscripts and escapes included', async () => {
    const path = (line: string, at: string, value: string) => `${line} api-validation: spec.validation.openAPIV3Schema.${at}.fieldPath: Invalid value: "${value}": must be a valid path`;
    expect(await check('invalid-crd-rule-field-paths.yaml')).toEqual([
      path('21:41', 'x-kubernetes-validations[2]', '.a.c'),
      path('22:41', 'x-kubernetes-validations[3]', '.list[0]'),
      path('23:41', 'x-kubernetes-validations[4]', '   '),
      '23:41 api-validation: spec.validation.openAPIV3Schema.x-kubernetes-validations[4].fieldPath: Invalid value: "   ": must be non-empty if specified',
      path('24:41', 'x-kubernetes-validations[5]', '.'),
      path('25:41', 'x-kubernetes-validations[6]', '..'),
      path('46:45', 'properties[spec].x-kubernetes-validations[2]', '.replicas'),
      path('66:53', 'x-kubernetes-validations[0]', '.list[0].b'),
      path('67:53', 'x-kubernetes-validations[1]', '.list[0.b'),
      path('68:53', 'x-kubernetes-validations[2]', '.list0].b'),
      path('69:53', 'x-kubernetes-validations[3]', '.a.c'),
      path('70:53', 'x-kubernetes-validations[4]', '.a.b.d'),
    ]);
  });
});
