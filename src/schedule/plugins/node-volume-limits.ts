// NodeVolumeLimits: the CSI volumes a node attaches must stay within each driver's limit (CSINode allocatable.count).
// upstream: pkg/scheduler/framework/plugins/nodevolumelimits/csi.go CSILimits (v1.35); in-tree volumes migrated to
// CSI are not translated.
import { SUCCESS, definePlugin, unschedulable } from '../framework.js';
import type { NodeInfo } from '../node-info.js';
import type { PodInfo } from '../pod-info.js';
import { podClaims } from '../volumes/pod-claims.js';
import type { StorageCatalog } from '../volumes/storage-catalog.js';
import type { ClaimInfo } from '../volumes/storage-objects.js';

export const ERR_REASON_MAX_VOLUME_COUNT_EXCEEDED = 'node(s) exceed max volume count';

/** volumeutil.GetCSIAttachLimitKey: the node allocatable name of a driver's limit. */
const CSI_ATTACH_LIMIT_PREFIX = 'attachable-volumes-csi-';

/** getCSIDriverInfo: driver and volume handle of the claim's PV, else of its StorageClass's provisioner. */
function csiVolumeOf(claim: ClaimInfo, storage: StorageCatalog): { driver: string; handle: string } | undefined {
  const pv = claim.volumeName === '' ? undefined : storage.volume(claim.volumeName);
  if (pv) return pv.csi && pv.csi.driver !== '' && pv.csi.handle !== '' ? pv.csi : undefined;
  const provisioner = claim.className ? storage.storageClass(claim.className)?.provisioner : undefined;
  // Upstream prefixes a random string per scheduler; any prefix no real handle uses will do.
  return provisioner ? { driver: provisioner, handle: `\u0000${claim.namespace}/${claim.name}` } : undefined;
}

/** Unique volume name ("driver/handle") → limit key, for the pod's claims (missing claims are not counted). */
function attachableVolumes(pod: PodInfo, storage: StorageCatalog, into: Map<string, string>): void {
  for (const claim of podClaims(pod, storage).claims) {
    const csi = csiVolumeOf(claim, storage);
    if (csi) into.set(`${csi.driver}/${csi.handle}`, `${CSI_ATTACH_LIMIT_PREFIX}${csi.driver}`);
  }
}

/** getVolumeLimits: attachable-volumes-* of the node's allocatable, overridden by its CSINode's counts. */
function volumeLimits(node: NodeInfo, storage: StorageCatalog): Map<string, bigint> {
  const limits = new Map<string, bigint>();
  for (const [name, value] of Object.entries(node.allocatable)) if (name.startsWith('attachable-volumes-')) limits.set(name, value);
  for (const [driver, count] of storage.driverLimits(node.name) ?? []) limits.set(`${CSI_ATTACH_LIMIT_PREFIX}${driver}`, BigInt(count));
  return limits;
}

function countByKey(volumes: Iterable<string>): Map<string, bigint> {
  const counts = new Map<string, bigint>();
  for (const key of volumes) counts.set(key, (counts.get(key) ?? 0n) + 1n);
  return counts;
}

interface State {
  readonly storage: StorageCatalog;
  /** Some node has a limit: verdicts then depend on each node's own pods and CSINode. */
  readonly limited: boolean;
}

export default definePlugin<State>({
  name: 'NodeVolumeLimits',
  preFilter(pod, cluster) {
    if (!pod.volumes.some((v) => v.kind === 'claim' || v.kind === 'ephemeral')) return { kind: 'skip' };
    const { storage } = cluster;
    const limited = storage.hasDriverLimits() || cluster.nodes.some((node) => Object.keys(node.allocatable).some((name) => name.startsWith('attachable-volumes-')));
    return { kind: 'state', state: { storage, limited } };
  },
  filter(pod, node, { storage }) {
    const newVolumes = new Map<string, string>();
    attachableVolumes(pod, storage, newVolumes);
    if (newVolumes.size === 0) return SUCCESS;
    const limits = volumeLimits(node, storage);
    if (limits.size === 0) return SUCCESS;
    const attached = new Map<string, string>();
    for (const existing of node.pods) attachableVolumes(existing, storage, attached);
    // A volume already attached for another pod is not attached again.
    for (const name of attached.keys()) newVolumes.delete(name);
    const attachedCount = countByKey(attached.values());
    for (const [key, count] of countByKey(newVolumes.values())) {
      const limit = limits.get(key);
      if (limit !== undefined && (attachedCount.get(key) ?? 0n) + count > limit) return unschedulable(ERR_REASON_MAX_VOLUME_COUNT_EXCEEDED);
    }
    return SUCCESS;
  },
  usesNodeName: (_pod, state) => state.limited,
});
