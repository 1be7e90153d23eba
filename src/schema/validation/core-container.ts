// pkg/apis/core/validation for containers: names, image, ports, env, volume mounts, probes, lifecycle handlers, resources.
import { ceilMilliValue, parseQuantity } from '../../model/quantity.js';
import { isOvercommitAllowed } from '../../model/resource-totals.js';
import { canonicalQuantity } from './quantity-string.js';
import { quantityString, RESOURCE_LIST_ENTRY } from './quantity-value.js';
import { duplicate, forbidden, invalid, key, notFound, notSupported, owned, pointing, required, toPath, unsupportedValue, type ErrorList, type FieldError, type FieldPath } from './field-error.js';
import { configMapKeyErrors, dns1123LabelErrors, envVarNameErrors, httpHeaderNameErrors, portNameErrors, portNumberErrors, qualifiedNameErrors, relaxedEnvVarNameErrors, subdomainErrors } from '../../model/name-validation.js';
import { arrayField, asRecord, intField, recordField, stringField, type Fields } from './values.js';
import { localDescendingPathErrors } from './local-path.js';
import { containerResourceNameErrors, isHugePages, notIntegerError } from './resource-names.js';
import { validateSecurityContext, type SecurityContextOptions } from './core-security-context.js';
import { nameIsDNSSubdomain } from './object-meta.js';
import { appendAll } from '../../model/append.js';

export const DUPLICATE_CONTAINER_NAME = 'duplicate-container-name';
export const INVALID_PORT = 'invalid-port';
/** The request-above-limit errors: the check users of kube-linter and kube-score know by this name. */
export const LIMITS_BELOW_REQUESTS = 'limits-below-requests';
export const IS_NEGATIVE_ERROR = 'must be greater than or equal to 0';

/** Names already used by the pod's containers, shared across the container lists as upstream's allNames. */
export type NameSet = Set<string>;

export interface ContainerContext extends SecurityContextOptions {
  readonly volumes: ReadonlySet<string>;
  /** The volumes a PersistentVolumeClaim backs (persistentVolumeClaim, ephemeral, a StatefulSet's claim templates). */
  readonly claimVolumes: ReadonlySet<string>;
  readonly names: NameSet;
  /** Init containers without restartPolicy Always may not have probes or lifecycle. */
  readonly isInit: boolean;
  /** The pod's restartPolicy (defaulted to Always). */
  readonly podRestartPolicy: string;
  /** RelaxedEnvironmentVariableValidation is on (beta, on by default since 1.32): env names and prefixes may hold any printable ASCII but '='. */
  readonly relaxedEnvVarNames: boolean;
  /** EnvFiles is on (beta, on by default since 1.35): a valueFrom without a source is told about fileKeyRef too. */
  readonly envFiles: boolean;
  /** How the release checks a lifecycle sleep's seconds. */
  readonly sleepSeconds: SleepSeconds;
  /** Which restartPolicy values an init container may have in the release. */
  readonly initRestartPolicy: InitRestartPolicy;
  /** The pod's terminationGracePeriodSeconds (defaulted to 30: SetDefaults_PodSpec). */
  readonly gracePeriod: number;
}

/**
 * validateSleepAction's rule for a lifecycle hook's sleep: 'non-negative' with AllowPodLifecycleSleepActionZeroValue
 * (PodLifecycleSleepActionAllowZero, on by default from 1.33), 'positive' before, 'unchecked' where the release drops
 * or lacks the field or kubefit does not know its words.
 */
export type SleepSeconds = 'non-negative' | 'positive' | 'unchecked';

const RESIZE_RESOURCES = ['cpu', 'memory'];
const RESIZE_POLICIES = ['NotRequired', 'RestartContainer'];

// upstream: validation.go validateResizePolicy (its errors but the duplicate name the list)
function validateResizePolicy(policies: readonly unknown[], field: FieldPath, podRestartPolicy: string): ErrorList {
  const errors: ErrorList = [];
  const seen = new Set<string>();
  policies.forEach((entry, index) => {
    const policy = asRecord(entry) ?? {};
    const resource = stringField(policy, 'resourceName') ?? '';
    const restart = stringField(policy, 'restartPolicy') ?? '';
    const at = (error: FieldError, name: string) => errors.push(pointing(error, toPath(field.concat(index, name))));
    if (seen.has(resource)) errors.push(duplicate(field.concat(index), resource));
    seen.add(resource);
    if (resource === '') at(required(field), 'resourceName');
    else if (!RESIZE_RESOURCES.includes(resource)) at(notSupported(field, resource, RESIZE_RESOURCES), 'resourceName');
    if (restart === '') at(required(field), 'restartPolicy');
    else if (!RESIZE_POLICIES.includes(restart)) at(notSupported(field, restart, RESIZE_POLICIES), 'restartPolicy');
    if (podRestartPolicy === 'Never' && restart !== 'NotRequired') at(invalid(field, restart, "must be 'NotRequired' when pod `restartPolicy` is 'Never'"), 'restartPolicy');
  });
  return errors;
}

// upstream: validation.go ValidateDNS1123Label
export function validateDNS1123Label(value: string, field: FieldPath): ErrorList {
  return dns1123LabelErrors(value).map((message) => invalid(field, value, message));
}

// upstream: generic.go ValidateNonnegativeField
export function validateNonnegativeField(value: number | undefined, field: FieldPath): ErrorList {
  return value !== undefined && value < 0 ? [invalid(field, value, IS_NEGATIVE_ERROR)] : [];
}

/** validateNonnegativeField on each integer field `names` of `record`; a field's path is built only for an error. */
export function validateNonnegativeFields(record: Fields, names: readonly string[], field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  for (const name of names) {
    const value = intField(record, name);
    if (value !== undefined && value < 0) appendAll(errors, validateNonnegativeField(value, field.concat(name)));
  }
  return errors;
}

// upstream: validation.go validateContainerCommon, validateContainers, validateInitContainers (v1.36)
export function validateContainer(container: Fields, field: FieldPath, context: ContainerContext): ErrorList {
  const errors = validateContainerName(container, field, context.names);
  if (!stringField(container, 'image')) errors.push(required(field.concat('image')));
  // v1 SetDefaults_Container fills in an empty terminationMessagePolicy (File) and imagePullPolicy
  appendAll(errors, unsupportedValue(field.concat('terminationMessagePolicy'), stringField(container, 'terminationMessagePolicy') || undefined, TERMINATION_MESSAGE_POLICIES));
  // an empty list has nothing to check: its path is not built
  const ports = arrayField(container, 'ports');
  const env = arrayField(container, 'env');
  const envFrom = arrayField(container, 'envFrom');
  const mounts = arrayField(container, 'volumeMounts');
  if (ports.length > 0) appendAll(errors, validateContainerPorts(ports, field.concat('ports')));
  const envVarNameErrorsOf = context.relaxedEnvVarNames ? relaxedEnvVarNameErrors : envVarNameErrors;
  if (env.length > 0) appendAll(errors, validateEnv(env, field.concat('env'), envVarNameErrorsOf, context.envFiles));
  if (envFrom.length > 0) appendAll(errors, validateEnvFrom(envFrom, field.concat('envFrom'), envVarNameErrorsOf));
  if (mounts.length > 0) appendAll(errors, validateVolumeMounts(mounts, container, context.volumes, field.concat('volumeMounts')));
  const devices = arrayField(container, 'volumeDevices');
  if (devices.length > 0) appendAll(errors, validateVolumeDevices(devices, container, context, field.concat('volumeDevices')));
  appendAll(errors, validateProbes(container, field, context));
  appendAll(errors, validatePullPolicy(stringField(container, 'imagePullPolicy') || undefined, field.concat('imagePullPolicy')));
  const resources = recordField(container, 'resources');
  if (resources) appendAll(errors, validateResourceRequirements(resources, field.concat('resources'), containerResourceNameErrors));
  appendAll(errors, validateSecurityContext(recordField(container, 'securityContext'), field.concat('securityContext'), context));
  const resizePolicy = arrayField(container, 'resizePolicy');
  if (resizePolicy.length > 0) appendAll(errors, validateResizePolicy(resizePolicy, field.concat('resizePolicy'), context.podRestartPolicy));
  // ContainerRestartRules (beta, on by default from 1.35): a regular container may set its own restartPolicy; older
  // releases lack the field and the release checks report it there. An init container's values: InitRestartPolicy
  const policy = container['restartPolicy'];
  const supported = context.isInit ? INIT_RESTART_POLICIES[context.initRestartPolicy] : CONTAINER_RESTART_POLICIES;
  if (policy !== undefined && policy !== null && supported && !supported.includes(String(policy))) {
    errors.push(notSupported(field.concat('restartPolicy'), policy, supported));
  }
  return errors;
}

// upstream: validation.go validateContainerCommon's terminationMessagePolicy values (upstream's order)
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];
// upstream: validation.go supportedPullPolicies (sets.List: sorted)
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];

// upstream: validation.go validatePullPolicy, for a container's imagePullPolicy and an image volume's pullPolicy
export function validatePullPolicy(policy: string | undefined, field: FieldPath): ErrorList {
  return unsupportedValue(field, policy, PULL_POLICIES);
}

function validateContainerName(container: Fields, field: FieldPath, names: NameSet): ErrorList {
  const name = stringField(container, 'name');
  if (!name) return [required(field.concat('name'))];
  const errors = validateDNS1123Label(name, field.concat('name'));
  if (names.has(name)) appendAll(errors, owned([duplicate(field.concat('name'), name)], DUPLICATE_CONTAINER_NAME));
  names.add(name);
  return errors;
}

// upstream: validation.go validateContainerPorts (v1.36); the names and numbers are the invalid-port check's
function validateContainerPorts(ports: readonly unknown[], field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const names = new Set<string>();
  ports.forEach((entry, index) => {
    const port = asRecord(entry);
    const portErrors: ErrorList = [];
    const name = stringField(port, 'name');
    if (name) {
      const messages = portNameErrors(name);
      if (messages.length > 0) appendAll(portErrors, messages.map((message) => invalid(field.concat(index, 'name'), name, message)));
      else if (names.has(name)) portErrors.push(duplicate(field.concat(index, 'name'), name));
      else names.add(name);
    }
    const containerPort = intField(port, 'containerPort');
    if (!containerPort) portErrors.push(required(field.concat(index, 'containerPort')));
    else appendAll(portErrors, portNumberErrors(containerPort).map((message) => invalid(field.concat(index, 'containerPort'), containerPort, message)));
    const hostPort = intField(port, 'hostPort');
    if (hostPort) appendAll(portErrors, portNumberErrors(hostPort).map((message) => invalid(field.concat(index, 'hostPort'), hostPort, message)));
    appendAll(appendAll(errors, owned(portErrors, INVALID_PORT)), validatePortProtocol(port, field.concat(index)));
  });
  return errors;
}

// upstream: validation.go supportedPortProtocols (sets.List: sorted)
const PORT_PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

/**
 * A container's, Service's or endpoint's port protocol: one of PORT_PROTOCOLS, an empty one being TCP (v1
 * zz_generated.defaults.go for a container port's `+default="TCP"`, SetDefaults_Service, SetDefaults_Endpoints).
 */
// upstream: validation.go validateContainerPorts, validateServicePort, validateEndpointPort
export function validatePortProtocol(port: Fields | undefined, field: FieldPath): ErrorList {
  const protocol = stringField(port, 'protocol');
  return protocol && !PORT_PROTOCOLS.includes(protocol) ? [notSupported(field.concat('protocol'), protocol, PORT_PROTOCOLS)] : [];
}

const ENV_SOURCES_REQUIRED = 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`';
const ENV_SOURCES_REQUIRED_WITH_FILES = 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef`, `secretKeyRef` or `fileKeyRef`';

// upstream: validation.go ValidateEnv, validateEnvVarValueFrom (v1.36: opts.AllowEnvFilesValidation, from the EnvFiles gate)
function validateEnv(env: readonly unknown[], field: FieldPath, nameErrors: (name: string) => string[], envFiles: boolean): ErrorList {
  return env.flatMap((entry, index) => {
    const variable = asRecord(entry) ?? {};
    const name = stringField(variable, 'name') ?? '';
    const errors = name === '' ? [required(field.concat(index, 'name'))] : nameErrors(name).map((message) => invalid(field.concat(index, 'name'), name, message));
    const valueFrom = recordField(variable, 'valueFrom');
    if (!valueFrom) return errors;
    const at = field.concat(index, 'valueFrom');
    const sources = ENV_SOURCES.filter((source) => recordField(valueFrom, source) !== undefined);
    for (const source of sources) appendAll(errors, ENV_SOURCE_CHECKS[source]?.(recordField(valueFrom, source) ?? {}, at.concat(source)) ?? []);
    if (sources.length === 0) errors.push(invalid(at, '', envFiles ? ENV_SOURCES_REQUIRED_WITH_FILES : ENV_SOURCES_REQUIRED));
    else if (stringField(variable, 'value')) errors.push(invalid(at, '', 'may not be specified when `value` is not empty'));
    else if (sources.length > 1) errors.push(invalid(at, '', 'may not have more than one field specified at a time'));
    return errors;
  });
}

// upstream: validation.go validEnvDownwardAPIFieldPathExpressions, validContainerResourceFieldPathExpressions
const ENV_FIELD_PATHS = ['metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName', 'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs'];
const RESOURCE_FIELD_PATHS = ['limits.cpu', 'limits.ephemeral-storage', 'limits.memory', 'requests.cpu', 'requests.ephemeral-storage', 'requests.memory'];
const RESOURCE_FIELD_PREFIXES = ['limits.hugepages-', 'requests.hugepages-'];

/** The checks of each valueFrom source (fileKeyRef's are not modelled). */
const ENV_SOURCE_CHECKS: Readonly<Record<string, (source: Fields, field: FieldPath) => ErrorList>> = {
  fieldRef: (source, field) => validateObjectFieldSelector(source, ENV_FIELD_PATHS, field),
  resourceFieldRef: (source, field) => validateResourceFieldSelector(source, field, false),
  configMapKeyRef: validateKeySelector,
  secretKeyRef: validateKeySelector,
};

// upstream: validation.go validateConfigMapKeySelector, validateSecretKeySelector (the name through ValidateSecretName)
function validateKeySelector(selector: Fields, field: FieldPath): ErrorList {
  const name = stringField(selector, 'name') ?? '';
  const errors = subdomainErrors(name).map((message) => invalid(field.concat('name'), name, message));
  const keyName = stringField(selector, 'key') ?? '';
  if (keyName === '') errors.push(required(field.concat('key')));
  else for (const message of configMapKeyErrors(keyName)) errors.push(invalid(field.concat('key'), keyName, message));
  return errors;
}

/** The downward API fields kubelet knows (pods helpers.go ConvertDownwardAPIFieldLabel), `spec.host` its old name. */
const DOWNWARD_API_LABELS = new Set(['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.restartPolicy', 'spec.serviceAccountName', 'spec.schedulerName', 'status.phase', 'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs']);

// upstream: validation.go validateObjectFieldSelector (apiVersion defaults to v1: SetDefaults_ObjectFieldSelector)
export function validateObjectFieldSelector(selector: Fields, expressions: readonly string[], field: FieldPath): ErrorList {
  const apiVersion = stringField(selector, 'apiVersion') || 'v1';
  const fieldPath = stringField(selector, 'fieldPath') ?? '';
  if (fieldPath === '') return [required(field.concat('fieldPath'))];
  const subscripted = splitSubscriptedPath(fieldPath);
  const converted = apiVersion !== 'v1' ? `unsupported pod version: ${apiVersion}`
    : subscripted ? (['metadata.annotations', 'metadata.labels'].includes(subscripted.path) ? undefined : `field label does not support subscript: ${fieldPath}`)
    : DOWNWARD_API_LABELS.has(fieldPath) || fieldPath === 'spec.host' ? undefined : `field label not supported: ${fieldPath}`;
  if (converted !== undefined) return [invalid(field.concat('fieldPath'), fieldPath, `error converting fieldPath: ${converted}`)];
  if (subscripted) {
    const label = subscripted.path === 'metadata.annotations' ? subscripted.subscript.toLowerCase() : subscripted.subscript;
    return qualifiedNameErrors(label).map((message) => invalid(field, label, message));
  }
  const internal = fieldPath === 'spec.host' ? 'spec.nodeName' : fieldPath;
  return expressions.includes(internal) ? [] : [notSupported(field.concat('fieldPath'), internal, [...expressions].sort())];
}

/** `metadata.labels['app']` as its path and subscript (upstream: fieldpath.SplitMaybeSubscriptedPath). */
function splitSubscriptedPath(fieldPath: string): { path: string; subscript: string } | undefined {
  if (!fieldPath.endsWith("']")) return undefined;
  const inner = fieldPath.slice(0, -2);
  const at = inner.indexOf("['");
  if (at <= 0) return undefined;
  return { path: inner.slice(0, at), subscript: inner.slice(at + 2) };
}

// upstream: validation.go validateContainerResourceFieldSelector
export function validateResourceFieldSelector(selector: Fields, field: FieldPath, volume: boolean): ErrorList {
  const resource = stringField(selector, 'resource') ?? '';
  const errors: ErrorList = [];
  if (volume && !stringField(selector, 'containerName')) errors.push(required(field.concat('containerName')));
  else if (resource === '') errors.push(required(field.concat('resource')));
  else if (!RESOURCE_FIELD_PATHS.includes(resource) && !RESOURCE_FIELD_PREFIXES.some((prefix) => resource.startsWith(prefix))) errors.push(notSupported(field.concat('resource'), resource, RESOURCE_FIELD_PATHS));
  return appendAll(errors, validateContainerResourceDivisor(resource, selector['divisor'], field));
}

const CPU_DIVISORS = ['1m', '1'];
const BYTE_DIVISORS = ['1', '1k', '1M', '1G', '1T', '1P', '1E', '1Ki', '1Mi', '1Gi', '1Ti', '1Pi', '1Ei'];
const bytesDivisorMessage = (resource: string): string => `only divisor's values ${BYTE_DIVISORS.join(', ')} are supported with the ${resource} resource`;

/** The divisors (as Quantity.String() prints them) each downward API resource takes, and the words of its error. */
function divisorsOf(resource: string): { values: readonly string[]; message: string } | undefined {
  if (resource === 'limits.cpu' || resource === 'requests.cpu') return { values: CPU_DIVISORS, message: "only divisor's values 1m and 1 are supported with the cpu resource" };
  if (resource === 'limits.memory' || resource === 'requests.memory') return { values: BYTE_DIVISORS, message: bytesDivisorMessage('memory') };
  if (resource === 'limits.ephemeral-storage' || resource === 'requests.ephemeral-storage') return { values: BYTE_DIVISORS, message: bytesDivisorMessage('local ephemeral storage') };
  return RESOURCE_FIELD_PREFIXES.some((prefix) => resource.startsWith(prefix)) ? { values: BYTE_DIVISORS, message: bytesDivisorMessage('hugepages') } : undefined;
}

// upstream: validation.go validateContainerResourceDivisor: a zero (unset) divisor passes; the divisor's String() must
// be one of the values (a text ParseQuantity cached as written, such as "01", is not "1"); the bad value is the resource
function validateContainerResourceDivisor(resource: string, divisor: unknown, field: FieldPath): ErrorList {
  const quantity = parseQuantity(divisor);
  const divisors = divisorsOf(resource);
  if (!quantity || quantity.numerator === 0n || !divisors || divisors.values.includes(quantityString(divisor) ?? '')) return [];
  return [invalid(field.concat('divisor'), resource, divisors.message)];
}

// fileKeyRef: EnvFiles, beta and on by default from 1.35
const ENV_SOURCES = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef', 'fileKeyRef'];
// upstream: validation.go supportedContainerRestartPolicies (sets.List: sorted)
const CONTAINER_RESTART_POLICIES = ['Always', 'Never', 'OnFailure'];

/**
 * An init container's restartPolicy values per release: SidecarContainers (beta, on from 1.29) takes only Always;
 * with ContainerRestartRules (beta, on from 1.35) it is checked as a regular container's; before 1.29 the field is
 * dropped (1.28's alpha) or unknown.
 */
export type InitRestartPolicy = 'unchecked' | 'sidecar' | 'container-restart-rules';

// upstream: validation.go validateInitContainerRestartPolicy (v1.33, v1.36), validateContainerRestartPolicy (v1.36)
const INIT_RESTART_POLICIES: Readonly<Record<InitRestartPolicy, readonly string[] | undefined>> = {
  unchecked: undefined,
  sidecar: ['Always'],
  'container-restart-rules': CONTAINER_RESTART_POLICIES,
};

// upstream: validation.go ValidateEnvFrom: the prefix, exactly one of configMapRef and secretRef, each with a name
function validateEnvFrom(envFrom: readonly unknown[], field: FieldPath, nameErrors: (name: string) => string[]): ErrorList {
  return envFrom.flatMap((entry, index) => {
    const source = asRecord(entry) ?? {};
    const refs = ['configMapRef', 'secretRef'].filter((ref) => recordField(source, ref) !== undefined);
    const prefix = stringField(source, 'prefix') ?? '';
    const errors = prefix === '' ? [] : nameErrors(prefix).map((message) => invalid(field.concat(index, 'prefix'), prefix, message));
    for (const ref of refs) appendAll(errors, validateEnvSourceName(recordField(source, ref), field.concat(index, ref, 'name')));
    if (refs.length === 0) errors.push(invalid(field, '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (refs.length > 1) errors.push(invalid(field, '', 'may not have more than one field specified at a time'));
    return errors;
  });
}

// upstream: validation.go validateConfigMapEnvSource, validateSecretEnvSource: ValidateConfigMapName and
// ValidateSecretName with prefix true, so a trailing '-' passes
function validateEnvSourceName(ref: Fields | undefined, field: FieldPath): ErrorList {
  const name = stringField(ref, 'name') ?? '';
  if (name === '') return [required(field)];
  return nameIsDNSSubdomain(name, true).map((message) => invalid(field, name, message));
}

// upstream: validation.go ValidateVolumeMounts, validateMountRecursiveReadOnly (v1.36); subPath, subPathExpr,
// mountPropagation and recursiveReadOnly errors name the list, not the mount (`volumeMounts.subPath`), and point at
// the mount's field
function validateVolumeMounts(mounts: readonly unknown[], container: Fields, volumes: ReadonlySet<string>, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const mountPoints = new Set<string>();
  const privileged = recordField(container, 'securityContext')?.['privileged'] === true;
  const devices = pathsByName(container, 'volumeDevices', 'devicePath');
  mounts.forEach((entry, index) => {
    const mount = asRecord(entry) ?? {};
    const name = stringField(mount, 'name') ?? '';
    const mountPath = stringField(mount, 'mountPath') ?? '';
    const listField = (child: string, list: ErrorList) => list.map((error) => pointing(error, toPath(field.concat(index, child))));
    if (name === '') errors.push(required(field.concat(index, 'name')));
    if (!volumes.has(name)) errors.push(notFound(field.concat(index, 'name'), name));
    if (mountPath === '') errors.push(required(field.concat(index, 'mountPath')));
    if (mountPoints.has(mountPath)) errors.push(invalid(field.concat(index, 'mountPath'), mountPath, 'must be unique'));
    mountPoints.add(mountPath);
    if (devices.has(name)) errors.push(invalid(field.concat(index, 'name'), name, 'must not already exist in volumeDevices'));
    if (hasPath(devices, mountPath)) errors.push(invalid(field.concat(index, 'mountPath'), mountPath, 'must not already exist as a path in volumeDevices'));
    const subPath = stringField(mount, 'subPath') ?? '';
    if (subPath !== '') appendAll(errors, listField('subPath', localDescendingPathErrors(subPath, field.concat('subPath'))));
    const subPathExpr = stringField(mount, 'subPathExpr') ?? '';
    if (subPathExpr !== '') {
      if (subPath !== '') errors.push(invalid(field.concat(index, 'subPathExpr'), subPathExpr, 'subPathExpr and subPath are mutually exclusive'));
      appendAll(errors, listField('subPathExpr', localDescendingPathErrors(subPathExpr, field.concat('subPathExpr'))));
    }
    const propagation = stringField(mount, 'mountPropagation');
    appendAll(errors, listField('mountPropagation', unsupportedValue(field.concat('mountPropagation'), propagation, MOUNT_PROPAGATIONS)));
    if (propagation === 'Bidirectional' && !privileged) appendAll(errors, listField('mountPropagation', [forbidden(field.concat('mountPropagation'), 'Bidirectional mount propagation is available only to privileged containers')]));
    const recursive = stringField(mount, 'recursiveReadOnly');
    if (recursive === 'Enabled' || recursive === 'IfPossible') {
      const recursiveErrors: ErrorList = [];
      if (mount['readOnly'] !== true) recursiveErrors.push(forbidden(field.concat('recursiveReadOnly'), 'may only be specified when readOnly is true'));
      if (propagation !== undefined && propagation !== 'None') recursiveErrors.push(forbidden(field.concat('recursiveReadOnly'), 'may only be specified when mountPropagation is None or not specified'));
      appendAll(errors, listField('recursiveReadOnly', recursiveErrors));
    } else if (recursive !== undefined && recursive !== 'Disabled') {
      appendAll(errors, listField('recursiveReadOnly', [notSupported(field.concat('recursiveReadOnly'), recursive, RECURSIVE_READ_ONLY)]));
    }
  });
  return errors;
}

// upstream: validation.go validateMountPropagation's supportedMountPropagations (sets.List: sorted)
const MOUNT_PROPAGATIONS = ['Bidirectional', 'HostToContainer', 'None'];
// upstream: validation.go validateMountRecursiveReadOnly's supportedRRO (sets.List: sorted)
const RECURSIVE_READ_ONLY = ['Disabled', 'Enabled', 'IfPossible'];

/** Each entry's path by its name, the last entry of a name winning (upstream: GetVolumeMountMap, GetVolumeDeviceMap). */
function pathsByName(container: Fields, list: 'volumeMounts' | 'volumeDevices', pathField: 'mountPath' | 'devicePath'): ReadonlyMap<string, string> {
  const paths = new Map<string, string>();
  for (const entry of arrayField(container, list)) paths.set(stringField(asRecord(entry), 'name') ?? '', stringField(asRecord(entry), pathField) ?? '');
  return paths;
}

const hasPath = (paths: ReadonlyMap<string, string>, path: string): boolean => [...paths.values()].includes(path);

// upstream: validation.go ValidateVolumeDevices, isMatchedDevice, validatePathNoBacksteps (v1.36)
function validateVolumeDevices(devices: readonly unknown[], container: Fields, context: ContainerContext, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const names = new Set<string>();
  const devicePaths = new Set<string>();
  const mounts = pathsByName(container, 'volumeMounts', 'mountPath');
  devices.forEach((entry, index) => {
    const device = asRecord(entry) ?? {};
    const name = stringField(device, 'name') ?? '';
    const devicePath = stringField(device, 'devicePath') ?? '';
    const nameField = field.concat(index, 'name');
    const pathField = field.concat(index, 'devicePath');
    if (name === '') errors.push(required(nameField));
    if (names.has(name)) errors.push(invalid(nameField, name, 'must be unique'));
    if (!context.volumes.has(name)) errors.push(notFound(nameField, name));
    else if (!context.claimVolumes.has(name)) errors.push(invalid(nameField, name, 'can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode'));
    if (devicePath === '') errors.push(required(pathField));
    if (devicePaths.has(devicePath)) errors.push(invalid(pathField, devicePath, 'must be unique'));
    if (devicePath.split('/').includes('..')) errors.push(invalid(pathField, devicePath, "can not contain backsteps ('..')"));
    else devicePaths.add(devicePath);
    if (mounts.has(name)) errors.push(invalid(nameField, name, 'must not already exist in volumeMounts'));
    if (hasPath(mounts, devicePath)) errors.push(invalid(pathField, devicePath, 'must not already exist as a path in volumeMounts'));
    if (name !== '') names.add(name);
  });
  return errors;
}

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;

// upstream: validation.go validateLivenessProbe, validateReadinessProbe, validateStartupProbe, validateInitContainers,
// validateLifecycle
function validateProbes(container: Fields, field: FieldPath, context: ContainerContext): ErrorList {
  const errors: ErrorList = [];
  const isPlainInit = context.isInit && container['restartPolicy'] !== 'Always';
  for (const name of PROBES) {
    const probe = recordField(container, name);
    if (!probe) continue;
    const at = field.concat(name);
    if (isPlainInit) {
      errors.push(forbidden(at, 'may not be set for init containers without restartPolicy=Always'));
      continue;
    }
    appendAll(errors, validateProbe(probe, at));
    const successThreshold = intField(probe, 'successThreshold');
    if (name !== 'readinessProbe' && successThreshold !== undefined && successThreshold !== 0 && successThreshold !== 1) {
      errors.push(invalid(at.concat('successThreshold'), successThreshold, 'must be 1'));
    }
    const grace = intField(probe, 'terminationGracePeriodSeconds');
    if (name === 'readinessProbe' && grace !== undefined) errors.push(invalid(at.concat('terminationGracePeriodSeconds'), grace, 'must not be set for readinessProbes'));
  }
  const lifecycle = recordField(container, 'lifecycle');
  if (lifecycle && isPlainInit) errors.push(forbidden(field.concat('lifecycle'), 'may not be set for init containers without restartPolicy=Always'));
  else for (const hook of ['postStart', 'preStop']) {
    const handler = recordField(lifecycle, hook);
    if (handler) appendAll(errors, validateHandler(handler, field.concat('lifecycle', hook), { types: LIFECYCLE_HANDLERS, sleep: context }));
  }
  return errors;
}

// upstream: validation.go validateProbe; zero values are defaulted (periodSeconds 10, timeoutSeconds 1, ...), so only negatives fail
function validateProbe(probe: Fields, field: FieldPath): ErrorList {
  const errors = validateHandler(probe, field, { types: PROBE_HANDLERS });
  appendAll(errors, validateNonnegativeFields(probe, PROBE_COUNTS, field));
  const grace = intField(probe, 'terminationGracePeriodSeconds');
  if (grace !== undefined && grace <= 0) errors.push(invalid(field.concat('terminationGracePeriodSeconds'), grace, 'must be greater than 0'));
  return errors;
}

const PROBE_COUNTS = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'];
const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;
const LIFECYCLE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'sleep'] as const;

/** The handler types a probe or a lifecycle hook may use, and how a lifecycle hook's sleep is checked. */
interface HandlerTypes {
  readonly types: readonly string[];
  readonly sleep?: SleepRule;
}

type SleepRule = Pick<ContainerContext, 'sleepSeconds' | 'gracePeriod'>;

// upstream: validation.go validateHandler: exactly one handler type, in upstream's order
function validateHandler(handler: Fields, field: FieldPath, { types, sleep }: HandlerTypes): ErrorList {
  const errors: ErrorList = [];
  let handlers = 0;
  for (const type of types) {
    const action = recordField(handler, type);
    if (!action) continue;
    if (handlers > 0) {
      errors.push(forbidden(field.concat(type), 'may not specify more than 1 handler type'));
      continue;
    }
    handlers++;
    appendAll(errors, type === 'sleep' && sleep ? validateSleepAction(action, field.concat(type), sleep) : validateAction(type, action, field));
  }
  if (handlers === 0) errors.push(required(field, 'must specify a handler type'));
  return errors;
}

// upstream: validation.go validateExecAction, validateHTTPGetAction, validateTCPSocketAction, validateGRPCAction; the
// action is `type` under the handler at `handler`, and its path is built only for an error
function validateAction(type: string, action: Fields, handler: FieldPath): ErrorList {
  if (type === 'exec') return arrayField(action, 'command').length === 0 ? [required(handler.concat(type, 'command'))] : [];
  const port = type === 'grpc' ? intField(action, 'port') : type === 'httpGet' || type === 'tcpSocket' ? action['port'] : undefined;
  const messages = portNumOrNameErrors(port);
  const errors = messages.length === 0 ? [] : owned(messages.map((message) => invalid(handler.concat(type, 'port'), port, message)), INVALID_PORT);
  // validateHTTPGetAction: the scheme (SetDefaults_HTTPGetAction makes an empty one HTTP), each header's name (its
  // value is never checked)
  if (type === 'httpGet') {
    appendAll(errors, unsupportedValue(handler.concat(type, 'scheme'), stringField(action, 'scheme') || undefined, HTTP_SCHEMES));
    for (const header of arrayField(action, 'httpHeaders')) {
      const name = stringField(asRecord(header), 'name') ?? '';
      for (const message of httpHeaderNameErrors(name)) errors.push(invalid(handler.concat(type, 'httpHeaders'), name, message));
    }
  }
  return errors;
}

// upstream: validation.go supportedHTTPSchemes (sets.List: sorted)
const HTTP_SCHEMES = ['HTTP', 'HTTPS'];

// upstream: validation.go validateSleepAction (v1.30 to v1.36); an absent seconds is the schema's finding before 1.33
function validateSleepAction(action: Fields, field: FieldPath, { sleepSeconds, gracePeriod }: SleepRule): ErrorList {
  const seconds = intField(action, 'seconds');
  if (seconds === undefined || sleepSeconds === 'unchecked') return [];
  const least = sleepSeconds === 'positive' ? 1 : 0;
  if (seconds >= least && seconds <= gracePeriod) return [];
  const bound = sleepSeconds === 'positive' ? 'greater than 0' : 'non-negative';
  // upstream names the sleep action; the finding points at its seconds
  return [pointing(invalid(field, seconds, `must be ${bound} and less than terminationGracePeriodSeconds (${gracePeriod})`), toPath(field.concat('seconds')))];
}

const NO_MESSAGES: readonly string[] = Object.freeze([]);

/** ValidatePortNumOrName's messages for `port`: a number's range, a string's IANA_SVC_NAME syntax, nothing otherwise. */
function portNumOrNameErrors(port: unknown): readonly string[] {
  if (typeof port === 'number') return portNumberErrors(port);
  return typeof port === 'string' ? portNameErrors(port) : NO_MESSAGES;
}

// upstream: validation.go ValidatePortNumOrName
export function validatePortNumOrName(port: unknown, field: FieldPath): ErrorList {
  return portNumOrNameErrors(port).map((message) => invalid(field, port, message));
}

/** The errors of a resource name at its path in requests or limits: the container's, the pod level's or an overhead's. */
export type ResourceNameErrors = (name: string, field: FieldPath) => ErrorList;

// upstream: validation.go validateResourceRequirements, as ValidateContainerResourceRequirements (with
// validateContainerResourceName) and validatePodResourceRequirements call it (quantity syntax is the schema's; v1.36);
// a name's errors point at its key
export function validateResourceRequirements(resources: Fields | undefined, field: FieldPath, nameErrors: ResourceNameErrors): ErrorList {
  const limits = recordField(resources, 'limits') ?? {};
  const requests = recordField(resources, 'requests') ?? {};
  const errors: ErrorList = [];
  const checkName = (name: string, list: 'limits' | 'requests'): void => {
    const at = field.concat(list, key(name));
    for (const error of nameErrors(name, at)) errors.push(pointing(error, toPath(at), 'key'));
  };
  // keys, not entries: no [name, value] pair to allocate and destructure for each resource of each container
  for (const name of Object.keys(limits)) {
    checkName(name, 'limits');
    appendAll(errors, validateResourceQuantityValue(name, limits[name], () => field.concat('limits', key(name))));
  }
  for (const name of Object.keys(requests)) {
    const raw = requests[name];
    checkName(name, 'requests');
    appendAll(errors, validateResourceQuantityValue(name, raw, () => field.concat('requests', key(name))));
    const request = parseQuantity(raw);
    const limit = parseQuantity(limits[name]);
    if (request && limit) {
      // compared as defaulted: rounded up to milli units (SetDefaults_ResourceList)
      const [requestMilli, limitMilli] = [ceilMilliValue(request), ceilMilliValue(limit)];
      const order = requestMilli < limitMilli ? -1 : requestMilli > limitMilli ? 1 : 0;
      // upstream prints both with Quantity.String(), after defaulting rounded them up to milli units
      const detail = (relation: string): string => `must be ${relation} ${name} limit of ${quantityString(limits[name], RESOURCE_LIST_ENTRY) ?? ''}`;
      const relation = order !== 0 && !isOvercommitAllowed(name) ? 'equal to' : order > 0 ? 'less than or equal to' : undefined;
      // upstream names the requests field; the finding points at the request itself
      if (relation) errors.push({ ...invalid(field.concat('requests'), quantityString(raw, RESOURCE_LIST_ENTRY), detail(relation)), at: toPath(field.concat('requests', name)), ruleId: LIMITS_BELOW_REQUESTS });
    } else if (request && limits[name] === undefined && !isOvercommitAllowed(name)) {
      errors.push(required(field.concat('limits'), 'Limit must be set for non overcommitable resources'));
    }
  }
  const names = [...Object.keys(limits), ...Object.keys(requests)];
  if (names.some(isHugePages) && !names.some((name) => QOS_COMPUTE_RESOURCES.includes(name))) errors.push(forbidden(field, 'HugePages require cpu or memory'));
  return errors;
}

/** supportedQoSComputeResources: hugepages need one of them beside them. */
const QOS_COMPUTE_RESOURCES = ['cpu', 'memory'];

// upstream: validation.go ValidateResourceQuantityValue (ValidateNonnegativeQuantity, then whole units for counted
// resources); the path is built only for an error
export function validateResourceQuantityValue(name: string, raw: unknown, fieldOf: () => FieldPath): ErrorList {
  const quantity = parseQuantity(raw);
  if (!quantity) return [];
  const errors: ErrorList = [];
  if (quantity.numerator < 0n) errors.push(negativeQuantity(fieldOf(), raw));
  const notInteger = notIntegerError(name, quantity, raw, fieldOf);
  if (notInteger) errors.push(notInteger);
  return errors;
}

const negativeQuantity = (field: FieldPath, raw: unknown): FieldError => invalid(field, canonicalQuantity(raw), IS_NEGATIVE_ERROR);
