// The PersistentVolumeClaims a pod mounts, looked up in the run's storage catalog.
import { findingAt, type Finding } from '../../model/finding.js';
import { asArray, asRecord } from '../../model/object.js';
import type { PodInfo, PodSource } from '../pod-info.js';
import { VOLUMES_NOT_CHECKED } from '../scheduling-checks.js';
import type { PodVolume } from './pod-volumes.js';
import type { StorageCatalog, UnseenStorage } from './storage-catalog.js';
import type { StorageSource } from '../../model/cluster.js';
import { newClaim, type ClaimInfo } from './storage-objects.js';
import type { Path } from '../../model/document.js';

export interface PodClaims {
  /** The claims found, in volume order. */
  readonly claims: readonly ClaimInfo[];
  /**
   * Why the pod stops at the first claim that does not exist (only with a cluster snapshot: without one, absent claims
   * are not checked): apimachinery's NotFound text, or VolumeBinding's for a generic ephemeral volume's claim.
   */
  readonly missing: string | undefined;
  /**
   * The first existing claim of a generic ephemeral volume that was not created for the pod (its controller is not the
   * pod), the last of `claims`: VolumeBinding stops the pod there, NodeVolumeLimits counts the volume attached.
   */
  readonly foreign?: ClaimInfo;
}

/**
 * Which claims of generic ephemeral volumes not created yet count: the binding plugins see only those of a
 * WaitForFirstConsumer class (the PV controller binds the others before the pod is scheduled, leaving no constraint);
 * NodeVolumeLimits counts all of them, each a volume attached to the node. VolumeRestrictions reads no generic
 * ephemeral volume at all, created or not (upstream: readWriteOncePodPVCsForPod skips volumes without
 * persistentVolumeClaim).
 */
export type EphemeralClaims = 'delayed' | 'all' | 'none';

export function podClaims(pod: PodInfo, storage: StorageCatalog, ephemeral: EphemeralClaims = 'delayed'): PodClaims {
  const claims: ClaimInfo[] = [];
  for (const volume of pod.volumes) {
    if (volume.kind === 'ephemeral') {
      if (ephemeral === 'none') continue;
      const existing = volume.podUID === undefined ? undefined : storage.claim(pod.namespace, volume.claimName);
      // ephemeral.VolumeIsForPod: a Pod not created yet ('' uid) owns no claim
      if (existing && (existing.controllerUID === '' || existing.controllerUID !== volume.podUID)) return { claims: [...claims, existing], missing: undefined, foreign: existing };
      // a pod that exists (it has a uid; a manifest's Pod has none yet) whose claim the snapshot lacks: VolumeBinding's
      // lister does not find it, which right after the pod's creation is normal
      // upstream: volumebinding/volume_binding.go podHasPVCs (v1.36)
      if (!existing && volume.podUID && ephemeral === 'delayed' && storage.knowsClaims) return { claims, missing: `waiting for ephemeral volume controller to create the persistentvolumeclaim "${volume.claimName}"` };
      const claim = existing ?? ephemeralClaim(pod.namespace, volume, storage, ephemeral);
      if (claim) claims.push(claim);
      continue;
    }
    if (volume.kind !== 'claim') continue;
    const claim = storage.claim(pod.namespace, volume.claimName);
    if (claim) claims.push(claim);
    else if (storage.knowsClaims) return { claims, missing: claimNotFound(volume.claimName) };
  }
  return { claims, missing: undefined };
}

/**
 * The claim the ephemeral volume controller will create for the pod, from the volume's template and with the default
 * StorageClass when it names none. A claim of an Immediate class is bound by the PV controller before the pod is
 * scheduled: unless `ephemeral` asks for all, it is left out (as a bound claim without constraints would be), but for
 * one the PV controller can neither bind nor provision, which stays Pending (its pod waits at VolumeBinding's PreFilter).
 */
function ephemeralClaim(namespace: string, volume: PodVolume & { kind: 'ephemeral' }, storage: StorageCatalog, ephemeral: EphemeralClaims): ClaimInfo | undefined {
  const claim = newClaim(volume.template, namespace, volume.claimName, storage);
  const storageClass = claim.className ? storage.storageClass(claim.className) : undefined;
  const kept = storageClass?.waitForFirstConsumer || ephemeral === 'all' || storage.pvControllerBinding(claim).kind === 'pending';
  return kept ? { ...claim, ephemeral: true } : undefined;
}

/** The apimachinery NotFound error text for a claim. */
export function claimNotFound(name: string): string {
  return `persistentvolumeclaim "${name}" not found`;
}

/** Why the cluster's storage is unknown, by where the run's storage objects come from. */
const UNKNOWN_STORAGE: Readonly<Record<Exclude<StorageSource, 'snapshot'>, string>> = {
  'inputs': 'no cluster snapshot was given',
  'snapshot-without-storage': 'the cluster snapshot holds no storage objects (kubectl get nodes,pods,pvc,pv,storageclass,csinode -A -o yaml)',
};

/**
 * The volumes-not-checked finding at the first claim whose storage the run cannot tell, when the cluster's storage is
 * unknown: a claim the inputs lack without a cluster snapshot (not checked), or one whose StorageClass or
 * PersistentVolume they lack, or that names no class while they hold no default one, without a snapshot of storage
 * objects (assumed bound to a volume every node reaches).
 */
export function uncheckedVolumesFinding(pod: PodInfo, source: PodSource, storage: StorageCatalog): Finding | undefined {
  const { source: from } = storage;
  if (from === 'snapshot') return undefined;
  for (const volume of pod.volumes) {
    if (volume.kind !== 'claim') continue;
    const claim = storage.claim(pod.namespace, volume.claimName);
    // with a snapshot, a claim it lacks does not exist (PreFilter rejects the pod), which is no unchecked volume
    if (!claim && storage.knowsClaims) continue;
    const unseen = claim && storage.unseenStorage(claim);
    const unknown = !claim ? `persistentvolumeclaim "${volume.claimName}" is not in the inputs` : unseen ? unseenWords(unseen, claim.name) : undefined;
    if (unknown === undefined) continue;
    return findingAt(source.object, claimPath(source, volume), {
      ruleId: VOLUMES_NOT_CHECKED.id,
      severity: VOLUMES_NOT_CHECKED.severity,
      message: `volumes were not checked: ${unknown} and ${UNKNOWN_STORAGE[from]}`,
    });
  }
  return undefined;
}

function unseenWords({ kind, name }: UnseenStorage, claim: string): string {
  if (name === undefined) return `persistentvolumeclaim "${claim}" names no StorageClass, the inputs hold no default one,`;
  return `${kind.toLowerCase()} "${name}" of persistentvolumeclaim "${claim}" is not in the inputs`;
}

/** Where the pod names the claim: its volume, or the StatefulSet's claim template the volume was made from. */
function claimPath(source: PodSource, volume: PodVolume & { kind: 'claim' }): Path {
  const spec = asRecord(source.object.value['spec']);
  const template = source.object.ref.kind === 'StatefulSet' ? asArray(spec?.['volumeClaimTemplates']).findIndex((t) => asRecord(asRecord(t)?.['metadata'])?.['name'] === volume.name) : -1;
  if (template >= 0) return ['spec', 'volumeClaimTemplates', template];
  const index = asArray(source.spec['volumes']).findIndex((v) => asRecord(v)?.['name'] === volume.name);
  return [...source.specPath, 'volumes', index, 'persistentVolumeClaim', 'claimName'];
}
