// VolumeRestrictions: in-tree disks that cannot be mounted twice on a node, and ReadWriteOncePod claims in use.
// upstream: pkg/scheduler/framework/plugins/volumerestrictions/volume_restrictions.go (v1.36)
import { SUCCESS, definePlugin, unschedulable } from '../framework.js';
import type { PodInfo } from '../pod-info.js';
import { podClaims } from '../volumes/pod-claims.js';
import { isInTreeDisk, type PodVolume } from '../volumes/pod-volumes.js';

export const ERR_REASON_DISK_CONFLICT = 'node(s) had no available disk';
export const ERR_REASON_READ_WRITE_ONCE_POD_CONFLICT =
  'node(s) unavailable due to PersistentVolumeClaim with ReadWriteOncePod access mode already in-use by another pod';
/** The reason before kubernetes#129145 (v1.33), which said the conflict was on the node. */
const ERR_REASON_READ_WRITE_ONCE_POD_CONFLICT_BEFORE_33 =
  'node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode';
const READ_WRITE_ONCE_POD_REASON_SINCE = 33;

interface State {
  readonly needsCheck: boolean;
  /** Names of the pod's claims with the ReadWriteOncePod access mode. */
  readonly readWriteOncePodClaims: ReadonlySet<string>;
  /**
   * How many of them a pod in the cluster already uses, then plus or minus each volume of a pod added or removed: a
   * pod mounting one claim twice takes two, so the count can drop below zero.
   */
  readonly conflictingClaimRefCount: number;
  readonly minor: number;
}

function haveOverlap(a: readonly string[], b: readonly string[]): boolean {
  return a.some((value) => b.includes(value));
}

/** isVolumeConflict: the same disk, unless every mount is read-only (an EBS volume never shares). */
export function isVolumeConflict(volume: PodVolume, existing: PodVolume): boolean {
  if (volume.kind === 'gcePersistentDisk' && existing.kind === 'gcePersistentDisk') {
    return volume.pdName === existing.pdName && !(volume.readOnly && existing.readOnly);
  }
  if (volume.kind === 'awsElasticBlockStore' && existing.kind === 'awsElasticBlockStore') return volume.volumeID === existing.volumeID;
  if (volume.kind === 'iscsi' && existing.kind === 'iscsi') return volume.iqn === existing.iqn && !(volume.readOnly && existing.readOnly);
  if (volume.kind === 'rbd' && existing.kind === 'rbd') {
    const same = haveOverlap(volume.monitors, existing.monitors) && volume.pool === existing.pool && volume.image === existing.image;
    return same && !(volume.readOnly && existing.readOnly);
  }
  return false;
}

/** Claims of `other` (in `namespace`) among `names`. */
function usesOf(other: PodInfo, namespace: string, names: ReadonlySet<string>): number {
  if (other.namespace !== namespace) return 0;
  return other.volumes.filter((v) => v.kind === 'claim' && names.has(v.claimName)).length;
}

export default definePlugin<State>({
  name: 'VolumeRestrictions',
  preFilter(pod, cluster) {
    const needsCheck = pod.volumes.some(isInTreeDisk);
    const { claims, missing } = podClaims(pod, cluster.storage, 'none');
    if (missing !== undefined) return { kind: 'reject', reason: missing };
    const names = new Set(claims.filter((c) => c.accessModes.includes('ReadWriteOncePod')).map((c) => c.name));
    // Kept (not skipped) while the pod has such claims, so that replicas placed later can conflict (addPod).
    if (!needsCheck && names.size === 0) return { kind: 'skip' };
    let used = 0;
    for (const name of names) {
      const single = new Set([name]);
      if (cluster.nodesWithPods().some((node) => node.pods.some((other) => usesOf(other, pod.namespace, single) > 0))) used++;
    }
    return { kind: 'state', state: { needsCheck, readWriteOncePodClaims: names, conflictingClaimRefCount: used, minor: cluster.minor } };
  },
  filter(pod, node, state) {
    for (const volume of pod.volumes) {
      if (!isInTreeDisk(volume)) continue;
      if (node.pods.some((other) => other.volumes.some((existing) => isVolumeConflict(volume, existing)))) {
        return unschedulable(ERR_REASON_DISK_CONFLICT);
      }
    }
    // upstream: satisfyReadWriteOncePod, conflictingPVCRefCount > 0
    if (state.conflictingClaimRefCount <= 0) return SUCCESS;
    return unschedulable(state.minor >= READ_WRITE_ONCE_POD_REASON_SINCE ? ERR_REASON_READ_WRITE_ONCE_POD_CONFLICT : ERR_REASON_READ_WRITE_ONCE_POD_CONFLICT_BEFORE_33);
  },
  addPod(state, pod, added) {
    const count = usesOf(added, pod.namespace, state.readWriteOncePodClaims);
    return count === 0 ? state : { ...state, conflictingClaimRefCount: state.conflictingClaimRefCount + count };
  },
  // upstream: volume_restrictions.go RemovePod, AddPod on a cloned preFilterState
  changedNode(state, pod, before, after) {
    const uses = (pods: readonly PodInfo[]): number => pods.reduce((sum, other) => sum + usesOf(other, pod.namespace, state.readWriteOncePodClaims), 0);
    const delta = uses(after.pods) - uses(before.pods);
    return delta === 0 ? state : { ...state, conflictingClaimRefCount: state.conflictingClaimRefCount + delta };
  },
  usesNodeName: (_pod, state) => state.needsCheck,
});
