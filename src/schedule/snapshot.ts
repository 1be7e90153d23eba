// The scheduler's view of the cluster: NodeInfos (sorted by name) with their bound pods, Namespaces, priorities.
import { appendAll } from '../model/append.js';
import type { ClusterSnapshot } from '../model/cluster.js';
import type { Path } from '../model/document.js';
import type { Finding } from '../model/finding.js';
import { selectorFromSet, toLabelSelector, type LabelSelector, type Labels } from '../model/labels.js';
import { asArray, asRecord, asStringMap, controllerReference, type KubeObject } from '../model/object.js';
import { SYSTEM_PRIORITY_CLASSES } from '../model/priority-classes.js';
import type { Workload } from '../model/workload.js';
import { jobPodLabels } from '../model/job-labels.js';
import { limitRangeDefaultsOf } from './limit-ranger.js';
import { SharedNodeParts, toNodeInfo, withClusterImageStates, type NodeInfo } from './node-info.js';
import { quantityFindings } from './quantity-findings.js';
import { POD_TEMPLATE_HASH_LABEL, podTemplateHash, withPodTemplateHash } from './pod-template-hash.js';
import { ROLLOUTS_POD_TEMPLATE_HASH } from '../model/rollout-labels.js';
import { NONE, toPodInfo, type PodInfo, type PodInfoOptions, type PodSource, type ServiceSelector } from './pod-info.js';
import { PodRequestsMemo, type QuantityProblem } from './resources.js';
import { runtimeClassesOf } from '../model/runtime-class.js';
import { StorageCatalog } from './volumes/storage-catalog.js';
import { draExtendedResources } from './dra-extended-resources.js';
import { FirstObjects } from './duplicate-cluster-objects.js';
import { malformedClusterObjectFindings } from './malformed-cluster-objects.js';
import { DeviceCatalog } from './dra/device-catalog.js';
import { namespaceLabelsOf } from './namespace-labels.js';
import { toPodDisruptionBudget, type PodDisruptionBudget } from './preemption/pod-disruption-budgets.js';

/** The cluster before anything is placed: nodes sorted by name, Namespace labels, the release to imitate. */
export interface SchedulerSnapshot {
  readonly nodes: readonly NodeInfo[];
  readonly namespaceLabels: ReadonlyMap<string, Labels>;
  readonly minor: number;
  readonly podOptions: PodInfoOptions;
  readonly findings: Finding[];
  /** Pods that `kubectl drain` would evict from the drained nodes (not DaemonSet-owned, not static): to re-place. */
  readonly evicted: readonly KubeObject[];
  /** The storage objects; placement assumes bindings on a fork of it. */
  readonly storage: StorageCatalog;
  /** The DRA objects DynamicResources allocates devices from. */
  readonly devices: DeviceCatalog;
  /** With the disruption controller's count for those written without a status. */
  readonly podDisruptionBudgets: readonly PodDisruptionBudget[];
  readonly controllers: ControllerSelectors;
}

/** The selectors of the cluster's ReplicaSets, StatefulSets and ReplicationControllers, by controllerKey. */
export type ControllerSelectors = ReadonlyMap<string, LabelSelector>;

function controllerKey(apiVersion: string, kind: string, namespace: string, name: string): string {
  return `${apiVersion}/${kind}\u0000${namespace}\u0000${name}`;
}

function controllerSelectorsOf(controllers: readonly KubeObject[]): ControllerSelectors {
  const out = new Map<string, LabelSelector>();
  for (const object of controllers) {
    const { apiVersion, kind, namespace, name } = object.ref;
    const key = controllerKey(apiVersion, kind, namespace, name);
    const selector = ownerSelectorOf(kind, object);
    if (selector && !out.has(key)) out.set(key, selector);
  }
  return out;
}

/**
 * The selector of the pod's controller when it is a ReplicationController, ReplicaSet or StatefulSet of the cluster
 * (looked up by name in the pod's namespace, as the scheduler's listers are).
 * upstream: pkg/scheduler/framework/plugins/helper/spread.go DefaultSelector (v1.35)
 */
function controllerSelectorOf(pod: KubeObject, controllers: ControllerSelectors): LabelSelector | undefined {
  // metav1.GetControllerOfNoCopy
  const owner = controllerReference(pod.value['metadata']);
  const { apiVersion, kind, name } = owner ?? {};
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || typeof name !== 'string') return undefined;
  return controllers.get(controllerKey(apiVersion, kind, pod.ref.namespace, name));
}

const POD_SPEC_PATH: Path = ['spec'];

export function podSourceOfPod(object: KubeObject): PodSource {
  const metadata = asRecord(object.value['metadata']);
  return {
    object,
    spec: asRecord(object.value['spec']) ?? {},
    specPath: POD_SPEC_PATH,
    labels: asStringMap(metadata?.['labels']),
    name: object.ref.name,
    terminating: metadata?.['deletionTimestamp'] != null,
  };
}

/**
 * Kinds whose pods are owned by a ReplicaSet, StatefulSet or ReplicationController with the workload's selector (an
 * Argo Rollout's by ReplicaSets, as a Deployment's).
 */
const SPREAD_OWNER_KINDS: ReadonlySet<string> = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController', 'Rollout']);

/** The selector of the pods' controller (a Deployment's ReplicaSet carries the Deployment's, pod-template-hash aside). */
function ownerSelectorOf(kind: string, object: KubeObject): LabelSelector | undefined {
  if (!SPREAD_OWNER_KINDS.has(kind)) return undefined;
  const selector = asRecord(object.value['spec'])?.['selector'];
  if (kind === 'ReplicationController') return asRecord(selector) ? selectorFromSet(asStringMap(selector)) : undefined;
  const parsed = toLabelSelector(selector);
  return parsed.requirements ? parsed : undefined;
}

/** The pods of a workload as its controller makes them (a bare Pod as written, with its controller's selector if any). */
export function podSourceOfWorkload(workload: Workload, controllers: ControllerSelectors): PodSource {
  const owner = workload.kind === 'Pod' ? controllerSelectorOf(workload.object, controllers) : ownerSelectorOf(workload.kind, workload.object);
  const { labels, selector: ownerSelector } = workload.kind === 'Deployment' || workload.kind === 'Rollout'
    ? withPodTemplateHash(podTemplateHash(workload.object), workload.podLabels, owner, workload.kind === 'Rollout' ? ROLLOUTS_POD_TEMPLATE_HASH : POD_TEMPLATE_HASH_LABEL)
    : { labels: workload.kind === 'Job' ? jobPodLabels(workload.object, workload.podLabels) : workload.podLabels, selector: owner };
  return {
    object: workload.object,
    ...(ownerSelector && { ownerSelector }),
    spec: workload.podSpec,
    specPath: workload.podSpecPath,
    labels,
    name: workload.object.ref.name,
    terminating: false,
    ...(workload.kind !== 'Pod' && { fromTemplate: true as const }),
  };
}

/** PodInfo of a pod or template; malformed quantities become findings. */
export function buildPodInfo(source: PodSource, options: PodInfoOptions, findings: Finding[]): PodInfo {
  const problems: QuantityProblem[] = [];
  const pod = toPodInfo(source, options, problems);
  appendAll(findings, quantityFindings(source.object, problems));
  return pod;
}

/** Services with a selector (a nil selector selects nothing), by namespace. */
function serviceSelectors(services: readonly KubeObject[]): ServiceSelector[] {
  return services.flatMap((service) => {
    const selector = asRecord(asRecord(service.value['spec'])?.['selector']);
    return selector ? [{ namespace: service.ref.namespace, selector: asStringMap(selector) }] : [];
  });
}

function podInfoOptions(snapshot: ClusterSnapshot, minor: number): PodInfoOptions {
  return {
    ...priorityOptions(snapshot.priorityClasses),
    minor,
    services: serviceSelectors(snapshot.services),
    runtimeClasses: runtimeClassesOf(snapshot.runtimeClasses),
    limitRangeDefaults: limitRangeDefaultsOf(snapshot.limitRanges),
    draExtendedResources: draExtendedResources(snapshot.deviceClasses, minor),
    requestsMemo: new PodRequestsMemo(),
  };
}

function priorityOptions(classes: readonly KubeObject[]): Pick<PodInfoOptions, 'priorityClasses' | 'defaultPriority' | 'hasGlobalDefault' | 'neverPreempting'> {
  const priorityClasses = new Map<string, number>(SYSTEM_PRIORITY_CLASSES);
  const neverPreempting = new Set<string>();
  let globalDefault: { readonly name: string; readonly value: number } | undefined;
  for (const object of classes) {
    // a value that is not an integer is reported (malformed-cluster-object) and read as absent: an int32 field the
    // object leaves out decodes to 0, as the API server stores a class written without one (PriorityClass.Value)
    const value = Number.isInteger(object.value['value']) ? (object.value['value'] as number) : 0;
    priorityClasses.set(object.ref.name, value);
    if (object.value['preemptionPolicy'] === 'Never') neverPreempting.add(object.ref.name);
    // upstream: plugin/pkg/admission/priority/admission.go getDefaultPriorityClass: of several global defaults (a
    // race the API server's validation lets through), the one with the lowest value; its preemptionPolicy goes with it
    if (object.value['globalDefault'] === true && (!globalDefault || value < globalDefault.value)) globalDefault = { name: object.ref.name, value };
  }
  if (globalDefault && neverPreempting.has(globalDefault.name)) neverPreempting.add('');
  return { priorityClasses, defaultPriority: globalDefault?.value ?? 0, hasGlobalDefault: globalDefault !== undefined, neverPreempting };
}

/**
 * Builds NodeInfos from Nodes and the pods bound to them (of each Node, and each Pod, the first of its name: the others
 * are reported); other nodes' pods are ignored. `incomingNamespaces`: the namespaces of the pods to schedule.
 */
export function toSchedulerSnapshot(snapshot: ClusterSnapshot, minor: number, drain: readonly string[] = [], incomingNamespaces: Iterable<string> = []): SchedulerSnapshot {
  const findings: Finding[] = [];
  const podOptions = podInfoOptions(snapshot, minor);
  const podsByNode = new Map<string, PodInfo[]>();
  const evicted: KubeObject[] = [];
  const firstPods = new FirstObjects(findings);
  for (const object of snapshot.boundPods) {
    appendAll(findings, malformedClusterObjectFindings(object));
    if (!firstPods.isFirst(`${object.ref.namespace}/${object.ref.name}`, object)) continue;
    const nodeName = String(asRecord(object.value['spec'])?.['nodeName']);
    if (drain.includes(nodeName)) {
      if (isEvictable(object)) evicted.push(object);
      continue;
    }
    const pods = podsByNode.get(nodeName) ?? [];
    pods.push(buildPodInfo(podSourceOfPod(object), podOptions, findings));
    podsByNode.set(nodeName, pods);
  }
  const byName = new Map<string, NodeInfo>();
  const shared = new SharedNodeParts();
  const firstNodes = new FirstObjects(findings);
  for (const object of snapshot.nodes) {
    const name = object.ref.name;
    appendAll(findings, malformedClusterObjectFindings(object));
    if (!firstNodes.isFirst(name, object) || drain.includes(name)) continue;
    const problems: QuantityProblem[] = [];
    // a copy of its exact size: the list pushed to keeps room for 17 pods
    byName.set(name, toNodeInfo(object, podsByNode.get(name)?.slice() ?? NONE, problems, shared));
    appendAll(findings, quantityFindings(object, problems));
  }
  for (const object of consultedObjects(snapshot)) appendAll(findings, malformedClusterObjectFindings(object));
  const nodes = withClusterImageStates([...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)));
  const storage = StorageCatalog.of(snapshot.storage, snapshot.storageSource, minor);
  const podDisruptionBudgets = snapshot.podDisruptionBudgets.map((budget) => toPodDisruptionBudget(budget, { pods: snapshot.boundPods, controllers: snapshot.controllers }));
  const controllers = controllerSelectorsOf(snapshot.controllers);
  const devices = DeviceCatalog.of(snapshot, minor);
  return { nodes, namespaceLabels: namespaceLabelsOf(snapshot.namespaces, podNamespaces(snapshot.boundPods, incomingNamespaces)), minor, podOptions, findings, evicted, storage, devices, podDisruptionBudgets, controllers };
}

/** The objects the scheduler consults beside Nodes and bound Pods. */
function* consultedObjects(snapshot: ClusterSnapshot): Iterable<KubeObject> {
  const { priorityClasses, namespaces, services, controllers, runtimeClasses, limitRanges, storage, podDisruptionBudgets, deviceClasses, resourceSlices, resourceClaims, resourceClaimTemplates } = snapshot;
  for (const objects of [priorityClasses, namespaces, services, controllers, runtimeClasses, limitRanges, storage, podDisruptionBudgets, deviceClasses, resourceSlices, resourceClaims, resourceClaimTemplates]) yield* objects;
}

function* podNamespaces(boundPods: readonly KubeObject[], incomingNamespaces: Iterable<string>): Iterable<string> {
  for (const pod of boundPods) yield pod.ref.namespace;
  yield* incomingNamespaces;
}

/** kubectl drain evicts every pod but DaemonSet pods (with --ignore-daemonsets) and static (mirror) pods. */
function isEvictable(pod: KubeObject): boolean {
  const metadata = asRecord(pod.value['metadata']);
  if (asRecord(metadata?.['annotations'])?.['kubernetes.io/config.mirror'] !== undefined) return false;
  return !asArray(metadata?.['ownerReferences']).some((owner) => asRecord(owner)?.['kind'] === 'DaemonSet');
}

/** The pod as its controller would re-create it: the same spec without a node. */
export function podSourceOfEvicted(object: KubeObject, controllers: ControllerSelectors): PodSource {
  const source = podSourceOfPod(object);
  const spec: Record<string, unknown> = { ...source.spec };
  delete spec['nodeName'];
  const ownerSelector = controllerSelectorOf(object, controllers);
  return { ...source, spec, terminating: false, fromTemplate: true, ...(ownerSelector && { ownerSelector }) };
}
