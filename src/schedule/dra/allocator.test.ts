import { describe, expect, it } from 'vitest';
import { nodeInfoOf, objectOf } from '../test-support.js';
import { matchesNodeSelector } from '../../model/labels.js';
import { allocate, allocationNodeSelector, type ClaimAllocation, type ClaimToAllocate } from './allocator.js';
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

  it('duplicate-slice: from 1.35 a complete pool that repeats a device name is invalid, which the node reports when nothing else fits', () => {
    // allocator_stable.go Allocate: ErrFailedAllocationOnNode, "invalid resource pools were encountered" (v0.35.6, v0.36.2)
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

// upstream: structured/internal/allocatortesting/allocator_testing.go (v0.35.6, v0.36.2; v0.34.9 for 1.34), which
// pools_stable.go GatherPools and checkSlicesInPool, and allocator_stable.go allocateOne, decide
describe('allocate: the pools a node sees, by release', () => {
  const pool = (name: string, generation: number, resourceSliceCount: number) => ({ name, generation, resourceSliceCount });
  const free = { allocated: new Set<string>() };

  it('different-resourceslices-in-pool-can-target-different-nodes: from 1.35 a pool is complete when its slices on all nodes add up', () => {
    const slices = [slice('slice-1', { nodeName: 'node-2', pool: pool('pool-1', 1, 2) }, ['device-1']), slice('slice-2', { nodeName: 'node-1', pool: pool('pool-1', 1, 2) }, ['device-2'])];
    for (const minor of [35, 36]) {
      expect(allocate([request('ExactCount')], node1, { ...free, catalog: catalogFor(minor, ...slices) })).toMatchObject({ kind: 'allocated', claims: [{ devices: ['driver-a/pool-1/device-2'] }] });
    }
    // allocation-mode-all-with-multi-host-resource-pool: "all" is the devices of the slices that reach the node
    expect(allocate([request('All')], node1, { ...free, catalog: catalogFor(36, ...slices) })).toMatchObject({ kind: 'allocated', claims: [{ devices: ['driver-a/pool-1/device-2'] }] });
    // 1.34 counts only the slices that reach the node: the pool is incomplete, so "all" cannot be known
    expect(allocate([request('All')], node1, { ...free, catalog: catalogFor(34, ...slices) })).toMatchObject({ kind: 'error', message: 'claim default/claim-0, request req-0: asks for all devices, but resource pool driver-a/pool-1 is currently being updated' });
  });

  it('multi-host-resource-pool-with-stale-slice-for-current-node: a newer generation on another node makes the pool obsolete', () => {
    const slices = [slice('slice-1', { nodeName: 'node-1', pool: pool('pool-1', 1, 2) }, ['device-1']), slice('slice-2', { nodeName: 'node-2', pool: pool('pool-1', 2, 2) }, ['device-2'])];
    expect(allocate([request('ExactCount')], node1, { ...free, catalog: catalogFor(36, ...slices) })).toEqual(UNSATISFIABLE);
    // checkSlicesInPool: the obsolete pool is left out, not incomplete, so "all" finds no device rather than an error
    expect(allocate([request('All')], node1, { ...free, catalog: catalogFor(36, ...slices) })).toEqual(UNSATISFIABLE);
  });

  it('no-allocation-from-incomplete-pools: from 1.35 ExactCount passes over an incomplete pool; 1.34 takes its devices', () => {
    const slices = [slice('slice-1', { nodeName: 'node-1', pool: pool('pool-1', 1, 2) }, ['device-1'])];
    expect(allocate([request('ExactCount')], node1, { ...free, catalog: catalogFor(35, ...slices) })).toEqual(UNSATISFIABLE);
    // v0.34.9 allocateOne checks pools for IsInvalid only
    expect(allocate([request('ExactCount')], node1, { ...free, catalog: catalogFor(34, ...slices) })).toMatchObject({ kind: 'allocated', claims: [{ devices: ['driver-a/pool-1/device-1'] }] });
  });

  it('duplicate-slice: 1.35 passes over the invalid pool and says so; 1.34 fails the search that reaches it', () => {
    const twin = pool('pool-1', 1, 2);
    const slices = [slice('slice-1', { nodeName: 'node-1', pool: twin }, ['device-1']), slice('slice-1-2', { nodeName: 'node-1', pool: twin }, ['device-1'])];
    expect(allocate([request('ExactCount')], node1, { ...free, catalog: catalogFor(35, ...slices) })).toEqual({ kind: 'unsatisfiable', invalidPools: true });
    expect(allocate([request('ExactCount')], node1, { ...free, catalog: catalogFor(34, ...slices) })).toEqual({ kind: 'error', message: 'pool pool-1 is invalid: duplicate device name device-1' });
  });

  it('invalid-pool-is-ok-if-devices-can-be-allocated-from-other and -is-error-if-no-other-device-can-be-allocated', () => {
    const twin = pool('pool-1', 1, 2);
    const slices = [slice('slice-1', { nodeName: 'node-1', pool: twin }, ['device-1']), slice('slice-2', { nodeName: 'node-1', pool: twin }, ['device-1']), slice('slice-3', { nodeName: 'node-1', pool: pool('pool-2', 1, 1) }, ['device-2'])];
    const catalog = catalogFor(35, ...slices);
    expect(allocate([request('ExactCount')], node1, { ...free, catalog })).toMatchObject({ kind: 'allocated', claims: [{ devices: ['driver-a/pool-2/device-2'] }] });
    expect(allocate([request('ExactCount')], node1, { catalog, allocated: new Set(['driver-a/pool-2/device-2']) })).toEqual({ kind: 'unsatisfiable', invalidPools: true });
  });

  it('1.34: a search that finds its devices before the invalid pool succeeds', () => {
    const twin = pool('pool-2', 1, 2);
    const slices = [slice('slice-1', { nodeName: 'node-1', pool: pool('pool-1', 1, 1) }, ['device-1']), slice('slice-2', { nodeName: 'node-1', pool: twin }, ['device-2']), slice('slice-3', { nodeName: 'node-1', pool: twin }, ['device-2'])];
    const catalog = catalogFor(34, ...slices);
    expect(allocate([request('ExactCount')], node1, { ...free, catalog })).toMatchObject({ kind: 'allocated', claims: [{ devices: ['driver-a/pool-1/device-1'] }] });
    expect(allocate([request('ExactCount', 2)], node1, { ...free, catalog })).toEqual({ kind: 'error', message: 'pool pool-2 is invalid: duplicate device name device-2' });
  });
});

// upstream: structured/internal/allocatortesting/lexicographical_testing.go TestLexicographicalAllocator (v0.36.2), which
// the incubating allocator the 1.36 default gates pick runs
describe('allocate: the order pools and slices are tried in', () => {
  const free = { allocated: new Set<string>() };
  const two = () => request('ExactCount', 2);

  it('lexicographical-sorting-pools: from 1.36 pool-1 and pool-2 before pool-3, whatever the input order', () => {
    const slices = ['pool-3', 'pool-2', 'pool-1'].map((pool, i) => slice(`slice-${i + 1}`, { nodeName: 'node-1', pool: { name: pool, generation: 1, resourceSliceCount: 1 } }, ['device-1']));
    expect(allocate([two()], node1, { ...free, catalog: catalogFor(36, ...slices) })).toMatchObject({ claims: [{ devices: ['driver-a/pool-1/device-1', 'driver-a/pool-2/device-1'] }] });
    // 1.35 sets no order (a Go map); kubefit keeps the inputs'
    expect(allocate([two()], node1, { ...free, catalog: catalogFor(35, ...slices) })).toMatchObject({ claims: [{ devices: ['driver-a/pool-3/device-1', 'driver-a/pool-2/device-1'] }] });
  });

  it('lexicographical-sorting-slices: from 1.36 a pool\'s slices by name', () => {
    const slices = [3, 2, 1].map((n) => slice(`slice-${n}`, { nodeName: 'node-1', pool: { name: 'pool-1', generation: 1, resourceSliceCount: 3 } }, [`device-${n}`]));
    expect(allocate([two()], node1, { ...free, catalog: catalogFor(36, ...slices) })).toMatchObject({ claims: [{ devices: ['driver-a/pool-1/device-1', 'driver-a/pool-1/device-2'] }] });
  });

  it('from 1.35 only a complete pool is checked for repeated names (buildPool); 1.34 checks an incomplete one too', () => {
    const pool = { name: 'pool-1', generation: 1, resourceSliceCount: 3 };
    const slices = [slice('slice-1', { nodeName: 'node-1', pool }, ['device-1']), slice('slice-2', { nodeName: 'node-1', pool }, ['device-1'])];
    expect(allocate([request('ExactCount')], node1, { ...free, catalog: catalogFor(35, ...slices) })).toEqual(UNSATISFIABLE);
    expect(allocate([request('ExactCount')], node1, { ...free, catalog: catalogFor(34, ...slices) })).toEqual({ kind: 'error', message: 'pool pool-1 is invalid: duplicate device name device-1' });
  });
});

// upstream: allocator_incubating.go createNodeSelector (v0.36.2): the requirements of every slice's node selector in one term
describe('allocationNodeSelector', () => {
  it('a claim with devices of two network-attached slices reaches only the nodes both slices reach', () => {
    const bySelector = (name: string, key: string, value: string) =>
      slice(name, { nodeSelector: { nodeSelectorTerms: [{ matchExpressions: [{ key, operator: 'In', values: [value] }] }] }, pool: { name, generation: 1, resourceSliceCount: 1 } }, ['device-1']);
    const catalog = catalogOf(bySelector('rack-1', 'rack', '1'), bySelector('zone-a', 'zone', 'a'));
    const outcome = allocate([request('ExactCount', 2)], nodeInfoOf({ name: 'node-1', labels: { rack: '1', zone: 'a' } }), { catalog, allocated: new Set() });
    const [allocation] = outcome.kind === 'allocated' ? outcome.claims : [];
    const selector = allocationNodeSelector(allocation as ClaimAllocation, 'node-1');
    expect(selector && matchesNodeSelector(selector, { rack: '1', zone: 'a' }, 'node-2')).toBe(true);
    expect(selector && matchesNodeSelector(selector, { rack: '1', zone: 'b' }, 'node-3')).toBe(false);
    expect(selector && matchesNodeSelector(selector, { rack: '2', zone: 'a' }, 'node-4')).toBe(false);
  });
});
