// NodeResourcesFit: the pod's requests must fit in the node's allocatable minus what its bound pods request.
// upstream: pkg/scheduler/framework/plugins/noderesources/fit.go fitsRequest (v1.35; status code before v1.34 by version)
import { SUCCESS, definePlugin, type FilterPlugin, type FilterResult } from '../framework.js';
import type { NodeInfo } from '../node-info.js';
import type { PodInfo } from '../pod-info.js';
import { CPU, EPHEMERAL_STORAGE, MEMORY, PODS, type ResourceAmounts } from '../resources.js';

export const ERR_REASON_TOO_MANY_PODS = 'Too many pods';

export function insufficient(resourceName: string): string {
  return `Insufficient ${resourceName}`;
}

export interface InsufficientResource {
  readonly resourceName: string;
  readonly reason: string;
  readonly requested: bigint;
  readonly used: bigint;
  readonly capacity: bigint;
}

const NAMED: readonly string[] = [CPU, MEMORY, EPHEMERAL_STORAGE];

/** The resources a pod's requests are checked for, in upstream's order (none when it requests nothing). */
const checkedNames = new WeakMap<ResourceAmounts, readonly string[]>();

function namesToCheck(requests: ResourceAmounts): readonly string[] {
  let names = checkedNames.get(requests);
  if (names === undefined) {
    names = [...NAMED, ...Object.keys(requests).filter((name) => !NAMED.includes(name) && name !== PODS)];
    if (names.every((name) => (requests[name] ?? 0n) === 0n)) names = [];
    checkedNames.set(requests, names);
  }
  return names;
}

/** NodeResourcesFitArgs' ignoredResources and ignoredResourceGroups (the part of an extended resource before "/"). */
export interface IgnoredResources {
  readonly names: ReadonlySet<string>;
  readonly groups: ReadonlySet<string>;
}

export const NO_IGNORED_RESOURCES: IgnoredResources = { names: new Set(), groups: new Set() };

/** v1helper.IsExtendedResourceName: domain-prefixed, outside kubernetes.io, not a quota "requests." name. */
export function isExtendedResourceName(name: string): boolean {
  return name.includes('/') && !name.includes('kubernetes.io/') && !name.startsWith('requests.');
}

function isIgnored(name: string, ignored: IgnoredResources): boolean {
  if (!isExtendedResourceName(name)) return false;
  return ignored.names.has(name) || (ignored.groups.size > 0 && ignored.groups.has(name.split('/')[0] ?? ''));
}

/**
 * Every resource the node is short of, in upstream's order: pods, cpu, memory, ephemeral-storage, scalars. A resource
 * of `draBacked` (PodInfo.draExtendedResources) is left to DynamicResources on a node without any of it allocatable.
 */
export function fitsRequest(requests: ResourceAmounts, node: NodeInfo, draBacked: { has(name: string): boolean }, ignored: IgnoredResources = NO_IGNORED_RESOURCES): InsufficientResource[] {
  const out: InsufficientResource[] = [];
  // Number() is exact below 2^53 and, above it, still far above any pod count.
  if (node.pods.length + 1 > Number(node.allowedPodNumber)) {
    out.push({ resourceName: PODS, reason: ERR_REASON_TOO_MANY_PODS, requested: 1n, used: BigInt(node.pods.length), capacity: node.allowedPodNumber });
  }
  for (const name of namesToCheck(requests)) {
    const requested = requests[name] ?? 0n;
    // before the node's amounts are read: most pods request no ephemeral-storage, and this runs per node class
    if (requested <= 0n) continue;
    const capacity = node.allocatable[name] ?? 0n;
    const used = node.requested[name] ?? 0n;
    // upstream: shouldDelegateResourceToDRA (v1.36)
    if (requested > capacity - used && !isIgnored(name, ignored) && !(capacity <= 0n && draBacked.has(name))) {
      out.push({ resourceName: name, reason: insufficient(name), requested, used, capacity });
    }
  }
  return out;
}

function filter(pod: PodInfo, node: NodeInfo, state: { minor: number; ignored: IgnoredResources }): FilterResult {
  const { minor, ignored } = state;
  const shortages = fitsRequest(pod.requests, node, pod.draExtendedResources, ignored);
  if (shortages.length === 0) return SUCCESS;
  const reasons = shortages.map((s) => s.reason);
  // v1.34+: a request that even an empty node could not hold makes the node unresolvable for this pod.
  const unresolvable = minor >= 34 && shortages.some((s) => s.resourceName !== PODS && s.requested > s.capacity);
  return { code: unresolvable ? 'UnschedulableAndUnresolvable' : 'Unschedulable', reasons };
}

/** The NodeResourcesFit filter, skipping the extended resources the profile's args ignore. */
export function nodeResourcesFitFilter(ignored: IgnoredResources): FilterPlugin {
  return definePlugin<{ minor: number; ignored: IgnoredResources }>({
    name: 'NodeResourcesFit',
    preFilter: (_pod, cluster) => ({ kind: 'state', state: { minor: cluster.minor, ignored } }),
    filter,
  });
}

export default nodeResourcesFitFilter(NO_IGNORED_RESOURCES);
