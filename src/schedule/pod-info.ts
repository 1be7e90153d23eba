// PodInfo: everything the filters and scores read from one pod, computed once (upstream framework.PodInfo).
import type { Path } from '../model/document.js';
import {
  NOTHING, andSelectors, isEmptySelector, matchesSelector, selectorFromSet, toLabelSelector, toNodeSelector,
  toNodeSelectorTerm, type LabelSelector, type Labels, type NodeSelector, type NodeSelectorTerm, type Requirement,
} from '../model/labels.js';
import { asArray, asRecord, asStringMap, stringField, type KubeObject } from '../model/object.js';
import { defaultedHostPort } from '../model/pod-defaults.js';
import { dropDisabledFields } from './drop-disabled-fields.js';
import { withDefaultTolerations } from './default-toleration-seconds.js';
import { withDefaultRequests, type LimitRangeDefaults } from './limit-ranger.js';
import { admittedSpec, type RuntimeClassAdmission } from '../model/runtime-class.js';
import { requiredNodeFeatures } from './plugins/node-declared-features.js';
import { preferredTermsError } from './profile/node-selector-errors.js';
import type { SchedulerProfile, SchedulerProfiles } from './profile/profile.js';
import { podRequests, statusResources, type PodRequestsMemo, type QuantityProblem, type ResourceAmounts } from './resources.js';
import { podVolumesOf, type PodVolume } from './volumes/pod-volumes.js';
import { podResourceClaimsOf, type PodResourceClaim } from './dra/pod-resource-claims.js';
import { extendedResourceRequests, type ExtendedResourceRequests } from './dra/extended-resource-claim.js';

export interface Taint {
  readonly key: string;
  readonly value: string;
  readonly effect: string;
}

export interface Toleration {
  readonly key: string;
  readonly operator: string;
  readonly value: string;
  readonly effect: string;
}

export interface HostPort {
  /** "0.0.0.0" when the pod did not name one. */
  readonly ip: string;
  /** "TCP" when the pod did not name one. */
  readonly protocol: string;
  readonly port: number;
}

/** A pod (anti-)affinity term with its namespaces resolved as framework.AffinityTerm does. */
export interface AffinityTerm {
  readonly selector: LabelSelector;
  readonly namespaces: ReadonlySet<string>;
  readonly namespaceSelector: LabelSelector;
  readonly topologyKey: string;
}

export interface WeightedAffinityTerm {
  readonly weight: number;
  readonly term: AffinityTerm;
}

export interface PreferredNodeTerm {
  readonly weight: number;
  readonly term: NodeSelectorTerm;
}

export interface TopologySpreadConstraint {
  readonly maxSkew: number;
  readonly topologyKey: string;
  readonly whenUnsatisfiable: string;
  /** labelSelector ANDed with matchLabelKeys' `key=value` from the pod's labels. */
  readonly selector: LabelSelector;
  readonly minDomains: number;
  readonly nodeAffinityPolicy: 'Honor' | 'Ignore';
  readonly nodeTaintsPolicy: 'Honor' | 'Ignore';
}

export interface PodInfo {
  readonly namespace: string;
  readonly name: string;
  readonly labels: Labels;
  readonly nodeName: string | undefined;
  readonly priority: number;
  readonly terminating: boolean;
  readonly tolerations: readonly Toleration[];
  readonly nodeSelector: Labels | undefined;
  readonly requiredNodeAffinity: NodeSelector | undefined;
  readonly preferredNodeAffinity: readonly PreferredNodeTerm[];
  /**
   * Why the preferred node affinity terms cannot be parsed (values the API server lets through but labels.NewRequirement
   * refuses), as NodeAffinity's PreScore fails with it; undefined when they parse.
   */
  readonly preferredNodeAffinityError: string | undefined;
  readonly requests: ResourceAmounts;
  /** cpu and memory requests with scoring's defaults for containers that set none. */
  readonly nonZeroRequests: ResourceAmounts;
  /** What the pod adds to its node's non-zero requests once bound (PodRequests.boundNonZeroRequests). */
  readonly boundNonZeroRequests: ResourceAmounts;
  /** The part of `requests` that is spec.overhead (PodRequests.overhead). */
  readonly overhead: ResourceAmounts;
  readonly hostPorts: readonly HostPort[];
  readonly requiredAffinityTerms: readonly AffinityTerm[];
  readonly requiredAntiAffinityTerms: readonly AffinityTerm[];
  readonly preferredAffinityTerms: readonly WeightedAffinityTerm[];
  readonly preferredAntiAffinityTerms: readonly WeightedAffinityTerm[];
  readonly topologySpreadConstraints: readonly TopologySpreadConstraint[];
  /** helper.DefaultSelector for the system default spread constraints; undefined when it is empty or the pod has its own. */
  readonly systemDefaultSpreadSelector: LabelSelector | undefined;
  /** Images of the init containers and containers, normalised as ImageLocality does (":latest" when untagged). */
  readonly images: readonly string[];
  /** References of the image volumes, normalised the same way (ImageLocality reads them from v1.36). */
  readonly imageVolumes: readonly string[];
  /** The claims and in-tree disks the volume plugins read. */
  readonly volumes: readonly PodVolume[];
  /** Features the pod needs its node to declare (NodeDeclaredFeatures, v1.36+). */
  readonly requiredNodeFeatures: readonly string[];
  /** spec.os.name: the kubelet admits the pod only on a node of that OS. */
  readonly os: string | undefined;
  /** supplementalGroupsPolicy Strict, from v1.33: the kubelet admits the pod only on a node that supports it. */
  readonly strictSupplementalGroups: boolean;
  /** False for `preemptionPolicy: Never` (the pod's own or its PriorityClass's): it never preempts. */
  readonly mayPreempt: boolean;
  /** status.startTime of a running pod (preemption spares the longest-running first among equals). */
  readonly startTime: string | undefined;
  /** status.nominatedNodeName of a pending pod: where an earlier preemption made room for it. */
  readonly nominatedNodeName: string | undefined;
  /** A bound pod being deleted because the scheduler preempted it (its DisruptionTarget condition says so). */
  readonly preemptionVictim: boolean;
  /** The pod claims devices (spec.resourceClaims): DynamicResources keeps state for it. */
  readonly hasResourceClaims: boolean;
  /** Its spec.resourceClaims, each with the ResourceClaim or template it names. */
  readonly resourceClaims: readonly PodResourceClaim[];
  /**
   * The extended resources it requests that a DeviceClass backs (v1.36+), with the device requests of each: NodeResourcesFit
   * leaves them to DynamicResources on a node that advertises none of them (dra-extended-resources.ts,
   * dra/extended-resource-claim.ts).
   */
  readonly draExtendedResources: ExtendedResourceRequests;
  /** spec.schedulerName, "default-scheduler" when unset. */
  readonly schedulerName: string;
  /** The profile of that name; undefined when none was given (the default profile runs) or none has that name. */
  readonly profile: SchedulerProfile | undefined;
  /** Identical signatures mean identical scheduling behaviour (the pod's equivalence class). */
  readonly signature: string;
}

export interface PodSource {
  readonly object: KubeObject;
  /** The selector of the controller that owns the pod when it is a ReplicaSet, StatefulSet or ReplicationController. */
  readonly ownerSelector?: LabelSelector;
  readonly spec: Readonly<Record<string, unknown>>;
  readonly specPath: Path;
  readonly labels: Labels;
  readonly name: string;
  readonly terminating: boolean;
  /**
   * A pod its controller is still to create from a template (under a generated name): the claims of its generic
   * ephemeral volumes are created for it then, so none of them exists yet whatever its name.
   */
  readonly fromTemplate?: true;
}

/** A Service's namespace and non-nil spec.selector. */
export interface ServiceSelector {
  readonly namespace: string;
  readonly selector: Labels;
}

export interface PodInfoOptions {
  readonly minor: number;
  readonly services: readonly ServiceSelector[];
  /** PriorityClass name → value, and the globalDefault class's value (0 when none). */
  readonly priorityClasses: ReadonlyMap<string, number>;
  readonly defaultPriority: number;
  /** Whether a PriorityClass marked globalDefault is known (defaultPriority is its value). */
  readonly hasGlobalDefault?: boolean;
  /** PriorityClass names (and "" for the globalDefault class) whose preemptionPolicy is Never. */
  readonly neverPreempting?: ReadonlySet<string>;
  /** Extended resource names backed by a DeviceClass, and the class (dra-extended-resources.ts); none before v1.36. */
  readonly draExtendedResources?: ReadonlyMap<string, string>;
  /** Shares the requests of pods that declare the same resources (a snapshot's bound pods). */
  readonly requestsMemo?: PodRequestsMemo;
  /** RuntimeClasses by name: their overhead, node selector and tolerations go into the pods that name them. */
  readonly runtimeClasses?: ReadonlyMap<string, RuntimeClassAdmission>;
  /** LimitRange default requests by namespace: containers that request nothing of a resource get them. */
  readonly limitRangeDefaults?: LimitRangeDefaults;
  /** The scheduler profiles by name, for the pods to place. */
  readonly profiles?: SchedulerProfiles;
  /** What runs a pod to place that names its node: the kubelet's admission (kubelet-admission.ts), not a profile. */
  readonly kubeletAdmission?: SchedulerProfile;
}

/** InPlacePodVerticalScaling on by default (beta): the scheduler counts what a bound pod's status reports. */
const IN_PLACE_RESIZE_SINCE = 33;

/** The SupplementalGroupsPolicy gate beta: the kubelet refuses a Strict pod on a node without the feature from then. */
const SUPPLEMENTAL_GROUPS_POLICY_SINCE = 33;

/** A pod spec bound to a node (a pod re-created by its controller after an eviction is not: its status is the old pod's). */
function isBoundSpec(spec: Readonly<Record<string, unknown>>): boolean {
  return typeof spec['nodeName'] === 'string' && spec['nodeName'] !== '';
}

/**
 * The pod spec as the API server stores it (fields of features off in the release dropped), then as the admission
 * plugins that change what the scheduler reads leave it, in the API server's order (LimitRanger, DefaultTolerationSeconds,
 * RuntimeClass: pkg/kubeapiserver/options/plugins.go AllOrderedPlugins); a bound pod passed them when it was created.
 */
function admitted(source: PodSource, options: PodInfoOptions): Readonly<Record<string, unknown>> {
  const spec = dropDisabledFields(source.spec, options.minor);
  if (!passesAdmission(source)) return spec;
  const namespace = source.object.ref.namespace;
  const limited = options.limitRangeDefaults ? withDefaultRequests(spec, namespace, options.limitRangeDefaults) : spec;
  const tolerating = withDefaultTolerations(limited);
  return options.runtimeClasses ? admittedSpec(tolerating, options.runtimeClasses) : tolerating;
}

/** Builds the PodInfo of a pod (or a pod template); malformed quantities go to `problems`. */
export function toPodInfo(source: PodSource, options: PodInfoOptions, problems: QuantityProblem[]): PodInfo {
  const { specPath, labels } = source;
  const namespace = source.object.ref.namespace;
  const spec = admitted(source, options);
  const podLevelResources = options.minor >= 34;
  const affinity = asRecord(spec['affinity']);
  const podAffinity = asRecord(affinity?.['podAffinity']);
  const podAntiAffinity = asRecord(affinity?.['podAntiAffinity']);
  const nodeAffinity = asRecord(affinity?.['nodeAffinity']);
  const required = nodeAffinity?.['requiredDuringSchedulingIgnoredDuringExecution'];
  // a bound pod's status may report resized resources (in-place resize, on by default from v1.33); few do, so the
  // memo of shared declarations stays keyed on the spec
  const status = options.minor >= IN_PLACE_RESIZE_SINCE && isBoundSpec(spec) ? statusResources(source.object.value['status'], problems) : undefined;
  const { requests, nonZeroRequests, boundNonZeroRequests, overhead } = status
    ? podRequests(spec, specPath, podLevelResources, problems, status)
    : options.requestsMemo
      ? options.requestsMemo.podRequests(spec, specPath, podLevelResources, problems)
      : podRequests(spec, specPath, podLevelResources, problems);
  // the API server merges matchLabelKeys into a term's selector when it creates the pod; a stored pod's has them already
  const owner: TermOwner = { namespace, labels, stored: !passesAdmission(source) };
  const schedulerName = stringField(spec, 'schedulerName') || 'default-scheduler';
  const podOS = asRecord(spec['os']);
  return new BuiltPodInfo(spec, {
    namespace,
    name: source.name,
    labels,
    nodeName: isBoundSpec(spec) ? (spec['nodeName'] as string) : undefined,
    priority: priorityOf(spec, options, isCreated(source)),
    terminating: source.terminating,
    tolerations: mapEntries(spec['tolerations'], toToleration),
    nodeSelector: asRecord(spec['nodeSelector']) ? asStringMap(spec['nodeSelector']) : undefined,
    requiredNodeAffinity: asRecord(required) ? toNodeSelector(required) : undefined,
    preferredNodeAffinity: toPreferredNodeTerms(nodeAffinity?.['preferredDuringSchedulingIgnoredDuringExecution']),
    preferredNodeAffinityError: preferredTermsError(nodeAffinity?.['preferredDuringSchedulingIgnoredDuringExecution']),
    requests,
    nonZeroRequests,
    boundNonZeroRequests,
    overhead,
    hostPorts: hostPortsOf(spec, options.minor >= 34),
    requiredAffinityTerms: toAffinityTerms(podAffinity?.['requiredDuringSchedulingIgnoredDuringExecution'], owner),
    requiredAntiAffinityTerms: toAffinityTerms(podAntiAffinity?.['requiredDuringSchedulingIgnoredDuringExecution'], owner),
    preferredAffinityTerms: toWeightedTerms(podAffinity?.['preferredDuringSchedulingIgnoredDuringExecution'], owner),
    preferredAntiAffinityTerms: toWeightedTerms(podAntiAffinity?.['preferredDuringSchedulingIgnoredDuringExecution'], owner),
    topologySpreadConstraints: mapEntries(spec['topologySpreadConstraints'], (c) => toSpreadConstraint(c, labels)),
    systemDefaultSpreadSelector: asArray(spec['topologySpreadConstraints']).length > 0 ? undefined : defaultSelector(source, options),
    images: imagesOf(spec),
    imageVolumes: imageVolumesOf(spec),
    volumes: podVolumesOf(spec, { name: source.name, uid: source.fromTemplate ? undefined : stringField(asRecord(source.object.value['metadata']), 'uid') }),
    requiredNodeFeatures: requiredNodeFeatures(spec),
    os: podOS ? stringField(podOS, 'name') : undefined,
    strictSupplementalGroups: options.minor >= SUPPLEMENTAL_GROUPS_POLICY_SINCE && asRecord(spec['securityContext'])?.['supplementalGroupsPolicy'] === 'Strict',
    mayPreempt: mayPreempt(spec, options, isCreated(source)),
    startTime: startTimeOf(source.object),
    nominatedNodeName: isBoundSpec(spec) ? undefined : nominatedNodeNameOf(source.object),
    preemptionVictim: source.terminating && isPreemptionVictim(source.object),
    hasResourceClaims: asArray(spec['resourceClaims']).length > 0,
    resourceClaims: podResourceClaimsOf(spec, source.fromTemplate ? undefined : asRecord(source.object.value['status'])),
    draExtendedResources: draBacked(spec, requests, options.draExtendedResources),
    schedulerName,
    profile: isBoundSpec(spec) && options.kubeletAdmission ? options.kubeletAdmission : options.profiles?.get(schedulerName),
  });
}

type PodFields = Omit<PodInfo, 'signature'>;

/**
 * `pod` with its required node affinity replaced by `required` (a NodeSelector as the API writes it) and nothing else:
 * the DaemonSet controller's pod for one node from the daemon pod as admitted, every other field shared with it, so
 * that a DaemonSet on 5,000 nodes reads one spec, not 5,000. Its signature is the pod's and the selector's (a NUL,
 * which no JSON signature holds, keeps the two kinds apart).
 */
export function withRequiredNodeAffinity(pod: PodInfo, required: Readonly<Record<string, unknown>>): PodInfo {
  const { signature, ...fields } = pod;
  return new BuiltPodInfo({}, { ...fields, requiredNodeAffinity: toNodeSelector(required) }, `${signature}\u0000${JSON.stringify(required)}`);
}

/** `pod` also tolerating `added` (what a hint would have it tolerate), every other field shared with it. */
export function withTolerations(pod: PodInfo, added: readonly Toleration[]): PodInfo {
  const { signature, ...fields } = pod;
  return new BuiltPodInfo({}, { ...fields, tolerations: [...pod.tolerations, ...added] }, `${signature}\u0000${JSON.stringify(added)}`);
}

/**
 * Every PodInfo is one of these. An object literal with a `signature` getter is a dictionary-mode object in V8 (about
 * 1.4 kB per pod, half of a big cluster's snapshot); declared fields keep one shape with the values in the object. They
 * are assigned one by one (which the compiler checks is every one): `Object.assign(this, fields)` took V8's generic
 * path for each of the 37 (some 10,000 instructions per pod, 2% of `fit` on a 5,000-node snapshot).
 */
class BuiltPodInfo implements PodInfo {
  readonly namespace: string;
  readonly name: string;
  readonly labels: Labels;
  readonly nodeName: string | undefined;
  readonly priority: number;
  readonly terminating: boolean;
  readonly tolerations: readonly Toleration[];
  readonly nodeSelector: Labels | undefined;
  readonly requiredNodeAffinity: NodeSelector | undefined;
  readonly preferredNodeAffinity: readonly PreferredNodeTerm[];
  readonly preferredNodeAffinityError: string | undefined;
  readonly requests: ResourceAmounts;
  readonly nonZeroRequests: ResourceAmounts;
  readonly boundNonZeroRequests: ResourceAmounts;
  readonly overhead: ResourceAmounts;
  readonly hostPorts: readonly HostPort[];
  readonly requiredAffinityTerms: readonly AffinityTerm[];
  readonly requiredAntiAffinityTerms: readonly AffinityTerm[];
  readonly preferredAffinityTerms: readonly WeightedAffinityTerm[];
  readonly preferredAntiAffinityTerms: readonly WeightedAffinityTerm[];
  readonly topologySpreadConstraints: readonly TopologySpreadConstraint[];
  readonly systemDefaultSpreadSelector: LabelSelector | undefined;
  readonly images: readonly string[];
  readonly imageVolumes: readonly string[];
  readonly volumes: readonly PodVolume[];
  readonly requiredNodeFeatures: readonly string[];
  readonly os: string | undefined;
  readonly strictSupplementalGroups: boolean;
  readonly mayPreempt: boolean;
  readonly startTime: string | undefined;
  readonly nominatedNodeName: string | undefined;
  readonly preemptionVictim: boolean;
  readonly hasResourceClaims: boolean;
  readonly resourceClaims: readonly PodResourceClaim[];
  readonly draExtendedResources: ExtendedResourceRequests;
  readonly schedulerName: string;
  readonly profile: SchedulerProfile | undefined;
  /** The spec as admitted, which the signature reads besides the fields (the PodSource itself need not stay in memory). */
  readonly #spec: Readonly<Record<string, unknown>>;
  #signature: string | undefined;

  constructor(spec: Readonly<Record<string, unknown>>, fields: PodFields, signature?: string) {
    this.namespace = fields.namespace;
    this.name = fields.name;
    this.labels = fields.labels;
    this.nodeName = fields.nodeName;
    this.priority = fields.priority;
    this.terminating = fields.terminating;
    this.tolerations = fields.tolerations;
    this.nodeSelector = fields.nodeSelector;
    this.requiredNodeAffinity = fields.requiredNodeAffinity;
    this.preferredNodeAffinity = fields.preferredNodeAffinity;
    this.preferredNodeAffinityError = fields.preferredNodeAffinityError;
    this.requests = fields.requests;
    this.nonZeroRequests = fields.nonZeroRequests;
    this.boundNonZeroRequests = fields.boundNonZeroRequests;
    this.overhead = fields.overhead;
    this.hostPorts = fields.hostPorts;
    this.requiredAffinityTerms = fields.requiredAffinityTerms;
    this.requiredAntiAffinityTerms = fields.requiredAntiAffinityTerms;
    this.preferredAffinityTerms = fields.preferredAffinityTerms;
    this.preferredAntiAffinityTerms = fields.preferredAntiAffinityTerms;
    this.topologySpreadConstraints = fields.topologySpreadConstraints;
    this.systemDefaultSpreadSelector = fields.systemDefaultSpreadSelector;
    this.images = fields.images;
    this.imageVolumes = fields.imageVolumes;
    this.volumes = fields.volumes;
    this.requiredNodeFeatures = fields.requiredNodeFeatures;
    this.os = fields.os;
    this.strictSupplementalGroups = fields.strictSupplementalGroups;
    this.mayPreempt = fields.mayPreempt;
    this.startTime = fields.startTime;
    this.nominatedNodeName = fields.nominatedNodeName;
    this.preemptionVictim = fields.preemptionVictim;
    this.hasResourceClaims = fields.hasResourceClaims;
    this.resourceClaims = fields.resourceClaims;
    this.draExtendedResources = fields.draExtendedResources;
    this.schedulerName = fields.schedulerName;
    this.profile = fields.profile;
    this.#spec = spec;
    this.#signature = signature;
  }

  // Only pods being placed need their signature; bound pods (most PodInfos of a big cluster) never ask for it.
  get signature(): string {
    return (this.#signature ??= signatureOf(this.#spec, this));
  }
}

function signatureOf(spec: Readonly<Record<string, unknown>>, info: PodFields): string {
  return JSON.stringify([
    info.namespace, info.labels, info.nodeName, info.priority, info.terminating, spec['tolerations'], spec['nodeSelector'],
    spec['affinity'], spec['topologySpreadConstraints'], Object.entries(info.requests).map(String),
    Object.entries(info.nonZeroRequests).map(String), info.boundNonZeroRequests === info.nonZeroRequests || Object.entries(info.boundNonZeroRequests).map(String), info.hostPorts, info.images, info.imageVolumes, info.systemDefaultSpreadSelector,
    info.volumes, info.requiredNodeFeatures, info.os, info.strictSupplementalGroups, info.mayPreempt, info.startTime, info.nominatedNodeName, info.resourceClaims, info.schedulerName,
    info.draExtendedResources.size > 0 && [...info.draExtendedResources],
  ]);
}

const NO_EXTENDED_RESOURCES: ExtendedResourceRequests = new Map();

/** The device requests of the resources among `backed` the pod requests more than zero of (preFilterExtendedResources). */
function draBacked(spec: Readonly<Record<string, unknown>>, requests: ResourceAmounts, backed: ReadonlyMap<string, string> | undefined): ExtendedResourceRequests {
  if (backed === undefined || backed.size === 0) return NO_EXTENDED_RESOURCES;
  const requested = new Map<string, string>();
  for (const name in requests) {
    const deviceClass = backed.get(name);
    if (deviceClass !== undefined && requests[name] !== 0n) requested.set(name, deviceClass);
  }
  return requested.size > 0 ? extendedResourceRequests(spec, requested) : NO_EXTENDED_RESOURCES;
}

/** The labels of the Services selecting the pod, merged, plus its controller's selector; undefined when empty. */
// upstream: pkg/scheduler/framework/plugins/helper/spread.go DefaultSelector (v1.35)
function defaultSelector(source: PodSource, options: PodInfoOptions): LabelSelector | undefined {
  // without Services and an owner (a cluster's bound pods, mostly) it is empty: nothing to build
  if (options.services.length === 0 && !source.ownerSelector) return undefined;
  const set: Record<string, string> = {};
  for (const service of options.services) {
    if (service.namespace === source.object.ref.namespace && matchesSelector(selectorFromSet(service.selector), source.labels)) {
      Object.assign(set, service.selector);
    }
  }
  const requirements = [...(selectorFromSet(set).requirements ?? []), ...(source.ownerSelector?.requirements ?? [])];
  return requirements.length > 0 ? { requirements } : undefined;
}

// upstream: plugins/imagelocality/image_locality.go normalizedImageName
function normalizedImageName(image: unknown): string {
  const name = typeof image === 'string' ? image : '';
  return name.lastIndexOf(':') <= name.lastIndexOf('/') ? `${name}:latest` : name;
}

/** The admission plugin copies the PriorityClass's preemptionPolicy into pods that set none. */
function mayPreempt(spec: Readonly<Record<string, unknown>>, options: PodInfoOptions, created: boolean): boolean {
  const admitted = created ? admittedClass(spec, options) : undefined;
  if (admitted !== undefined) return !options.neverPreempting?.has(admitted);
  const policy = spec['preemptionPolicy'];
  if (typeof policy === 'string') return policy !== 'Never';
  const className = spec['priorityClassName'];
  const known = typeof className === 'string' && options.priorityClasses.has(className);
  return !options.neverPreempting?.has(known ? className : '');
}

function startTimeOf(object: KubeObject): string | undefined {
  if (object.ref.kind !== 'Pod') return undefined;
  const startTime = asRecord(object.value['status'])?.['startTime'];
  return typeof startTime === 'string' ? startTime : undefined;
}

/**
 * The node a pending pod of the cluster snapshot was nominated to. A manifest's status is none: the API server drops it
 * when it creates the pod.
 */
function nominatedNodeNameOf(object: KubeObject): string | undefined {
  if (object.ref.kind !== 'Pod' || !object.fromCluster) return undefined;
  return stringField(asRecord(object.value['status']), 'nominatedNodeName') || undefined;
}

/** The first DisruptionTarget condition says the scheduler preempted the pod. */
// upstream: default_preemption.go podTerminatingByPreemption (v1.35)
function isPreemptionVictim(object: KubeObject): boolean {
  const conditions = asArray(asRecord(object.value['status'])?.['conditions']).map(asRecord);
  const target = conditions.find((condition) => condition?.['type'] === 'DisruptionTarget');
  return target?.['status'] === 'True' && target['reason'] === 'PreemptionByScheduler';
}

function priorityOf(spec: Readonly<Record<string, unknown>>, options: PodInfoOptions, created: boolean): number {
  const admitted = created ? admittedClass(spec, options) : undefined;
  if (admitted !== undefined) return admitted === '' ? options.defaultPriority : (options.priorityClasses.get(admitted) ?? options.defaultPriority);
  if (typeof spec['priority'] === 'number') return spec['priority'];
  const className = spec['priorityClassName'];
  if (typeof className === 'string') return options.priorityClasses.get(className) ?? options.defaultPriority;
  return options.defaultPriority;
}

/**
 * Whether the pod is still to be created, and so passes the API server's admission plugins that change what the
 * scheduler reads (admitted): a workload's, a re-created one, or a manifest's own, spec.nodeName or not (a snapshot's
 * pods, bound or pending, passed them when created).
 */
function passesAdmission(source: PodSource): boolean {
  if (source.fromTemplate === true) return true;
  const object = source.object;
  return !object.fromCluster && !(isBoundSpec(source.spec) && typeof asRecord(object.value['status'])?.['phase'] === 'string');
}

/**
 * A pod still to be created (a manifest's, or one a workload makes from its template) passes the Priority admission
 * plugin, which works its priority and preemptionPolicy out from its PriorityClass, or the globalDefault one, and
 * refuses a pod whose spec says otherwise (the pod-priority-mismatch rule): where kubefit knows that class, it decides,
 * not spec.priority or spec.preemptionPolicy. A pod of the snapshot, or bound to a node, runs with what it holds.
 * upstream: plugin/pkg/admission/priority/admission.go admitPod
 */
function isCreated(source: PodSource): boolean {
  return source.fromTemplate === true || (!source.object.fromCluster && !isBoundSpec(source.spec));
}

/** The class admission takes the pod's priority from, when kubefit knows it: its own, or "" for the globalDefault one. */
function admittedClass(spec: Readonly<Record<string, unknown>>, options: PodInfoOptions): string | undefined {
  const className = spec['priorityClassName'];
  if (typeof className === 'string' && className !== '') return options.priorityClasses.has(className) ? className : undefined;
  return options.hasGlobalDefault ? '' : undefined;
}

export function toToleration(value: unknown): Toleration {
  const record = asRecord(value);
  return {
    key: stringField(record, 'key'),
    operator: stringField(record, 'operator'),
    value: stringField(record, 'value'),
    effect: stringField(record, 'effect'),
  };
}

export function toTaint(value: unknown): Taint {
  const record = asRecord(value);
  return { key: stringField(record, 'key'), value: stringField(record, 'value'), effect: stringField(record, 'effect') };
}

/** Host ports of regular containers and (v1.34+) restartable init containers; hostNetwork defaults hostPort. */
function hostPortsOf(spec: Readonly<Record<string, unknown>>, withSidecars: boolean): readonly HostPort[] {
  const hostNetwork = spec['hostNetwork'] === true;
  const ports: HostPort[] = [];
  const add = (container: unknown): void => {
    for (const entry of asArray(asRecord(container)?.['ports'])) {
      const port = asRecord(entry);
      const hostPort = defaultedHostPort(port, hostNetwork);
      if (typeof hostPort !== 'number' || hostPort <= 0) continue;
      ports.push({ ip: stringField(port, 'hostIP') || '0.0.0.0', protocol: stringField(port, 'protocol') || 'TCP', port: hostPort });
    }
  };
  for (const container of asArray(spec['containers'])) add(container);
  if (withSidecars) for (const container of asArray(spec['initContainers'])) if (asRecord(container)?.['restartPolicy'] === 'Always') add(container);
  return ports.length > 0 ? ports : NONE;
}

/** The images of the init containers, then the containers. */
function imagesOf(spec: Readonly<Record<string, unknown>>): readonly string[] {
  // map, not push: an array grown by push keeps room for 17 (a bound pod's one image cost 150 bytes more)
  const containers = asArray(spec['initContainers']).concat(asArray(spec['containers']));
  return containers.length > 0 ? containers.map((container) => normalizedImageName(asRecord(container)?.['image'])) : NONE;
}

/** The references of the image volumes (volumes[].image.reference). */
function imageVolumesOf(spec: Readonly<Record<string, unknown>>): readonly string[] {
  const images: string[] = [];
  for (const volume of asArray(spec['volumes'])) {
    const image = asRecord(asRecord(volume)?.['image']);
    if (image) images.push(normalizedImageName(image['reference']));
  }
  return images.length > 0 ? images : NONE;
}

export function toPreferredNodeTerms(value: unknown): readonly PreferredNodeTerm[] {
  if (asArray(value).length === 0) return NONE;
  const out: PreferredNodeTerm[] = [];
  for (const entry of asArray(value)) {
    const record = asRecord(entry);
    const weight = record?.['weight'];
    const term = toNodeSelectorTerm(record?.['preference']);
    if (typeof weight === 'number' && weight !== 0 && term) out.push({ weight, term });
  }
  return out;
}

/** The pod whose affinity terms are read: its namespace and labels, and whether it is as the API server stores it. */
interface TermOwner {
  readonly namespace: string;
  readonly labels: Labels;
  readonly stored: boolean;
}

function toAffinityTerm(value: unknown, pod: TermOwner): AffinityTerm {
  const record = asRecord(value);
  const namespaces = asArray(record?.['namespaces']).filter((n): n is string => typeof n === 'string');
  const hasSelector = asRecord(record?.['namespaceSelector']) !== undefined;
  return {
    selector: withLabelKeys(record, pod),
    namespaces: new Set(namespaces.length === 0 && !hasSelector ? [pod.namespace] : namespaces),
    namespaceSelector: hasSelector ? toLabelSelector(record?.['namespaceSelector']) : NOTHING,
    topologyKey: stringField(record, 'topologyKey'),
  };
}

/**
 * The term's labelSelector with `key In [value]` per matchLabelKeys and `key NotIn [value]` per mismatchLabelKeys
 * present in the pod's labels, as the API server writes them at pod creation (PrepareForCreate only: a pod already
 * created keeps the selector it was stored with, whatever its labels became since); a nil selector stays nil. A
 * snapshot's pod whose selector has no requirement on such a key was written by hand, not read back from an API
 * server (whose validation refuses a key in both at creation): it gets the merge its creation would have made.
 */
// upstream: pkg/registry/core/pod/strategy.go PrepareForCreate, mutatePodAffinity, applyMatchLabelKeysAndMismatchLabelKeys (v1.35)
function withLabelKeys(term: Readonly<Record<string, unknown>> | undefined, pod: TermOwner): LabelSelector {
  const selector = toLabelSelector(term?.['labelSelector']);
  const { requirements } = selector;
  if (!requirements) return selector;
  const added: Requirement[] = [];
  for (const [field, operator] of [['matchLabelKeys', 'In'], ['mismatchLabelKeys', 'NotIn']] as const) {
    for (const key of asArray(term?.[field])) {
      if (typeof key !== 'string' || !Object.hasOwn(pod.labels, key)) continue;
      if (pod.stored && requirements.some((requirement) => requirement.key === key)) continue;
      added.push({ key, operator, values: [pod.labels[key] ?? ''] });
    }
  }
  return added.length === 0 ? selector : { requirements: [...requirements, ...added] };
}

function toAffinityTerms(value: unknown, pod: TermOwner): readonly AffinityTerm[] {
  return mapEntries(value, (entry) => toAffinityTerm(entry, pod));
}

/** Shared by the many pods that leave a list empty (a big cluster's bound pods mostly do). */
export const NONE: readonly never[] = Object.freeze([]);

/** `fn` of each entry of an array value; NONE when it is absent or empty. */
function mapEntries<T>(value: unknown, fn: (entry: unknown) => T): readonly T[] {
  return Array.isArray(value) && value.length > 0 ? value.map(fn) : NONE;
}

function toWeightedTerms(value: unknown, pod: TermOwner): readonly WeightedAffinityTerm[] {
  if (asArray(value).length === 0) return NONE;
  const out: WeightedAffinityTerm[] = [];
  for (const entry of asArray(value)) {
    const record = asRecord(entry);
    const weight = record?.['weight'];
    if (typeof weight === 'number' && weight !== 0) out.push({ weight, term: toAffinityTerm(record?.['podAffinityTerm'], pod) });
  }
  return out;
}

function toSpreadConstraint(value: unknown, podLabels: Labels): TopologySpreadConstraint {
  const record = asRecord(value);
  const matchLabels: Record<string, string> = {};
  for (const key of asArray(record?.['matchLabelKeys'])) {
    if (typeof key === 'string' && Object.hasOwn(podLabels, key)) matchLabels[key] = podLabels[key] ?? '';
  }
  const base = toLabelSelector(record?.['labelSelector']);
  const selector = Object.keys(matchLabels).length > 0 ? andSelectors(selectorFromSet(matchLabels), base) : base;
  const minDomains = record?.['minDomains'];
  return {
    maxSkew: typeof record?.['maxSkew'] === 'number' ? record['maxSkew'] : 1,
    topologyKey: stringField(record, 'topologyKey'),
    whenUnsatisfiable: stringField(record, 'whenUnsatisfiable', 'DoNotSchedule'),
    selector,
    minDomains: typeof minDomains === 'number' ? minDomains : 1,
    nodeAffinityPolicy: stringField(record, 'nodeAffinityPolicy') === 'Ignore' ? 'Ignore' : 'Honor',
    nodeTaintsPolicy: stringField(record, 'nodeTaintsPolicy') === 'Honor' ? 'Honor' : 'Ignore',
  };
}

/**
 * framework.AffinityTerm.Matches: the pod's namespace is listed or selected, and its labels match.
 * `namespaceLabels` is undefined for a Namespace kubefit does not know: only an empty selector selects it then.
 */
export function termMatches(term: AffinityTerm, pod: PodInfo, namespaceLabels: Labels | undefined): boolean {
  const inNamespace =
    term.namespaces.has(pod.namespace) ||
    isEmptySelector(term.namespaceSelector) ||
    (namespaceLabels !== undefined && matchesSelector(term.namespaceSelector, namespaceLabels));
  return inNamespace && matchesSelector(term.selector, pod.labels);
}

