// The volume binder's per-node decision: bound claims' PV node affinity, static PVs for unbound claims, and dynamic
// provisioning (allowedTopologies, CSIStorageCapacity); and the bindings assumed once the pod is placed.
// upstream: pkg/scheduler/framework/plugins/volumebinding/binder.go FindPodVolumes, AssumePodVolumes;
// component-helpers storage/volume FindMatchingVolume, CheckNodeAffinity (v1.35); bound in-tree PVs translated to CSI as
// binder.go tryTranslatePVToCSI does (kubernetes/kubernetes at 8af3934936bd63815c7cabf2a50ee4f9d6da8efa)
import { matchesNodeSelector, matchesSelector, type Labels } from '../../model/labels.js';
import type { NodeInfo } from '../node-info.js';
import type { StorageCatalog } from './storage-catalog.js';
import { NOT_SUPPORTED_PROVISIONER, matchesTopology, type ClaimInfo, type StorageClassInfo, type VolumeInfo } from './storage-objects.js';

export const ERR_REASON_BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind";
export const ERR_REASON_NODE_CONFLICT = 'node(s) had volume node affinity conflict';
export const ERR_REASON_NOT_ENOUGH_SPACE = 'node(s) did not have enough free storage';
export const ERR_REASON_PV_NOT_EXIST = 'node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)';

/** What FindPodVolumes decided for one node: the reasons it cannot host the pod, or the bindings it would make. */
export type PodVolumes =
  | { readonly kind: 'error'; readonly message: string }
  | {
      readonly kind: 'decided';
      readonly reasons: readonly string[];
      readonly staticBindings: readonly Binding[];
      readonly dynamicProvisions: readonly ClaimInfo[];
    };

/** CheckNodeAffinity: only the node's labels count; matchFields are not checked on the unnamed node it builds. */
export function checkNodeAffinity(pv: VolumeInfo, labels: Labels): boolean {
  return !pv.nodeAffinity || matchesNodeSelector(pv.nodeAffinity, labels, '');
}

/** IsVolumeBoundToClaim: the PV's claimRef names the claim (and its uid, when the claimRef has one). */
export function isVolumeBoundToClaim(pv: VolumeInfo, claim: ClaimInfo): boolean {
  const ref = pv.claimRef;
  return ref !== undefined && ref.name === claim.name && ref.namespace === claim.namespace && (ref.uid === '' || ref.uid === claim.uid);
}

/** FindMatchingVolume (scheduler path): the PV pre-bound to the claim, else the smallest available match. */
export function findMatchingVolume(claim: ClaimInfo, candidates: readonly VolumeInfo[], labels: Labels | undefined, excluded: ReadonlySet<string>): VolumeInfo | undefined {
  let smallest: VolumeInfo | undefined;
  for (const pv of candidates) {
    if (excluded.has(pv.name) || (pv.claimRef && !isVolumeBoundToClaim(pv, claim))) continue;
    if (pv.capacity < (claim.request ?? 0n) || pv.volumeMode !== claim.volumeMode || pv.deleting) continue;
    const affinityValid = labels === undefined || checkNodeAffinity(pv, labels);
    if (isVolumeBoundToClaim(pv, claim)) return affinityValid ? pv : undefined;
    if (!pv.available || (claim.selector && !matchesSelector(claim.selector, pv.labels))) continue;
    if (pv.className !== (claim.className ?? '') || !affinityValid) continue;
    if (labels !== undefined && !claim.accessModes.every((mode) => pv.accessModes.includes(mode))) continue;
    if (!smallest || smallest.capacity > pv.capacity) smallest = pv;
  }
  return smallest;
}

interface Verdict {
  boundSatisfied: boolean;
  boundPVsFound: boolean;
  unboundSatisfied: boolean;
  sufficientStorage: boolean;
}

function reasonsOf(v: Verdict): string[] {
  const reasons: string[] = [];
  if (!v.boundSatisfied) reasons.push(ERR_REASON_NODE_CONFLICT);
  if (!v.unboundSatisfied) reasons.push(ERR_REASON_BIND_CONFLICT);
  if (!v.sufficientStorage) reasons.push(ERR_REASON_NOT_ENOUGH_SPACE);
  if (!v.boundPVsFound) reasons.push(ERR_REASON_PV_NOT_EXIST);
  return reasons;
}

/**
 * tryTranslatePVToCSI: an in-tree PV as its CSI translation where the node's CSINode lists its plugin as migrated
 * (isPluginMigratedToCSIOnNode). isCSIMigrationOnForPlugin is true for every plugin translated here but Portworx, whose
 * gate does not matter: its translation keeps the node affinity, the only part read here.
 */
function tryTranslatePVToCSI(pv: VolumeInfo, migratedPlugins: ReadonlySet<string>): VolumeInfo {
  return pv.migrated && migratedPlugins.has(pv.migrated.plugin) ? { ...pv, nodeAffinity: pv.migrated.nodeAffinity } : pv;
}

/** checkBoundClaims: stops at the first PV that is missing or whose node affinity the node does not satisfy. */
function checkBoundClaims(claims: readonly ClaimInfo[], node: NodeInfo, storage: StorageCatalog, verdict: Verdict): void {
  const migratedPlugins = storage.migratedPlugins(node.name);
  for (const claim of claims) {
    const pv = storage.volume(claim.volumeName);
    if (!pv) {
      verdict.boundPVsFound = false;
      return;
    }
    if (!checkNodeAffinity(tryTranslatePVToCSI(pv, migratedPlugins), node.labels)) {
      verdict.boundSatisfied = false;
      return;
    }
  }
}

type Binding = { readonly claim: ClaimInfo; readonly pv: VolumeInfo };

export function findPodVolumes(bound: readonly ClaimInfo[], toBind: readonly ClaimInfo[], node: NodeInfo, storage: StorageCatalog): PodVolumes {
  const verdict: Verdict = { boundSatisfied: true, boundPVsFound: true, unboundSatisfied: true, sufficientStorage: true };
  const decided = (staticBindings: readonly Binding[] = [], dynamicProvisions: readonly ClaimInfo[] = []): PodVolumes =>
    ({ kind: 'decided', reasons: reasonsOf(verdict), staticBindings, dynamicProvisions });
  checkBoundClaims(bound, node, storage, verdict);
  if (toBind.length === 0) return decided();
  const toProvision: ClaimInfo[] = [];
  const toMatch: ClaimInfo[] = [];
  for (const claim of toBind) {
    if (claim.selectedNode === undefined) toMatch.push(claim);
    else if (claim.selectedNode === node.name) toProvision.push(claim);
    else {
      // Fast path: the claim is being provisioned for another node.
      verdict.unboundSatisfied = false;
      return decided();
    }
  }
  const staticBindings = matchVolumes(toMatch, node, storage, toProvision);
  verdict.unboundSatisfied = staticBindings.length === toMatch.length;
  if (toProvision.length === 0) return decided(staticBindings);
  const provisions = checkVolumeProvisions(toProvision, node, storage, verdict);
  return typeof provisions === 'string' ? { kind: 'error', message: provisions } : decided(staticBindings, provisions);
}

/** findMatchingVolumes: claims by increasing request; a claim without a match goes to `unmatched`. */
function matchVolumes(claims: readonly ClaimInfo[], node: NodeInfo, storage: StorageCatalog, unmatched: ClaimInfo[]): Binding[] {
  const sorted = [...claims].sort((a, b) => ((a.request ?? 0n) < (b.request ?? 0n) ? -1 : (a.request ?? 0n) > (b.request ?? 0n) ? 1 : 0));
  const chosen = new Set<string>();
  const bindings: Binding[] = [];
  for (const claim of sorted) {
    const pv = findMatchingVolume(claim, storage.matchCandidates(claim), node.labels, chosen);
    if (!pv) {
      unmatched.push(claim);
      continue;
    }
    chosen.add(pv.name);
    bindings.push({ claim, pv });
  }
  return bindings;
}

/** checkVolumeProvisions: every claim left must be provisionable on the node; an error message for a broken setup. */
function checkVolumeProvisions(claims: readonly ClaimInfo[], node: NodeInfo, storage: StorageCatalog, verdict: Verdict): ClaimInfo[] | string {
  for (const claim of claims) {
    if (!claim.className) return `no class for claim "${claim.namespace}/${claim.name}"`;
    const storageClass = storage.storageClass(claim.className);
    if (!storageClass) return `failed to find storage class "${claim.className}"`;
    const { provisioner } = storageClass;
    if (provisioner === '' || provisioner === NOT_SUPPORTED_PROVISIONER || !matchesTopology(storageClass.allowedTopologies, node.labels)) {
      verdict.unboundSatisfied = false;
      return [];
    }
    if (!hasEnoughCapacity(claim, storageClass, node, storage)) {
      verdict.unboundSatisfied = true;
      verdict.sufficientStorage = false;
      return [];
    }
  }
  verdict.unboundSatisfied = true;
  return [...claims];
}

/** hasEnoughCapacity: only for CSI drivers that opt into capacity tracking; some accessible pool must be big enough. */
function hasEnoughCapacity(claim: ClaimInfo, storageClass: StorageClassInfo, node: NodeInfo, storage: StorageCatalog): boolean {
  if (claim.request === undefined || !storage.tracksCapacity(storageClass.provisioner)) return true;
  const size = claim.request;
  return storage.capacities.some(
    (c) => c.className === storageClass.name && c.limit !== undefined && c.limit >= size && c.nodeTopology !== undefined && matchesSelector(c.nodeTopology, node.labels),
  );
}

/** AssumePodVolumes: the static bindings and provisioning decisions for the chosen node become part of the catalog. */
export function assumePodVolumes(volumes: PodVolumes, node: NodeInfo, storage: StorageCatalog): void {
  if (volumes.kind !== 'decided') return;
  for (const { claim, pv } of volumes.staticBindings) storage.assumeBound(claim, pv);
  for (const claim of volumes.dynamicProvisions) storage.assumeSelectedNode(claim, node.name);
}
