// Typed views of the storage objects the volume plugins read (core/v1 and storage.k8s.io/v1), narrowed once.
import { toLabelSelector, toNodeSelector, type LabelSelector, type Labels, type NodeSelector } from '../../model/labels.js';
import { asArray, asRecord, asStringMap, controllerReference, stringField, type KubeObject } from '../../model/object.js';
import { ceilValue, parseQuantity } from '../../model/quantity.js';
import { migratedPersistentVolume, type CsiVolume, type MigratedVolume } from './csi-migration.js';

/** component-helpers storage/volume: the annotations the PV controller and the scheduler write. */
export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
const BETA_STORAGE_CLASS = 'volume.beta.kubernetes.io/storage-class';
const DEFAULT_CLASS_ANNOTATIONS = ['storageclass.kubernetes.io/is-default-class', 'storageclass.beta.kubernetes.io/is-default-class'];
export const NOT_SUPPORTED_PROVISIONER = 'kubernetes.io/no-provisioner';
/** v1.MigratedPluginsAnnotationKey: the in-tree plugins a node's CSINode says are migrated to their CSI drivers. */
const ANN_MIGRATED_PLUGINS = 'storage.alpha.kubernetes.io/migrated-plugins';

export interface ClaimInfo {
  readonly namespace: string;
  readonly name: string;
  readonly uid: string;
  /** GetPersistentVolumeClaimClass: the beta annotation, then spec.storageClassName; undefined when neither is set. */
  readonly className: string | undefined;
  readonly volumeName: string;
  readonly accessModes: readonly string[];
  /** requests.storage in bytes (rounded up); undefined when absent. */
  readonly request: bigint | undefined;
  readonly selector: LabelSelector | undefined;
  readonly volumeMode: string;
  /** spec.volumeAttributesClassName; '' when unset. */
  readonly attributesClass: string;
  readonly lost: boolean;
  readonly deleting: boolean;
  readonly bindCompleted: boolean;
  readonly selectedNode: string | undefined;
  /** The uid of the claim's controller (ownerReferences with controller: true); '' when it has none. */
  readonly controllerUID: string;
  /** A generic ephemeral volume's claim not created yet: one per pod, so placement never records it. */
  readonly ephemeral?: true;
}

export interface VolumeInfo {
  readonly name: string;
  readonly labels: Labels;
  /** GetPersistentVolumeClass: the beta annotation when present (even empty), else spec.storageClassName. */
  readonly className: string;
  readonly capacity: bigint;
  readonly accessModes: readonly string[];
  readonly volumeMode: string;
  /** spec.volumeAttributesClassName; '' when unset. */
  readonly attributesClass: string;
  readonly claimRef: { readonly namespace: string; readonly name: string; readonly uid: string } | undefined;
  readonly available: boolean;
  readonly deleting: boolean;
  /** spec.nodeAffinity.required; undefined when absent. */
  readonly nodeAffinity: NodeSelector | undefined;
  readonly csi: CsiVolume | undefined;
  /** The PV an in-tree source (EBS, GCE PD, Azure Disk, Cinder, Portworx) translates to. */
  readonly migrated?: MigratedVolume;
}

/** A VolumeAttachment: a PersistentVolume a CSI driver attaches to a node (even after its pod is gone). */
export interface AttachmentInfo {
  readonly nodeName: string;
  readonly attacher: string;
  readonly volumeName: string;
}

/** A TopologySelectorTerm: every key must have one of its values. */
export type TopologyTerm = readonly { readonly key: string; readonly values: readonly string[] }[];

export interface StorageClassInfo {
  readonly name: string;
  readonly provisioner: string;
  readonly waitForFirstConsumer: boolean;
  readonly allowedTopologies: readonly TopologyTerm[];
  readonly isDefault: boolean;
  readonly created: string;
}

export interface CapacityInfo {
  readonly className: string;
  /** maximumVolumeSize when set, else capacity (bytes); undefined when neither is set. */
  readonly limit: bigint | undefined;
  readonly nodeTopology: LabelSelector | undefined;
}

function bytes(value: unknown): bigint | undefined {
  const quantity = parseQuantity(value);
  return quantity ? ceilValue(quantity) : undefined;
}

function strings(value: unknown): string[] {
  return asArray(value).filter((entry): entry is string => typeof entry === 'string');
}

export function toClaimInfo(object: KubeObject): ClaimInfo {
  return claimInfoOf(object.value, object.ref.namespace, object.ref.name);
}

/** A claim from its object (or a claim template's) value, under the given namespace and name. */
export function claimInfoOf(value: Readonly<Record<string, unknown>>, namespace: string, name: string): ClaimInfo {
  const metadata = asRecord(value['metadata']);
  const annotations = asStringMap(metadata?.['annotations']);
  const spec = asRecord(value['spec']);
  const storageClassName = spec?.['storageClassName'];
  const beta = annotations[BETA_STORAGE_CLASS];
  const phase = stringField(asRecord(value['status']), 'phase');
  const volumeName = stringField(spec, 'volumeName');
  return {
    namespace,
    name,
    uid: stringField(metadata, 'uid'),
    className: beta ?? (typeof storageClassName === 'string' ? storageClassName : undefined),
    volumeName,
    accessModes: strings(spec?.['accessModes']),
    request: bytes(asRecord(asRecord(spec?.['resources'])?.['requests'])?.['storage']),
    selector: asRecord(spec?.['selector']) ? toLabelSelector(spec?.['selector']) : undefined,
    volumeMode: stringField(spec, 'volumeMode', 'Filesystem'),
    attributesClass: stringField(spec, 'volumeAttributesClassName'),
    lost: phase === 'Lost',
    deleting: metadata?.['deletionTimestamp'] != null,
    // A claim captured Bound (or written as such) is bound even without the controller's annotation.
    bindCompleted: volumeName !== '' && (Object.hasOwn(asRecord(metadata?.['annotations']) ?? {}, ANN_BIND_COMPLETED) || phase === 'Bound'),
    selectedNode: annotations[ANN_SELECTED_NODE],
    controllerUID: stringField(controllerReference(metadata), 'uid'),
  };
}

/** A claim created from a template (StatefulSet, generic ephemeral volume); DefaultStorageClass admission names the class. */
export function newClaim(template: Readonly<Record<string, unknown>>, namespace: string, name: string, storage: { defaultClass(): StorageClassInfo | undefined }): ClaimInfo {
  // the StatefulSet controller copies the template's annotations (a class named by the beta annotation counts)
  const fromTemplate = claimInfoOf({ ...template, metadata: { annotations: asRecord(template['metadata'])?.['annotations'] }, status: {} }, namespace, name);
  return { ...fromTemplate, className: fromTemplate.className ?? storage.defaultClass()?.name };
}

export function toVolumeInfo(object: KubeObject): VolumeInfo {
  const metadata = asRecord(object.value['metadata']);
  const spec = asRecord(object.value['spec']);
  const claimRef = asRecord(spec?.['claimRef']);
  const required = asRecord(spec?.['nodeAffinity'])?.['required'];
  const nodeAffinity = asRecord(required) ? toNodeSelector(required) : undefined;
  const labels = asStringMap(metadata?.['labels']);
  const csi = asRecord(spec?.['csi']);
  const phase = asRecord(object.value['status'])?.['phase'];
  const migrated = spec && migratedPersistentVolume(spec, labels, nodeAffinity);
  return {
    name: object.ref.name,
    labels,
    className: asStringMap(metadata?.['annotations'])[BETA_STORAGE_CLASS] ?? stringField(spec, 'storageClassName'),
    capacity: bytes(asRecord(spec?.['capacity'])?.['storage']) ?? 0n,
    accessModes: strings(spec?.['accessModes']),
    volumeMode: stringField(spec, 'volumeMode', 'Filesystem'),
    attributesClass: stringField(spec, 'volumeAttributesClassName'),
    claimRef: claimRef ? { namespace: stringField(claimRef, 'namespace'), name: stringField(claimRef, 'name'), uid: stringField(claimRef, 'uid') } : undefined,
    // A PersistentVolume written without status becomes Available once the controller sees it.
    available: phase === undefined || phase === 'Available',
    deleting: metadata?.['deletionTimestamp'] != null,
    nodeAffinity,
    csi: csi ? { driver: stringField(csi, 'driver'), handle: stringField(csi, 'volumeHandle') } : undefined,
    ...(migrated && { migrated }),
  };
}

export function toAttachmentInfo(object: KubeObject): AttachmentInfo {
  const spec = asRecord(object.value['spec']);
  return { nodeName: stringField(spec, 'nodeName'), attacher: stringField(spec, 'attacher'), volumeName: stringField(asRecord(spec?.['source']), 'persistentVolumeName') };
}

export function toStorageClassInfo(object: KubeObject): StorageClassInfo {
  const metadata = asRecord(object.value['metadata']);
  const annotations = asStringMap(metadata?.['annotations']);
  return {
    name: object.ref.name,
    provisioner: stringField(object.value, 'provisioner'),
    waitForFirstConsumer: object.value['volumeBindingMode'] === 'WaitForFirstConsumer',
    allowedTopologies: asArray(object.value['allowedTopologies']).map((term) =>
      asArray(asRecord(term)?.['matchLabelExpressions']).map((e) => ({ key: stringField(asRecord(e), 'key'), values: strings(asRecord(e)?.['values']) })),
    ),
    isDefault: DEFAULT_CLASS_ANNOTATIONS.some((key) => annotations[key] === 'true'),
    created: stringField(metadata, 'creationTimestamp'),
  };
}

export interface CSINodeInfo {
  /** The attach limit (allocatable.count) per driver. */
  readonly limits: ReadonlyMap<string, number>;
  /** isPluginMigratedToCSIOnNode: the plugins the migrated-plugins annotation lists (comma-separated). */
  readonly migratedPlugins: ReadonlySet<string>;
}

export function toCSINodeInfo(object: KubeObject): CSINodeInfo {
  const limits = new Map<string, number>();
  for (const entry of asArray(asRecord(object.value['spec'])?.['drivers'])) {
    const driver = asRecord(entry);
    const count = asRecord(driver?.['allocatable'])?.['count'];
    if (typeof count === 'number') limits.set(stringField(driver, 'name'), count);
  }
  const migrated = asStringMap(asRecord(object.value['metadata'])?.['annotations'])[ANN_MIGRATED_PLUGINS] ?? '';
  return { limits, migratedPlugins: new Set(migrated === '' ? [] : migrated.split(',')) };
}

export function toCapacityInfo(object: KubeObject): CapacityInfo {
  const topology = object.value['nodeTopology'];
  return {
    className: stringField(object.value, 'storageClassName'),
    limit: bytes(object.value['maximumVolumeSize']) ?? bytes(object.value['capacity']),
    nodeTopology: asRecord(topology) ? toLabelSelector(topology) : undefined,
  };
}

/**
 * v1helper.MatchTopologySelectorTerms: no terms match everything; otherwise some term must match entirely, and a term
 * without requirements (valid API) matches nothing.
 */
export function matchesTopology(terms: readonly TopologyTerm[], labels: Labels): boolean {
  if (terms.length === 0) return true;
  return terms.some((term) => term.length > 0 && term.every(({ key, values }) => Object.hasOwn(labels, key) && values.includes(labels[key] ?? '')));
}
