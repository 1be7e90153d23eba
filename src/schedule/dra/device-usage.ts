// Which devices are in use: those of the snapshot's allocated claims, and those the dry-run allocated to the pods it
// placed (upstream: the assume cache's allocations, ListAllAllocatedDevices, and Reserve for each placed pod).
import { appendAll } from '../../model/append.js';
import type { NodeInfo } from '../node-info.js';
import type { PodInfo } from '../pod-info.js';
import { allocate, allocationNodeSelector, type ClaimToAllocate } from './allocator.js';
import { extendedResourceClaim } from './extended-resource-claim.js';
import type { Allocation, DeviceCatalog, DeviceID, ResourceClaimSpec } from './device-catalog.js';
import { exactRequests, RESERVED_FOR_MAX_SIZE } from './device-catalog.js';
import { claimKey } from '../volumes/storage-catalog.js';

/** A pod's claim as PreFilter sees it. */
export interface ResolvedClaim {
  /** namespace/name, as klog.KObj prints it (a claim still to be generated from a template has no name yet). */
  readonly label: string;
  readonly spec: ResourceClaimSpec;
  /** The snapshot's allocation, or the one the dry-run assumed for a claim an earlier pod shares. */
  readonly allocation: Allocation | undefined;
  /** resourceclaim.CanBeReserved or IsReservedForPod: room in status.reservedFor, or the pod already in it. */
  readonly reservable: boolean;
}

/** What the dry-run allocated on one node: devices, and the allocations of named (shareable) claims. */
interface NodeAllocations {
  readonly devices: readonly DeviceID[];
  readonly claims: ReadonlyMap<string, Allocation>;
}

const NOTHING: NodeAllocations = { devices: [], claims: new Map() };

export class DeviceUsage {
  readonly #catalog: DeviceCatalog;
  readonly #byNode: ReadonlyMap<string, NodeAllocations>;
  /** The devices in use: the snapshot's and the dry-run's. */
  readonly allocated: { has(device: DeviceID): boolean };

  private constructor(catalog: DeviceCatalog, byNode: ReadonlyMap<string, NodeAllocations>) {
    this.#catalog = catalog;
    this.#byNode = byNode;
    const snapshot = catalog.allocatedDevices();
    const assumed = new Set<DeviceID>();
    for (const { devices } of byNode.values()) for (const device of devices) assumed.add(device);
    this.allocated = { has: (device) => snapshot.has(device) || assumed.has(device) };
  }

  /**
   * The usage of the nodes' pods, node after node; a pod whose claims the snapshot allocated adds nothing (a
   * cluster's bound pods, so PreFilter replays only the pods the dry run placed).
   */
  static of(nodes: readonly NodeInfo[], catalog: DeviceCatalog): DeviceUsage {
    let usage = new DeviceUsage(catalog, new Map());
    for (const node of nodes) if (node.pods.some((pod) => needsAllocation(pod, catalog))) usage = usage.withNode(node, node);
    return usage;
  }

  /** The allocation the dry-run assumed for the named claim, if any. */
  assumed(namespace: string, name: string): Allocation | undefined {
    for (const { claims } of this.#byNode.values()) {
      const allocation = claims.get(claimKey(namespace, name));
      if (allocation) return allocation;
    }
    return undefined;
  }

  /** Reserve for `pod` placed on `node`: its unallocated claims get devices there. */
  withPod(pod: PodInfo, node: NodeInfo): DeviceUsage {
    const byNode = new Map(this.#byNode);
    byNode.set(node.name, this.#reserve(pod, node, byNode.get(node.name) ?? NOTHING));
    return new DeviceUsage(this.#catalog, byNode);
  }

  /** The usage with `before`'s pods replaced by `after`'s (a preemption's what-if node), replayed in order. */
  withNode(before: NodeInfo, after: NodeInfo): DeviceUsage {
    const byNode = new Map(this.#byNode);
    byNode.delete(before.name);
    let usage = new DeviceUsage(this.#catalog, byNode);
    for (const pod of after.pods) if (claimsDevices(pod)) usage = usage.withPod(pod, after);
    return usage;
  }

  #reserve(pod: PodInfo, node: NodeInfo, mine: NodeAllocations): NodeAllocations {
    const claims = podClaims(pod, this.#catalog, this);
    if (claims === undefined) return mine;
    const pending: { readonly key: string | undefined; readonly resolved: ClaimToAllocate }[] = claims.filter((claim) => claim.resolved.allocation === undefined && exactRequests(claim.resolved.spec).every((request) => this.#catalog.classes.has(request.deviceClassName)));
    // the special claim of a pod the dry run placed (a bound pod's is among the snapshot's claims, if at all)
    const extended = placedWithExtendedResources(pod) ? extendedResourceClaim(pod, node) : undefined;
    if (extended !== undefined && extended !== 'unfit') pending.push({ key: undefined, resolved: extended });
    if (pending.length === 0) return mine;
    const toAllocate: ClaimToAllocate[] = pending.map(({ resolved }) => ({ label: resolved.label, spec: resolved.spec }));
    const outcome = allocate(toAllocate, node, { catalog: this.#catalog, allocated: this.allocated });
    if (outcome.kind !== 'allocated') return mine;
    const devices = [...mine.devices];
    const named = new Map(mine.claims);
    outcome.claims.forEach((allocation, index) => {
      appendAll(devices, allocation.devices);
      const key = pending[index]?.key;
      if (key !== undefined) named.set(key, { devices: allocation.devices, nodeSelector: allocationNodeSelector(allocation, node.name), requests: allocation.requests, bindingFailed: false });
    });
    return { devices, claims: named };
  }
}

/** Whether the pod takes devices: it has ResourceClaims, or the dry run placed it with DRA-backed extended resources. */
export function claimsDevices(pod: PodInfo): boolean {
  return pod.hasResourceClaims || placedWithExtendedResources(pod);
}

/** A pod the dry run placed with DRA-backed extended resources, whose profile runs DynamicResources (Reserve). */
function placedWithExtendedResources(pod: PodInfo): boolean {
  return pod.draExtendedResources.size > 0 && pod.nodeName === undefined && (pod.profile === undefined || pod.profile.filters.some((plugin) => plugin.name === 'DynamicResources'));
}

/**
 * Whether the pod has a claim the snapshot has not allocated (one made from a template, or one still pending), or
 * extended resources backed by DRA that the dry run placed it with.
 */
function needsAllocation(pod: PodInfo, catalog: DeviceCatalog): boolean {
  return placedWithExtendedResources(pod) || pod.resourceClaims.some((entry) => entry.kind === 'template' || catalog.claim(pod.namespace, entry.claimName)?.allocation === undefined);
}

/** The pod's claims, or undefined when one is neither among the inputs nor to be made from a template they hold. */
export function resolveClaims(pod: PodInfo, catalog: DeviceCatalog, usage: DeviceUsage): ResolvedClaim[] {
  return (podClaims(pod, catalog, usage) ?? []).map(({ resolved }) => resolved);
}

function podClaims(pod: PodInfo, catalog: DeviceCatalog, usage: DeviceUsage): { readonly key: string | undefined; readonly resolved: ResolvedClaim }[] | undefined {
  const out: { key: string | undefined; resolved: ResolvedClaim }[] = [];
  for (const entry of pod.resourceClaims) {
    if (entry.kind === 'template') {
      const spec = catalog.template(pod.namespace, entry.templateName);
      if (!spec) return undefined;
      out.push({ key: undefined, resolved: { label: `${pod.namespace}/${pod.name}-${entry.name}`, spec, allocation: undefined, reservable: true } });
      continue;
    }
    const claim = catalog.claim(pod.namespace, entry.claimName);
    if (!claim) return undefined;
    const allocation = claim.allocation ?? usage.assumed(pod.namespace, entry.claimName);
    const reservable = claim.reservedFor.length < RESERVED_FOR_MAX_SIZE || claim.reservedFor.includes(pod.name);
    out.push({ key: claimKey(pod.namespace, entry.claimName), resolved: { label: `${pod.namespace}/${entry.claimName}`, spec: claim.spec, allocation, reservable } });
  }
  return out;
}
