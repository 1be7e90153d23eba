// DynamicResources' special claim for the extended resources a DeviceClass backs (DRAExtendedResource, v1.36+): on a
// node that advertises none of such a resource, its devices are allocated like a ResourceClaim's, with one request of
// the class per container and resource whose count is the container's quantity. Non-sidecar init containers run one
// after another: each reuses the devices of the containers that start after it and they share one request, the largest.
// upstream: pkg/scheduler/framework/plugins/dynamicresources/extendeddynamicresources.go createRequestsAndMappings,
// createResourceRequestAndMappings, partitionContainerIndices, filterExtendedResources (v1.36; kubernetes#134882)
import { appendAll } from '../../model/append.js';
import { asArray, asRecord } from '../../model/object.js';
import type { NodeInfo } from '../node-info.js';
import { containerRequests, type ResourceAmounts } from '../resources.js';
import { isExtendedResourceName } from '../plugins/node-resources-fit.js';
import { DEVICE_CLASS_RESOURCE_PREFIX } from '../dra-extended-resources.js';
import type { ClaimToAllocate } from './allocator.js';
import type { ExactRequest } from './device-catalog.js';

/** An extended resource the pod requests that a DeviceClass backs: the class, and the device requests for it. */
export interface ExtendedResourceDevices {
  readonly deviceClassName: string;
  readonly requests: readonly ExactRequest[];
}

/** The pod's DRA-backed extended resources by name. */
export type ExtendedResourceRequests = ReadonlyMap<string, ExtendedResourceDevices>;

/** specialClaimInMemName: the claim gets its name only when PreBind creates it. */
const SPECIAL_CLAIM_IN_MEM_NAME = '<extended-resources>';

/** The device requests of the `backed` resources (resource name → DeviceClass), in upstream's order of resources. */
export function extendedResourceRequests(spec: Readonly<Record<string, unknown>>, backed: ReadonlyMap<string, string>): ExtendedResourceRequests {
  const initContainers = asArray(spec['initContainers']);
  const containers = [...initContainers, ...asArray(spec['containers'])].map((container, index) => ({
    index,
    requests: containerRequests(container, () => [], []),
    shortLived: index < initContainers.length && asRecord(container)?.['restartPolicy'] !== 'Always',
  }));
  const out = new Map<string, ExtendedResourceDevices>();
  for (const [resource, deviceClassName] of [...backed].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const longLived: (ExactRequest | undefined)[] = containers.map(({ index, requests, shortLived }) => (shortLived ? undefined : containerRequest({ index, requests, resource, deviceClassName }, [])));
    let largestShortLived: ExactRequest | undefined;
    for (const { index, requests, shortLived } of containers) {
      if (!shortLived) continue;
      const request = containerRequest({ index, requests, resource, deviceClassName }, longLived.slice(index));
      if (request && (!largestShortLived || largestShortLived.count < request.count)) largestShortLived = request;
    }
    out.set(resource, { deviceClassName, requests: [...(largestShortLived ? [largestShortLived] : []), ...longLived.filter((request) => request !== undefined)] });
  }
  return out;
}

interface ContainerResource {
  readonly index: number;
  readonly requests: ReadonlyMap<string, { readonly numerator: bigint; readonly denominator: bigint }>;
  readonly resource: string;
  readonly deviceClassName: string;
}

/**
 * createResourceRequestAndMappings: the container's request of the resource less the devices of `reusable` (taken in
 * order until they cover it), named after the container's index and the resource's among its sorted request names.
 */
function containerRequest({ index, requests, resource, deviceClassName }: ContainerResource, reusable: readonly (ExactRequest | undefined)[]): ExactRequest | undefined {
  const quantity = requests.get(resource);
  // Quantity.AsInt64: a whole number of devices, or none
  if (!quantity || quantity.numerator % quantity.denominator !== 0n) return undefined;
  const wanted = Number(quantity.numerator / quantity.denominator);
  if (wanted === 0) return undefined;
  let reused = 0;
  for (const request of reusable) {
    if (!request) continue;
    reused += request.count;
    if (reused >= wanted) return undefined;
  }
  const names = [...requests.keys()].sort();
  return { name: `container-${index}-request-${names.indexOf(resource)}`, deviceClassName, selectors: [], allocationMode: 'ExactCount', count: wanted - reused, adminAccess: false };
}

/**
 * filterExtendedResources: the pod's special claim on `node`, with the requests of the resources the node advertises
 * none of (allocatable 0); undefined when the node advertises them all (device plugins serve them), 'unfit' when the
 * pod requests an extended resource that neither the node advertises nor a DeviceClass backs ("cannot fit resource").
 */
export function extendedResourceClaim(pod: { readonly namespace: string; readonly requests: ResourceAmounts; readonly draExtendedResources: ExtendedResourceRequests }, node: NodeInfo): ClaimToAllocate | 'unfit' | undefined {
  let requests: ExactRequest[] | undefined;
  for (const name in pod.requests) {
    if (!isDRAExtendedResourceName(name) || pod.requests[name] === 0n) continue;
    const allocatable = node.allocatable[name];
    const backedBy = pod.draExtendedResources.get(name);
    if (backedBy && (allocatable ?? 0n) === 0n) appendAll((requests ??= []), backedBy.requests);
    else if (allocatable === undefined) return 'unfit';
  }
  if (!requests) return undefined;
  requests.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { label: `${pod.namespace}/${SPECIAL_CLAIM_IN_MEM_NAME}`, spec: { requests: requests.map((request) => ({ name: request.name, choices: [request] })), constraints: [], unmodelled: undefined } };
}

/** schedutil.IsDRAExtendedResourceName: an extended resource name, or a DeviceClass's implicit one. */
function isDRAExtendedResourceName(name: string): boolean {
  return isExtendedResourceName(name) || name.startsWith(DEVICE_CLASS_RESOURCE_PREFIX);
}
