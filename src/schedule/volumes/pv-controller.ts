// The PV controller's binding of a claim that names its volume (spec.volumeName), whatever its class's binding mode.
// upstream: pkg/controller/volume/persistentvolume/pv_controller.go syncUnboundClaim, checkVolumeSatisfyClaim (v1.35)
import { isVolumeBoundToClaim } from './find-pod-volumes.js';
import type { ClaimInfo, VolumeInfo } from './storage-objects.js';

/**
 * Whether the PV the claim names gets bound to it: a PV already claimed by it, or an unclaimed one that satisfies it
 * (not being deleted, big enough, of its class, volumeMode and access modes, and, with VolumeAttributesClass, of its
 * attributes class). Otherwise the claim stays Pending.
 */
export function bindsRequestedVolume(claim: ClaimInfo, pv: VolumeInfo, attributesClasses: boolean): boolean {
  if (pv.claimRef) return isVolumeBoundToClaim(pv, claim);
  return !pv.deleting && pv.capacity >= (claim.request ?? 0n) && pv.className === (claim.className ?? '') && pv.volumeMode === claim.volumeMode &&
    claim.accessModes.every((mode) => pv.accessModes.includes(mode)) && (!attributesClasses || pv.attributesClass === claim.attributesClass);
}
