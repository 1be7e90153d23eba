// DynamicResources: a pod's ResourceClaims must be allocatable on the node (structured parameters, v1 API), and from
// v1.36 so must the devices of the extended resources a DeviceClass backs that the node does not advertise (the special
// claim, dra/extended-resource-claim.ts).
// upstream: pkg/scheduler/framework/plugins/dynamicresources/dynamicresources.go PreFilter, Filter, Reserve (v1.35,
// v1.36); statusUnschedulable makes every rejection UnschedulableAndUnresolvable
import { SUCCESS, definePlugin, unresolvable, type ClusterState, type PreFilterResult } from '../framework.js';
import type { NodeInfo } from '../node-info.js';
import type { PodInfo } from '../pod-info.js';
import { DYNAMIC_RESOURCES_SINCE } from '../preemption/dynamic-resources.js';
import { draModelGap } from '../dra/model-gap.js';
import { allocate, type AllocationOutcome, type ClaimToAllocate } from '../dra/allocator.js';
import { claimsDevices, DeviceUsage, resolveClaims, type ResolvedClaim } from '../dra/device-usage.js';
import { extendedResourceClaim } from '../dra/extended-resource-claim.js';
import { exactRequests, type DeviceCatalog } from '../dra/device-catalog.js';
import { matchesNodeSelector } from '../../model/labels.js';

export const ERR_CANNOT_ALLOCATE = 'cannot allocate all claims';
/** upstream: ErrFailedAllocationOnNode from Allocate, a per-node Unschedulable status (v1.36). */
export const ERR_INVALID_POOLS = 'invalid resource pools were encountered';
export const ERR_NOT_AVAILABLE = 'resourceclaim not available on the node';
export const ERR_IN_USE = 'resourceclaim in use';
export const ERR_CANNOT_FIT_RESOURCE = 'cannot fit resource';

export interface DynamicResourcesState {
  readonly catalog: DeviceCatalog;
  readonly usage: DeviceUsage;
  readonly claims: readonly ResolvedClaim[];
  /** The claims the scheduler allocates itself (those without an allocation). */
  readonly toAllocate: readonly ClaimToAllocate[];
}

export default definePlugin<DynamicResourcesState>({
  name: 'DynamicResources',
  preFilter: preFilterDynamicResources,
  filter(pod, node, state) {
    const outcome = allocateOnNode(pod, node, state);
    if (outcome === 'unfit') return unresolvable(ERR_CANNOT_FIT_RESOURCE);
    // upstream: an allocator error is an Error status that aborts the attempt; kubefit reports it as the node's reason
    if (outcome?.kind === 'error') return unresolvable(outcome.message);
    if (outcome?.kind === 'unsatisfiable') return unresolvable(outcome.invalidPools ? ERR_INVALID_POOLS : ERR_CANNOT_ALLOCATE);
    const unavailable = state.claims.some(({ allocation }) => allocation !== undefined && (allocation.bindingFailed || (allocation.nodeSelector !== undefined && !matchesNodeSelector(allocation.nodeSelector, node.labels, node.name))));
    return unavailable ? unresolvable(ERR_NOT_AVAILABLE) : SUCCESS;
  },
  // Reserve: the devices a pod placed earlier got are in use, and a claim it shares with this pod is allocated now.
  addPod(state, pod, added, node) {
    if (!claimsDevices(added)) return state;
    return refreshed(state, pod, state.usage.withPod(added, node));
  },
  changedNode(state, pod, before, after) {
    if (!before.pods.some(claimsDevices) && !after.pods.some(claimsDevices)) return state;
    return refreshed(state, pod, state.usage.withNode(before, after));
  },
  // slices reach nodes by name, and an allocation's node selector may name them
  usesNodeName: () => true,
});

/** PreFilter: the pod's claims resolved and checked, and the devices in use; skipped where kubefit cannot allocate them. */
export function preFilterDynamicResources(pod: PodInfo, cluster: ClusterState): PreFilterResult<DynamicResourcesState> {
  // draExtendedResources is empty before v1.36
  if ((!pod.hasResourceClaims && pod.draExtendedResources.size === 0) || cluster.minor < DYNAMIC_RESOURCES_SINCE) return { kind: 'skip' };
  const catalog = cluster.devices;
  // claims kubefit cannot allocate as the scheduler would are left unchecked (resource-claims-not-checked)
  if (draModelGap(pod, catalog) !== undefined) return { kind: 'skip' };
  const usage = DeviceUsage.of(cluster.nodesWithPods(), catalog);
  const prepared = stateOf(pod, catalog, usage);
  return 'reject' in prepared ? { kind: 'reject', reason: prepared.reject } : { kind: 'state', state: prepared };
}

/**
 * Filter's allocation on the node: the pod's unallocated claims, then the special claim of its DRA-backed extended
 * resources ('unfit' when the node can hold them neither way); undefined when there is nothing to allocate.
 * upstream: dynamicresources.go Filter, filterExtendedResources
 */
export function allocateOnNode(pod: PodInfo, node: NodeInfo, state: DynamicResourcesState): AllocationOutcome | 'unfit' | undefined {
  const extended = pod.draExtendedResources.size > 0 ? extendedResourceClaim(pod, node) : undefined;
  if (extended === 'unfit') return 'unfit';
  const toAllocate = extended ? [...state.toAllocate, extended] : state.toAllocate;
  return toAllocate.length > 0 ? allocate(toAllocate, node, { catalog: state.catalog, allocated: state.usage.allocated }) : undefined;
}

function refreshed(state: DynamicResourcesState, pod: PodInfo, usage: DeviceUsage): DynamicResourcesState {
  const next = stateOf(pod, state.catalog, usage);
  return 'reject' in next ? { ...state, usage } : next;
}

/**
 * PreFilter's checks: an allocated claim that takes no more consumers is in use; an unallocated one names classes that
 * must exist.
 */
function stateOf(pod: PodInfo, catalog: DeviceCatalog, usage: DeviceUsage): DynamicResourcesState | { readonly reject: string } {
  const claims = resolveClaims(pod, catalog, usage);
  const toAllocate: ClaimToAllocate[] = [];
  for (const claim of claims) {
    if (claim.allocation) {
      if (!claim.reservable) return { reject: ERR_IN_USE };
      continue;
    }
    for (const request of exactRequests(claim.spec)) {
      // validateDeviceClass: a request without a class is an Error status, one whose class is missing Unschedulable
      if (request.deviceClassName === '') return { reject: `request ${request.name}: unsupported request type` };
      if (!catalog.classes.has(request.deviceClassName)) return { reject: `request ${request.name}: device class ${request.deviceClassName} does not exist` };
    }
    toAllocate.push({ label: claim.label, spec: claim.spec });
  }
  return { catalog, usage, claims, toAllocate };
}
