// The structured-parameters objects DynamicResources reads (resource.k8s.io/v1): DeviceClasses, ResourceSlices,
// ResourceClaims and ResourceClaimTemplates, as typed views, with what kubefit does not model named.
// upstream: staging/src/k8s.io/api/resource/v1/types.go; dynamic-resource-allocation/structured (v1.35)
import { matchesNodeSelector, toNodeSelector, type NodeSelector } from '../../model/labels.js';
import { asArray, asRecord, stringField, type KubeObject } from '../../model/object.js';
import type { NodeInfo } from '../node-info.js';
import { claimKey } from '../volumes/storage-catalog.js';
import { DeviceSelectors } from './device-selectors.js';
import { asResourceV1, type ResourceObject } from './v1beta1-conversion.js';
import { deviceTaintsOf, deviceTolerationsOf, type DeviceTaint, type DeviceToleration } from './device-taints.js';

/** A device attribute as CEL sees it: int, bool and string as such; a version is a value no string equals. */
export type AttributeValue = bigint | boolean | string | { readonly version: string };

export interface Device {
  readonly name: string;
  /**
   * Before 1.36 (DRADeviceBindingConditions off) a device with binding conditions is never selectable; with
   * DRAPartitionableDevices off one that consumes counters is never allocated (isSelectable, allocateDevice).
   */
  readonly bindingConditions: boolean;
  readonly consumesCounters: boolean;
  /** From 1.36 (DRADeviceTaints): the device's taints (none when absent, and before 1.36, which ignores them). */
  readonly taints?: readonly DeviceTaint[];
  /** Fully qualified attribute names (an unqualified one gets the driver's domain) to values. */
  readonly attributes: ReadonlyMap<string, AttributeValue>;
  /** Fully qualified capacity names to quantities as written. */
  readonly capacity: ReadonlyMap<string, string>;
}

export interface ResourceSlice {
  readonly name: string;
  readonly driver: string;
  readonly pool: string;
  readonly generation: number;
  readonly resourceSliceCount: number;
  readonly nodeName: string | undefined;
  readonly allNodes: boolean;
  readonly nodeSelector: NodeSelector | undefined;
  readonly devices: readonly Device[];
}

export interface DeviceClass {
  readonly name: string;
  readonly selectors: readonly string[];
}

/** A request's `exactly`, or one of its `firstAvailable` subrequests (named "<request>/<subrequest>"). */
export interface ExactRequest {
  readonly name: string;
  readonly deviceClassName: string;
  readonly selectors: readonly string[];
  readonly allocationMode: 'ExactCount' | 'All';
  readonly count: number;
  /**
   * DRAAdminAccess (on wherever DynamicResources runs by default, v1.34 on): the request may take devices other claims
   * hold, and its devices stay free for them.
   */
  readonly adminAccess: boolean;
  /** From 1.36 (DRADeviceTaints): the device taints the request tolerates (none when absent). */
  readonly tolerations?: readonly DeviceToleration[];
}

/** A DeviceRequest: its one exact request, or its subrequests in order of preference (DRAPrioritizedList). */
export interface DeviceRequest {
  readonly name: string;
  readonly choices: readonly ExactRequest[];
}

/** A matchAttribute constraint: the devices of `requests` (all of the claim's when empty) share the attribute's value. */
export interface MatchAttribute {
  readonly requests: readonly string[];
  /** Fully qualified attribute name. */
  readonly attribute: string;
}

/** A device allocated to a claim (DeviceRequestAllocationResult's driver, pool and device). */
export type DeviceID = string;

export function deviceID(driver: string, pool: string, device: string): DeviceID {
  return `${driver}/${pool}/${device}`;
}

/** A pool's PoolID as upstream prints it: "<driver>/<pool>". */
export function poolID(slice: Pick<ResourceSlice, 'driver' | 'pool'>): string {
  return `${slice.driver}/${slice.pool}`;
}

export interface ResourceClaimSpec {
  readonly requests: readonly DeviceRequest[];
  readonly constraints: readonly MatchAttribute[];
  /** Why kubefit cannot allocate the claim as the scheduler would (a field it does not model), if so. */
  readonly unmodelled: string | undefined;
}

export interface Allocation {
  readonly devices: readonly DeviceID[];
  readonly nodeSelector: NodeSelector | undefined;
  /** The request of each result, admin access or not ("<request>/<subrequest>" for a firstAvailable one). */
  readonly requests: readonly string[];
  /**
   * From v1.36 (DRADeviceBindingConditions with DRAResourceClaimDeviceStatus): a result's binding failure condition is
   * True in status.devices, so the claim is available on no node (dynamicresources.go isClaimReadyForBinding).
   */
  readonly bindingFailed: boolean;
}

export interface ResourceClaim {
  readonly namespace: string;
  readonly name: string;
  readonly spec: ResourceClaimSpec;
  readonly allocation: Allocation | undefined;
  /** status.reservedFor: the pods (by name) using the claim. */
  readonly reservedFor: readonly string[];
  /** metadata.deletionTimestamp is set. */
  readonly deleting: boolean;
}

/** resourceapi.ResourceClaimReservedForMaxSize: an allocated claim reserved this often takes no more pods. */
export const RESERVED_FOR_MAX_SIZE = 256;

/**
 * DRADeviceTaints, DRAPartitionableDevices, DRADeviceBindingConditions and DRAConsumableCapacity are alpha (off)
 * before 1.36 and beta (on) from it (kube_features.go): before, the allocator ignores device taints, request
 * tolerations and capacity, passes over slices with per-device node selection (GatherPools) and the devices above;
 * from 1.36 kubefit does not model them.
 */
const DRA_DEVICE_GATES_SINCE = 36;

/**
 * How GatherPools and the allocator treat incomplete and invalid pools (a pool whose slices repeat a device name is
 * invalid), and in what order they try pools. With each release's default gates (DRAAdminAccess and DRAPrioritizedList
 * on from 1.34; DRADeviceBindingConditions and DRAConsumableCapacity from 1.36) structured/allocator.go picks the
 * "incubating" allocator. upstream: structured/internal/incubating/pools_incubating.go GatherPools, checkSlicesInPool,
 * buildPool, poolIsInvalid; allocator_incubating.go Allocate, validateDeviceRequest, allocateOne (v0.34.9, v0.35.6,
 * v0.36.2)
 */
export interface PoolRules {
  /**
   * From v1.35 a pool the node sees only part of counts all its slices of that generation, wherever they reach
   * (checkSlicesInPool): a pool whose slices target different nodes is complete, and one with a newer generation
   * elsewhere is obsolete and ignored. Before, only the slices that reach the node count.
   */
  readonly countsWholePool: boolean;
  /**
   * From v1.35 ExactCount passes over incomplete and invalid pools, and a node without a solution but with an invalid
   * pool says so ("invalid resource pools were encountered"). Before, ExactCount takes the devices of an incomplete
   * pool, and reaching an invalid pool in the search ends it with an error ("pool <pool> is invalid: ...").
   */
  readonly skipsUnusablePools: boolean;
  /** Before v1.35 an incomplete pool is checked for repeated device names too (poolIsInvalid); from v1.35 only complete ones (buildPool). */
  readonly validatesIncompletePools: boolean;
  /**
   * From v1.36 pools are tried in order of driver and pool name, and a pool's slices in order of name (sortPoolsByID,
   * sortSlicesByName: first fit takes the devices of the first); before, in no set order (kubefit: the inputs').
   */
  readonly ordersByName: boolean;
}

function poolRulesOf(minor: number): PoolRules {
  return { countsWholePool: minor >= 35, skipsUnusablePools: minor >= 35, validatesIncompletePools: minor < 35, ordersByName: minor >= 36 };
}

/** Fields of a slice, device or request that kubefit does not model from 1.36 (partitionable devices, capacity...). */
const UNMODELLED_SLICE_FIELDS = ['perDeviceNodeSelection', 'sharedCounters'] as const;
const UNMODELLED_DEVICE_FIELDS = ['consumesCounters', 'bindingConditions', 'bindsToNode', 'allowMultipleAllocations', 'nodeName', 'nodeSelector', 'allNodes'] as const;
const UNMODELLED_REQUEST_FIELDS = ['capacity'] as const;

export class DeviceCatalog {
  readonly classes: ReadonlyMap<string, DeviceClass>;
  readonly slices: readonly ResourceSlice[];
  /** The CEL selectors' verdicts on the slices' devices, computed as asked. */
  readonly selectors: DeviceSelectors;
  /** Slices by spec.nodeName, and those that reach nodes by allNodes or a node selector. */
  readonly #byNodeName = new Map<string, ResourceSlice[]>();
  readonly #clusterWide: ResourceSlice[] = [];
  #allocated: Set<DeviceID> | undefined;
  readonly #memos = new WeakMap<ExactRequest, Map<string, unknown>>();
  readonly #claims: ReadonlyMap<string, ResourceClaim>;
  readonly #templates: ReadonlyMap<string, ResourceClaimSpec>;
  /** A slice field kubefit does not model, when one is used: then no claim is checked. */
  readonly unmodelled: string | undefined;
  readonly poolRules: PoolRules;
  /** Every slice by driver and pool, those GatherPools passes over included (checkSlicesInPool reads them all). */
  readonly #byPool = new Map<string, ResourceSlice[]>();

  private constructor(parts: { classes: Map<string, DeviceClass>; slices: ResourceSlice[]; allSlices: ResourceSlice[]; claims: Map<string, ResourceClaim>; templates: Map<string, ResourceClaimSpec>; unmodelled: string | undefined; poolRules: PoolRules }) {
    this.poolRules = parts.poolRules;
    this.classes = parts.classes;
    this.slices = parts.slices;
    this.#claims = parts.claims;
    this.#templates = parts.templates;
    this.unmodelled = parts.unmodelled;
    const domains: string[] = [];
    for (const slice of parts.slices) {
      if (slice.nodeName === undefined) this.#clusterWide.push(slice);
      else this.#byNodeName.set(slice.nodeName, [...(this.#byNodeName.get(slice.nodeName) ?? []), slice]);
      for (const device of slice.devices) for (const name of [...device.attributes.keys(), ...device.capacity.keys()]) domains.push(name.slice(0, name.indexOf('/')));
    }
    this.selectors = new DeviceSelectors(domains);
    for (const slice of parts.allSlices) {
      const id = poolID(slice);
      this.#byPool.set(id, [...(this.#byPool.get(id) ?? []), slice]);
    }
  }

  /** All slices of the pool `id` (poolID), whatever nodes they reach. */
  poolSlices(id: string): readonly ResourceSlice[] {
    return this.#byPool.get(id) ?? [];
  }

  /** The slices that offer devices to `node` (upstream: GatherPools' node matching), in the snapshot's order by kind. */
  slicesReaching(node: NodeInfo): ResourceSlice[] {
    const own = this.#byNodeName.get(node.name) ?? [];
    const wide = this.#clusterWide.filter((slice) => sliceReachesNode(slice, node));
    return wide.length === 0 ? own : [...own, ...wide];
  }

  /** `make()` for the request on the node, computed once per run (the catalog does not change). */
  memo<T>(request: ExactRequest, nodeName: string, make: () => T): T {
    let byNode = this.#memos.get(request);
    if (!byNode) this.#memos.set(request, (byNode = new Map()));
    if (!byNode.has(nodeName)) byNode.set(nodeName, make());
    return byNode.get(nodeName) as T;
  }

  /** The devices of every slice, with their drivers. */
  *devices(): Generator<{ readonly device: Device; readonly driver: string }> {
    for (const slice of this.slices) for (const device of slice.devices) yield { device, driver: slice.driver };
  }

  static of(objects: { readonly deviceClasses: readonly KubeObject[]; readonly resourceSlices: readonly KubeObject[]; readonly resourceClaims: readonly KubeObject[]; readonly resourceClaimTemplates: readonly KubeObject[] }, minor: number): DeviceCatalog {
    const gatesOn = minor >= DRA_DEVICE_GATES_SINCE;
    const classes = new Map<string, DeviceClass>();
    for (const object of objects.deviceClasses) if (!classes.has(object.ref.name)) classes.set(object.ref.name, toDeviceClass(object));
    const claims = new Map<string, ResourceClaim>();
    for (const object of objects.resourceClaims.map(asResourceV1)) {
      const key = claimKey(object.ref.namespace, object.ref.name);
      if (!claims.has(key)) claims.set(key, toResourceClaim(object, gatesOn));
    }
    const templates = new Map<string, ResourceClaimSpec>();
    for (const object of objects.resourceClaimTemplates.map(asResourceV1)) {
      const key = claimKey(object.ref.namespace, object.ref.name);
      if (!templates.has(key)) templates.set(key, toClaimSpec(asRecord(asRecord(object.value['spec'])?.['spec']), gatesOn));
    }
    const sliceObjects = objects.resourceSlices.map(asResourceV1);
    const allSlices = sliceObjects.map((object) => toResourceSlice(object, gatesOn));
    const slices = allSlices.filter((_, index) => gatesOn || asRecord(sliceObjects[index]?.value['spec'])?.['perDeviceNodeSelection'] === undefined);
    const unmodelled = gatesOn ? sliceObjects.map(unmodelledSliceField).find((field) => field !== undefined) : undefined;
    return new DeviceCatalog({ classes, slices, allSlices, claims, templates, unmodelled, poolRules: poolRulesOf(minor) });
  }

  static readonly EMPTY = DeviceCatalog.of({ deviceClasses: [], resourceSlices: [], resourceClaims: [], resourceClaimTemplates: [] }, 0);

  /** True when the cluster told nothing of its devices (no ResourceSlice, no DeviceClass): claims stay unchecked. */
  get isEmpty(): boolean {
    return this.slices.length === 0 && this.classes.size === 0;
  }

  claim(namespace: string, name: string): ResourceClaim | undefined {
    return this.#claims.get(claimKey(namespace, name));
  }

  template(namespace: string, name: string): ResourceClaimSpec | undefined {
    return this.#templates.get(claimKey(namespace, name));
  }

  /** Devices allocated to claims (admin access aside: those devices stay free), as ListAllAllocatedDevices gives them. */
  allocatedDevices(): ReadonlySet<DeviceID> {
    if (!this.#allocated) {
      this.#allocated = new Set();
      for (const claim of this.#claims.values()) for (const device of claim.allocation?.devices ?? []) this.#allocated.add(device);
    }
    return this.#allocated;
  }
}

/** upstream: pools_stable.go nodeMatches: a slice reaches a node by name, by allNodes or by its node selector. */
function sliceReachesNode(slice: ResourceSlice, node: NodeInfo): boolean {
  if (slice.nodeName !== undefined) return slice.nodeName === node.name;
  if (slice.allNodes) return true;
  return slice.nodeSelector !== undefined && matchesNodeSelector(slice.nodeSelector, node.labels, node.name);
}

function toDeviceClass(object: KubeObject): DeviceClass {
  return { name: object.ref.name, selectors: celSelectors(asRecord(object.value['spec'])?.['selectors']) };
}

/** The CEL expressions of `selectors`; a selector without one (a future kind) is kept as an empty expression. */
function celSelectors(selectors: unknown): string[] {
  return asArray(selectors).map((selector) => stringField(asRecord(asRecord(selector)?.['cel']), 'expression'));
}

function toResourceSlice(object: ResourceObject, gatesOn: boolean): ResourceSlice {
  const spec = asRecord(object.value['spec']) ?? {};
  const pool = asRecord(spec['pool']) ?? {};
  const driver = stringField(spec, 'driver');
  const selector = asRecord(spec['nodeSelector']);
  return {
    name: object.ref.name,
    driver,
    pool: stringField(pool, 'name'),
    generation: numberField(pool, 'generation') ?? 0,
    resourceSliceCount: numberField(pool, 'resourceSliceCount') ?? 0,
    nodeName: stringField(spec, 'nodeName') || undefined,
    allNodes: spec['allNodes'] === true,
    nodeSelector: selector ? toNodeSelector(selector) : undefined,
    devices: asArray(spec['devices']).map((device) => toDevice(asRecord(device) ?? {}, driver, gatesOn)),
  };
}

function toDevice(device: Readonly<Record<string, unknown>>, driver: string, gatesOn: boolean): Device {
  const attributes = new Map<string, AttributeValue>();
  for (const [name, raw] of Object.entries(asRecord(device['attributes']) ?? {})) {
    const value = attributeValue(asRecord(raw) ?? {});
    if (value !== undefined) attributes.set(qualified(name, driver), value);
  }
  const capacity = new Map<string, string>();
  for (const [name, raw] of Object.entries(asRecord(device['capacity']) ?? {})) {
    const value = asRecord(raw)?.['value'];
    if (typeof value === 'string' || typeof value === 'number') capacity.set(qualified(name, driver), String(value));
  }
  const listed = (field: string) => asArray(device[field]).length > 0;
  const taints = gatesOn ? deviceTaintsOf(device['taints']) : [];
  return { name: stringField(device, 'name'), bindingConditions: listed('bindingConditions'), consumesCounters: listed('consumesCounters'), attributes, capacity, ...(taints.length > 0 && { taints }) };
}

function attributeValue(attribute: Readonly<Record<string, unknown>>): AttributeValue | undefined {
  const { int, bool, string, version } = attribute;
  if (typeof int === 'number' && Number.isInteger(int)) return BigInt(int);
  if (typeof bool === 'boolean') return bool;
  if (typeof string === 'string') return string;
  if (typeof version === 'string') return { version };
  return undefined;
}

/** upstream: dynamic-resource-allocation/cel parseQualifiedName: a name without a domain belongs to the driver's. */
export function qualified(name: string, driver: string): string {
  return name.includes('/') ? name : `${driver}/${name}`;
}

function unmodelledSliceField(object: ResourceObject): string | undefined {
  const spec = asRecord(object.value['spec']) ?? {};
  const field = UNMODELLED_SLICE_FIELDS.find((name) => spec[name] !== undefined && spec[name] !== false);
  if (field) return `ResourceSlice "${object.ref.name}" sets spec.${field}`;
  for (const device of asArray(spec['devices'])) {
    const record = asRecord(device) ?? {};
    const deviceField = UNMODELLED_DEVICE_FIELDS.find((name) => record[name] !== undefined && record[name] !== false);
    if (deviceField) return `ResourceSlice "${object.ref.name}" sets ${deviceField} on device "${stringField(record, 'name')}"`;
  }
  return undefined;
}

function toResourceClaim(object: ResourceObject, gatesOn: boolean): ResourceClaim {
  const status = asRecord(object.value['status']);
  return {
    namespace: object.ref.namespace,
    name: object.ref.name,
    spec: toClaimSpec(asRecord(object.value['spec']), gatesOn),
    allocation: toAllocation(asRecord(status?.['allocation']), gatesOn ? asArray(status?.['devices']) : []),
    reservedFor: asArray(status?.['reservedFor']).map((consumer) => stringField(asRecord(consumer), 'name')),
    deleting: asRecord(object.value['metadata'])?.['deletionTimestamp'] != null,
  };
}

function toAllocation(allocation: Readonly<Record<string, unknown>> | undefined, deviceStatuses: readonly unknown[]): Allocation | undefined {
  if (!allocation) return undefined;
  const results = asArray(asRecord(allocation['devices'])?.['results']).map((result) => asRecord(result) ?? {});
  const selector = asRecord(allocation['nodeSelector']);
  return {
    devices: results.filter((result) => result['adminAccess'] !== true).map((result) => deviceID(stringField(result, 'driver'), stringField(result, 'pool'), stringField(result, 'device'))),
    nodeSelector: selector ? toNodeSelector(selector) : undefined,
    requests: results.map((result) => stringField(result, 'request')),
    bindingFailed: hasFailedBinding(results, deviceStatuses),
  };
}

/**
 * isClaimReadyForBinding's error: going through the results with binding conditions, one whose device has a binding
 * failure condition True in status.devices, before one whose device has no status or is not ready yet ends the check.
 */
function hasFailedBinding(results: readonly Readonly<Record<string, unknown>>[], deviceStatuses: readonly unknown[]): boolean {
  for (const result of results) {
    const bindingConditions = asArray(result['bindingConditions']);
    if (bindingConditions.length === 0) continue;
    const status = deviceStatuses.map((entry) => asRecord(entry) ?? {}).find((entry) => ['driver', 'pool', 'device'].every((key) => entry[key] === result[key]));
    if (!status) return false;
    const conditions = asArray(status['conditions']).map((condition) => asRecord(condition) ?? {});
    // apimeta.FindStatusCondition: the condition of that type
    const isTrue = (type: unknown) => conditions.find((condition) => condition['type'] === type)?.['status'] === 'True';
    if (asArray(result['bindingFailureConditions']).some(isTrue)) return true;
    if (!bindingConditions.every(isTrue)) return false;
  }
  return false;
}

function toClaimSpec(spec: Readonly<Record<string, unknown>> | undefined, gatesOn: boolean): ResourceClaimSpec {
  const devices = asRecord(spec?.['devices']) ?? {};
  const unmodelled: string[] = [];
  const fields = gatesOn ? UNMODELLED_REQUEST_FIELDS : [];
  const requests = asArray(devices['requests']).map((raw) => toDeviceRequest(asRecord(raw) ?? {}, { fields, unmodelled, gatesOn }));
  const constraints = asArray(devices['constraints']).flatMap((raw, index) => {
    const constraint = asRecord(raw) ?? {};
    const attribute = constraint['matchAttribute'];
    if (typeof attribute === 'string') return [{ requests: asArray(constraint['requests']).filter((name): name is string => typeof name === 'string'), attribute }];
    unmodelled.push(`constraint #${index} without matchAttribute`);
    return [];
  });
  return { requests, constraints, unmodelled: unmodelled[0] };
}

function toDeviceRequest(request: Readonly<Record<string, unknown>>, { fields, unmodelled, gatesOn }: { readonly fields: readonly string[]; readonly unmodelled: string[]; readonly gatesOn: boolean }): DeviceRequest {
  const name = stringField(request, 'name');
  const exactly = asRecord(request['exactly']);
  const subrequests = exactly ? [{ name, request: exactly }] : asArray(request['firstAvailable']).map((raw) => ({ name: `${name}/${stringField(asRecord(raw), 'name')}`, request: asRecord(raw) ?? {} }));
  if (subrequests.length === 0) unmodelled.push(`request "${name}" with neither exactly nor firstAvailable`);
  const choices = subrequests.map((choice) => {
    const field = fields.find((key) => choice.request[key] !== undefined && choice.request[key] !== false);
    if (field) unmodelled.push(`request "${choice.name}" sets ${field}`);
    return toExactRequest(choice.name, choice.request, gatesOn);
  });
  return { name, choices };
}

function toExactRequest(name: string, request: Readonly<Record<string, unknown>>, gatesOn: boolean): ExactRequest {
  const tolerations = gatesOn ? deviceTolerationsOf(request['tolerations']) : [];
  return {
    name,
    deviceClassName: stringField(request, 'deviceClassName'),
    selectors: celSelectors(request['selectors']),
    allocationMode: request['allocationMode'] === 'All' ? 'All' : 'ExactCount',
    count: numberField(request, 'count') ?? 1,
    adminAccess: request['adminAccess'] === true,
    ...(tolerations.length > 0 && { tolerations }),
  };
}

/** Every exact request and subrequest of the claim. */
export function exactRequests(spec: ResourceClaimSpec): ExactRequest[] {
  return spec.requests.flatMap((request) => request.choices);
}

function numberField(record: Readonly<Record<string, unknown>>, key: string): number | undefined {
  const value = record[key];
  return typeof value === 'number' ? value : undefined;
}
