// VolumeBinding: the pod's claims must be bound to PVs the node can reach, or bindable / provisionable there.
// upstream: pkg/scheduler/framework/plugins/volumebinding/volume_binding.go, binder.go GetPodVolumeClaims (v1.35)
import { appendAll } from '../../model/append.js';
import { SUCCESS, definePlugin, unresolvable, type PreFilterResult } from '../framework.js';
import type { PodInfo } from '../pod-info.js';
import { nodeSelectorKeys, selectorKeys, type NodeSelector } from '../../model/labels.js';
import { HOSTNAME_LABEL, type NodeInfo } from '../node-info.js';
import { assumePodVolumes, findPodVolumes } from '../volumes/find-pod-volumes.js';
import { podClaims } from '../volumes/pod-claims.js';
import type { StorageCatalog } from '../volumes/storage-catalog.js';
import type { ClaimInfo } from '../volumes/storage-objects.js';

export const ERR_REASON_UNBOUND_IMMEDIATE = 'pod has unbound immediate PersistentVolumeClaims';

/**
 * PreFilter narrowed the nodes to those of bound local PVs from v1.27 (kubernetes#109877) until kubernetes#127584 took
 * it out (v1.32, backported to v1.29.11, v1.30.7 and v1.31.3): it read the hostname label's values as node names.
 */
const ELIGIBLE_NODES_UNTIL = 28;

export interface VolumeBindingState {
  readonly storage: StorageCatalog;
  readonly bound: readonly ClaimInfo[];
  /** Unbound claims of WaitForFirstConsumer classes: bound (or provisioned) for the node the pod lands on. */
  readonly delayed: readonly ClaimInfo[];
}

/** IsDelayBindingMode: a class that exists and says WaitForFirstConsumer. */
function isDelayBinding(claim: ClaimInfo, storage: StorageCatalog): boolean {
  return claim.className ? storage.storageClass(claim.className)?.waitForFirstConsumer === true : false;
}

/** podHasPVCs' errors, as the NotFound and other errors the API would give. */
function claimProblem(claim: ClaimInfo): string | undefined {
  if (claim.lost) return `persistentvolumeclaim "${claim.name}" bound to non-existent persistentvolume "${claim.volumeName}"`;
  if (claim.deleting) return `persistentvolumeclaim "${claim.name}" is being deleted`;
  return undefined;
}

/** ephemeral.VolumeIsForPod's error. */
function notForPod(claim: ClaimInfo, pod: PodInfo): string {
  return `PVC ${claim.namespace}/${claim.name} was not created for pod ${pod.namespace}/${pod.name} (pod is not owner)`;
}

/** GetPodVolumeClaims plus the PreFilter's verdict on them. */
export function volumeClaimsOf(pod: PodInfo, storage: StorageCatalog): PreFilterResult<VolumeBindingState> {
  const { claims, missing, foreign } = podClaims(pod, storage);
  // In volume order: the claims found (a foreign one last, its own state checked first) come before the missing one.
  const problem = claims.map(claimProblem).find((p) => p !== undefined);
  if (problem !== undefined) return { kind: 'reject', reason: problem };
  if (missing !== undefined) return { kind: 'reject', reason: missing };
  if (foreign) return { kind: 'reject', reason: notForPod(foreign, pod) };
  if (claims.length === 0) return { kind: 'skip' };
  const bound: ClaimInfo[] = [];
  const delayed: ClaimInfo[] = [];
  let immediate = 0;
  for (const claim of claims) {
    if (claim.bindCompleted) bound.push(claim);
    // A claim pre-bound by volumeName counts as an unbound immediate one until the PV controller completes it.
    else if (claim.volumeName === '' && isDelayBinding(claim, storage)) delayed.push(claim);
    else immediate++;
  }
  if (immediate > 0) return { kind: 'reject', reason: ERR_REASON_UNBOUND_IMMEDIATE };
  return { kind: 'state', state: { storage, bound, delayed } };
}

/**
 * util.GetLocalPersistentVolumeNodeNames: the values of the PV's `kubernetes.io/hostname In` requirements, intersected
 * within a term and united across terms.
 */
function localNodeNames(affinity: NodeSelector | undefined): Set<string> {
  const names = new Set<string>();
  for (const term of affinity?.terms ?? []) {
    let termNames: Set<string> | undefined;
    for (const { key, operator, values } of term.labels?.requirements ?? []) {
      if (key !== HOSTNAME_LABEL || operator !== 'In') continue;
      termNames = termNames ? new Set(values.filter((value) => termNames?.has(value))) : new Set(values);
    }
    for (const name of termNames ?? []) names.add(name);
  }
  return names;
}

/**
 * binder.go GetEligibleNodes: the names every bound claim's local PV allows (those without local node names leave the
 * set alone); undefined when none does or a PV is missing.
 */
function eligibleNodes(bound: readonly ClaimInfo[], storage: StorageCatalog): ReadonlySet<string> | undefined {
  let eligible: Set<string> | undefined;
  for (const claim of bound) {
    const pv = storage.volume(claim.volumeName);
    if (!pv) return undefined;
    const names = localNodeNames(pv.nodeAffinity);
    if (names.size > 0) eligible = eligible ? new Set([...eligible].filter((name) => names.has(name))) : names;
  }
  return eligible;
}

export default definePlugin<VolumeBindingState>({
  name: 'VolumeBinding',
  preFilter(pod, cluster) {
    const claims = volumeClaimsOf(pod, cluster.storage);
    if (claims.kind !== 'state' || cluster.minor > ELIGIBLE_NODES_UNTIL) return claims;
    const nodeNames = eligibleNodes(claims.state.bound, cluster.storage);
    return nodeNames ? { ...claims, nodeNames } : claims;
  },
  filter(_pod, node, { storage, bound, delayed }) {
    const volumes = findPodVolumes(bound, delayed, node, storage);
    // upstream returns an error status (the scheduling attempt fails); kubefit reports it as the node's reason.
    if (volumes.kind === 'error') return unresolvable(volumes.message);
    return volumes.reasons.length > 0 ? unresolvable(...volumes.reasons) : SUCCESS;
  },
  // Claims bound or provisioned for earlier pods (assumed at their binding) change what this pod's claims need.
  addPod: (state, pod, added) => {
    if (added.volumes.length === 0) return state;
    const refreshed = volumeClaimsOf(pod, state.storage);
    return refreshed.kind === 'state' ? refreshed.state : state;
  },
  nodeLabelKeys: (_pod, state) => nodeLabelKeysOf(state),
  // A claim being provisioned for a named node (selected-node) tells nodes apart by name, and so does a bound in-tree
  // PV whose translation to CSI changes its node affinity: whether it is translated depends on the node's CSINode.
  usesNodeName: (_pod, { storage, bound, delayed }) =>
    delayed.some((claim) => claim.selectedNode !== undefined) || bound.some((claim) => {
      const pv = storage.volume(claim.volumeName);
      return pv?.migrated !== undefined && pv.migrated.nodeAffinity !== pv.nodeAffinity;
    }),
});

/** The node labels the verdict reads: PV node affinity (also as translated to CSI), allowedTopologies and capacity topologies. */
function nodeLabelKeysOf({ storage, bound, delayed }: VolumeBindingState): string[] {
  const volumes = [
    ...bound.flatMap((claim) => storage.volume(claim.volumeName) ?? []),
    ...delayed.flatMap((claim) => storage.volumesOfClass(claim.className ?? '')),
  ];
  const affinities = volumes.flatMap((pv) => [pv.nodeAffinity, pv.migrated?.nodeAffinity]);
  const keys = affinities.flatMap((affinity) => (affinity ? nodeSelectorKeys(affinity) : []));
  for (const claim of delayed) {
    const storageClass = claim.className ? storage.storageClass(claim.className) : undefined;
    for (const term of storageClass?.allowedTopologies ?? []) appendAll(keys, term.map(({ key }) => key));
  }
  if (delayed.length > 0) for (const capacity of storage.capacities) appendAll(keys, selectorKeys(capacity.nodeTopology ?? null));
  return keys;
}

/** Reserve: the pod placed on `node` binds (or provisions) its WaitForFirstConsumer claims there. */
export function reserveVolumes(pod: PodInfo, node: NodeInfo, storage: StorageCatalog): void {
  const claims = volumeClaimsOf(pod, storage);
  if (claims.kind !== 'state' || claims.state.delayed.length === 0) return;
  assumePodVolumes(findPodVolumes(claims.state.bound, claims.state.delayed, node, storage), node, storage);
}
