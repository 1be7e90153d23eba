// The storage objects of a run, by key, with the bindings the dry-run assumes as it places pods (the scheduler's
// PV/PVC assume caches). Placement works on a fork so the plan's one-pod verdicts stay untouched.
import type { StorageSource } from '../../model/cluster.js';
import { asRecord, type KubeObject } from '../../model/object.js';
import { migratedDriver } from './csi-migration.js';
import { bindsRequestedVolume } from './pv-controller.js';
import { findBestMatchForClaim } from './pv-index.js';
import {
  NOT_SUPPORTED_PROVISIONER, toAttachmentInfo, toCapacityInfo, toClaimInfo, toCSINodeInfo, toStorageClassInfo, toVolumeInfo,
  type AttachmentInfo, type CapacityInfo, type ClaimInfo, type CSINodeInfo, type StorageClassInfo, type VolumeInfo,
} from './storage-objects.js';

/**
 * VolumeAttributesClass is GA, and on by default, since v1.34; before, its gate is off and the API server drops
 * volumeAttributesClassName from new claims and PVs (dropDisabledFields).
 */
const VOLUME_ATTRIBUTES_CLASS_SINCE = 34;

/** The StorageClass (undefined: the claim names none and no class is the default) or PV a claim's binding needs. */
export interface UnseenStorage {
  readonly kind: 'StorageClass' | 'PersistentVolume';
  readonly name: string | undefined;
}

/**
 * What the PV controller makes of a new claim: bound to a PV, to a volume its class's provisioner creates, or to storage
 * the inputs lack (unseen); left to the scheduler (WaitForFirstConsumer); or Pending, its pod waiting at PreFilter.
 */
export type PVControllerBinding =
  | { readonly kind: 'bound'; readonly pv: VolumeInfo }
  | { readonly kind: 'provisioned'; readonly storageClass: StorageClassInfo }
  | { readonly kind: 'unseen'; readonly unseen: UnseenStorage }
  | { readonly kind: 'scheduler' | 'pending' };

const PENDING: PVControllerBinding = { kind: 'pending' };

export function claimKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

interface Objects {
  readonly claims: Map<string, ClaimInfo>;
  readonly volumes: Map<string, VolumeInfo>;
  readonly classes: Map<string, StorageClassInfo>;
  readonly csiNodes: Map<string, CSINodeInfo>;
  /** CSIDriver name → spec.storageCapacity. */
  readonly drivers: Map<string, boolean>;
  readonly capacities: CapacityInfo[];
  /** VolumeAttachments by node name. */
  readonly attachments: Map<string, AttachmentInfo[]>;
  /** Claims captured from a cluster (a --cluster input, or written with a status): the PV controller has seen them. */
  readonly liveClaims: Set<string>;
  /** Claims whose class or volume the inputs lack, assumed bound to a volume every node reaches (unknown storage). */
  readonly unseen: Map<string, UnseenStorage>;
}

function collect(storage: readonly KubeObject[]): Objects {
  const objects: Objects = { claims: new Map(), volumes: new Map(), classes: new Map(), csiNodes: new Map(), drivers: new Map(), capacities: [], attachments: new Map(), liveClaims: new Set(), unseen: new Map() };
  for (const object of storage) {
    const { kind, name, namespace } = object.ref;
    if (kind === 'PersistentVolumeClaim') {
      setOnce(objects.claims, claimKey(namespace, name), () => toClaimInfo(object));
      if (object.fromCluster || asRecord(object.value['status'])?.['phase'] !== undefined) objects.liveClaims.add(claimKey(namespace, name));
    }
    else if (kind === 'PersistentVolume') setOnce(objects.volumes, name, () => toVolumeInfo(object));
    else if (kind === 'StorageClass') setOnce(objects.classes, name, () => toStorageClassInfo(object));
    else if (kind === 'CSINode') setOnce(objects.csiNodes, name, () => toCSINodeInfo(object));
    else if (kind === 'CSIDriver') setOnce(objects.drivers, name, () => asRecord(object.value['spec'])?.['storageCapacity'] === true);
    else if (kind === 'VolumeAttachment') addAttachment(objects.attachments, toAttachmentInfo(object));
    else objects.capacities.push(toCapacityInfo(object));
  }
  return objects;
}

function addAttachment(attachments: Map<string, AttachmentInfo[]>, attachment: AttachmentInfo): void {
  const onNode = attachments.get(attachment.nodeName);
  if (onNode) onNode.push(attachment);
  else attachments.set(attachment.nodeName, [attachment]);
}

/** The first object of each name wins, as for Nodes. */
function setOnce<V>(map: Map<string, V>, key: string, make: () => V): void {
  if (!map.has(key)) map.set(key, make());
}

export class StorageCatalog {
  readonly #objects: Objects;
  readonly source: StorageSource;
  /** Whether claims and PVs keep their volumeAttributesClassName (see VOLUME_ATTRIBUTES_CLASS_SINCE). */
  readonly #attributesClasses: boolean;

  private constructor(objects: Objects, source: StorageSource, attributesClasses: boolean) {
    this.#objects = objects;
    this.source = source;
    this.#attributesClasses = attributesClasses;
  }

  /**
   * True when a cluster snapshot was given: a claim neither it nor the inputs hold does not exist (`persistentvolumeclaim
   * "x" not found`), as kube-scheduler's listers have it.
   */
  get knowsClaims(): boolean {
    return this.source !== 'inputs';
  }

  /**
   * True when the snapshot holds storage objects: a StorageClass or PV it lacks does not exist either. A snapshot of
   * nodes and pods only says nothing of them, so a claim whose class or volume the inputs lack counts as bound.
   */
  get complete(): boolean {
    return this.source === 'snapshot';
  }

  /**
   * The catalog of these objects; claims that name no class get the default one, as DefaultStorageClass admits them.
   * Claims written as manifests (not from --cluster, no status) are about to be created, so the PV controller's
   * binding of those with an Immediate class is assumed too.
   */
  static of(storage: readonly KubeObject[], source: StorageSource, minor: number): StorageCatalog {
    const catalog = new StorageCatalog(collect(storage), source, minor >= VOLUME_ATTRIBUTES_CLASS_SINCE);
    const defaultClass = catalog.defaultClass()?.name;
    for (const [key, claim] of catalog.#objects.claims) {
      const admitted = claim.className === undefined && defaultClass !== undefined ? { ...claim, className: defaultClass } : claim;
      if (admitted !== claim) catalog.#objects.claims.set(key, admitted);
      if (!admitted.bindCompleted && !catalog.#objects.liveClaims.has(key)) catalog.bindImmediately(admitted);
    }
    return catalog;
  }

  /**
   * The PV controller on a new claim (syncUnboundClaim). A claim naming its PV is bound to it when it may be
   * (bindsRequestedVolume). Otherwise it is bound to the PV pre-bound to it, or, for an Immediate class, to the best
   * match (of the PVs holding its access modes, those with the fewest modes first: findBestMatchForClaim), else to a
   * volume its class's provisioner creates (unless the claim has a selector, which provisioners refuse); the scheduler
   * binds the other WaitForFirstConsumer claims. Without a snapshot, a claim whose class or named PV is not in the
   * inputs lives in a cluster kubefit cannot see: it counts as bound to a volume every node reaches.
   */
  pvControllerBinding(claim: ClaimInfo): PVControllerBinding {
    const storageClass = claim.className ? this.storageClass(claim.className) : undefined;
    if (claim.volumeName !== '') {
      const requested = this.volume(claim.volumeName);
      if (requested) return bindsRequestedVolume(claim, requested, this.#attributesClasses) ? { kind: 'bound', pv: requested } : PENDING;
      return this.complete ? PENDING : { kind: 'unseen', unseen: { kind: 'PersistentVolume', name: claim.volumeName } };
    }
    const delayBinding = storageClass?.waitForFirstConsumer === true;
    const pv = findBestMatchForClaim(claim, this.matchCandidates(claim), delayBinding);
    if (pv) return { kind: 'bound', pv };
    if (delayBinding) return { kind: 'scheduler' };
    if (storageClass && storageClass.provisioner !== '' && storageClass.provisioner !== NOT_SUPPORTED_PROVISIONER) {
      // upstream: kubernetes-csi/external-provisioner pkg/controller/controller.go Provision, 'claim Selector is not supported'
      return claim.selector ? PENDING : { kind: 'provisioned', storageClass };
    }
    return !this.complete && !storageClass ? { kind: 'unseen', unseen: { kind: 'StorageClass', name: claim.className } } : PENDING;
  }

  /** Applies the PV controller's binding of a new claim (pvControllerBinding) to the catalog. */
  bindImmediately(claim: ClaimInfo): void {
    const binding = this.pvControllerBinding(claim);
    if (binding.kind === 'bound') this.assumeBound(claim, binding.pv);
    else if (binding.kind === 'provisioned') this.assumeProvisioned(claim, binding.storageClass);
    else if (binding.kind === 'unseen') this.assumeUnseen(claim, binding.unseen);
  }

  /** The claim bound to a volume of storage the inputs lack (see bindImmediately). */
  private assumeUnseen(claim: ClaimInfo, unseen: UnseenStorage): void {
    this.#objects.unseen.set(claimKey(claim.namespace, claim.name), unseen);
    this.assumeProvisioned(claim, { name: claim.className ?? '', provisioner: '', waitForFirstConsumer: false, allowedTopologies: [], isDefault: false, created: '' });
  }

  /** A copy whose assumed bindings do not reach this catalog. */
  fork(): StorageCatalog {
    const o = this.#objects;
    return new StorageCatalog({ ...o, claims: new Map(o.claims), volumes: new Map(o.volumes), unseen: new Map(o.unseen) }, this.source, this.#attributesClasses);
  }

  claim(namespace: string, name: string): ClaimInfo | undefined {
    return this.#objects.claims.get(claimKey(namespace, name));
  }

  /** What the inputs lack of the claim's storage, when the cluster's storage is unknown and it was assumed bound. */
  unseenStorage(claim: ClaimInfo): UnseenStorage | undefined {
    return this.#objects.unseen.get(claimKey(claim.namespace, claim.name));
  }

  volume(name: string): VolumeInfo | undefined {
    return this.#objects.volumes.get(name);
  }

  /** PersistentVolumes of a class, by name (the PV cache's ListPVs). */
  /**
   * The PVs FindMatchingVolume weighs for the claim: those of its class and, with VolumeAttributesClass, of its
   * volumeAttributesClassName (a PV pre-bound to the claim included).
   */
  matchCandidates(claim: ClaimInfo): VolumeInfo[] {
    const volumes = this.volumesOfClass(claim.className ?? '');
    return this.#attributesClasses ? volumes.filter((pv) => pv.attributesClass === claim.attributesClass) : volumes;
  }

  volumesOfClass(className: string): VolumeInfo[] {
    return [...this.#objects.volumes.values()].filter((pv) => pv.className === className);
  }

  storageClass(name: string): StorageClassInfo | undefined {
    return this.#objects.classes.get(name);
  }

  /** The class the DefaultStorageClass admission plugin gives claims that name none: the newest default. */
  defaultClass(): StorageClassInfo | undefined {
    const defaults = [...this.#objects.classes.values()].filter((c) => c.isDefault);
    defaults.sort((a, b) => (a.created > b.created ? -1 : a.created < b.created ? 1 : a.name < b.name ? -1 : 1));
    return defaults[0];
  }

  /** The CSINode's attach limits by driver; undefined when the node has no CSINode. */
  driverLimits(nodeName: string): ReadonlyMap<string, number> | undefined {
    return this.#objects.csiNodes.get(nodeName)?.limits;
  }

  /** The in-tree plugins the node's CSINode says are migrated to CSI; none when the node has no CSINode. */
  migratedPlugins(nodeName: string): ReadonlySet<string> {
    return this.#objects.csiNodes.get(nodeName)?.migratedPlugins ?? new Set();
  }

  /** The VolumeAttachments of a node. */
  attachments(nodeName: string): readonly AttachmentInfo[] {
    return this.#objects.attachments.get(nodeName) ?? [];
  }

  /** True when some CSINode limits how many volumes a driver attaches. */
  hasDriverLimits(): boolean {
    return [...this.#objects.csiNodes.values()].some(({ limits }) => limits.size > 0);
  }

  /** True when a CSIDriver of that name opts into storage capacity tracking. */
  tracksCapacity(driver: string): boolean {
    return this.#objects.drivers.get(driver) === true;
  }

  get capacities(): readonly CapacityInfo[] {
    return this.#objects.capacities;
  }

  /** Adds a claim the dry-run creates (a StatefulSet's volumeClaimTemplates); an existing claim is kept. */
  addClaim(claim: ClaimInfo): void {
    setOnce(this.#objects.claims, claimKey(claim.namespace, claim.name), () => claim);
  }

  /** Assumes `pv` bound to the claim (AssumePodVolumes for a static binding). */
  assumeBound(claim: ClaimInfo, pv: VolumeInfo): void {
    if (!claim.ephemeral) this.#objects.claims.set(claimKey(claim.namespace, claim.name), { ...claim, volumeName: pv.name, bindCompleted: true });
    // An ephemeral claim not created yet has no uid; the PV goes to this pod's claim, not to its siblings' of that name.
    const uid = claim.ephemeral ? '\u0000ephemeral' : claim.uid;
    this.#objects.volumes.set(pv.name, { ...pv, claimRef: { namespace: claim.namespace, name: claim.name, uid } });
  }

  /** The claim bound to a volume its class's provisioner creates at once, reachable from every node. */
  assumeProvisioned(claim: ClaimInfo, storageClass: StorageClassInfo): void {
    const name = `pvc-${claim.namespace}-${claim.name}`;
    const claimRef = { namespace: claim.namespace, name: claim.name, uid: claim.uid };
    const { provisioner } = storageClass;
    // A class named after an in-tree plugin provisions an in-tree PV (through its CSI driver, CSI migration), which
    // NodeVolumeLimits counts as its CSI translation.
    const driver = migratedDriver(provisioner);
    const pv: VolumeInfo = {
      name, labels: {}, className: storageClass.name, capacity: claim.request ?? 0n, accessModes: claim.accessModes,
      volumeMode: claim.volumeMode, attributesClass: claim.attributesClass, claimRef, available: false, deleting: false, nodeAffinity: undefined,
      csi: driver === undefined ? { driver: provisioner, handle: name } : undefined,
      ...(driver !== undefined && { migrated: { driver, handle: name, plugin: provisioner, nodeAffinity: undefined } }),
    };
    this.#objects.volumes.set(name, pv);
    this.#objects.claims.set(claimKey(claim.namespace, claim.name), { ...claim, volumeName: name, bindCompleted: true });
  }

  /** Assumes the claim is to be provisioned for `nodeName` (the selected-node annotation). */
  assumeSelectedNode(claim: ClaimInfo, nodeName: string): void {
    if (!claim.ephemeral) this.#objects.claims.set(claimKey(claim.namespace, claim.name), { ...claim, selectedNode: nodeName });
  }
}
