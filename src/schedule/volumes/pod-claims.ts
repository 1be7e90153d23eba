// The PersistentVolumeClaims a pod mounts, looked up in the run's storage catalog.
import type { PodInfo } from '../pod-info.js';
import type { PodVolume } from './pod-volumes.js';
import type { StorageCatalog } from './storage-catalog.js';
import { newClaim, type ClaimInfo } from './storage-objects.js';

export interface PodClaims {
  /** The claims found, in volume order. */
  readonly claims: readonly ClaimInfo[];
  /** The first claim that does not exist (only with a cluster snapshot: without one, absent claims are not checked). */
  readonly missing: string | undefined;
}

export function podClaims(pod: PodInfo, storage: StorageCatalog): PodClaims {
  const claims: ClaimInfo[] = [];
  for (const volume of pod.volumes) {
    if (volume.kind === 'ephemeral') {
      const claim = storage.claim(pod.namespace, volume.claimName) ?? ephemeralClaim(pod.namespace, volume, storage);
      if (claim) claims.push(claim);
      continue;
    }
    if (volume.kind !== 'claim') continue;
    const claim = storage.claim(pod.namespace, volume.claimName);
    if (claim) claims.push(claim);
    else if (storage.complete) return { claims, missing: volume.claimName };
  }
  return { claims, missing: undefined };
}

/**
 * The claim the ephemeral volume controller will create for the pod, from the volume's template and with the default
 * StorageClass when it names none. A claim of an Immediate class is bound by the PV controller before the pod is
 * scheduled: it is left out (as a bound claim without constraints would be).
 */
function ephemeralClaim(namespace: string, volume: PodVolume & { kind: 'ephemeral' }, storage: StorageCatalog): ClaimInfo | undefined {
  const claim = newClaim(volume.template, namespace, volume.claimName, storage);
  const storageClass = claim.className ? storage.storageClass(claim.className) : undefined;
  return storageClass?.waitForFirstConsumer ? { ...claim, ephemeral: true } : undefined;
}

/** The apimachinery NotFound error text for a claim. */
export function claimNotFound(name: string): string {
  return `persistentvolumeclaim "${name}" not found`;
}

/** Claims the pod mounts that kubefit could not check: absent, and no cluster snapshot says they do not exist. */
export function uncheckedClaims(pod: PodInfo, storage: StorageCatalog): string[] {
  if (storage.complete) return [];
  return pod.volumes.flatMap((v) => (v.kind === 'claim' && !storage.claim(pod.namespace, v.claimName) ? [v.claimName] : []));
}
