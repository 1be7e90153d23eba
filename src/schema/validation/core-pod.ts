// pkg/apis/core/validation for pod specs and templates: volumes, containers, tolerations, topology spread, names.
import { GO_INTEGER_BOUNDS } from '../go-integers.js';
import { validateContainer, validateDNS1123Label, validatePullPolicy, validateObjectFieldSelector, validateResourceFieldSelector, type InitRestartPolicy, type NameSet, type SleepSeconds } from './core-container.js';
import { validatePodSecurityContext, validateWindowsHostProcessPod } from './core-security-context.js';
import { localNonReservedPathErrors, pathNoBackstepsErrors } from './local-path.js';
import { duplicate, forbidden, goQuote, GoSyntax, invalid, notSupported, pointing, required, toPath, unsupportedValue, type ErrorList, type FieldPath } from './field-error.js';
import { dns1123LabelErrors, inclusiveRangeError, labelValueErrors, qualifiedNameErrors, subdomainErrors, subdomainWithUnderscoreErrors } from '../../model/name-validation.js';
import { legacyIPErrors } from './ip.js';
import { validateLabelSelector } from './label-selector.js';
import { validateMatchLabelKeysAndMismatchLabelKeys, validateMatchLabelKeysInTopologySpread, type LabelKeysOptions } from './match-label-keys.js';
import { validateNodeSelector, validateNodeSelectorTerm } from './node-selector.js';
import { validateISCSI, validatePersistentVolumeClaimTemplate } from './persistent-volume.js';
import { validatePodSpecificAnnotations } from './pod-annotations.js';
import { validatePodOS } from './pod-os.js';
import { validatePodResourceClaims, validateResourceClaimNames, type PodResourceClaims } from './pod-resource-claims.js';
import { validatePodResources } from './pod-resources.js';
import { validateAnnotations, validateLabels } from './object-meta.js';
import { arrayField, asRecord, intField, recordField, stringField, type Fields } from './values.js';
import { appendAll } from '../../model/append.js';

// upstream: pkg/apis/core/v1/defaults.go SetDefaults_PodSpec (DefaultTerminationGracePeriodSeconds)
const DEFAULT_TERMINATION_GRACE_PERIOD = 30;
const CONTAINER_LISTS = ['containers', 'initContainers', 'ephemeralContainers'] as const;

/** What the release checks turn on; every kind's validation passes it down to its pod spec. */
export interface ValidationContext {
  /** PodLevelResources is on (beta, on by default since 1.34): spec.resources is validated. */
  readonly podLevelResources: boolean;
  /** Before 1.32 an Exists toleration with a value printed the whole toleration, not the value. */
  readonly wholeToleration: boolean;
  /** StrictIPCIDRValidation is on (beta, on by default since 1.36): no leading zeros, IPv4-mapped IPv6 or host bits in a CIDR. */
  readonly strictIPs: boolean;
  /** RelaxedDNSSearchValidation is on (beta 1.33, GA 1.34): dnsConfig.searches may hold `_` and be ".". */
  readonly relaxedDNSSearch: boolean;
  /** RelaxedServiceNameValidation is on (beta, on by default since 1.36): a Service name is a DNS-1123 label. */
  readonly relaxedServiceNames: boolean;
  /** MaxUnavailableStatefulSet is on (on by default in 1.35 only): else PrepareForCreate drops rollingUpdate.maxUnavailable. */
  readonly maxUnavailableStatefulSet: boolean;
  /** 1.33 on: a new StatefulSet's serviceName must be a DNS-1123 label (kubernetes#130233). */
  readonly statefulSetServiceName: boolean;
  /** 1.31 on: a ControllerRevision's data must be a JSON object (kubernetes#125549). */
  readonly controllerRevisionJSONObject: boolean;
  /**
   * 1.34 on: Required errors without their redundant detail (kubernetes#132472: a CRD version's missing schema, a
   * webhook service's name and namespace) and Invalid details without the field's name (a CRD's selectable fields).
   */
  readonly cleanedUpDetails: boolean;
  /** RelaxedEnvironmentVariableValidation is on (beta, on by default since 1.32): see ContainerContext. */
  readonly relaxedEnvVarNames: boolean;
  /** SupplementalGroupsPolicy is on (beta, on by default since 1.33): else PrepareForCreate drops the pod's policy. */
  readonly supplementalGroupsPolicy: boolean;
  /** EnvFiles is on (beta, on by default since 1.35): see ContainerContext. */
  readonly envFiles: boolean;
  /** ProcMountType is on (beta, on by default since 1.33): see SecurityContextOptions. */
  readonly procMountType: boolean;
  /** UserNamespacesSupport is on (beta, on by default since 1.33): else PrepareForCreate drops hostUsers. */
  readonly userNamespaces: boolean;
  /** MatchLabelKeysInPodAffinity is on (beta, on by default since 1.31): else PrepareForCreate drops the terms' label keys. */
  readonly matchLabelKeysInPodAffinity: boolean;
  /** MatchLabelKeysInPodTopologySpreadSelectorMerge is on (beta, on by default since 1.34). */
  readonly matchLabelKeysSelectorMerge: boolean;
  /** DynamicResourceAllocation is on (GA, on by default since 1.34): else PrepareForCreate drops the pod's resource claims. */
  readonly dynamicResourceAllocation: boolean;
  /** The release knows the Lt and Gt toleration operators (TaintTolerationComparisonOperators, alpha since 1.35, off). */
  readonly tolerationComparisons: boolean;
  /** ImageVolume is on (beta, on by default since 1.35): else PrepareForCreate drops a volume's image source. */
  readonly imageVolume: boolean;
  /**
   * DRADeviceTaints, DRAPartitionableDevices, DRADeviceBindingConditions and DRAConsumableCapacity are on (beta, on by
   * default since 1.36): else the strategies drop their fields (device taints and tolerations, shared counters,
   * per-device node selection, capacity policies) and a device constraint is a matchAttribute.
   */
  readonly draDeviceGates: boolean;
  /**
   * 1.35 on: resource.k8s.io validation words its errors as its declarative validation does (a repeated request is a
   * Duplicate at the request, not its name; a fully qualified name without domain or with an empty part).
   */
  readonly draDeclarativeErrors: boolean;
  /** 1.36 on: a ResourceSlice device's attribute or capacity name that is no qualified name is an error at the map. */
  readonly draKeyErrorsAtMap: boolean;
  /** 1.30 on: a limited priority level may have zero nominal concurrency shares (1.29's create strategy refused them). */
  readonly zeroLimitedShares: boolean;
  /** How the release checks a lifecycle hook's sleep seconds (see SleepSeconds). */
  readonly sleepSeconds: SleepSeconds;
  /** Which restartPolicy values an init container may have (see InitRestartPolicy). */
  readonly initRestartPolicy: InitRestartPolicy;
}

export interface PodSpecOptions extends ValidationContext, LabelKeysOptions {
  /** Extra volume names the mounts may use: a StatefulSet's volumeClaimTemplates. */
  readonly claimTemplates: readonly string[];
  /** The spec of a Pod, not of a template: SetDefaults_Pod has given containers their limits as requests. */
  readonly isPod: boolean;
}

/** The options of a pod template's spec. */
export function templateOptions(context: ValidationContext, claimTemplates: readonly string[] = []): PodSpecOptions {
  return { ...context, claimTemplates, isPod: false, podLabels: undefined };
}

// upstream: validation.go ValidatePodTemplateSpec (template metadata: labels and annotations only)
export function validatePodTemplateSpec(template: unknown, field: FieldPath, options: PodSpecOptions): ErrorList {
  const metadata = recordField(asRecord(template), 'metadata');
  const spec = recordField(asRecord(template), 'spec');
  const errors = [
    ...validateLabels(metadata?.['labels'], field.concat('metadata', 'labels')),
    ...validateAnnotations(metadata?.['annotations'], field.concat('metadata', 'annotations')),
    ...validatePodSpecificAnnotations(metadata?.['annotations'], spec, field.concat('metadata', 'annotations')),
    ...validatePodSpec(spec, field.concat('spec'), options),
  ];
  if (arrayField(spec, 'ephemeralContainers').length > 0) errors.push(forbidden(field.concat('spec', 'ephemeralContainers'), 'ephemeral containers not allowed in pod template'));
  return errors;
}

// upstream: validation.go ValidatePodSpec (v1.36); an absent spec is the zero PodSpec (no containers)
export function validatePodSpec(given: Fields | undefined, field: FieldPath, options: PodSpecOptions): ErrorList {
  const spec = given ?? {};
  const { names: volumes, claims: claimVolumes, errors } = validateVolumes(arrayField(spec, 'volumes'), field.concat('volumes'), options);
  for (const claim of options.claimTemplates) {
    volumes.add(claim);
    claimVolumes.add(claim);
  }
  const containers = arrayField(spec, 'containers');
  if (containers.length === 0) errors.push(required(field.concat('containers')));
  const claims = options.dynamicResourceAllocation ? validatePodResourceClaims(arrayField(spec, 'resourceClaims'), field.concat('resourceClaims')) : undefined;
  if (claims) appendAll(errors, claims.errors);
  appendAll(errors, validateContainers(spec, field, { volumes, claimVolumes, claims, options }));
  appendAll(errors, validatePodPolicies(spec, field));
  if (options.podLevelResources) appendAll(errors, validatePodResources(spec, field, options.isPod));
  appendAll(errors, validateHostPorts(spec, field, options.isPod));
  // absent fields and empty lists have nothing to check: their paths are not built
  if (spec['nodeSelector'] !== undefined) appendAll(errors, validateLabels(spec['nodeSelector'], field.concat('nodeSelector')));
  const affinity = recordField(spec, 'affinity');
  if (affinity) appendAll(errors, validateAffinity(affinity, field.concat('affinity'), options));
  appendAll(errors, validatePodNames(spec, field));
  const tolerations = arrayField(spec, 'tolerations');
  const constraints = arrayField(spec, 'topologySpreadConstraints');
  if (tolerations.length > 0) appendAll(errors, validateTolerations(tolerations, field.concat('tolerations'), options));
  if (constraints.length > 0) appendAll(errors, validateTopologySpreadConstraints(constraints, field.concat('topologySpreadConstraints'), options));
  const deadline = intField(spec, 'activeDeadlineSeconds');
  if (deadline !== undefined && (deadline < 1 || deadline > GO_INTEGER_BOUNDS.int32.maximum)) errors.push(invalid(field.concat('activeDeadlineSeconds'), deadline, inclusiveRangeError(1, GO_INTEGER_BOUNDS.int32.maximum)));
  appendAll(errors, validatePodSecurityContext(spec, field, options.supplementalGroupsPolicy));
  appendAll(errors, validateWindowsHostProcessPod(spec, field));
  appendAll(errors, validatePodOS(spec, field, options));
  const gates = arrayField(spec, 'schedulingGates');
  if (gates.length > 0) appendAll(errors, validateSchedulingGates(gates, field.concat('schedulingGates')));
  const readinessGates = arrayField(spec, 'readinessGates');
  if (readinessGates.length > 0) appendAll(errors, validateReadinessGates(readinessGates, field.concat('readinessGates')));
  appendAll(errors, validatePodDNSConfig(spec, field.concat('dnsConfig'), options));
  appendAll(errors, validateHostAliases(arrayField(spec, 'hostAliases'), field.concat('hostAliases'), options));
  return errors;
}

// upstream: validation.go validateRestartPolicy, validateDNSPolicy (their value lists in upstream's order)
const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const PREEMPTION_POLICIES = ['PreemptLowerPriority', 'Never'];

// upstream: ValidatePodSpec: validateRestartPolicy, validateDNSPolicy, ValidatePreemptionPolicy (v1.36); v1
// SetDefaults_PodSpec makes an empty restartPolicy Always and an empty dnsPolicy ClusterFirst
function validatePodPolicies(spec: Fields, field: FieldPath): ErrorList {
  const errors = unsupportedValue(field.concat('restartPolicy'), stringField(spec, 'restartPolicy') || undefined, RESTART_POLICIES);
  appendAll(errors, unsupportedValue(field.concat('dnsPolicy'), stringField(spec, 'dnsPolicy') || undefined, DNS_POLICIES));
  return appendAll(errors, validatePreemptionPolicy(stringField(spec, 'preemptionPolicy'), field.concat('preemptionPolicy')));
}

// upstream: validation.go ValidatePreemptionPolicy (a nil policy is not checked)
export function validatePreemptionPolicy(policy: string | undefined, field: FieldPath): ErrorList {
  return policy === '' ? [required(field)] : unsupportedValue(field, policy, PREEMPTION_POLICIES);
}

/** What a pod's containers are checked against: its usable volumes, its resource claims (when the release keeps them). */
interface PodContainerContext {
  readonly volumes: ReadonlySet<string>;
  /** The volumes a claim backs (block devices may use only these). */
  readonly claimVolumes: ReadonlySet<string>;
  readonly claims: PodResourceClaims | undefined;
  readonly options: PodSpecOptions;
}

// upstream: validation.go validateContainers, validateInitContainers, validateEphemeralContainers (names unique across the
// lists; each container; its resources' claims of the pod's resourceClaims, validateResourceClaimNames)
function validateContainers(spec: Fields, field: FieldPath, pod: PodContainerContext): ErrorList {
  const errors: ErrorList = [];
  const names: NameSet = new Set();
  const podRestartPolicy = stringField(spec, 'restartPolicy') || 'Always';
  const hostUsers = spec['hostUsers'] !== false;
  const { relaxedEnvVarNames, envFiles, procMountType, sleepSeconds, initRestartPolicy } = pod.options;
  const gracePeriod = intField(spec, 'terminationGracePeriodSeconds') ?? DEFAULT_TERMINATION_GRACE_PERIOD;
  for (const list of CONTAINER_LISTS) {
    const isInit = list === 'initContainers';
    arrayField(spec, list).forEach((entry, index) => {
      const container = asRecord(entry);
      if (!container) return;
      appendAll(errors, validateContainer(container, field.concat(list, index), { volumes: pod.volumes, claimVolumes: pod.claimVolumes, names, isInit, podRestartPolicy, relaxedEnvVarNames, envFiles, hostUsers, procMountType, sleepSeconds, initRestartPolicy, gracePeriod }));
      const claims = arrayField(recordField(container, 'resources'), 'claims');
      if (pod.claims && claims.length > 0) appendAll(errors, validateResourceClaimNames(claims, pod.claims.names, field.concat(list, index, 'resources', 'claims')));
    });
  }
  return errors;
}

// upstream: validation.go validatePodDNSConfig, MaxDNSNameservers, MaxDNSSearchPaths, MaxDNSSearchListChars (v1.36)
function validatePodDNSConfig(spec: Fields, field: FieldPath, context: ValidationContext): ErrorList {
  const config = recordField(spec, 'dnsConfig');
  if (spec['dnsPolicy'] === 'None') {
    if (!config) return [required(field, 'must provide `dnsConfig` when `dnsPolicy` is None')];
    if (arrayField(config, 'nameservers').length === 0) return [required(field.concat('nameservers'), 'must provide at least one DNS nameserver when `dnsPolicy` is None')];
  }
  if (!config) return [];
  const errors: ErrorList = [];
  const nameservers = arrayField(config, 'nameservers');
  if (nameservers.length > 3) errors.push(invalid(field.concat('nameservers'), nameservers, 'must not have more than 3 nameservers'));
  nameservers.forEach((nameserver, index) => {
    if (typeof nameserver === 'string') appendAll(errors, legacyIPErrors(nameserver, context.strictIPs).map((message) => invalid(field.concat('nameservers', index), nameserver, message)));
  });
  const searches = arrayField(config, 'searches');
  if (searches.length > 32) errors.push(invalid(field.concat('searches'), searches, 'must not have more than 32 search paths'));
  if (searches.filter((search) => typeof search === 'string').join(' ').length > 2048) errors.push(invalid(field.concat('searches'), searches, 'must not have more than 2048 characters (including spaces) in the search list'));
  searches.forEach((entry, index) => {
    if (typeof entry !== 'string' || (context.relaxedDNSSearch && entry === '.')) return;
    const search = entry.endsWith('.') ? entry.slice(0, -1) : entry;
    const messages = context.relaxedDNSSearch ? subdomainWithUnderscoreErrors(search) : subdomainErrors(search);
    appendAll(errors, messages.map((message) => invalid(field.concat('searches', index), search, message)));
  });
  arrayField(config, 'options').forEach((option, index) => {
    if (!stringField(asRecord(option), 'name')) errors.push(required(field.concat('options', index), 'must not be empty'));
  });
  return errors;
}

// upstream: validation.go ValidateHostAliases
function validateHostAliases(aliases: readonly unknown[], field: FieldPath, context: ValidationContext): ErrorList {
  const errors: ErrorList = [];
  aliases.forEach((entry, index) => {
    const alias = asRecord(entry);
    const ip = stringField(alias, 'ip') ?? '';
    appendAll(errors, legacyIPErrors(ip, context.strictIPs).map((message) => invalid(field.concat(index, 'ip'), ip, message)));
    arrayField(alias, 'hostnames').forEach((hostname, at) => {
      if (typeof hostname === 'string') appendAll(errors, subdomainErrors(hostname).map((message) => invalid(field.concat(index, 'hostnames', at), hostname, message)));
    });
  });
  return errors;
}

// upstream: validation.go checkHostPortConflicts (regular containers together, each init container alone),
// validatePodHostNetworkDeps (a template's hostPort 0 is defaulted to containerPort when the pod is made); a Pod's
// is defaulted before validation (v1 defaults.go SetDefaults_Pod), so two ports of one containerPort collide
function validateHostPorts(spec: Fields, field: FieldPath, isPod: boolean): ErrorList {
  const errors: ErrorList = [];
  const seen = new Set<string>();
  const hostNetwork = spec['hostNetwork'] === true;
  for (const list of ['containers', 'initContainers']) {
    arrayField(spec, list).forEach((entry, index) => {
      if (list === 'initContainers') seen.clear();
      arrayField(asRecord(entry), 'ports').forEach((raw, portIndex) => {
        const port = asRecord(raw);
        const written = intField(port, 'hostPort') ?? 0;
        const hostPort = isPod && hostNetwork && written === 0 ? (intField(port, 'containerPort') ?? 0) : written;
        // most ports have no hostPort: nothing to check, no path to build
        if (hostPort === 0) return;
        const at = field.concat(list, index, 'ports', portIndex, 'hostPort');
        if (hostNetwork && list === 'containers' && hostPort !== intField(port, 'containerPort')) {
          errors.push(invalid(at, hostPort, 'must match `containerPort` when `hostNetwork` is true'));
        }
        const id = `${stringField(port, 'protocol') || 'TCP'}/${stringField(port, 'hostIP') ?? ''}/${hostPort}`;
        if (seen.has(id)) errors.push(duplicate(at, id));
        seen.add(id);
      });
    });
  }
  return errors;
}

// upstream: validation.go validateAffinity, validateNodeAffinity, validatePodAffinity, validatePodAntiAffinity
function validateAffinity(affinity: Fields | undefined, field: FieldPath, options: PodSpecOptions): ErrorList {
  const errors: ErrorList = [];
  const nodeAffinity = recordField(affinity, 'nodeAffinity');
  const requiredTerms = recordField(nodeAffinity, 'requiredDuringSchedulingIgnoredDuringExecution');
  if (requiredTerms) appendAll(errors, validateNodeSelector(requiredTerms, field.concat('nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution')));
  arrayField(nodeAffinity, 'preferredDuringSchedulingIgnoredDuringExecution').forEach((entry, index) => {
    const at = field.concat('nodeAffinity', 'preferredDuringSchedulingIgnoredDuringExecution', index);
    appendAll(appendAll(errors, validateWeight(asRecord(entry), at)), validateNodeSelectorTerm(recordField(asRecord(entry), 'preference'), at.concat('preference'), false));
  });
  for (const kind of ['podAffinity', 'podAntiAffinity']) {
    const podAffinity = recordField(affinity, kind);
    arrayField(podAffinity, 'requiredDuringSchedulingIgnoredDuringExecution').forEach((term, index) => {
      appendAll(errors, validatePodAffinityTerm(asRecord(term), field.concat(kind, 'requiredDuringSchedulingIgnoredDuringExecution', index), options));
    });
    arrayField(podAffinity, 'preferredDuringSchedulingIgnoredDuringExecution').forEach((entry, index) => {
      const at = field.concat(kind, 'preferredDuringSchedulingIgnoredDuringExecution', index);
      appendAll(appendAll(errors, validateWeight(asRecord(entry), at)), validatePodAffinityTerm(recordField(asRecord(entry), 'podAffinityTerm'), at.concat('podAffinityTerm'), options));
    });
  }
  return errors;
}

function validateWeight(term: Fields | undefined, field: FieldPath): ErrorList {
  const weight = intField(term, 'weight');
  return weight !== undefined && (weight <= 0 || weight > 100) ? [invalid(field.concat('weight'), weight, 'must be in the range 1-100')] : [];
}

// upstream: validation.go validatePodAffinityTerm: label keys, topologyKey is required and a qualified name
function validatePodAffinityTerm(term: Fields | undefined, field: FieldPath, options: PodSpecOptions): ErrorList {
  const errors: ErrorList = [];
  const selector = recordField(term, 'labelSelector');
  if (selector) appendAll(errors, validateLabelSelector(selector, field.concat('labelSelector')));
  for (const namespace of arrayField(term, 'namespaces')) {
    if (typeof namespace === 'string') appendAll(errors, dns1123LabelErrors(namespace).map((message) => invalid(field.concat('namespace'), namespace, message)));
  }
  if (term && options.matchLabelKeysInPodAffinity) appendAll(errors, validateMatchLabelKeysAndMismatchLabelKeys(term, field, options));
  const topologyKey = stringField(term, 'topologyKey') ?? '';
  if (topologyKey === '') errors.push(required(field.concat('topologyKey'), 'can not be empty'));
  appendAll(errors, qualifiedNameErrors(topologyKey).map((message) => invalid(field.concat('topologyKey'), topologyKey, message)));
  return errors;
}

// upstream: ValidatePodSpec: serviceAccountName and priorityClassName are DNS subdomains, hostname and subdomain DNS labels
function validatePodNames(spec: Fields, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  for (const name of ['serviceAccountName', 'priorityClassName', 'nodeName', 'runtimeClassName']) {
    const value = stringField(spec, name);
    if (value) appendAll(errors, subdomainErrors(value).map((message) => invalid(field.concat(name), value, message)));
  }
  for (const name of ['hostname', 'subdomain']) {
    const value = stringField(spec, name);
    if (value) appendAll(errors, validateDNS1123Label(value, field.concat(name)));
  }
  return errors;
}

// upstream: validation.go validateVolumeSource checks the sources in this order; the second one set is Forbidden at the
// child name upstream uses (its typos "cephFS" and "downwarAPI" included) (v1.36)
const VOLUME_SOURCES: readonly (readonly [string, string])[] = [
  ['emptyDir', 'emptyDir'], ['hostPath', 'hostPath'], ['gitRepo', 'gitRepo'], ['gcePersistentDisk', 'gcePersistentDisk'],
  ['awsElasticBlockStore', 'awsElasticBlockStore'], ['secret', 'secret'], ['nfs', 'nfs'], ['iscsi', 'iscsi'],
  ['glusterfs', 'glusterfs'], ['flocker', 'flocker'], ['persistentVolumeClaim', 'persistentVolumeClaim'], ['rbd', 'rbd'],
  ['cinder', 'cinder'], ['cephfs', 'cephFS'], ['quobyte', 'quobyte'], ['downwardAPI', 'downwarAPI'], ['fc', 'fc'],
  ['flexVolume', 'flexVolume'], ['configMap', 'configMap'], ['azureFile', 'azureFile'], ['vsphereVolume', 'vsphereVolume'],
  ['photonPersistentDisk', 'photonPersistentDisk'], ['portworxVolume', 'portworxVolume'], ['azureDisk', 'azureDisk'],
  ['storageos', 'storageos'], ['projected', 'projected'], ['scaleIO', 'scaleIO'], ['csi', 'csi'], ['ephemeral', 'ephemeral'],
  ['image', 'image'],
];

/** upstream: validateSecretVolumeSource, validateConfigMapVolumeSource, validatePersistentClaimVolumeSource, ...: required names */
const VOLUME_SOURCE_REQUIRED: Readonly<Record<string, readonly string[]>> = {
  hostPath: ['path'], gitRepo: ['repository'], gcePersistentDisk: ['pdName'], awsElasticBlockStore: ['volumeID'],
  secret: ['secretName'], nfs: ['server', 'path'], glusterfs: ['endpoints', 'path'], persistentVolumeClaim: ['claimName'],
  configMap: ['name'],
};

// upstream: validation.go supportedHostPathTypes (sets.List: sorted; "" is HostPathUnset, v1
// SetDefaults_HostPathVolumeSource's value for an absent type)
const HOST_PATH_TYPES = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];

const FILE_MODE_ERROR = 'must be a number between 0 and 0777 (octal), both inclusive';

// upstream: validation.go ValidateVolumes (v1.36): a volume with errors is not usable by mounts; a volume without a
// source is defaulted to emptyDir (v1 SetDefaults_Volume), so "must specify a volume type" cannot happen through v1;
// `claims` are the usable volumes a PersistentVolumeClaim backs (isMatchedDevice)
function validateVolumes(volumes: readonly unknown[], field: FieldPath, context: ValidationContext): { names: Set<string>; claims: Set<string>; errors: ErrorList } {
  const names = new Set<string>();
  const claims = new Set<string>();
  const errors: ErrorList = [];
  volumes.forEach((entry, index) => {
    const volume = asRecord(entry) ?? {};
    const name = stringField(volume, 'name') ?? '';
    const namePath = field.concat(index, 'name');
    const volumeErrors = validateVolumeSource(volume, field.concat(index), context);
    if (name === '') volumeErrors.push(required(namePath));
    else appendAll(volumeErrors, validateDNS1123Label(name, namePath));
    if (names.has(name)) volumeErrors.push(duplicate(namePath, name));
    if (volumeErrors.length === 0) names.add(name);
    if (volumeErrors.length === 0 && (volume['persistentVolumeClaim'] != null || volume['ephemeral'] != null)) claims.add(name);
    appendAll(errors, volumeErrors);
  });
  return { names, claims, errors };
}

// upstream: validation.go validateVolumeSource and the per-source validators' required fields, validateHostPathType,
// validateImageVolumeSource's pullPolicy
function validateVolumeSource(volume: Fields, field: FieldPath, context: ValidationContext): ErrorList {
  const errors: ErrorList = [];
  let sources = 0;
  for (const [source, child] of VOLUME_SOURCES) {
    const value = volume[source];
    if (value === undefined || value === null) continue;
    if (sources++ > 0) {
      errors.push(forbidden(field.concat(child), 'may not specify more than 1 volume type'));
      continue;
    }
    const record = asRecord(value);
    for (const name of VOLUME_SOURCE_REQUIRED[source] ?? []) if (!stringField(record, name)) errors.push(required(field.concat(source, name)));
    const mode = intField(record, 'defaultMode');
    if (mode !== undefined && (mode < 0 || mode > 0o777)) errors.push(invalid(field.concat(source, 'defaultMode'), mode, FILE_MODE_ERROR));
    appendAll(errors, validateVolumeItems(source, record, field.concat(source)));
    if (source === 'ephemeral') appendAll(errors, validateEphemeralVolumeSource(record, field.concat(source)));
    if (source === 'iscsi') appendAll(errors, validateISCSI(record ?? {}, field.concat(source)));
    if (source === 'hostPath') {
      // upstream: validation.go validateHostPathVolumeSource (an empty path is the Required error above)
      appendAll(errors, pathNoBackstepsErrors(stringField(record, 'path') ?? '', field.concat(source, 'path')));
      appendAll(errors, unsupportedValue(field.concat(source, 'type'), stringField(record, 'type'), HOST_PATH_TYPES));
    }
    // v1 SetDefaults_Volume fills in an empty pullPolicy; without the gate PrepareForCreate drops the source
    if (source === 'image' && context.imageVolume) appendAll(errors, validatePullPolicy(stringField(record, 'pullPolicy') || undefined, field.concat(source, 'pullPolicy')));
  }
  return errors;
}

// upstream: validation.go validateEphemeralVolumeSource
function validateEphemeralVolumeSource(source: Fields | undefined, field: FieldPath): ErrorList {
  const template = recordField(source, 'volumeClaimTemplate');
  return template ? validatePersistentVolumeClaimTemplate(template, field.concat('volumeClaimTemplate')) : [required(field.concat('volumeClaimTemplate'))];
}

// upstream: validateSecretVolumeSource, validateConfigMapVolumeSource (KeyToPath items), validateDownwardAPIVolumeSource,
// validateProjectedVolumeSource
function validateVolumeItems(source: string, record: Fields | undefined, field: FieldPath): ErrorList {
  const items = arrayField(record, 'items');
  if (source === 'secret' || source === 'configMap') return items.flatMap((item, index) => validateKeyToPath(asRecord(item) ?? {}, field.concat('items', index)));
  if (source === 'projected') return validateProjectionSources(arrayField(record, 'sources'), field);
  if (source !== 'downwardAPI') return [];
  return items.flatMap((item, index) => validateDownwardAPIVolumeFile(asRecord(item) ?? {}, field, field.concat('items', index)));
}

// upstream: validation.go validateKeyToPath
function validateKeyToPath(item: Fields, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  if (!stringField(item, 'key')) errors.push(required(field.concat('key')));
  const path = stringField(item, 'path') ?? '';
  if (path === '') errors.push(required(field.concat('path')));
  appendAll(errors, localNonReservedPathErrors(path, field.concat('path')));
  const mode = intField(item, 'mode');
  if (mode !== undefined && (mode < 0 || mode > 0o777)) errors.push(invalid(field.concat('mode'), mode, FILE_MODE_ERROR));
  return errors;
}

// upstream: validation.go validVolumeDownwardAPIFieldPathExpressions
const VOLUME_FIELD_PATHS = ['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid'];

/**
 * One file of a downwardAPI volume or projection. Upstream passes the source's path, not the item's (`downwardAPI.path`),
 * so errors name that and point at the item's field (`item`).
 */
// upstream: validation.go validateDownwardAPIVolumeFile
function validateDownwardAPIVolumeFile(file: Fields, field: FieldPath, item: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const path = stringField(file, 'path') ?? '';
  if (path === '') errors.push(required(field.concat('path')));
  appendAll(errors, localNonReservedPathErrors(path, field.concat('path')));
  const fieldRef = recordField(file, 'fieldRef');
  const resourceFieldRef = recordField(file, 'resourceFieldRef');
  if (fieldRef) {
    appendAll(errors, validateObjectFieldSelector(fieldRef, VOLUME_FIELD_PATHS, field.concat('fieldRef')));
    if (resourceFieldRef) errors.push(invalid(field, 'resource', 'fieldRef and resourceFieldRef can not be specified simultaneously'));
  } else if (resourceFieldRef) {
    appendAll(errors, validateResourceFieldSelector(resourceFieldRef, field.concat('resourceFieldRef'), true));
  } else {
    errors.push(required(field, 'one of fieldRef and resourceFieldRef is required'));
  }
  const mode = intField(file, 'mode');
  if (mode !== undefined && (mode < 0 || mode > 0o777)) errors.push(invalid(field.concat('mode'), mode, FILE_MODE_ERROR));
  return errors.map((error) => pointing(error, toPath(item.concat(error.field.slice(field.length)))));
}

const PROJECTION_SOURCES = ['secret', 'configMap', 'downwardAPI', 'serviceAccountToken', 'clusterTrustBundle', 'podCertificate'];

/**
 * The sources of a projected volume (`field` is its `projected`): each one source, the items' paths, no path twice.
 * Upstream reports a duplicate path and a token's missing path at `projected` (its fldPath), not at the source.
 */
// upstream: validation.go validateProjectionSources (the secret, configMap, downwardAPI and serviceAccountToken sources;
// clusterTrustBundle and podCertificate only count as sources)
function validateProjectionSources(sources: readonly unknown[], field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const paths = new Set<string>();
  const claim = (path: string, value: unknown, at: FieldPath) => {
    if (path === '') return;
    if (paths.has(path)) errors.push(pointing(invalid(field, value, 'conflicting duplicate paths'), toPath(at)));
    paths.add(path);
  };
  sources.forEach((entry, index) => {
    const source = asRecord(entry) ?? {};
    const sourceField = field.concat('sources', index);
    for (const kind of ['secret', 'configMap'] as const) {
      const projection = recordField(source, kind);
      if (!projection) continue;
      const name = stringField(projection, 'name') ?? '';
      if (name === '') errors.push(required(sourceField.concat(kind, 'name')));
      arrayField(projection, 'items').forEach((item, itemIndex) => {
        const keyToPath = asRecord(item) ?? {};
        const itemField = sourceField.concat(kind, 'items', itemIndex);
        appendAll(errors, validateKeyToPath(keyToPath, itemField));
        claim(stringField(keyToPath, 'path') ?? '', name, itemField.concat('path'));
      });
    }
    const downwardAPI = recordField(source, 'downwardAPI');
    arrayField(downwardAPI, 'items').forEach((item, itemIndex) => {
      const file = asRecord(item) ?? {};
      const itemField = sourceField.concat('downwardAPI', 'items', itemIndex);
      appendAll(errors, validateDownwardAPIVolumeFile(file, sourceField.concat('downwardAPI'), itemField));
      const path = stringField(file, 'path') ?? '';
      claim(path, path, itemField.concat('path'));
    });
    const token = recordField(source, 'serviceAccountToken');
    if (token) appendAll(errors, validateTokenProjection(token, field, sourceField.concat('serviceAccountToken')));
    const count = PROJECTION_SOURCES.filter((name) => source[name] !== undefined && source[name] !== null).length;
    if (count > 1) errors.push(forbidden(sourceField, 'may not specify more than 1 volume type per source'));
  });
  return errors;
}

const TOKEN_EXPIRATION_DEFAULT = 3600;

// upstream: validateProjectionSources' serviceAccountToken part (expirationSeconds defaults to an hour:
// SetDefaults_ServiceAccountTokenProjection)
function validateTokenProjection(token: Fields, projected: FieldPath, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const expiration = intField(token, 'expirationSeconds') ?? TOKEN_EXPIRATION_DEFAULT;
  if (expiration < 600) errors.push(invalid(field.concat('expirationSeconds'), expiration, 'may not specify a duration less than 10 minutes'));
  if (expiration > 2 ** 32) errors.push(invalid(field.concat('expirationSeconds'), expiration, 'may not specify a duration larger than 2^32 seconds'));
  const path = stringField(token, 'path') ?? '';
  const place = (list: ErrorList) => list.map((error) => pointing(error, toPath(field.concat('path'))));
  if (path === '') appendAll(errors, place([required(projected.concat('path'))]));
  else appendAll(errors, place(localNonReservedPathErrors(path, projected.concat('path'))));
  return errors;
}

// upstream: validation.go validateReadinessGates: each conditionType a qualified name
function validateReadinessGates(gates: readonly unknown[], field: FieldPath): ErrorList {
  return gates.flatMap((entry, index) => {
    const conditionType = stringField(asRecord(entry), 'conditionType') ?? '';
    return qualifiedNameErrors(conditionType).map((message) => invalid(field.concat(index, 'conditionType'), conditionType, message));
  });
}

// upstream: validation.go validateSchedulingGates
function validateSchedulingGates(gates: readonly unknown[], field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const seen = new Set<string>();
  gates.forEach((entry, index) => {
    const name = stringField(asRecord(entry), 'name') ?? '';
    for (const message of qualifiedNameErrors(name)) errors.push(pointing(invalid(field.concat(index), name, message), toPath(field.concat(index, 'name'))));
    if (seen.has(name)) errors.push(pointing(duplicate(field.concat(index), name), toPath(field.concat(index, 'name'))));
    seen.add(name);
  });
  return errors;
}

// upstream: validation.go validateTaintEffect's values (upstream's order)
export const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

// upstream: validation.go ValidateTolerations (v1.36); enums of operator and effect are the schema's (v1.35 added Lt and Gt
// behind TaintTolerationComparisonOperators, off by default)
export function validateTolerations(tolerations: readonly unknown[], field: FieldPath, context: ValidationContext): ErrorList {
  const errors: ErrorList = [];
  tolerations.forEach((entry, index) => {
    const toleration = asRecord(entry) ?? {};
    const at = field.concat(index);
    const tolerationKey = stringField(toleration, 'key') ?? '';
    const operator = stringField(toleration, 'operator') ?? '';
    const value = stringField(toleration, 'value') ?? '';
    const effect = stringField(toleration, 'effect') ?? '';
    if (tolerationKey) appendAll(errors, qualifiedNameErrors(tolerationKey).map((message) => invalid(at.concat('key'), tolerationKey, message)));
    if (tolerationKey === '' && operator !== 'Exists') {
      errors.push(invalid(at.concat('operator'), operator, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (intField(toleration, 'tolerationSeconds') !== undefined && effect !== 'NoExecute') {
      errors.push(invalid(at.concat('effect'), effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    if (operator === 'Equal' || operator === '') {
      const messages = labelValueErrors(value);
      if (messages.length > 0) errors.push(invalid(at.concat('operator'), value, messages.join(';')));
    } else if (operator === 'Exists' && value !== '') {
      const badValue = context.wholeToleration ? tolerationGoSyntax(toleration) : value;
      errors.push(invalid(at.concat('operator'), badValue, "value must be empty when `operator` is 'Exists'"));
    } else if (operator !== 'Exists') {
      // with the gate off, Lt and Gt are refused with all four operators named (its alpha is off by default)
      const comparison = context.tolerationComparisons && (operator === 'Lt' || operator === 'Gt');
      errors.push(notSupported(at.concat('operator'), operator, comparison ? ['Equal', 'Exists', 'Lt', 'Gt'] : ['Equal', 'Exists']));
    }
    if (effect !== '' && !TAINT_EFFECTS.includes(effect)) errors.push(notSupported(at.concat('effect'), effect, TAINT_EFFECTS));
  });
  return errors;
}

/**
 * fmt's %#v of the internal core.Toleration, as field.Error printed it before 1.32. A set tolerationSeconds is a pointer,
 * printed as its address, which differs in every API server process: kubefit prints a fixed one.
 */
// upstream: apimachinery field/errors.go ErrorBody (v1.31, `%#v` fallback); pkg/apis/core/types.go Toleration
function tolerationGoSyntax(toleration: Fields): GoSyntax {
  const text = (name: string): string => goQuote(stringField(toleration, name) ?? '');
  const seconds = intField(toleration, 'tolerationSeconds') === undefined ? 'nil' : '0xc000000000';
  return new GoSyntax(`core.Toleration{Key:${text('key')}, Operator:${text('operator')}, Value:${text('value')}, Effect:${text('effect')}, TolerationSeconds:(*int64)(${seconds})}`);
}

const NOT_POSITIVE = 'must be greater than zero';

// upstream: validation.go supportedScheduleActions, supportedPodTopologySpreadNodePolicies (sets.List: sorted)
const SCHEDULE_ACTIONS = ['DoNotSchedule', 'ScheduleAnyway'];
const NODE_INCLUSION_POLICIES = ['Honor', 'Ignore'];

// upstream: validation.go validateTopologySpreadConstraints, ValidateMaxSkew, ValidateTopologyKey,
// ValidateWhenUnsatisfiable, ValidateSpreadConstraintNotRepeat, validateMinDomains, validateNodeInclusionPolicy (v1.36). On create
// the label selector's values are checked (AllowInvalidTopologySpreadConstraintLabelSelector is only for updates)
export function validateTopologySpreadConstraints(constraints: readonly unknown[], field: FieldPath, options: PodSpecOptions): ErrorList {
  const errors: ErrorList = [];
  const records = constraints.map((entry) => asRecord(entry) ?? {});
  records.forEach((constraint, index) => {
    const at = field.concat(index);
    const maxSkew = intField(constraint, 'maxSkew') ?? 0;
    if (maxSkew <= 0) errors.push(invalid(at.concat('maxSkew'), maxSkew, NOT_POSITIVE));
    const topologyKey = stringField(constraint, 'topologyKey') ?? '';
    if (topologyKey === '') errors.push(required(at.concat('topologyKey'), 'can not be empty'));
    else appendAll(errors, qualifiedNameErrors(topologyKey).map((message) => invalid(at.concat('topologyKey'), topologyKey, message)));
    const action = stringField(constraint, 'whenUnsatisfiable') ?? '';
    // an absent whenUnsatisfiable is the schema's missing required field
    appendAll(errors, unsupportedValue(at.concat('whenUnsatisfiable'), stringField(constraint, 'whenUnsatisfiable'), SCHEDULE_ACTIONS));
    const repeated = records.slice(index + 1).some((other) => other['topologyKey'] === topologyKey && other['whenUnsatisfiable'] === action);
    if (repeated) errors.push(duplicate(at.concat('{topologyKey, whenUnsatisfiable}'), `{${topologyKey}, ${action}}`));
    for (const policy of ['nodeAffinityPolicy', 'nodeTaintsPolicy']) appendAll(errors, unsupportedValue(at.concat(policy), stringField(constraint, policy), NODE_INCLUSION_POLICIES));
    if (options.matchLabelKeysSelectorMerge) appendAll(errors, validateMatchLabelKeysAndMismatchLabelKeys(constraint, at, options));
    else appendAll(errors, validateMatchLabelKeysInTopologySpread(constraint, at.concat('matchLabelKeys')));
    const selector = recordField(constraint, 'labelSelector');
    if (selector) appendAll(errors, validateLabelSelector(selector, at.concat('labelSelector')));
    const minDomains = intField(constraint, 'minDomains');
    if (minDomains === undefined) return;
    if (minDomains <= 0) errors.push(invalid(at.concat('minDomains'), minDomains, NOT_POSITIVE));
    if (action !== 'DoNotSchedule') errors.push(invalid(at.concat('minDomains'), minDomains, `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${action}`));
  });
  return errors;
}
