import { describe, expect, it } from 'vitest';
import { errorMessageOf, errorPrinting } from './field-error.js';
import { contextOf } from './index.js';
import { validateDeviceClass, validateResourceClaim, validateResourceClaimTemplate } from './resource-claim.js';

const BAD_NAME = 'hello world';
const SUBDOMAIN = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const C_IDENTIFIER = "a valid C identifier must start with alphabetic character or '_', followed by a string of alphanumeric characters or '_' (e.g. 'my_name',  or 'MY_NAME',  or 'MyName', regex used for validation is '[A-Za-z_][A-Za-z0-9_]*')";
const REFERENCE = "must be the name of a request in the claim or the name of a request and a subrequest separated by '/'";

type Spec = Record<string, unknown>;
const request = (name: string, exactly: Spec = {}): Spec => ({ name, exactly: { deviceClassName: 'gpu.example.com', ...exactly } });
const opaque = { driver: 'dra.example.com', parameters: { kind: 'foo', apiVersion: 'dra.example.com/v1' } };

function claim(devices: Spec, release = '1.36'): string[] {
  const printing = errorPrinting(release);
  return validateResourceClaim({ spec: { devices } }, contextOf(release)).map((error) => errorMessageOf(error, printing));
}

// upstream: pkg/apis/resource/validation/validation_resourceclaim_test.go TestValidateClaim (v1.36 and, for the words
// that changed with 1.35's declarative validation, the v1.34 rows)
describe('TestValidateClaim', () => {
  it('accepts the valid claim spec, and requests, constraints and config at their limits', () => {
    expect(claim({ requests: [request('req-0')] })).toEqual([]);
    expect(claim({
      requests: Array.from({ length: 32 }, (_, index) => request(`req-${index}`)),
      constraints: Array.from({ length: 32 }, () => ({ matchAttribute: 'foo/bar' })),
      config: Array.from({ length: 32 }, () => ({ opaque })),
    })).toEqual([]);
  });

  it('bad-classname, missing-classname', () => {
    expect(claim({ requests: [request('req-0', { deviceClassName: BAD_NAME })] })).toEqual([`spec.devices.requests[0].exactly.deviceClassName: Invalid value: "hello world": ${SUBDOMAIN}`]);
    expect(claim({ requests: [request('req-0', { deviceClassName: '' })] })).toEqual(['spec.devices.requests[0].exactly.deviceClassName: Required value']);
  });

  const invalidSpec: Spec = {
    requests: [request('req-0')],
    constraints: [{ requests: ['req-0', BAD_NAME], matchAttribute: 'missing-domain' }, { matchAttribute: '' }, {}],
    config: [{ requests: ['req-0', BAD_NAME], opaque }],
  };

  it('invalid-spec (1.36: DRAConsumableCapacity on, declarative words)', () => {
    expect(claim(invalidSpec)).toEqual([
      `spec.devices.constraints[0].requests[1]: Invalid value: "hello world": ${LABEL}`,
      `spec.devices.constraints[0].requests[1]: Invalid value: "hello world": ${REFERENCE}`,
      `spec.devices.constraints[0].matchAttribute: Invalid value: "missing-domain": ${C_IDENTIFIER}`,
      'spec.devices.constraints[0].matchAttribute: Invalid value: "missing-domain": a fully qualified name must be a domain and a name separated by a slash',
      `spec.devices.constraints[1].matchAttribute: Invalid value: "": ${C_IDENTIFIER}`,
      'spec.devices.constraints[1].matchAttribute: Invalid value: "": a fully qualified name must be a domain and a name separated by a slash',
      'spec.devices.constraints[2]: Required value: exactly one of "matchAttribute" or "distinctAttribute" is required, but multiple fields are set',
      `spec.devices.config[0].requests[1]: Invalid value: "hello world": ${LABEL}`,
      `spec.devices.config[0].requests[1]: Invalid value: "hello world": ${REFERENCE}`,
    ]);
  });

  it('invalid-spec (1.34)', () => {
    expect(claim(invalidSpec, '1.34')).toEqual([
      `spec.devices.constraints[0].requests[1]: Invalid value: "hello world": ${LABEL}`,
      `spec.devices.constraints[0].requests[1]: Invalid value: "hello world": ${REFERENCE}`,
      `spec.devices.constraints[0].matchAttribute: Invalid value: "missing-domain": ${C_IDENTIFIER}`,
      'spec.devices.constraints[0].matchAttribute: Invalid value: "missing-domain": must include a domain',
      'spec.devices.constraints[1].matchAttribute: Required value: name required',
      'spec.devices.constraints[2].matchAttribute: Required value',
      `spec.devices.config[0].requests[1]: Invalid value: "hello world": ${LABEL}`,
      `spec.devices.config[0].requests[1]: Invalid value: "hello world": ${REFERENCE}`,
    ]);
  });

  it('invalid-request: too many requests, constraints and config items is the list\'s only error', () => {
    expect(claim({
      requests: Array.from({ length: 33 }, (_, index) => request(`req-${index}`)),
      constraints: Array.from({ length: 33 }, () => ({ matchAttribute: 'foo/bar' })),
      config: Array.from({ length: 33 }, () => ({ opaque })),
    })).toEqual([
      'spec.devices.requests: Too many: 33: must have at most 32 items',
      'spec.devices.constraints: Too many: 33: must have at most 32 items',
      'spec.devices.config: Too many: 33: must have at most 32 items',
    ]);
  });

  const allocationModes: Spec = {
    requests: [
      request('foo', { allocationMode: 'ExactCount', count: 1 }),
      request('foo2', { allocationMode: 'All', count: 0 }),
      request('foo3', { allocationMode: 'ExactCount', count: -1 }),
      request('foo4', { allocationMode: 'other' }),
      request('foo5', { allocationMode: 'All', count: 2 }),
      request('foo', { allocationMode: 'ExactCount', count: 1 }),
    ],
  };

  it('allocation-mode: a Duplicate at the request from 1.35, at its name before', () => {
    const rows = [
      'spec.devices.requests[2].exactly.count: Invalid value: -1: must be greater than zero',
      'spec.devices.requests[3].exactly.allocationMode: Unsupported value: "other": supported values: "All", "ExactCount"',
      "spec.devices.requests[4].exactly.count: Invalid value: 2: must not be specified when allocationMode is 'All'",
    ];
    expect(claim(allocationModes)).toEqual([...rows, 'spec.devices.requests[5]: Duplicate value: "foo"']);
    expect(claim(allocationModes, '1.34')).toEqual([...rows, 'spec.devices.requests[5].name: Duplicate value: "foo"']);
  });

  it('an ExactCount request without count is defaulted to one device (SetDefaults_ExactDeviceRequest)', () => {
    expect(claim({ requests: [request('a', { count: 0 }), request('b', { allocationMode: '' })] })).toEqual([]);
  });

  it('exactly one of exactly and firstAvailable; subrequests are named and unique', () => {
    expect(claim({ requests: [{ name: 'a' }] })).toEqual(['spec.devices.requests[0]: Required value: exactly one of `exactly` or `firstAvailable` is required']);
    expect(claim({ requests: [{ ...request('a'), firstAvailable: [{ name: 'x', deviceClassName: 'c' }] }] })).toEqual(['spec.devices.requests[0]: Invalid value: null: exactly one of `exactly` or `firstAvailable` is required, but multiple fields are set']);
    expect(claim({ requests: [{ name: 'a', firstAvailable: [{ name: 'x', deviceClassName: 'c' }, { name: 'x', deviceClassName: '' }] }] })).toEqual([
      'spec.devices.requests[0].firstAvailable[1].deviceClassName: Required value',
      'spec.devices.requests[0].firstAvailable[1]: Duplicate value: "x"',
    ]);
    // a constraint may name a subrequest
    expect(claim({ requests: [{ name: 'a', firstAvailable: [{ name: 'x', deviceClassName: 'c' }] }], constraints: [{ requests: ['a/x', 'a/y'], matchAttribute: 'dra.example.com/model' }] })).toEqual([
      `spec.devices.constraints[0].requests[1]: Invalid value: "a/y": ${REFERENCE}`,
    ]);
  });

  it('selectors need a CEL expression; tolerations (validateDeviceToleration)', () => {
    expect(claim({ requests: [request('a', { selectors: [{}], tolerations: [{ key: 'example.com/t', operator: 'Exists', value: 'v' }, { key: 'a b', value: 'x y', effect: 'PreferNoSchedule' }, { operator: 'Lt' }] })] })).toEqual([
      'spec.devices.requests[0].exactly.selectors[0].cel: Required value',
      'spec.devices.requests[0].exactly.tolerations[0].value: Invalid value: "v": must be empty for operator `Exists`',
      "spec.devices.requests[0].exactly.tolerations[1].key: Invalid value: \"a b\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      "spec.devices.requests[0].exactly.tolerations[1].value: Invalid value: \"x y\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
      'spec.devices.requests[0].exactly.tolerations[1].effect: Unsupported value: "PreferNoSchedule": supported values: "NoExecute", "NoSchedule", "None"',
      'spec.devices.requests[0].exactly.tolerations[2].operator: Unsupported value: "Lt": supported values: "Equal", "Exists"',
    ]);
  });

  it('configuration: opaque, with a driver and a JSON object of parameters (validateRawExtension)', () => {
    expect(claim({ requests: [request('a')], config: [{}, { opaque: { driver: '', parameters: 'text' } }, { opaque: { driver: 'Dra.Example.Com' } }] })).toEqual([
      'spec.devices.config[0].opaque: Required value',
      'spec.devices.config[1].opaque.driver: Required value',
      'spec.devices.config[1].opaque.parameters: Invalid value: "<value omitted>": must be a valid JSON object',
      'spec.devices.config[2].opaque.parameters: Required value',
    ]);
    expect(claim({ requests: [request('a')], config: [{ opaque: { driver: 'dra.example.com', parameters: { data: 'x'.repeat(10240) } } }] })).toEqual([
      'spec.devices.config[0].opaque.parameters: Too long: may not be more than 10240 bytes',
    ]);
  });
});

// upstream: validation_resourceclaimtemplate_test.go TestValidateClaimTemplate: the template's metadata is a template's
describe('TestValidateClaimTemplate', () => {
  it('bad-labels, other metadata, and the claim spec under spec.spec', () => {
    const errors = validateResourceClaimTemplate({ spec: { metadata: { name: 'x', labels: { a: 'hello world' } }, spec: { devices: { requests: [request('a', { deviceClassName: '' })] } } } }, contextOf('1.36')).map((error) => errorMessageOf(error, errorPrinting('1.36')));
    expect(errors).toEqual([
      "spec.metadata.labels: Invalid value: \"hello world\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
      'spec.metadata.name: Forbidden: cannot be set',
      'spec.spec.devices.requests[0].exactly.deviceClassName: Required value',
    ]);
  });
});

// upstream: validation_deviceclass_test.go TestValidateClass (v1.36)
describe('TestValidateClass', () => {
  const deviceClass = (spec: Spec): string[] => validateDeviceClass({ spec }).map((error) => errorMessageOf(error, errorPrinting('1.36')));

  it('selectors, configuration and the extended resource name', () => {
    expect(deviceClass({ selectors: [{ cel: { expression: 'true' } }], config: [{ opaque }], extendedResourceName: 'example.com/gpu' })).toEqual([]);
    expect(deviceClass({ selectors: [{ cel: { expression: `"${'x'.repeat(10240)}" != ""` } }] })).toEqual(['spec.selectors[0].cel.expression: Too long: may not be more than 10240 bytes']);
    expect(deviceClass({ config: [{ opaque: { driver: 'dra.example.com', parameters: [] } }] })).toEqual(['spec.config[0].opaque.parameters: Invalid value: "<value omitted>": must be a valid JSON object']);
    for (const name of ['gpu', 'kubernetes.io/gpu', 'requests.example.com/gpu']) {
      expect(deviceClass({ extendedResourceName: name })).toEqual([`spec.extendedResourceName: Invalid value: "${name}": must be a valid extended resource name`]);
    }
  });
});
