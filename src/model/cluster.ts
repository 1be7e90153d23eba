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
  /** PersistentVolumeClaims, PersistentVolumes, StorageClasses, CSINodes, CSIDrivers, CSIStorageCapacities. */
  readonly storage: readonly KubeObject[];
  /** PodDisruptionBudgets (preemption prefers victims whose budgets allow the disruption). */
  readonly podDisruptionBudgets: readonly KubeObject[];
  /** True when a cluster snapshot was given: an object it lacks does not exist in the cluster. */
  readonly fromSnapshot: boolean;
}

const STORAGE_KINDS: ReadonlySet<string> = new Set([
  'v1/PersistentVolumeClaim',
  'v1/PersistentVolume',
  'storage.k8s.io/v1/StorageClass',
  'storage.k8s.io/v1/CSINode',
  'storage.k8s.io/v1/CSIDriver',
  'storage.k8s.io/v1/CSIStorageCapacity',
  'storage.k8s.io/v1beta1/CSIStorageCapacity',
]);

/** Sorts objects from all inputs into the cluster snapshot's buckets. */
export function toClusterSnapshot(objects: readonly KubeObject[], fromSnapshot = false): ClusterSnapshot {
  const nodes: KubeObject[] = [];
  const boundPods: KubeObject[] = [];
  const namespaces: KubeObject[] = [];
  const priorityClasses: KubeObject[] = [];
  const storage: KubeObject[] = [];
  const podDisruptionBudgets: KubeObject[] = [];
  for (const object of objects) {
    const { apiVersion, kind } = object.ref;
    if (kind === 'Node' && apiVersion === 'v1') nodes.push(object);
    else if (kind === 'Pod' && apiVersion === 'v1' && isBound(object)) boundPods.push(object);
    else if (kind === 'Namespace' && apiVersion === 'v1') namespaces.push(object);
    else if (kind === 'PriorityClass') priorityClasses.push(object);
    else if (STORAGE_KINDS.has(`${apiVersion}/${kind}`)) storage.push(object);
    else if (kind === 'PodDisruptionBudget' && apiVersion === 'policy/v1') podDisruptionBudgets.push(object);
  }
  return { nodes, boundPods, namespaces, priorityClasses, storage, podDisruptionBudgets, fromSnapshot };
}

/** A Pod already placed on a node and still holding its resources. */
export function isBound(pod: KubeObject): boolean {
  const nodeName = asRecord(pod.value['spec'])?.['nodeName'];
  const phase = asRecord(pod.value['status'])?.['phase'];
  return typeof nodeName === 'string' && nodeName !== '' && phase !== 'Succeeded' && phase !== 'Failed';
}
