import { describe, expect, it } from 'vitest';
import { nodeInfoOf, objectOf } from '../test-support.js';
import { allocate, type ClaimToAllocate } from './allocator.js';
import { DeviceCatalog, type ExactRequest } from './device-catalog.js';

const node1 = nodeInfoOf({ name: 'node-1', labels: { region: 'region-1' } });
const node2 = nodeInfoOf({ name: 'node-2', labels: { region: 'region-2' } });
const classA = objectOf({ apiVersion: 'resource.k8s.io/v1', kind: 'DeviceClass', metadata: { name: 'class-a' }, spec: { selectors: [{ cel: { expression: "device.driver == 'driver-a'" } }] } });

function slice(name: string, spec: Readonly<Record<string, unknown>>, devices: readonly string[]) {
  return objectOf({ apiVersion: 'resource.k8s.io/v1', kind: 'ResourceSlice', metadata: { name }, spec: { driver: 'driver-a', ...spec, devices: devices.map((device) => ({ name: device })) } });
}

function request(allocationMode: ExactRequest['allocationMode'], count = 1): ClaimToAllocate {
  const exact: ExactRequest = { name: 'req-0', deviceClassName: 'class-a', selectors: [], allocationMode, count, adminAccess: false };
  return { label: 'default/claim-0', spec: { requests: [{ name: 'req-0', choices: [exact] }], constraints: [], unmodelled: undefined } };
}

function adminAccess(claim: ClaimToAllocate): ClaimToAllocate {
  const requests = claim.spec.requests.map((r) => ({ ...r, choices: r.choices.map((choice) => ({ ...choice, adminAccess: true })) }));
  return { ...claim, spec: { ...claim.spec, requests } };
}

function catalogOf(...slices: ReturnType<typeof slice>[]): DeviceCatalog {
  return catalogFor(35, ...slices);
}

function catalogFor(minor: number, ...slices: ReturnType<typeof slice>[]): DeviceCatalog {
  return DeviceCatalog.of({ deviceClasses: [classA], resourceSlices: slices, resourceClaims: [], resourceClaimTemplates: [] }, minor);
}

const UNSATISFIABLE = { kind: 'unsatisfiable', invalidPools: false };

// upstream: staging/src/k8s.io/dynamic-resource-allocation/structured/internal/allocatortesting/allocator_testing.go (v1.35)
describe('allocate (the stable allocator)', () => {
  it('all-devices-of-the-incomplete-pool: All cannot know what "all" is while a slice of the pool is missing', () => {
    const catalog = catalogOf(slice('slice-1', { nodeName: 'node-1', pool: { name: 'pool-1', generation: 1, resourceSliceCount: 2 } }, ['device-1']));
    expect(allocate([request('All')], node1, { catalog, allocated: new Set() })).toEqual({
      kind: 'error',
      message: 'claim default/claim-0, request req-0: asks for all devices, but resource pool driver-a/pool-1 is currently being updated',
    });
    // ExactCount passes over the incomplete pool
    expect(allocate([request('ExactCount')], node1, { catalog, allocated: new Set() })).toEqual(UNSATISFIABLE);
  });

  it('network-attached-device and unsuccessful-allocation-network-attached-device: a slice reaches the nodes its selector matches', () => {
    const selector = { nodeSelectorTerms: [{ matchExpressions: [{ key: 'region', operator: 'In', values: ['region-1'] }] }] };
    const catalog = catalogOf(slice('slice-1', { nodeSelector: selector, pool: { name: 'pool-1', generation: 1, resourceSliceCount: 1 } }, ['device-1']));
    expect(allocate([request('ExactCount')], node1, { catalog, allocated: new Set() })).toMatchObject({ kind: 'allocated', claims: [{ devices: ['driver-a/pool-1/device-1'] }] });
    expect(allocate([request('ExactCount')], node2, { catalog, allocated: new Set() })).toEqual(UNSATISFIABLE);
  });

  it('duplicate-slice: from 1.36 a complete pool that repeats a device name is invalid, which the node reports when nothing else fits', () => {
    // allocator_stable.go Allocate: ErrFailedAllocationOnNode, "invalid resource pools were encountered" (v1.36.3)
    const pool = { nodeName: 'node-1', pool: { name: 'pool-1', generation: 1, resourceSliceCount: 2 } };
    const catalog = catalogFor(36, slice('slice-1', pool, ['device-1']), slice('slice-1-2', pool, ['device-1']));
    expect(allocate([request('ExactCount')], node1, { catalog, allocated: new Set() })).toEqual({ kind: 'unsatisfiable', invalidPools: true });
    // validateDeviceRequest: All cannot know what "all" is in an invalid pool
    expect(allocate([request('All')], node1, { catalog, allocated: new Set() })).toEqual({
      kind: 'error',
      message: 'claim default/claim-0, request req-0: asks for all devices, but resource pool driver-a/pool-1 is currently invalid',
    });
  });

  it('small-and-large-backtrack-requests and -claims: a first choice that starves a later request is undone', () => {
    // two devices listed large first: the small request takes the small one once the large request finds nothing else
    const memory = (quantity: string) => `device.capacity['driver-a'].memory.compareTo(quantity('${quantity}')) >= 0`;
    const sized = objectOf({ apiVersion: 'resource.k8s.io/v1', kind: 'ResourceSlice', metadata: { name: 'slice-1' }, spec: { driver: 'driver-a', nodeName: 'node-1', pool: { name: 'pool-1', generation: 1, resourceSliceCount: 1 }, devices: [{ name: 'device-2', capacity: { memory: { value: '2Gi' } } }, { name: 'device-1', capacity: { memory: { value: '1Gi' } } }] } });
    const catalog = DeviceCatalog.of({ deviceClasses: [classA], resourceSlices: [sized], resourceClaims: [], resourceClaimTemplates: [] }, 35);
    const exact = (name: string, quantity: string): ExactRequest => ({ name, deviceClassName: 'class-a', selectors: [memory(quantity)], allocationMode: 'ExactCount', count: 1, adminAccess: false });
    const claimOf = (label: string, ...requests: ExactRequest[]): ClaimToAllocate => ({ label, spec: { requests: requests.map((r) => ({ name: r.name, choices: [r] })), constraints: [], unmodelled: undefined } });
    expect(allocate([claimOf('default/claim-0', exact('req-0', '1Gi'), exact('req-1', '2Gi'))], node1, { catalog, allocated: new Set() })).toMatchObject({ claims: [{ devices: ['driver-a/pool-1/device-1', 'driver-a/pool-1/device-2'] }] });
    expect(allocate([claimOf('default/claim-0', exact('req-0', '1Gi')), claimOf('default/claim-1', exact('req-1', '2Gi'))], node1, { catalog, allocated: new Set() })).toMatchObject({
      claims: [{ devices: ['driver-a/pool-1/device-1'] }, { devices: ['driver-a/pool-1/device-2'] }],
    });
  });

  it('all-devices-no-solution and -reversed: one device cannot go both to a claim for all devices and to another', () => {
    const catalog = catalogOf(slice('slice-1', { nodeName: 'node-1', pool: { name: 'pool-1', generation: 1, resourceSliceCount: 1 } }, ['device-1']));
    expect(allocate([request('ExactCount'), request('All')], node1, { catalog, allocated: new Set() })).toEqual(UNSATISFIABLE);
    expect(allocate([request('All'), request('ExactCount')], node1, { catalog, allocated: new Set() })).toEqual(UNSATISFIABLE);
  });

  it('obsolete-slice: the newer generation of a two-slice pool has one slice so far, an incomplete pool ExactCount passes over', () => {
    const catalog = catalogOf(
      slice('slice-1-obsolete', { nodeName: 'node-1', pool: { name: 'pool-1', generation: 1, resourceSliceCount: 2 } }, ['device-1']),
      slice('slice-1-obsolete', { nodeName: 'node-1', pool: { name: 'pool-1', generation: 2, resourceSliceCount: 2 } }, ['device-2']),
    );
    expect(allocate([request('ExactCount')], node1, { catalog, allocated: new Set() })).toEqual(UNSATISFIABLE);
  });

  it('all-devices-some-allocated and -admin-access: a device in use stops "all" unless the request has admin access', () => {
    const catalog = catalogOf(slice('slice-1', { nodeName: 'node-1', pool: { name: 'pool-1', generation: 1, resourceSliceCount: 1 } }, ['device-1', 'device-2']));
    const inUse = { catalog, allocated: new Set(['driver-a/pool-1/device-1']) };
    expect(allocate([request('All')], node1, inUse)).toEqual(UNSATISFIABLE);
    const admin = adminAccess(request('All'));
    // the claim holds no device: admin access leaves both free for others (and a request's name for each result)
    expect(allocate([admin], node1, inUse)).toMatchObject({ claims: [{ devices: [], requests: ['req-0', 'req-0'] }] });
    // allocatingDeviceForClaim: an admin-access request does not take a device its own claim takes
    const twice: ClaimToAllocate = { ...admin, spec: { ...admin.spec, requests: [...(request('ExactCount', 2).spec.requests), ...admin.spec.requests] } };
    expect(allocate([twice], node1, { catalog, allocated: new Set() })).toEqual(UNSATISFIABLE);
    // deviceInUse: a device an admin-access request of another claim takes is not free for a plain one
    expect(allocate([adminAccess(request('ExactCount', 2)), request('ExactCount')], node1, { catalog, allocated: new Set() })).toEqual(UNSATISFIABLE);
  });

  it('too-many-devices-single-request: more devices than one allocation result holds is an error', () => {
    expect(allocate([request('ExactCount', 500)], node1, { catalog: catalogOf(), allocated: new Set() })).toEqual({
      kind: 'error',
      message: 'claim default/claim-0: number of requested devices 500 exceeds the claim limit of 32',
    });
  });

  it('an outdated generation of a pool offers nothing; a device in use is not allocated again', () => {
    const catalog = catalogOf(
      slice('old', { nodeName: 'node-1', pool: { name: 'pool-1', generation: 1, resourceSliceCount: 1 } }, ['device-old']),
      slice('new', { nodeName: 'node-1', pool: { name: 'pool-1', generation: 2, resourceSliceCount: 1 } }, ['device-1', 'device-2']),
    );
    expect(allocate([request('All')], node1, { catalog, allocated: new Set() })).toMatchObject({ claims: [{ devices: ['driver-a/pool-1/device-1', 'driver-a/pool-1/device-2'] }] });
    expect(allocate([request('ExactCount')], node1, { catalog, allocated: new Set(['driver-a/pool-1/device-1']) })).toMatchObject({ claims: [{ devices: ['driver-a/pool-1/device-2'] }] });
    expect(allocate([request('All')], node1, { catalog, allocated: new Set(['driver-a/pool-1/device-1']) })).toEqual(UNSATISFIABLE);
  });
});
