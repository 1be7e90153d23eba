// pkg/apis/core/validation for pod specs and templates: volumes, containers, tolerations, topology spread, names.
import { validateContainer, validateDNS1123Label, type NameSet } from './core-container.js';
import { duplicate, forbidden, GoStruct, invalid, notSupported, required, type ErrorList, type FieldPath } from './field-error.js';
import { labelValueErrors, qualifiedNameErrors, subdomainErrors, inclusiveRangeError } from './names.js';
import { validateAnnotations, validateLabels } from './object-meta.js';
import { arrayField, asRecord, intField, recordField, stringField, type Fields } from './values.js';

const MAX_INT32 = 2147483647;

/** Extra volume names a pod spec's mounts may use: a StatefulSet's volumeClaimTemplates. */
export interface PodSpecOptions {
  readonly claimTemplates: readonly string[];
}

// upstream: validation.go ValidatePodTemplateSpec (template metadata: labels and annotations only)
export function validatePodTemplateSpec(template: unknown, field: FieldPath, options: PodSpecOptions = { claimTemplates: [] }): ErrorList {
  const metadata = recordField(asRecord(template), 'metadata');
  return [
    ...validateLabels(metadata?.['labels'], [...field, 'metadata', 'labels']),
    ...validateAnnotations(metadata?.['annotations'], [...field, 'metadata', 'annotations']),
    ...validatePodSpec(recordField(asRecord(template), 'spec'), [...field, 'spec'], options),
  ];
}

// upstream: validation.go ValidatePodSpec (v1.36)
export function validatePodSpec(spec: Fields | undefined, field: FieldPath, options: PodSpecOptions = { claimTemplates: [] }): ErrorList {
  if (!spec) return [];
  const { names: volumes, errors } = validateVolumes(arrayField(spec, 'volumes'), [...field, 'volumes']);
  for (const claim of options.claimTemplates) volumes.add(claim);
  const containerNames: NameSet = new Set();
  const containers = arrayField(spec, 'containers');
  if (containers.length === 0) errors.push(required([...field, 'containers']));
  for (const [list, isInit] of [['containers', false], ['initContainers', true], ['ephemeralContainers', false]] as const) {
    arrayField(spec, list).forEach((entry, index) => {
      const container = asRecord(entry);
      if (container) errors.push(...validateContainer(container, [...field, list, index], { volumes, names: containerNames, isInit }));
    });
  }
  errors.push(...validateLabels(spec['nodeSelector'], [...field, 'nodeSelector']));
  errors.push(...validatePodNames(spec, field));
  errors.push(...validateTolerations(arrayField(spec, 'tolerations'), [...field, 'tolerations']));
  errors.push(...validateTopologySpreadConstraints(arrayField(spec, 'topologySpreadConstraints'), [...field, 'topologySpreadConstraints']));
  const deadline = intField(spec, 'activeDeadlineSeconds');
  if (deadline !== undefined && (deadline < 1 || deadline > MAX_INT32)) errors.push(invalid([...field, 'activeDeadlineSeconds'], deadline, inclusiveRangeError(1, MAX_INT32)));
  if (spec['dnsPolicy'] === 'None' && !recordField(spec, 'dnsConfig')) errors.push(required([...field, 'dnsConfig'], 'must provide `dnsConfig` when `dnsPolicy` is None'));
  return errors;
}

// upstream: ValidatePodSpec: serviceAccountName and priorityClassName are DNS subdomains, hostname and subdomain DNS labels
function validatePodNames(spec: Fields, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  for (const name of ['serviceAccountName', 'priorityClassName']) {
    const value = stringField(spec, name);
    if (value) errors.push(...subdomainErrors(value).map((message) => invalid([...field, name], value, message)));
  }
  for (const name of ['hostname', 'subdomain']) {
    const value = stringField(spec, name);
    if (value) errors.push(...validateDNS1123Label(value, [...field, name]));
  }
  return errors;
}

// upstream: validation.go validateVolumeSource counts these fields of VolumeSource (v1.36)
const VOLUME_SOURCES = [
  'hostPath', 'emptyDir', 'gitRepo', 'gcePersistentDisk', 'awsElasticBlockStore', 'secret', 'nfs', 'iscsi', 'glusterfs',
  'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc', 'azureFile', 'configMap',
  'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected', 'portworxVolume', 'scaleIO', 'storageos',
  'csi', 'ephemeral', 'image',
];

// upstream: validation.go ValidateVolumes, validateVolumeSource (v1.36); a volume without a source is defaulted to emptyDir (v1 SetDefaults_Volume)
function validateVolumes(volumes: readonly unknown[], field: FieldPath): { names: Set<string>; errors: ErrorList } {
  const names = new Set<string>();
  const errors: ErrorList = [];
  volumes.forEach((entry, index) => {
    const volume = asRecord(entry);
    const name = stringField(volume, 'name') ?? '';
    const namePath = [...field, index, 'name'];
    if (name === '') errors.push(required(namePath));
    else errors.push(...validateDNS1123Label(name, namePath));
    if (names.has(name)) errors.push(duplicate(namePath, name));
    else if (name !== '') names.add(name);
    const sources = VOLUME_SOURCES.filter((source) => volume?.[source] !== undefined && volume[source] !== null);
    for (const source of sources.slice(1)) errors.push(forbidden([...field, index, source], 'may not specify more than 1 volume type'));
  });
  return { names, errors };
}

const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

// upstream: validation.go ValidateTolerations (v1.36); enums of operator and effect are the schema's
export function validateTolerations(tolerations: readonly unknown[], field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  tolerations.forEach((entry, index) => {
    const toleration = asRecord(entry) ?? {};
    const at = [...field, index];
    const tolerationKey = stringField(toleration, 'key') ?? '';
    const operator = stringField(toleration, 'operator') ?? '';
    const value = stringField(toleration, 'value') ?? '';
    const effect = stringField(toleration, 'effect') ?? '';
    if (tolerationKey) errors.push(...qualifiedNameErrors(tolerationKey).map((message) => invalid([...at, 'key'], tolerationKey, message)));
    if (tolerationKey === '' && operator !== 'Exists') {
      errors.push(invalid([...at, 'operator'], operator, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (intField(toleration, 'tolerationSeconds') !== undefined && effect !== 'NoExecute') {
      errors.push(invalid([...at, 'effect'], effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    if (operator === 'Equal' || operator === '') {
      const messages = labelValueErrors(value);
      if (messages.length > 0) errors.push(invalid([...at, 'operator'], value, messages.join(';')));
    } else if (operator === 'Exists' && value !== '') {
      errors.push(invalid([...at, 'operator'], new GoStruct(tolerationStruct(toleration)), "value must be empty when `operator` is 'Exists'"));
    }
    if (effect !== '' && !TAINT_EFFECTS.includes(effect)) errors.push(notSupported([...at, 'effect'], effect, TAINT_EFFECTS));
  });
  return errors;
}

// upstream: internal core.Toleration has no json tags, so its fields print by Go name
function tolerationStruct(toleration: Fields): [string, unknown][] {
  return [['Key', toleration['key'] ?? ''], ['Operator', toleration['operator'] ?? ''], ['Value', toleration['value'] ?? ''],
    ['Effect', toleration['effect'] ?? ''], ['TolerationSeconds', toleration['tolerationSeconds'] ?? null]];
}

const NOT_POSITIVE = 'must be greater than zero';

// upstream: validation.go validateTopologySpreadConstraints, ValidateMaxSkew, ValidateTopologyKey,
// ValidateSpreadConstraintNotRepeat, validateMinDomains (v1.36); whenUnsatisfiable's enum is the schema's
export function validateTopologySpreadConstraints(constraints: readonly unknown[], field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const records = constraints.map((entry) => asRecord(entry) ?? {});
  records.forEach((constraint, index) => {
    const at = [...field, index];
    const maxSkew = intField(constraint, 'maxSkew') ?? 0;
    if (maxSkew <= 0) errors.push(invalid([...at, 'maxSkew'], maxSkew, NOT_POSITIVE));
    const topologyKey = stringField(constraint, 'topologyKey') ?? '';
    if (topologyKey === '') errors.push(required([...at, 'topologyKey'], 'can not be empty'));
    else errors.push(...qualifiedNameErrors(topologyKey).map((message) => invalid([...at, 'topologyKey'], topologyKey, message)));
    const action = stringField(constraint, 'whenUnsatisfiable') ?? '';
    const repeated = records.slice(index + 1).some((other) => other['topologyKey'] === topologyKey && other['whenUnsatisfiable'] === action);
    if (repeated) errors.push(duplicate([...at, '{topologyKey, whenUnsatisfiable}'], `{${topologyKey}, ${action}}`));
    const minDomains = intField(constraint, 'minDomains');
    if (minDomains === undefined) return;
    if (minDomains <= 0) errors.push(invalid([...at, 'minDomains'], minDomains, NOT_POSITIVE));
    if (action !== 'DoNotSchedule') errors.push(invalid([...at, 'minDomains'], minDomains, `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${action}`));
  });
  return errors;
}
