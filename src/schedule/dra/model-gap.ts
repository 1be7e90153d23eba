// Why kubefit cannot run DynamicResources for a pod as kube-scheduler would, if it cannot: the pod's claims are then
// left unchecked (resource-claims-not-checked) and it is placed as if it claimed nothing.
import { exactRequests, type DeviceCatalog, type ExactRequest, type ResourceClaimSpec } from './device-catalog.js';
import type { PodResourceClaim } from './pod-resource-claims.js';
import type { ExtendedResourceRequests } from './extended-resource-claim.js';

interface ClaimingPod {
  readonly namespace: string;
  readonly resourceClaims: readonly PodResourceClaim[];
  /** The device requests of its DRA-backed extended resources (dra/extended-resource-claim.ts). */
  readonly draExtendedResources?: ExtendedResourceRequests;
}

/** The gap of a snapshot that tells nothing of devices: the DynamicResources filter does not run at all. */
export const NO_DEVICES = 'the inputs hold no ResourceSlice or DeviceClass';

/**
 * Undefined when every claim can be allocated as upstream does; otherwise what stands in the way: a snapshot without
 * ResourceSlices and DeviceClasses, a slice or claim field kubefit does not model, a claim or template the snapshot
 * lacks, or a selector kubefit cannot evaluate on some device.
 */
export function draModelGap(pod: ClaimingPod, catalog: DeviceCatalog): string | undefined {
  if (catalog.isEmpty) return NO_DEVICES;
  if (catalog.unmodelled !== undefined) return `${catalog.unmodelled}, which kubefit does not model`;
  for (const claim of pod.resourceClaims) {
    const gap = claimGap(pod.namespace, claim, catalog);
    if (gap !== undefined) return gap;
  }
  for (const { requests } of pod.draExtendedResources?.values() ?? []) {
    const gap = requestsGap(requests, catalog);
    if (gap !== undefined) return gap;
  }
  return undefined;
}

function claimGap(namespace: string, claim: PodResourceClaim, catalog: DeviceCatalog): string | undefined {
  if (claim.kind === 'claim') {
    const found = catalog.claim(namespace, claim.claimName);
    if (!found) return `ResourceClaim "${claim.claimName}" is not among the inputs`;
    // upstream: foreachPodResourceClaim, in PreEnqueue: the pod waits, no scheduling attempt is made
    if (found.deleting) return `resourceclaim "${claim.claimName}" is being deleted, and kube-scheduler does not try the pod until it is gone`;
    return found.allocation ? undefined : specGap(found.spec, catalog);
  }
  const spec = catalog.template(namespace, claim.templateName);
  return spec ? specGap(spec, catalog) : `ResourceClaimTemplate "${claim.templateName}" is not among the inputs`;
}

function specGap(spec: ResourceClaimSpec, catalog: DeviceCatalog): string | undefined {
  if (spec.unmodelled !== undefined) return `${spec.unmodelled}, which kubefit does not model`;
  return requestsGap(exactRequests(spec), catalog);
}

/** The gap of the devices of a DeviceClass that backs an extended resource: an unmodelled slice, or a failing selector. */
export function deviceClassGap(deviceClassName: string, catalog: DeviceCatalog): string | undefined {
  if (catalog.unmodelled !== undefined) return `${catalog.unmodelled}, which kubefit does not model`;
  return selectorGap({ name: '', deviceClassName, selectors: [], allocationMode: 'ExactCount', count: 1, adminAccess: false }, catalog);
}

function requestsGap(requests: readonly ExactRequest[], catalog: DeviceCatalog): string | undefined {
  for (const request of requests) {
    const gap = selectorGap(request, catalog);
    if (gap !== undefined) return gap;
  }
  return undefined;
}

/**
 * A selector of the request or its class that fails to compile or evaluate on a device (upstream: an Error status).
 * As the allocator evaluates them, a device meets the class's selectors first, then the request's, and the first one
 * it fails ends its turn: a request selector that reads a GPU driver's attributes never runs on the devices of another
 * driver that the class's `device.driver == ...` turned away (upstream: allocator_stable.go isSelectable, selectorsMatch).
 */
function selectorGap(request: ExactRequest, catalog: DeviceCatalog): string | undefined {
  const deviceClass = catalog.classes.get(request.deviceClassName);
  // PreFilter refuses a request of a class that does not exist before any selector runs
  if (!deviceClass) return undefined;
  const expressions = [...deviceClass.selectors, ...request.selectors];
  for (const { device, driver } of catalog.devices()) {
    for (const expression of expressions) {
      const result = catalog.selectors.matches(expression, device, driver);
      if (typeof result === 'object') return `the selector ${JSON.stringify(expression)} fails on device "${device.name}" of driver ${driver} (${result.error})`;
      if (!result) break;
    }
  }
  return undefined;
}
