// The structured-parameters allocator for one node: the devices of the pools the node reaches, handed out to a pod's
// unallocated claims request by request, with backtracking, as the allocator the default gates pick ("incubating")
// does for the v1 API.
// upstream: staging/src/k8s.io/dynamic-resource-allocation/structured/internal/incubating/allocator_incubating.go
// Allocate, validateDeviceRequest, allocateOne, allocateDevice, isSelectable; pools_incubating.go GatherPools, addSlice
// (v0.34.9, v0.35.6, v0.36.2; the stable allocator of a release is the incubating one of the release before)
import type { NodeSelector } from '../../model/labels.js';
import type { NodeInfo } from '../node-info.js';
import { deviceID, poolID, type Device, type DeviceCatalog, type DeviceClass, type DeviceID, type ExactRequest, type ResourceClaimSpec, type ResourceSlice } from './device-catalog.js';
import { MatchAttributeConstraint } from './match-attribute.js';
import { taintPreventsAllocation, type DeviceToleration } from './device-taints.js';

/** A claim the scheduler allocates: `label` names it in errors as klog.KObj does (namespace/name). */
export interface ClaimToAllocate {
  readonly label: string;
  readonly spec: ResourceClaimSpec;
}

/**
 * What one claim got: the devices it holds (those taken with admin access stay free for others), the slices of all it
 * took, and the request each went to ("<request>/<subrequest>" for a firstAvailable one).
 */
export interface ClaimAllocation {
  readonly devices: readonly DeviceID[];
  readonly slices: readonly ResourceSlice[];
  readonly requests: readonly string[];
}

export type AllocationOutcome =
  | { readonly kind: 'allocated'; readonly claims: readonly ClaimAllocation[] }
  /** `invalidPools`: an invalid pool reaches the node ("invalid resource pools were encountered"). */
  | { readonly kind: 'unsatisfiable'; readonly invalidPools: boolean }
  | { readonly kind: 'error'; readonly message: string };

export interface AllocatorContext {
  readonly catalog: DeviceCatalog;
  /** Devices allocated to other claims (the snapshot's and those the dry-run assumed). */
  readonly allocated: { has(device: DeviceID): boolean };
}

interface Candidate {
  readonly id: DeviceID;
  readonly device: Device;
  readonly slice: ResourceSlice;
}

/** A device taken for a request. */
interface Chosen {
  readonly candidate: Candidate;
  readonly request: string;
  readonly adminAccess: boolean;
}

interface Pool {
  readonly id: string;
  readonly slices: ResourceSlice[];
  incomplete: boolean;
  /** Complete, with a device name in more than one place (validateDeviceNames), where the release checks it. */
  invalid: boolean;
}

interface RequestData {
  readonly claim: number;
  /** The request's name, or "<request>/<subrequest>". */
  readonly name: string;
  readonly numDevices: number;
  /** The devices the request may take, in pool and slice order. */
  readonly candidates: readonly Candidate[];
  /** Before v1.35: the first invalid pool, after the candidates before `at`; a search that reaches it fails. */
  readonly invalidPool: InvalidPool | undefined;
  readonly all: boolean;
  readonly adminAccess: boolean;
  readonly tolerations: readonly DeviceToleration[];
}

interface InvalidPool {
  readonly at: number;
  readonly message: string;
}

/** One DeviceRequest: its exact request, or its subrequests to try in order (firstAvailable). */
type RequestChoices = readonly RequestData[];

/** Allocate's errors that end the search (a constraint an "All" request cannot meet). */
class AllocationError extends Error {}

/**
 * Devices for every claim on `node`, or why none can be found: 'unsatisfiable' when no combination of free devices
 * matches ("cannot allocate all claims", or from v1.36 "invalid resource pools were encountered" where an invalid pool
 * reaches the node), 'error' when upstream's Allocate fails (an incomplete or invalid pool asked for all devices, a
 * constraint all devices cannot meet, too many devices for one claim).
 */
export function allocate(claims: readonly ClaimToAllocate[], node: NodeInfo, context: AllocatorContext): AllocationOutcome {
  const requests: RequestChoices[] = [];
  for (const [index, claim] of claims.entries()) {
    for (const request of claim.spec.requests) {
      const choices = request.choices.map((choice) => requestData(index, claim, choice, node, context));
      const failed = choices.find((choice) => 'error' in choice);
      if (failed && 'error' in failed) return { kind: 'error', message: failed.error };
      requests.push(choices.filter((choice): choice is RequestData => !('error' in choice)));
    }
  }
  const oversized = oversizedClaim(claims, requests);
  if (oversized !== undefined) return { kind: 'error', message: oversized };
  const state: SearchState = {
    allocated: context.allocated,
    allocating: new Map(),
    chosen: claims.map(() => []),
    constraints: claims.map((claim) => claim.spec.constraints.map((constraint) => new MatchAttributeConstraint(constraint))),
    labels: claims.map((claim) => claim.label),
  };
  try {
    if (!search(requests, 0, state)) return { kind: 'unsatisfiable', invalidPools: context.catalog.poolRules.skipsUnusablePools && gatherPools(node, context.catalog).some((pool) => pool.invalid) };
  } catch (error) {
    if (error instanceof AllocationError) return { kind: 'error', message: error.message };
    throw error;
  }
  return {
    kind: 'allocated',
    claims: state.chosen.map((chosen) => ({
      devices: chosen.flatMap(({ candidate, adminAccess }) => (adminAccess ? [] : [candidate.id])),
      slices: chosen.map(({ candidate }) => candidate.slice),
      requests: chosen.map(({ request }) => request),
    })),
  };
}

/**
 * The nodes an allocation made on `node` reaches (createNodeSelector): a device of a node's own slice pins the claim to
 * that node (`metadata.name In [node]`); otherwise one term holding the requirements of every node selector of the
 * slices it took (each slice's one term: the claim needs a node all of them reach); devices of allNodes slices reach
 * every node (undefined).
 */
export function allocationNodeSelector(allocation: ClaimAllocation, nodeName: string): NodeSelector | undefined {
  if (allocation.slices.some((slice) => slice.nodeName !== undefined)) {
    return { terms: [{ labels: null, fields: [{ operator: 'In', name: nodeName }], parsed: true, nameIn: [[nodeName]] }] };
  }
  const terms = [...new Set(allocation.slices.map((slice) => slice.nodeSelector?.terms[0]))].filter((term) => term !== undefined);
  if (terms.length <= 1) return terms[0] && { terms };
  const labels = terms.flatMap((term) => term.labels?.requirements ?? []);
  const fields = terms.flatMap((term) => term.fields ?? []);
  return {
    terms: [
      {
        labels: labels.length > 0 ? { requirements: labels } : null,
        fields: fields.length > 0 ? fields : null,
        parsed: terms.every((term) => term.parsed),
        nameIn: terms.flatMap((term) => term.nameIn),
      },
    ],
  };
}

/**
 * GatherPools: the newest generation of each pool among the slices reaching the node, incomplete when slices are
 * missing, invalid when it repeats a device name (catalog.poolRules says how each release judges both).
 */
function gatherPools(node: NodeInfo, catalog: DeviceCatalog): Pool[] {
  const pools = new Map<string, Pool>();
  for (const slice of catalog.slicesReaching(node)) {
    const id = poolID(slice);
    const pool = pools.get(id);
    if (!pool) pools.set(id, { id, slices: [slice], incomplete: false, invalid: false });
    else if (slice.generation > (pool.slices[0]?.generation ?? 0)) pool.slices.splice(0, pool.slices.length, slice);
    else if (slice.generation === pool.slices[0]?.generation) pool.slices.push(slice);
  }
  const rules = catalog.poolRules;
  for (const pool of pools.values()) {
    const generation = pool.slices[0]?.generation ?? 0;
    let count = pool.slices.length;
    if (count !== pool.slices[0]?.resourceSliceCount && rules.countsWholePool) {
      // checkSlicesInPool: a newer generation the node does not see makes the pool obsolete
      const whole = catalog.poolSlices(pool.id);
      if (whole.some((slice) => slice.generation > generation)) {
        pools.delete(pool.id);
        continue;
      }
      count = whole.filter((slice) => slice.generation === generation).length;
    }
    pool.incomplete = count !== pool.slices[0]?.resourceSliceCount;
    pool.invalid = (rules.validatesIncompletePools || !pool.incomplete) && repeatedDeviceName(pool.slices) !== undefined;
    if (rules.ordersByName) pool.slices.sort((a, b) => compareNames(a.name, b.name));
  }
  const gathered = [...pools.values()];
  if (rules.ordersByName) gathered.sort((a, b) => compareNames(a.slices[0]?.driver ?? '', b.slices[0]?.driver ?? '') || compareNames(a.slices[0]?.pool ?? '', b.slices[0]?.pool ?? ''));
  return gathered;
}

/** cmp.Compare on Go strings (bytewise; the names are ASCII). */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** validateDeviceNames: a device name in two places of a pool. */
function repeatedDeviceName(slices: readonly ResourceSlice[]): string | undefined {
  const names = new Set<string>();
  for (const slice of slices) {
    for (const { name } of slice.devices) {
      if (names.has(name)) return name;
      names.add(name);
    }
  }
  return undefined;
}

function requestData(claimIndex: number, claim: ClaimToAllocate, request: ExactRequest, node: NodeInfo, context: AllocatorContext): RequestData | { readonly error: string } {
  const where = `claim ${claim.label}, request ${request.name}`;
  const deviceClass = context.catalog.classes.get(request.deviceClassName);
  if (!deviceClass) return { error: `${where}: could not retrieve device class ${request.deviceClassName}: deviceclass.resource.k8s.io "${request.deviceClassName}" not found` };
  // what a request may take on a node does not change during a run: found once per request and node
  const found = context.catalog.memo(request, node.name, () => selectableDevices(request, deviceClass, node, context.catalog));
  if ('unusablePool' in found) return { error: `${where}: asks for all devices, but resource pool ${found.unusablePool.id} is currently ${found.unusablePool.incomplete ? 'being updated' : 'invalid'}` };
  const all = request.allocationMode === 'All';
  return { claim: claimIndex, name: request.name, numDevices: all ? found.candidates.length : request.count, candidates: found.candidates, invalidPool: found.invalidPool, all, adminAccess: request.adminAccess, tolerations: request.tolerations ?? [] };
}

/**
 * The devices of the node's pools that pass the selectors; an incomplete or invalid pool stops an All request. From
 * v1.35 ExactCount passes over such pools; before, it takes an incomplete pool's devices, and an invalid pool is an
 * error where the search reaches it (allocateOne).
 */
function selectableDevices(request: ExactRequest, deviceClass: DeviceClass, node: NodeInfo, catalog: DeviceCatalog): { readonly candidates: readonly Candidate[]; readonly invalidPool: InvalidPool | undefined } | { readonly unusablePool: Pool } {
  const candidates: Candidate[] = [];
  let invalidPool: InvalidPool | undefined;
  for (const pool of gatherPools(node, catalog)) {
    if (pool.incomplete || pool.invalid) {
      if (request.allocationMode === 'All') return { unusablePool: pool };
      if (catalog.poolRules.skipsUnusablePools) continue;
      if (pool.invalid) {
        invalidPool = { at: candidates.length, message: `pool ${pool.slices[0]?.pool ?? ''} is invalid: duplicate device name ${repeatedDeviceName(pool.slices) ?? ''}` };
        break;
      }
    }
    for (const slice of pool.slices) {
      for (const device of slice.devices) {
        if (isSelectable(device, slice.driver, deviceClass, request, catalog)) candidates.push({ id: deviceID(slice.driver, slice.pool, device.name), device, slice });
      }
    }
  }
  return { candidates, invalidPool };
}

/** resourceapi.AllocationResultsMaxSize: the devices one claim may get. */
const ALLOCATION_RESULTS_MAX_SIZE = 32;

/**
 * The claims whose requests want more devices than one allocation result holds (Allocate's sanity check; a request
 * with subrequests counts its smallest).
 */
function oversizedClaim(claims: readonly ClaimToAllocate[], requests: readonly RequestChoices[]): string | undefined {
  for (const [index, claim] of claims.entries()) {
    const wanted = requests.filter((choices) => choices[0]?.claim === index).reduce((sum, choices) => sum + choices.reduce((least, choice) => Math.min(least, choice.numDevices), Infinity), 0);
    if (wanted > ALLOCATION_RESULTS_MAX_SIZE) return `claim ${claim.label}: number of requested devices ${wanted} exceeds the claim limit of ${ALLOCATION_RESULTS_MAX_SIZE}`;
  }
  return undefined;
}

/** isSelectable: the class's selectors, then the request's; PreFilter made sure none of them fails to evaluate. */
function isSelectable(device: Device, driver: string, deviceClass: DeviceClass, request: ExactRequest, catalog: DeviceCatalog): boolean {
  if (device.bindingConditions) return false;
  return [...deviceClass.selectors, ...request.selectors].every((expression) => catalog.selectors.matches(expression, device, driver) === true);
}

interface SearchState {
  readonly allocated: AllocatorContext['allocated'];
  /** The claims (by index) taking each device so far. */
  readonly allocating: Map<DeviceID, number[]>;
  readonly chosen: Chosen[][];
  /** Each claim's matchAttribute constraints. */
  readonly constraints: readonly (readonly MatchAttributeConstraint[])[];
  readonly labels: readonly string[];
}

/**
 * allocateOne: devices for requests[index..], trying a request's subrequests in order. Constraints are monotonic and
 * decided by the set of devices, so each device of a request is tried after the previous one only (the sets upstream's
 * search visits, without their permutations). "All" needs every candidate, and at least one.
 */
function search(requests: readonly RequestChoices[], index: number, state: SearchState): boolean {
  const choices = requests[index];
  if (!choices) return true;
  const next = () => search(requests, index + 1, state);
  return choices.some((request) => (request.all ? takeAll(request, state, next) : choose(request, state, { start: 0, count: request.numDevices }, next)));
}

/**
 * Free for the request, and allocatable at all (a device that consumes counters never is while DRAPartitionableDevices
 * is off, nor one with a taint the request does not tolerate): with admin access, a device its own claim is not taking
 * yet; else one nobody holds or is taking.
 */
function isFree(candidate: Candidate, request: RequestData, state: SearchState): boolean {
  if (candidate.device.consumesCounters) return false;
  if (candidate.device.taints && taintPreventsAllocation(candidate.device.taints, request.tolerations)) return false;
  const takers = state.allocating.get(candidate.id);
  if (request.adminAccess) return !takers?.includes(request.claim);
  return !state.allocated.has(candidate.id) && (takers === undefined || takers.length === 0);
}

/** `count` more devices for the request from its candidates at `start` on, then `next`; rolled back on failure. */
function choose(request: RequestData, state: SearchState, from: { readonly start: number; readonly count: number }, next: () => boolean): boolean {
  if (from.count === 0) return next();
  const { invalidPool } = request;
  const last = invalidPool ? invalidPool.at - 1 : request.candidates.length - from.count;
  for (let i = from.start; i <= last; i++) {
    const candidate = request.candidates[i];
    if (!candidate || !isFree(candidate, request, state) || !take(request, candidate, state)) continue;
    if (choose(request, state, { start: i + 1, count: from.count - 1 }, next)) return true;
    release(request, state);
  }
  if (invalidPool) throw new AllocationError(invalidPool.message);
  return false;
}

/** Every candidate (all free, at least one), then `next`; a constraint one of them breaks is an error (must). */
function takeAll(request: RequestData, state: SearchState, next: () => boolean): boolean {
  if (request.candidates.length === 0 || !request.candidates.every((candidate) => isFree(candidate, request, state))) return false;
  let taken = 0;
  for (const candidate of request.candidates) {
    if (!take(request, candidate, state)) {
      for (; taken > 0; taken--) release(request, state);
      const [, requestName = request.name] = request.name.split('/');
      throw new AllocationError(`claim ${state.labels[request.claim] ?? ''}, request ${requestName}: cannot add device ${candidate.id} because a claim constraint would not be satisfied`);
    }
    taken++;
  }
  if (next()) return true;
  for (; taken > 0; taken--) release(request, state);
  return false;
}

/** allocateDevice: the device goes to the request's claim if the claim's constraints that cover the request accept it. */
function take(request: RequestData, candidate: Candidate, state: SearchState): boolean {
  const constraints = (state.constraints[request.claim] ?? []).filter((constraint) => constraint.covers(request.name));
  const added: MatchAttributeConstraint[] = [];
  for (const constraint of constraints) {
    if (!constraint.add(candidate.device)) {
      for (const undo of added) undo.remove();
      return false;
    }
    added.push(constraint);
  }
  const takers = state.allocating.get(candidate.id);
  if (takers) takers.push(request.claim);
  else state.allocating.set(candidate.id, [request.claim]);
  state.chosen[request.claim]?.push({ candidate, request: request.name, adminAccess: request.adminAccess });
  return true;
}

/** Undoes the request's last take. */
function release(request: RequestData, state: SearchState): void {
  const chosen = state.chosen[request.claim]?.pop();
  if (!chosen) return;
  state.allocating.get(chosen.candidate.id)?.pop();
  for (const constraint of state.constraints[request.claim] ?? []) if (constraint.covers(request.name)) constraint.remove();
}
