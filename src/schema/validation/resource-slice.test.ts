import { describe, expect, it } from 'vitest';
import { errorMessageOf, errorPrinting } from './field-error.js';
import { contextOf } from './index.js';
import { validateResourceSlice } from './resource-slice.js';

type Spec = Record<string, unknown>;
const C_IDENTIFIER = "a valid C identifier must start with alphabetic character or '_', followed by a string of alphanumeric characters or '_' (e.g. 'my_name',  or 'MY_NAME',  or 'MyName', regex used for validation is '[A-Za-z_][A-Za-z0-9_]*')";
const NODE_SELECTION = 'exactly one of `nodeName`, `nodeSelector`, `allNodes`, `perDeviceNodeSelection` is required';

function slice(spec: Spec, release = '1.36'): string[] {
  const printing = errorPrinting(release);
  const full = { driver: 'dra.example.com', pool: { name: 'pool', resourceSliceCount: 1 }, nodeName: 'worker', ...spec };
  return validateResourceSlice({ spec: full }, contextOf(release)).map((error) => errorMessageOf(error, printing));
}

const device = (name: string, extra: Spec = {}): Spec => ({ name, ...extra });

// upstream: pkg/apis/resource/validation/validation_resourceslice_test.go TestValidateResourceSlice (v1.36; the 1.35
// and 1.34 words where they differ)
describe('TestValidateResourceSlice', () => {
  it('good: a node-local slice with devices, attributes and capacity', () => {
    expect(slice({ devices: [device('gpu-0', { attributes: { model: { string: 'x' }, 'dra.example.com/index': { int: 0 }, driverVersion: { version: '1.2.3-rc.1+build.5' } }, capacity: { memory: { value: '40Gi' } } })] })).toEqual([]);
  });

  it('bad-pool: name parts, resourceSliceCount and generation (validateResourcePool)', () => {
    expect(slice({ pool: { name: '', resourceSliceCount: 0, generation: -1 } })).toEqual([
      'spec.pool.name: Required value',
      'spec.pool.resourceSliceCount: Invalid value: 0: must be greater than zero',
      'spec.pool.generation: Invalid value: -1: must be greater than or equal to zero',
    ]);
    expect(slice({ pool: { name: 'a/b//c', resourceSliceCount: 1 } })).toEqual([
      "spec.pool.name: Invalid value: \"\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]);
  });

  it('missing-node-selection, multiple-node-selection, empty-node-name, all-nodes-false', () => {
    expect(slice({ nodeName: undefined })).toEqual([`spec: Required value: ${NODE_SELECTION}`]);
    expect(slice({ allNodes: true })).toEqual([`spec: Invalid value: "{\`nodeName\`, \`allNodes\`}": ${NODE_SELECTION}, but multiple fields are set`]);
    expect(slice({ nodeName: '', allNodes: false })).toEqual([
      'spec.nodeName: Invalid value: "": must be either unset or set to a non-empty string',
      'spec.allNodes: Invalid value: false: must be either unset or set to true',
      `spec: Required value: ${NODE_SELECTION}`,
    ]);
  });

  it('bad-node-selector: exactly one term', () => {
    const term = { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] };
    expect(slice({ nodeName: undefined, nodeSelector: { nodeSelectorTerms: [term, term] } })).toEqual([
      'spec.nodeSelector.nodeSelectorTerms: Invalid value: [{"MatchExpressions":[{"Key":"zone","Operator":"In","Values":["a"]}],"MatchFields":null},{"MatchExpressions":[{"Key":"zone","Operator":"In","Values":["a"]}],"MatchFields":null}]: must have exactly one node selector term',
    ]);
  });

  it('duplicate devices: at the device from 1.35, at its name before', () => {
    expect(slice({ devices: [device('a'), device('a')] })).toEqual(['spec.devices[1]: Duplicate value: "a"']);
    expect(slice({ devices: [device('a'), device('a')] }, '1.34')).toEqual(['spec.devices[1].name: Duplicate value: "a"']);
    expect(slice({ devices: [device('A')] })[0]).toMatch(/^spec\.devices\[0\]\.name: Invalid value: "A": a lowercase RFC 1123 label/);
  });

  it('bad-attribute-c-identifier: at the attributes from 1.36, at the key before', () => {
    const name = '.'.repeat(33);
    const devices = [device('a', { attributes: { [name]: { string: 'y' } } })];
    expect(slice({ devices })).toEqual([
      'spec.devices[0].attributes: Too long: may not be more than 32 bytes',
      `spec.devices[0].attributes: Invalid value: "${name}": ${C_IDENTIFIER}`,
    ]);
    expect(slice({ devices }, '1.35')).toEqual([
      `spec.devices[0].attributes[${name}]: Too long: may not be more than 32 bytes`,
      `spec.devices[0].attributes[${name}]: Invalid value: "${name}": ${C_IDENTIFIER}`,
    ]);
  });

  it('bad-attribute-values: no value, a long string, a version that is not semver', () => {
    expect(slice({ devices: [device('a', { attributes: { none: {}, s: { string: 'x'.repeat(65) }, v: { version: '1.2' } } })] })).toEqual([
      'spec.devices[0].attributes[none]: Invalid value: "": exactly one value must be specified',
      'spec.devices[0].attributes[s].string: Too long: may not be more than 64 bytes',
      'spec.devices[0].attributes[v].version: Invalid value: "1.2": must be a string compatible with semver.org spec 2.0.0',
    ]);
  });

  it('too many attributes and capacities', () => {
    const attributes = Object.fromEntries(Array.from({ length: 33 }, (_, index) => [`a${index}`, { int: index }]));
    expect(slice({ devices: [device('a', { attributes })] })).toEqual(['spec.devices[0]: Invalid value: 33: the total number of attributes and capacities must not exceed 32']);
  });

  it('with the DRA device gates (1.36): taints, capacity request policies, per-device node selection, shared counters', () => {
    expect(slice({ devices: [device('a', { taints: [{ key: 'example.com/t', effect: 'PreferNoSchedule' }, { key: 'a b' }], capacity: { mem: { value: '1Gi', requestPolicy: { default: '1Mi' } } }, nodeName: 'n' })] })).toEqual([
      'spec.devices[0].capacity[mem].requestPolicy: Forbidden: allowMultipleAllocations must be true',
      'spec.devices[0].taints[0].effect: Unsupported value: "PreferNoSchedule": supported values: "NoExecute", "NoSchedule", "None"',
      "spec.devices[0].taints[1].key: Invalid value: \"a b\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      'spec.devices[0].taints[1].effect: Required value',
      'spec.devices[0]: Invalid value: null: `nodeName`, `nodeSelector` and `allNodes` can only be set if `perDeviceNodeSelection` is set to true in the ResourceSlice spec',
    ]);
    expect(slice({ nodeName: undefined, perDeviceNodeSelection: true, devices: [device('a'), device('b', { nodeName: 'n', allNodes: true })], sharedCounters: [] })).toEqual([
      'spec: Invalid value: "": only one of `sharedCounters` or `devices` is allowed',
      'spec.devices[0]: Required value: exactly one of `nodeName`, `nodeSelector`, or `allNodes` is required when `perDeviceNodeSelection` is set to true in the ResourceSlice spec',
      'spec.devices[1]: Invalid value: "{`nodeName`, `allNodes`}": exactly one of `nodeName`, `nodeSelector`, or `allNodes` is required when `perDeviceNodeSelection` is set to true in the ResourceSlice spec',
    ]);
    // before 1.36 the strategy drops those fields: perDeviceNodeSelection alone selects no node
    expect(slice({ nodeName: undefined, perDeviceNodeSelection: true, devices: [device('a', { nodeName: 'n' })], sharedCounters: [] }, '1.35')).toEqual([`spec: Required value: ${NODE_SELECTION}`]);
  });
});
