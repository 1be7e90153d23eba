// Device taints and request tolerations in the allocator (DRADeviceTaints: beta, on from 1.36; off and ignored before).
// upstream: structured/internal/allocatortesting/allocator_testing.go (v0.36.2) tainted-* cases, which the incubating
// allocator runs (allocator_incubating.go allocateDevice, taintPreventsAllocation)
import { describe, expect, it } from 'vitest';
import { node, pod, schedule, type Value } from '../integration-test-support.js';
import { nodeInfoOf, objectOf } from '../test-support.js';
import { allocate, type ClaimToAllocate } from './allocator.js';
import { DeviceCatalog, type ExactRequest } from './device-catalog.js';
import type { DeviceTaint, DeviceToleration } from './device-taints.js';

const node1 = nodeInfoOf({ name: 'node-1' });
const classA = objectOf({ apiVersion: 'resource.k8s.io/v1', kind: 'DeviceClass', metadata: { name: 'class-a' }, spec: {} });

const taintNone: DeviceTaint = { key: 'taint-key', value: 'taint-value', effect: 'None' };
const taintNoSchedule: DeviceTaint = { key: 'taint-key', value: 'taint-value', effect: 'NoSchedule' };
const taintNoExecute: DeviceTaint = { key: 'taint-key', value: 'taint-value-2', effect: 'NoExecute' };
const tolerationNoSchedule: DeviceToleration = { operator: 'Exists', key: 'taint-key', value: '', effect: 'NoSchedule' };
const tolerationNoExecute: DeviceToleration = { operator: 'Equal', key: 'taint-key', value: 'taint-value-2', effect: 'NoExecute' };

/** slice-1 on node-1 in pool-1 of driver-a, with the devices' taints. */
function catalog(minor: number, ...devices: (readonly DeviceTaint[])[]): DeviceCatalog {
  const slice = objectOf({
    apiVersion: 'resource.k8s.io/v1',
    kind: 'ResourceSlice',
    metadata: { name: 'slice-1' },
    spec: { driver: 'driver-a', nodeName: 'node-1', pool: { name: 'pool-1', generation: 1, resourceSliceCount: 1 }, devices: devices.map((taints, i) => ({ name: `device-${i + 1}`, ...(taints.length > 0 && { taints }) })) },
  });
  return DeviceCatalog.of({ deviceClasses: [classA], resourceSlices: [slice], resourceClaims: [], resourceClaimTemplates: [] }, minor);
}

function claim(options: { tolerations?: readonly DeviceToleration[]; allocationMode?: ExactRequest['allocationMode']; adminAccess?: boolean } = {}): ClaimToAllocate {
  const exact: ExactRequest = { name: 'req-0', deviceClassName: 'class-a', selectors: [], allocationMode: options.allocationMode ?? 'ExactCount', count: 1, adminAccess: options.adminAccess ?? false, tolerations: options.tolerations ?? [] };
  return { label: 'default/claim-0', spec: { requests: [{ name: 'req-0', choices: [exact] }], constraints: [], unmodelled: undefined } };
}

const NONE = { kind: 'unsatisfiable', invalidPools: false };
const run = (c: ClaimToAllocate, devices: DeviceCatalog, allocated: readonly string[] = []) => allocate([c], node1, { catalog: devices, allocated: new Set(allocated) });

describe('allocate: device taints (1.36)', () => {
  it('tainted-two-devices and tainted-one-device-two-taints: no device without a toleration', () => {
    expect(run(claim(), catalog(36, [taintNoSchedule], [taintNoExecute]))).toEqual(NONE);
    expect(run(claim(), catalog(36, [taintNoSchedule, taintNoExecute]))).toEqual(NONE);
  });

  it('tainted-two-devices-tolerated: only the device whose taint is tolerated', () => {
    expect(run(claim({ tolerations: [tolerationNoExecute] }), catalog(36, [taintNoSchedule], [taintNoExecute]))).toMatchObject({ claims: [{ devices: ['driver-a/pool-1/device-2'] }] });
  });

  it('tainted-one-device-two-taints-both-tolerated', () => {
    expect(run(claim({ tolerations: [tolerationNoSchedule, tolerationNoExecute] }), catalog(36, [taintNoSchedule, taintNoExecute]))).toMatchObject({ claims: [{ devices: ['driver-a/pool-1/device-1'] }] });
  });

  it('tainted-no-effect: an effect other than NoSchedule or NoExecute is ignored', () => {
    expect(run(claim(), catalog(36, [taintNone]))).toMatchObject({ claims: [{ devices: ['driver-a/pool-1/device-1'] }] });
  });

  it('tainted-all-devices-single and tainted-admin-access: neither "all" nor admin access passes a taint', () => {
    expect(run(claim({ allocationMode: 'All' }), catalog(36, [taintNoSchedule]))).toEqual(NONE);
    expect(run(claim({ adminAccess: true }), catalog(36, [taintNoSchedule]), ['driver-a/pool-1/device-1'])).toEqual(NONE);
  });

  it('tainted-disabled and tainted-all-devices-single-disabled: before 1.36 the taints are ignored', () => {
    expect(run(claim(), catalog(35, [taintNoSchedule], [taintNoExecute]))).toMatchObject({ claims: [{ devices: ['driver-a/pool-1/device-1'] }] });
    expect(run(claim({ allocationMode: 'All' }), catalog(35, [taintNoSchedule]))).toMatchObject({ kind: 'allocated' });
  });

  it('the catalog reads taints from a slice, and a claim\'s tolerations, only from 1.36', () => {
    expect(catalog(36, [taintNoSchedule]).unmodelled).toBeUndefined();
    expect([...catalog(36, [taintNoSchedule]).devices()][0]?.device.taints).toEqual([taintNoSchedule]);
    expect([...catalog(35, [taintNoSchedule]).devices()][0]?.device.taints).toBeUndefined();
  });
});

describe('DynamicResources with device taints, through the dry run', () => {
  const taintedSlice: Value = {
    apiVersion: 'resource.k8s.io/v1',
    kind: 'ResourceSlice',
    metadata: { name: 'node-1-gpus' },
    spec: { driver: 'driver-a', nodeName: 'node-1', pool: { name: 'node-1', generation: 1, resourceSliceCount: 1 }, devices: [{ name: 'gpu-0', taints: [{ key: 'maintenance', effect: 'NoSchedule' }] }] },
  };
  const deviceClass: Value = { apiVersion: 'resource.k8s.io/v1', kind: 'DeviceClass', metadata: { name: 'gpu' }, spec: {} };
  const template = (tolerations?: readonly Value[]): Value => ({
    apiVersion: 'resource.k8s.io/v1',
    kind: 'ResourceClaimTemplate',
    metadata: { name: 'gpu', namespace: 'default' },
    spec: { spec: { devices: { requests: [{ name: 'gpu', exactly: { deviceClassName: 'gpu', ...(tolerations && { tolerations }) } }] } } },
  });
  const claiming = pod({ name: 'trainer', spec: { resourceClaims: [{ name: 'gpu', resourceClaimTemplateName: 'gpu' }] } });
  const run = (tolerations?: readonly Value[], version?: string) => schedule([node({ name: 'node-1' }), deviceClass, taintedSlice, template(tolerations), claiming], undefined, version)[0];

  it('a tainted device is not allocated without a toleration (1.36); the claim is checked, not left out', () => {
    expect(run()?.rejected).toEqual({ 'node-1': ['cannot allocate all claims'] });
    expect(run([{ key: 'maintenance', operator: 'Exists', effect: 'NoSchedule' }])?.placement.nodes).toEqual({ 'node-1': 1 });
    expect(run(undefined, '1.35')?.placement.nodes).toEqual({ 'node-1': 1 });
  });
});
