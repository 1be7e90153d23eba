// The structured-parameters allocator for one node: the devices of the pools the node reaches, handed out to a pod's
// unallocated claims request by request, with backtracking, as the "stable" allocator does for the v1 API.
// upstream: staging/src/k8s.io/dynamic-resource-allocation/structured/internal/stable/allocator_stable.go Allocate,
// validateDeviceRequest, allocateOne, isSelectable; pools_stable.go GatherPools, addSlice (v1.35)
import { toNodeSelector, type NodeSelector } from '../../model/labels.js';
import type { NodeInfo } from '../node-info.js';
import { deviceID, type Device, type DeviceCatalog, type DeviceClass, type DeviceID, type DeviceRequest, type ResourceClaimSpec, type ResourceSlice } from './device-catalog.js';

/** A claim the scheduler allocates: `label` names it in errors as klog.KObj does (namespace/name). */
export interface ClaimToAllocate {
  readonly label: string;
  readonly spec: ResourceClaimSpec;
}

/** What one claim got: its devices, and the nodes they reach (createNodeSelector, undefined for every node). */
export interface ClaimAllocation {
  readonly devices: readonly DeviceID[];
  readonly nodeSelector: NodeSelector | undefined;
}

export type AllocationOutcome =
  | { readonly kind: 'allocated'; readonly claims: readonly ClaimAllocation[] }
  | { readonly kind: 'unsatisfiable' }
  | { readonly kind: 'error'; readonly message: string };

export interface AllocatorContext {
  readonly catalog: DeviceCatalog;
  /** Devices allocated to other claims (the snapshot's and those the dry-run assumed). */
  readonly allocated: ReadonlySet<DeviceID>;
}

interface Candidate {
  readonly id: DeviceID;
  readonly device: Device;
  readonly slice: ResourceSlice;
}

interface Pool {
  readonly id: string;
  readonly slices: ResourceSlice[];
  incomplete: boolean;
}

interface RequestData {
  readonly claim: number;
  readonly numDevices: number;
  /** The devices the request may take, in pool and slice order. */
  readonly candidates: readonly Candidate[];
  readonly all: boolean;
}

/**
 * Devices for every claim on `node`, or why none can be found: 'unsatisfiable' when no combination of free devices
 * matches ("cannot allocate all claims"), 'error' when upstream's Allocate fails (an incomplete pool asked for all
 * devices, a class that does not exist).
 */
export function allocate(claims: readonly ClaimToAllocate[], node: NodeInfo, context: AllocatorContext): AllocationOutcome {
  const pools = gatherPools(context.catalog.slicesReaching(node));
  const requests: RequestData[] = [];
  for (const [index, claim] of claims.entries()) {
    for (const request of claim.spec.requests) {
      const data = requestData(index, claim, request, pools, context);
      if ('error' in data) return { kind: 'error', message: data.error };
      requests.push(data);
    }
  }
  const oversized = oversizedClaim(claims, requests);
  if (oversized !== undefined) return { kind: 'error', message: oversized };
  const chosen: Candidate[][] = claims.map(() => []);
  const allocating = new Set<DeviceID>();
  if (!search(requests, 0, { allocated: context.allocated, allocating, chosen })) return { kind: 'unsatisfiable' };
  return { kind: 'allocated', claims: chosen.map((devices) => ({ devices: devices.map((device) => device.id), nodeSelector: nodeSelectorOf(devices, node) })) };
}

/**
 * createNodeSelector, simplified: a device of a node's own slice pins the claim to that node; otherwise the first
 * node selector of a slice it took; devices of allNodes slices reach every node.
 */
function nodeSelectorOf(devices: readonly Candidate[], node: NodeInfo): NodeSelector | undefined {
  if (devices.some((device) => device.slice.nodeName !== undefined)) {
    return toNodeSelector({ nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node.name] }] }] });
  }
  return devices.find((device) => device.slice.nodeSelector !== undefined)?.slice.nodeSelector;
}

/** GatherPools: the newest generation of each pool among the slices reaching the node; incomplete when slices are missing. */
function gatherPools(slices: readonly ResourceSlice[]): Pool[] {
  const pools = new Map<string, Pool>();
  for (const slice of slices) {
    const id = `${slice.driver}/${slice.pool}`;
    const pool = pools.get(id);
    if (!pool) pools.set(id, { id, slices: [slice], incomplete: false });
    else if (slice.generation > (pool.slices[0]?.generation ?? 0)) pool.slices.splice(0, pool.slices.length, slice);
    else if (slice.generation === pool.slices[0]?.generation) pool.slices.push(slice);
  }
  for (const pool of pools.values()) pool.incomplete = pool.slices.length !== pool.slices[0]?.resourceSliceCount;
  return [...pools.values()];
}

function requestData(claimIndex: number, claim: ClaimToAllocate, request: DeviceRequest, pools: readonly Pool[], context: AllocatorContext): RequestData | { readonly error: string } {
  const where = `claim ${claim.label}, request ${request.name}`;
  const deviceClass = context.catalog.classes.get(request.deviceClassName);
  if (!deviceClass) return { error: `${where}: could not retrieve device class ${request.deviceClassName}: deviceclass.resource.k8s.io "${request.deviceClassName}" not found` };
  const all = request.allocationMode === 'All';
  const candidates: Candidate[] = [];
  for (const pool of pools) {
    // ExactCount passes over incomplete pools; All cannot know what "all" is while a pool is being updated
    if (pool.incomplete) {
      if (all) return { error: `${where}: asks for all devices, but resource pool ${pool.id} is currently being updated` };
      continue;
    }
    for (const slice of pool.slices) {
      for (const device of slice.devices) {
        if (isSelectable(device, slice.driver, deviceClass, request, context.catalog)) candidates.push({ id: deviceID(slice.driver, slice.pool, device.name), device, slice });
      }
    }
  }
  return { claim: claimIndex, numDevices: all ? candidates.length : request.count, candidates, all };
}

/** resourceapi.AllocationResultsMaxSize: the devices one claim may get. */
const ALLOCATION_RESULTS_MAX_SIZE = 32;

/** The claims whose requests want more devices than one allocation result holds (Allocate's sanity check). */
function oversizedClaim(claims: readonly ClaimToAllocate[], requests: readonly RequestData[]): string | undefined {
  for (const [index, claim] of claims.entries()) {
    const wanted = requests.filter((request) => request.claim === index).reduce((sum, request) => sum + request.numDevices, 0);
    if (wanted > ALLOCATION_RESULTS_MAX_SIZE) return `claim ${claim.label}: number of requested devices ${wanted} exceeds the claim limit of ${ALLOCATION_RESULTS_MAX_SIZE}`;
  }
  return undefined;
}

/** isSelectable: the class's selectors, then the request's; PreFilter made sure none of them fails to evaluate. */
function isSelectable(device: Device, driver: string, deviceClass: DeviceClass, request: DeviceRequest, catalog: DeviceCatalog): boolean {
  return [...deviceClass.selectors, ...request.selectors].every((expression) => catalog.selectors.matches(expression, device, driver) === true);
}

interface SearchState {
  readonly allocated: ReadonlySet<DeviceID>;
  readonly allocating: Set<DeviceID>;
  readonly chosen: Candidate[][];
}

/**
 * allocateOne: devices for requests[index..], each request's devices in candidate order. Without constraints the order
 * among one request's devices does not matter, so each device is tried after the previous one only (the sets upstream's
 * search visits, without their permutations). "All" needs every candidate, and at least one.
 */
function search(requests: readonly RequestData[], index: number, state: SearchState): boolean {
  const request = requests[index];
  if (!request) return true;
  const isFree = (candidate: Candidate) => !state.allocated.has(candidate.id) && !state.allocating.has(candidate.id);
  if (request.all) {
    if (request.candidates.length === 0 || !request.candidates.every(isFree)) return false;
    return withDevices(request, request.candidates, state, () => search(requests, index + 1, state));
  }
  const free = request.candidates.filter(isFree);
  if (free.length < request.numDevices) return false;
  return choose(free, 0, request.numDevices, [], (picked) => withDevices(request, picked, state, () => search(requests, index + 1, state)));
}

/** Calls `next` with `count` of `free` from `start` on, in order, until it returns true. */
function choose(free: readonly Candidate[], start: number, count: number, picked: Candidate[], next: (picked: readonly Candidate[]) => boolean): boolean {
  if (count === 0) return next(picked);
  for (let i = start; i <= free.length - count; i++) {
    const candidate = free[i];
    if (!candidate) continue;
    picked.push(candidate);
    if (choose(free, i + 1, count - 1, picked, next)) return true;
    picked.pop();
  }
  return false;
}

/** Marks the devices as being allocated to the request's claim while `next` runs; keeps them when it succeeds. */
function withDevices(request: RequestData, devices: readonly Candidate[], state: SearchState, next: () => boolean): boolean {
  const claimDevices = state.chosen[request.claim] ?? [];
  for (const device of devices) {
    state.allocating.add(device.id);
    claimDevices.push(device);
  }
  if (next()) return true;
  for (const device of devices) state.allocating.delete(device.id);
  claimDevices.splice(claimDevices.length - devices.length, devices.length);
  return false;
}
