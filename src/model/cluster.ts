// The cluster a scheduling dry-run targets: Nodes, the Pods bound to them, and the objects the scheduler consults.
import { asRecord, type KubeObject } from './object.js';

export interface ClusterSnapshot {
  /** Node objects, from --cluster inputs and from the main inputs. */
  readonly nodes: readonly KubeObject[];
  /** Pods with spec.nodeName set and a phase other than Succeeded/Failed: they occupy their node. */
  readonly boundPods: readonly KubeObject[];
  /** Namespace objects (for namespaceSelector in pod affinity terms). */
  readonly namespaces: readonly KubeObject[];
  /** PriorityClass objects (for placement order and preemption). */
  readonly priorityClasses: readonly KubeObject[];
  /** LimitRange objects (the LimitRanger admission plugin gives containers their namespace's default requests). */
  readonly limitRanges: readonly KubeObject[];
  /** RuntimeClass objects (the RuntimeClass admission plugin adds their overhead, node selector and tolerations to pods). */
  readonly runtimeClasses: readonly KubeObject[];
  /** Service objects (their selectors feed the scheduler's default topology spreading). */
  readonly services: readonly KubeObject[];
  /** PersistentVolumeClaims, PersistentVolumes, StorageClasses, CSINodes, CSIDrivers, CSIStorageCapacities, VolumeAttachments. */
  readonly storage: readonly KubeObject[];
  /** ReplicaSets, StatefulSets and ReplicationControllers (a pending Pod's controller's selector feeds default spreading). */
  readonly controllers: readonly KubeObject[];
  /** PodDisruptionBudgets (preemption prefers victims whose budgets allow the disruption). */
  readonly podDisruptionBudgets: readonly KubeObject[];
  /** DeviceClasses (from v1.36 NodeResourcesFit leaves the extended resources they name to Dynamic Resource Allocation). */
  readonly deviceClasses: readonly KubeObject[];
  /** ResourceSlices, ResourceClaims and ResourceClaimTemplates (resource.k8s.io/v1): what DynamicResources allocates from. */
  readonly resourceSlices: readonly KubeObject[];
  readonly resourceClaims: readonly KubeObject[];
  readonly resourceClaimTemplates: readonly KubeObject[];
  /** What the objects tell of the cluster's storage (see StorageSource). */
  readonly storageSource: StorageSource;
}

/**
 * What a run knows of the cluster's storage: a cluster snapshot that holds storage objects (a claim, volume or class it
 * lacks does not exist), a snapshot without any (`kubectl get nodes,pods`: the cluster's storage is unknown), or no
 * snapshot at all (only the inputs' own objects).
 */
export type StorageSource = 'snapshot' | 'snapshot-without-storage' | 'inputs';

const STORAGE_KINDS: ReadonlySet<string> = new Set([
  'v1/PersistentVolumeClaim',
  'v1/PersistentVolume',
  'storage.k8s.io/v1/StorageClass',
  'storage.k8s.io/v1/CSINode',
  'storage.k8s.io/v1/CSIDriver',
  'storage.k8s.io/v1/CSIStorageCapacity',
  'storage.k8s.io/v1beta1/CSIStorageCapacity',
  'storage.k8s.io/v1/VolumeAttachment',
]);

/** The controllers helper.DefaultSelector follows a pod's controller reference to (rcKind, rsKind, ssKind). */
const CONTROLLER_KINDS: ReadonlySet<string> = new Set(['v1/ReplicationController', 'apps/v1/ReplicaSet', 'apps/v1/StatefulSet']);

/**
 * The structured-parameters objects of resource.k8s.io/v1 (GA from 1.34), as `kubectl get -o yaml` prints them, and of
 * the beta versions the API server still serves, which it stores as v1 (dra/v1beta1-conversion.ts).
 */
const RESOURCE_VERSIONS: ReadonlySet<string> = new Set(['resource.k8s.io/v1', 'resource.k8s.io/v1beta2', 'resource.k8s.io/v1beta1']);
const RESOURCE_BUCKETS: ReadonlyMap<string, 'resourceSlices' | 'resourceClaims' | 'resourceClaimTemplates'> = new Map([
  ['ResourceSlice', 'resourceSlices'],
  ['ResourceClaim', 'resourceClaims'],
  ['ResourceClaimTemplate', 'resourceClaimTemplates'],
] as const);

type Bucket = Exclude<keyof ClusterSnapshot, 'storageSource'>;

/** Sorts objects from all inputs into the cluster snapshot's buckets. */
export function toClusterSnapshot(objects: readonly KubeObject[], storageSource: StorageSource = 'inputs'): ClusterSnapshot {
  const snapshot: { [B in Bucket]: KubeObject[] } = { nodes: [], boundPods: [], namespaces: [], priorityClasses: [], limitRanges: [], runtimeClasses: [], services: [], storage: [], controllers: [], podDisruptionBudgets: [], deviceClasses: [], resourceSlices: [], resourceClaims: [], resourceClaimTemplates: [] };
  for (const object of objects) {
    const bucket = bucketOf(object);
    if (bucket) snapshot[bucket].push(object);
  }
  return { ...snapshot, storageSource };
}

/** Whether the object is one of the storage objects the volume plugins read (a claim, volume, class, CSINode...). */
export function isStorageObject(object: KubeObject): boolean {
  return bucketOf(object) === 'storage';
}

/** Whether the cluster snapshot holds the object (a Node, a bound Pod, a Namespace, a Service, a storage object...). */
export function isClusterObject(object: KubeObject): boolean {
  return bucketOf(object) !== undefined;
}

function bucketOf(object: KubeObject): Bucket | undefined {
  const { apiVersion, kind } = object.ref;
  if (kind === 'Node' && apiVersion === 'v1') return 'nodes';
  if (kind === 'Pod' && apiVersion === 'v1' && isBound(object)) return 'boundPods';
  if (kind === 'Namespace' && apiVersion === 'v1') return 'namespaces';
  if (kind === 'PriorityClass') return 'priorityClasses';
  if (kind === 'RuntimeClass' && apiVersion === 'node.k8s.io/v1') return 'runtimeClasses';
  if (kind === 'LimitRange' && apiVersion === 'v1') return 'limitRanges';
  if (kind === 'Service' && apiVersion === 'v1') return 'services';
  if (STORAGE_KINDS.has(`${apiVersion}/${kind}`)) return 'storage';
  if (kind === 'PodDisruptionBudget' && apiVersion === 'policy/v1') return 'podDisruptionBudgets';
  if (CONTROLLER_KINDS.has(`${apiVersion}/${kind}`)) return 'controllers';
  if (kind === 'DeviceClass' && apiVersion.startsWith('resource.k8s.io/')) return 'deviceClasses';
  if (RESOURCE_VERSIONS.has(apiVersion)) return RESOURCE_BUCKETS.get(kind);
  return undefined;
}

/** A Pod already placed on a node and still holding its resources. */
export function isBound(pod: KubeObject): boolean {
  const nodeName = asRecord(pod.value['spec'])?.['nodeName'];
  const phase = asRecord(pod.value['status'])?.['phase'];
  return typeof nodeName === 'string' && nodeName !== '' && phase !== 'Succeeded' && phase !== 'Failed';
}
