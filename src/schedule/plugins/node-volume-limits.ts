// NodeVolumeLimits: the CSI volumes a node attaches must stay within each driver's limit (CSINode allocatable.count).
// upstream: pkg/scheduler/framework/plugins/nodevolumelimits/csi.go CSILimits (v1.35): volumes of the node's pods and
// (since v1.32, kubernetes#127757) of its VolumeAttachments count; in-tree volumes migrated to CSI count as their CSI
// volumes on nodes with a CSINode, Portworx's only from v1.31 and, before v1.36, where the CSINode lists its plugin as
// migrated (utils.go isCSIMigrationOn).
import { SUCCESS, definePlugin, unschedulable } from '../framework.js';
import type { NodeInfo } from '../node-info.js';
import type { PodInfo } from '../pod-info.js';
import { migratedDriver, type CsiVolume } from '../volumes/csi-migration.js';
import { podClaims } from '../volumes/pod-claims.js';
import type { PodVolume } from '../volumes/pod-volumes.js';
import type { StorageCatalog } from '../volumes/storage-catalog.js';
import type { ClaimInfo } from '../volumes/storage-objects.js';

export const ERR_REASON_MAX_VOLUME_COUNT_EXCEEDED = 'node(s) exceed max volume count';

/** volumeutil.GetCSIAttachLimitKey: the node allocatable name of a driver's limit. */
const CSI_ATTACH_LIMIT_PREFIX = 'attachable-volumes-csi-';

/** Where the volumes are counted: the catalog, and whether an in-tree plugin's volumes migrate there (isCSIMigrationOn). */
interface Scope {
  readonly storage: StorageCatalog;
  readonly isMigrated: (plugin: string) => boolean;
}

const PORTWORX_PLUGIN = 'kubernetes.io/portworx-volume';
/** CSIMigrationPortworx on by default (kubernetes#125016). */
const PORTWORX_MIGRATED_SINCE = 31;
/** The gate's removal (kubernetes#135322) took isCSIMigrationOn's reading of the migrated-plugins annotation with it. */
const PORTWORX_UNLISTED_SINCE = 36;
const VOLUME_ATTACHMENTS_SINCE = 32;

/**
 * isCSIMigrationOn: never without a CSINode. EBS, GCE PD, Azure Disk and Cinder migrate wherever there is one, whatever
 * its annotation says; Portworx from v1.31, and before v1.36 only where the annotation lists its plugin. The node's
 * pods and the incoming pod are counted alike.
 */
function scopeOf(storage: StorageCatalog, node: NodeInfo, minor: number): Scope {
  const hasCSINode = storage.driverLimits(node.name) !== undefined;
  const isPortworxMigrated = minor >= PORTWORX_UNLISTED_SINCE || (minor >= PORTWORX_MIGRATED_SINCE && storage.migratedPlugins(node.name).has(PORTWORX_PLUGIN));
  return { storage, isMigrated: (plugin) => hasCSINode && (plugin !== PORTWORX_PLUGIN || isPortworxMigrated) };
}

/**
 * getCSIDriverInfoFromSC: a claim not bound yet counts as a new volume of its class's (migrated) provisioner. `pod`
 * tells the pods of the node apart: a generic ephemeral claim not created yet is one pod's own (kubefit's replicas of a
 * workload share a name, upstream's pods each have theirs), so it is never the volume of another pod.
 */
function provisionedVolume(claim: ClaimInfo, { storage, isMigrated }: Scope, pod: string): CsiVolume | undefined {
  const provisioner = claim.className ? storage.storageClass(claim.className)?.provisioner : undefined;
  if (!provisioner) return undefined;
  const driver = migratedDriver(provisioner);
  if (driver !== undefined && !isMigrated(provisioner)) return undefined;
  // Upstream prefixes a random string per scheduler; any prefix no real handle uses will do.
  const owner = claim.ephemeral ? `${pod}\u0000` : '';
  return { driver: driver ?? provisioner, handle: `\u0000${owner}${claim.namespace}/${claim.name}` };
}

/** getCSIDriverInfo: driver and volume handle of the claim's PV (translated when in-tree), else of its StorageClass. */
function csiVolumeOf(claim: ClaimInfo, scope: Scope, pod: string): CsiVolume | undefined {
  const pv = claim.volumeName === '' ? undefined : scope.storage.volume(claim.volumeName);
  if (!pv) return provisionedVolume(claim, scope, pod);
  const csi = pv.csi ?? (pv.migrated && scope.isMigrated(pv.migrated.plugin) ? pv.migrated : undefined);
  return csi && csi.driver !== '' && csi.handle !== '' ? csi : undefined;
}

/** checkAttachableInlineVolume: an inline in-tree volume counts as its CSI volume where migration is on. */
function inlineVolumeOf(volume: PodVolume, { isMigrated }: Scope): CsiVolume | undefined {
  return 'migrated' in volume && isMigrated(volume.migrated.plugin) ? volume.migrated : undefined;
}

function add(into: Map<string, string>, csi: CsiVolume): void {
  into.set(`${csi.driver}/${csi.handle}`, `${CSI_ATTACH_LIMIT_PREFIX}${csi.driver}`);
}

/**
 * filterAttachableVolumes: unique volume name ("driver/handle") → limit key, for the pod (missing claims are not
 * counted); `entry` names the pod among the node's (see provisionedVolume).
 */
function attachableVolumes(pod: PodInfo, scope: Scope, into: Map<string, string>, entry: string): void {
  for (const volume of pod.volumes) {
    const inline = inlineVolumeOf(volume, scope);
    if (inline) add(into, inline);
  }
  for (const claim of podClaims(pod, scope.storage, 'all').claims) {
    const csi = csiVolumeOf(claim, scope, entry);
    if (csi) add(into, csi);
  }
}

/** getNodeVolumeAttachmentInfo: the CSI volumes VolumeAttachments attach to the node, pods or not. */
function attachedByVolumeAttachments(node: NodeInfo, storage: StorageCatalog): Map<string, string> {
  const out = new Map<string, string>();
  for (const { attacher, volumeName } of storage.attachments(node.name)) {
    const csi = attacher === '' || volumeName === '' ? undefined : storage.volume(volumeName)?.csi;
    if (csi) add(out, { driver: attacher, handle: csi.handle });
  }
  return out;
}

/** getVolumeLimits: attachable-volumes-* of the node's allocatable, overridden by its CSINode's counts. */
function volumeLimits(node: NodeInfo, storage: StorageCatalog): Map<string, bigint> {
  const limits = new Map<string, bigint>();
  for (const [name, value] of Object.entries(node.allocatable)) if (name.startsWith('attachable-volumes-')) limits.set(name, value);
  for (const [driver, count] of storage.driverLimits(node.name) ?? []) limits.set(`${CSI_ATTACH_LIMIT_PREFIX}${driver}`, BigInt(count));
  return limits;
}

function countByKey(volumes: Iterable<string>, into = new Map<string, bigint>()): Map<string, bigint> {
  for (const key of volumes) into.set(key, (into.get(key) ?? 0n) + 1n);
  return into;
}

/** The limit keys of the volumes attached to the node: its pods' volumes, then the VolumeAttachments no pod uses. */
function attachedCounts(node: NodeInfo, scope: Scope, minor: number): { attached: Map<string, string>; counts: Map<string, bigint> } {
  const attached = new Map<string, string>();
  node.pods.forEach((existing, i) => attachableVolumes(existing, scope, attached, String(i)));
  const counts = countByKey(attached.values());
  if (minor < VOLUME_ATTACHMENTS_SINCE) return { attached, counts };
  const byAttachments = [...attachedByVolumeAttachments(node, scope.storage)].filter(([name]) => !attached.has(name));
  return { attached, counts: countByKey(byAttachments.map(([, key]) => key), counts) };
}

interface State {
  readonly storage: StorageCatalog;
  readonly minor: number;
  /** Some node has a limit: verdicts then depend on each node's own pods, CSINode and VolumeAttachments. */
  readonly limited: boolean;
}

const isAttachable = (volume: PodVolume): boolean => volume.kind === 'claim' || volume.kind === 'ephemeral' || 'migrated' in volume;

export default definePlugin<State>({
  name: 'NodeVolumeLimits',
  preFilter(pod, cluster) {
    if (!pod.volumes.some(isAttachable)) return { kind: 'skip' };
    const { storage } = cluster;
    const limited = storage.hasDriverLimits() || cluster.nodes.some((node) => Object.keys(node.allocatable).some((name) => name.startsWith('attachable-volumes-')));
    return { kind: 'state', state: { storage, limited, minor: cluster.minor } };
  },
  filter(pod, node, { storage, minor }) {
    const scope = scopeOf(storage, node, minor);
    const newVolumes = new Map<string, string>();
    attachableVolumes(pod, scope, newVolumes, 'new');
    if (newVolumes.size === 0) return SUCCESS;
    const limits = volumeLimits(node, storage);
    if (limits.size === 0) return SUCCESS;
    const { attached, counts } = attachedCounts(node, scope, minor);
    // A volume already attached for another pod is not attached again.
    for (const name of attached.keys()) newVolumes.delete(name);
    for (const [key, count] of countByKey(newVolumes.values())) {
      const limit = limits.get(key);
      if (limit !== undefined && (counts.get(key) ?? 0n) + count > limit) return unschedulable(ERR_REASON_MAX_VOLUME_COUNT_EXCEEDED);
    }
    return SUCCESS;
  },
  usesNodeName: (_pod, state) => state.limited,
});
