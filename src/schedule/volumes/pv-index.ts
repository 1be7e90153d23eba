// The PV controller's search for a claim's volume: PVs are indexed by their set of access modes; only the sets that hold
// every mode the claim asks for are searched, fewest modes first, and the first set with a match gives the volume (the
// smallest of that set, or the one pre-bound to the claim).
// upstream: pkg/controller/volume/persistentvolume/index.go findByClaim, allPossibleMatchingAccessModes (v1.35)
import { findMatchingVolume, isVolumeBoundToClaim } from './find-pod-volumes.js';
import type { ClaimInfo, VolumeInfo } from './storage-objects.js';

/**
 * findBestMatchForClaim with no node (the PV controller's path): undefined when no PV matches. With `delayBinding` (a
 * WaitForFirstConsumer class) only a PV pre-bound to the claim is bound; the scheduler chooses the others.
 */
export function findBestMatchForClaim(claim: ClaimInfo, volumes: readonly VolumeInfo[], delayBinding: boolean): VolumeInfo | undefined {
  const byModes = new Map<string, VolumeInfo[]>();
  for (const pv of volumes) {
    if (delayBinding && !isVolumeBoundToClaim(pv, claim)) continue;
    const modes = new Set(pv.accessModes);
    if (!claim.accessModes.every((mode) => modes.has(mode))) continue;
    const key = [...modes].sort().join(',');
    const indexed = byModes.get(key);
    if (indexed) indexed.push(pv);
    else byModes.set(key, [pv]);
  }
  const modeSets = [...byModes.values()].sort((a, b) => modeCount(a) - modeCount(b));
  for (const indexed of modeSets) {
    const pv = findMatchingVolume(claim, indexed, undefined, NO_EXCLUSIONS);
    if (pv) return pv;
  }
  return undefined;
}

const NO_EXCLUSIONS: ReadonlySet<string> = new Set();

function modeCount(indexed: readonly VolumeInfo[]): number {
  return new Set(indexed[0]?.accessModes).size;
}
