// pkg/apis/core/validation for PersistentVolumeClaims and PersistentVolumes (and inline PersistentVolumeSpecs) on
// create: access modes, storage, data sources, classes, the volume source and node affinity.
import { posix } from 'node:path';
import { appendAll } from '../../model/append.js';
import { byteLength, dns1123LabelErrors, inclusiveRangeError, subdomainErrors } from '../../model/name-validation.js';
import { parseQuantity } from '../../model/quantity.js';
import { fieldPathString, forbidden, GoStringer, invalid, key, notSupported, pointing, required, toPath, tooLong, type ErrorList, type FieldError, type FieldPath } from './field-error.js';
import { validateLabelSelector } from './label-selector.js';
import { pathNoBackstepsErrors } from './local-path.js';
import { validateNodeSelector } from './node-selector.js';
import { validateAnnotations, validateLabels } from './object-meta.js';
import { canonicalQuantity } from './quantity-string.js';
import { resourceListValue } from './quantity-value.js';
import { arrayField, asRecord, intField, recordField, stringField, type Fields } from './values.js';

// upstream: validation.go supportedAccessModes, supportedReclaimPolicy, supportedVolumeModes (sets.List: sorted) (v1.36)
const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const RECLAIM_POLICIES = ['Delete', 'Recycle', 'Retain'];
const VOLUME_MODES = ['Block', 'Filesystem'];

const NOT_POSITIVE = 'must be greater than zero';

// upstream: validation.go ValidatePersistentVolumeClaim (v1.36)
export function validatePersistentVolumeClaim(object: Fields): ErrorList {
  return validatePersistentVolumeClaimSpec(recordField(object, 'spec') ?? {}, ['spec']);
}

/** ObjectMeta fields in Go's declaration order, as validateFieldAllowList names them (lower-cased first letter). */
const TEMPLATE_META_FIELDS: readonly (readonly [string, string])[] = [
  ['name', 'name'], ['generateName', 'generateName'], ['namespace', 'namespace'], ['selfLink', 'selfLink'], ['uid', 'uID'],
  ['resourceVersion', 'resourceVersion'], ['generation', 'generation'], ['creationTimestamp', 'creationTimestamp'],
  ['deletionTimestamp', 'deletionTimestamp'], ['deletionGracePeriodSeconds', 'deletionGracePeriodSeconds'],
  ['ownerReferences', 'ownerReferences'], ['finalizers', 'finalizers'], ['managedFields', 'managedFields'],
];

/**
 * A generic ephemeral volume's claim template: labels and annotations, no other metadata, and the claim spec (upstream:
 * validation.go ValidatePersistentVolumeClaimTemplate, ValidateTemplateObjectMeta, validateFieldAllowList).
 */
export function validatePersistentVolumeClaimTemplate(template: Fields, field: FieldPath): ErrorList {
  const errors = validateTemplateObjectMeta(recordField(template, 'metadata'), [...field, 'metadata']);
  return appendAll(errors, validatePersistentVolumeClaimSpec(recordField(template, 'spec') ?? {}, [...field, 'spec']));
}

/** An embedded template's metadata: labels and annotations, nothing else (a ResourceClaimTemplate's too). */
// upstream: validation.go ValidateTemplateObjectMeta, validateFieldAllowList (v1.36)
export function validateTemplateObjectMeta(metadata: Fields | undefined, metaField: FieldPath): ErrorList {
  const errors = validateAnnotations(metadata?.['annotations'], [...metaField, 'annotations']);
  appendAll(errors, validateLabels(metadata?.['labels'], [...metaField, 'labels']));
  for (const [name, goName] of TEMPLATE_META_FIELDS) if (isSet(metadata?.[name])) errors.push(forbidden([...metaField, goName], 'cannot be set'));
  return errors;
}

/** Whether a decoded field differs from its Go zero value (null, "", 0, an empty list or map are unset). */
function isSet(value: unknown): boolean {
  if (value === undefined || value === null || value === '' || value === 0 || value === false) return false;
  if (Array.isArray(value)) return value.length > 0;
  return typeof value !== 'object' || Object.keys(value).length > 0;
}

// upstream: validation.go ValidatePersistentVolumeClaimSpec (create options)
function validatePersistentVolumeClaimSpec(spec: Fields, field: FieldPath): ErrorList {
  const errors = validateAccessModes(spec, field, 'at least 1 access mode is required');
  const selector = recordField(spec, 'selector');
  if (selector) appendAll(errors, validateLabelSelector(selector, [...field, 'selector']));
  appendAll(errors, validateClaimStorage(spec, field));
  appendAll(errors, validateClassName(spec, 'storageClassName', field));
  appendAll(errors, validateVolumeMode(spec, field));
  appendAll(errors, validateDataSources(spec, field));
  return appendAll(errors, validateClassName(spec, 'volumeAttributesClassName', field));
}

/** The access modes: at least one, each supported, ReadWriteOncePod alone. */
function validateAccessModes(spec: Fields, field: FieldPath, missing: string): ErrorList {
  const modes = arrayField(spec, 'accessModes');
  const at = [...field, 'accessModes'];
  const errors: ErrorList = modes.length === 0 ? [required(at, missing)] : [];
  let readWriteOncePod = false;
  let others = false;
  modes.forEach((mode, index) => {
    if (typeof mode !== 'string') return;
    if (!ACCESS_MODES.includes(mode)) errors.push(pointing(notSupported(at, mode, ACCESS_MODES), [...toPath(at), index]));
    else if (mode === 'ReadWriteOncePod') readWriteOncePod = true;
    else others = true;
  });
  if (readWriteOncePod && others) errors.push(forbidden(at, 'may not use ReadWriteOncePod with other access modes'));
  return errors;
}

/** resources.requests.storage: required and positive; upstream names it `resources[storage]`. */
function validateClaimStorage(spec: Fields, field: FieldPath): ErrorList {
  const at: FieldPath = [...field, 'resources', key('storage')];
  const requests = recordField(recordField(spec, 'resources'), 'requests');
  const raw = requests?.['storage'];
  if (raw === undefined) return [required(at)];
  const quantity = parseQuantity(raw);
  if (!quantity || quantity.numerator > 0n) return [];
  return [pointing(invalid(at, canonicalQuantity(raw), NOT_POSITIVE), [...toPath(field), 'resources', 'requests', 'storage'])];
}

// upstream: validation.go ValidateClassName (NameIsDNSSubdomain) of a non-empty class name
function validateClassName(spec: Fields, name: string, field: FieldPath): ErrorList {
  const value = stringField(spec, name) ?? '';
  return value === '' ? [] : subdomainErrors(value).map((message) => invalid([...field, name], value, message));
}

function validateVolumeMode(spec: Fields, field: FieldPath): ErrorList {
  const mode = stringField(spec, 'volumeMode');
  return mode !== undefined && !VOLUME_MODES.includes(mode) ? [notSupported([...field, 'volumeMode'], mode, VOLUME_MODES)] : [];
}

/**
 * dataSource and dataSourceRef as validated after the create strategy's NormalizeDataSources copied one into the other
 * (the copy's errors point at the field it came from), then whether the two agree.
 */
// upstream: pkg/api/persistentvolumeclaim/util.go NormalizeDataSources; validation.go validateDataSource,
// validateDataSourceRef, isDataSourceEqualDataSourceRef (v1.36)
function validateDataSources(spec: Fields, field: FieldPath): ErrorList {
  const source = recordField(spec, 'dataSource');
  const ref = recordField(spec, 'dataSourceRef');
  const refNamespace = stringField(ref, 'namespace') ?? '';
  const errors: ErrorList = [];
  if (source) appendAll(errors, validateDataSource(source, [...field, 'dataSource']));
  else if (ref && refNamespace === '') appendAll(errors, copied(validateDataSource(ref, [...field, 'dataSource']), [...toPath(field), 'dataSourceRef']));
  if (ref) appendAll(errors, validateDataSource(ref, [...field, 'dataSourceRef']));
  else if (source) appendAll(errors, copied(validateDataSource(source, [...field, 'dataSourceRef']), [...toPath(field), 'dataSource']));
  if (!source || !ref) return errors;
  // a *field.Path as the bad value: its String() up to 1.33; json.Marshal of its unexported fields prints {} from 1.34
  const pathValue = new GoStringer(fieldPathString(field), '{}');
  if (refNamespace !== '') errors.push(invalid(field, pathValue, 'may not be specified when dataSourceRef.namespace is specified'));
  else if (source['apiGroup'] !== ref['apiGroup'] || source['kind'] !== ref['kind'] || source['name'] !== ref['name']) {
    errors.push(invalid(field, pathValue, 'must match dataSourceRef'));
  }
  return errors;
}

const copied = (errors: ErrorList, from: FieldPath): ErrorList => errors.map((error) => pointing(error, toPath(from)));

function validateDataSource(source: Fields, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const kind = stringField(source, 'kind') ?? '';
  const apiGroup = stringField(source, 'apiGroup') ?? '';
  if ((stringField(source, 'name') ?? '') === '') errors.push(required([...field, 'name']));
  if (kind === '') errors.push(required([...field, 'kind']));
  if (apiGroup === '' && kind !== 'PersistentVolumeClaim') errors.push(invalid(field, kind, "must be 'PersistentVolumeClaim' when referencing the default apiGroup"));
  if (apiGroup !== '') appendAll(errors, subdomainErrors(apiGroup).map((message) => invalid([...field, 'apiGroup'], apiGroup, message)));
  const namespace = stringField(source, 'namespace') ?? '';
  if (field.at(-1) === 'dataSourceRef' && namespace !== '') appendAll(errors, dns1123LabelErrors(namespace).map((message) => invalid([...field, 'namespace'], namespace, message)));
  return errors;
}

// upstream: validation.go ValidatePersistentVolume (v1.36)
export function validatePersistentVolume(object: Fields): ErrorList {
  return validatePersistentVolumeSpec(recordField(object, 'spec') ?? {}, ['spec'], 'persistentVolume');
}

/** Where a PersistentVolumeSpec is: a PersistentVolume's own, or inline in a VolumeAttachment (CSI, no binding fields). */
export type PersistentVolumeSpecContext = 'persistentVolume' | 'inline';

const INLINE = 'in the context of inline volumes';

// upstream: validation.go ValidatePersistentVolumeSpec (v1.36); an inline spec is validated without VolumeAttributesClass
export function validatePersistentVolumeSpec(spec: Fields, field: FieldPath, context: PersistentVolumeSpecContext): ErrorList {
  const inline = context === 'inline';
  const errors = inline ? inlineSpecErrors(spec, field) : [];
  appendAll(errors, validateAccessModes(spec, field, ''));
  if (!inline) appendAll(errors, validateCapacity(spec, field));
  const policy = stringField(spec, 'persistentVolumeReclaimPolicy') ?? '';
  const policyField = [...field, 'persistentVolumeReclaimPolicy'];
  if (inline && policy !== '' && policy !== 'Retain') errors.push(forbidden(policyField, `may only be Retain ${INLINE}`));
  else if (!inline && policy !== '' && !RECLAIM_POLICIES.includes(policy)) errors.push(notSupported(policyField, policy, RECLAIM_POLICIES));
  const nodeAffinity = recordField(spec, 'nodeAffinity');
  if (nodeAffinity && inline) errors.push(forbidden([...field, 'nodeAffinity'], `may not be specified ${INLINE}`));
  else if (nodeAffinity) appendAll(errors, validateVolumeNodeAffinity(nodeAffinity, [...field, 'nodeAffinity']));
  appendAll(errors, validateVolumeSources(spec, field));
  const hostPath = stringField(recordField(spec, 'hostPath'), 'path');
  if (hostPath !== undefined && posix.normalize(hostPath) === '/' && policy === 'Recycle') errors.push(forbidden(policyField, "may not be 'recycle' for a hostPath mount of '/'"));
  if (inline) return appendAll(errors, inlineClassErrors(spec, field));
  appendAll(errors, validateClassName(spec, 'storageClassName', field));
  appendAll(errors, validateVolumeMode(spec, field));
  return appendAll(errors, validateVolumeAttributesClass(spec, field));
}

/** What an inline spec may not have: a claimRef or capacity; and it must be a CSI volume. */
function inlineSpecErrors(spec: Fields, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  if (recordField(spec, 'claimRef')) errors.push(forbidden([...field, 'claimRef'], `may not be specified ${INLINE}`));
  if (Object.keys(recordField(spec, 'capacity') ?? {}).length > 0) errors.push(forbidden([...field, 'capacity'], `may not be specified ${INLINE}`));
  if (!recordField(spec, 'csi')) errors.push(required([...field, 'csi'], `has to be specified ${INLINE}`));
  return errors;
}

/** An inline spec has no class and mounts a file system. */
function inlineClassErrors(spec: Fields, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  if ((stringField(spec, 'storageClassName') ?? '') !== '') errors.push(forbidden([...field, 'storageClassName'], `may not be specified ${INLINE}`));
  const mode = stringField(spec, 'volumeMode');
  if (mode !== undefined && mode !== 'Filesystem') errors.push(forbidden([...field, 'volumeMode'], `may not specify volumeMode other than Filesystem ${INLINE}`));
  return errors;
}

/** capacity: storage and nothing else, each quantity positive. */
function validateCapacity(spec: Fields, field: FieldPath): ErrorList {
  const capacity = recordField(spec, 'capacity') ?? {};
  const at = [...field, 'capacity'];
  const names = Object.keys(capacity);
  const errors: ErrorList = names.length === 0 ? [required(at)] : [];
  if (capacity['storage'] === undefined || names.length > 1) errors.push(notSupported(at, resourceListValue(recordField(spec, 'capacity')), ['storage']));
  // upstream ranges over the map (Go map order); kubefit reports the names sorted
  for (const name of [...names].sort()) {
    const quantity = parseQuantity(capacity[name]);
    if (!quantity) continue;
    const error = validateBasicResource(quantity.numerator, quantity.denominator, [...at, key(name)]);
    if (error) errors.push(error);
    if (quantity.numerator <= 0n) errors.push(invalid([...at, key(name)], canonicalQuantity(capacity[name]), NOT_POSITIVE));
  }
  return errors;
}

// upstream: validation.go validateBasicResource: Quantity.Value() (rounded up to an integer) below zero
function validateBasicResource(numerator: bigint, denominator: bigint, field: FieldPath): FieldError | undefined {
  const value = numerator >= 0n ? (numerator + denominator - 1n) / denominator : -(-numerator / denominator);
  return value < 0n ? invalid(field, Number(value), 'must be a valid resource quantity') : undefined;
}

// upstream: validation.go validateVolumeNodeAffinity (AllowInvalidLabelValueInRequiredNodeAffinity is off on create)
function validateVolumeNodeAffinity(nodeAffinity: Fields, field: FieldPath): ErrorList {
  const selector = recordField(nodeAffinity, 'required');
  if (!selector) return [required([...field, 'required'], 'must specify required node constraints')];
  return validateNodeSelector(selector, [...field, 'required']);
}

// upstream: validation.go ValidatePersistentVolumeSpec: VolumeAttributesClass is on by default (GA in 1.34)
function validateVolumeAttributesClass(spec: Fields, field: FieldPath): ErrorList {
  const name = stringField(spec, 'volumeAttributesClassName');
  if (name === undefined) return [];
  const errors = name === '' ? [required([...field, 'volumeAttributesClassName'], 'an empty string is disallowed')] : validateClassName(spec, 'volumeAttributesClassName', field);
  if (!recordField(spec, 'csi')) errors.push(required([...field, 'csi'], 'has to be specified when using volumeAttributesClassName'));
  return errors;
}

type SourceCheck = (source: Fields, field: FieldPath, spec: Fields) => ErrorList;

/**
 * The volume sources in upstream's order: [field, the child a second source is Forbidden at, the child its own checks
 * report under (upstream's "cephFS" and "persistentDisk" included), its checks]. flexVolume is never Forbidden.
 */
const PV_SOURCES: readonly (readonly [string, string | null, string, SourceCheck | null])[] = [
  ['hostPath', 'hostPath', 'hostPath', validateHostPath], ['gcePersistentDisk', 'gcePersistentDisk', 'persistentDisk', validateDisk('pdName')],
  ['awsElasticBlockStore', 'awsElasticBlockStore', 'awsElasticBlockStore', validateDisk('volumeID')], ['glusterfs', 'glusterfs', 'glusterfs', validateGlusterfs],
  ['flocker', 'flocker', 'flocker', null], ['nfs', 'nfs', 'nfs', validateNFS], ['rbd', 'rbd', 'rbd', validateRBD], ['quobyte', 'quobyte', 'quobyte', null],
  ['cephfs', 'cephFS', 'cephfs', null], ['iscsi', 'iscsi', 'iscsi', validateISCSI], ['cinder', 'cinder', 'cinder', null], ['fc', 'fc', 'fc', null],
  ['flexVolume', null, 'flexVolume', null], ['azureFile', 'azureFile', 'azureFile', null], ['vsphereVolume', 'vsphereVolume', 'vsphereVolume', null],
  ['photonPersistentDisk', 'photonPersistentDisk', 'photonPersistentDisk', null], ['portworxVolume', 'portworxVolume', 'portworxVolume', null],
  ['azureDisk', 'azureDisk', 'azureDisk', null], ['scaleIO', 'scaleIO', 'scaleIO', null], ['local', 'local', 'local', validateLocal],
  ['storageos', 'storageos', 'storageos', null], ['csi', 'csi', 'csi', validateCSISource],
];

/** Exactly one volume source, and the checks of the first one set. */
function validateVolumeSources(spec: Fields, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  let sources = 0;
  for (const [name, forbiddenAt, checkedAt, check] of PV_SOURCES) {
    const source = asRecord(spec[name]);
    if (!source) continue;
    if (forbiddenAt !== null && sources > 0) {
      errors.push(forbidden([...field, forbiddenAt], 'may not specify more than 1 volume type'));
      continue;
    }
    sources++;
    // the child upstream names may differ from the field: the findings point at the field itself
    if (check) appendAll(errors, check(source, [...field, checkedAt], spec).map((error) => (checkedAt === name ? error : pointing(error, [...toPath(field), name, ...toPath(error.field).slice(field.length + 1)]))));
  }
  if (sources === 0) errors.push(required(field, 'must specify a volume type'));
  return errors;
}

const isBlank = (source: Fields, name: string): boolean => (stringField(source, name) ?? '') === '';

// upstream: validation.go validateHostPathVolumeSource (the type is the schema's enum)
function validateHostPath(source: Fields, field: FieldPath): ErrorList {
  const path = stringField(source, 'path') ?? '';
  return path === '' ? [required([...field, 'path'])] : pathNoBackstepsErrors(path, [...field, 'path']);
}

// upstream: validation.go validateGCEPersistentDiskVolumeSource, validateAWSElasticBlockStoreVolumeSource
function validateDisk(name: string): SourceCheck {
  return (source, field) => {
    const errors = isBlank(source, name) ? [required([...field, name])] : [];
    const partition = intField(source, 'partition') ?? 0;
    if (partition < 0 || partition > 255) errors.push(invalid([...field, 'partition'], partition, inclusiveRangeError(1, 255)));
    return errors;
  };
}

// upstream: validation.go validateGlusterfsPersistentVolumeSource
function validateGlusterfs(source: Fields, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  if (isBlank(source, 'endpoints')) errors.push(required([...field, 'endpoints']));
  if (isBlank(source, 'path')) errors.push(required([...field, 'path']));
  const namespace = stringField(source, 'endpointsNamespace');
  if (namespace === '') errors.push(invalid([...field, 'endpointsNamespace'], namespace, 'if the endpointnamespace is set, it must be a valid namespace name'));
  else if (namespace !== undefined) appendAll(errors, dns1123LabelErrors(namespace).map((message) => invalid([...field, 'endpointsNamespace'], namespace, message)));
  return errors;
}

// upstream: validation.go validateNFSVolumeSource
function validateNFS(source: Fields, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const path = stringField(source, 'path') ?? '';
  if (isBlank(source, 'server')) errors.push(required([...field, 'server']));
  if (path === '') errors.push(required([...field, 'path']));
  if (!path.startsWith('/')) errors.push(invalid([...field, 'path'], path, 'must be an absolute path'));
  return errors;
}

// upstream: validation.go validateRBDPersistentVolumeSource
function validateRBD(source: Fields, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  if (arrayField(source, 'monitors').length === 0) errors.push(required([...field, 'monitors']));
  if (isBlank(source, 'image')) errors.push(required([...field, 'image']));
  return errors;
}

// upstream: validation.go validateISCSIPersistentVolumeSource, validateISCSIVolumeSource (a pod's): required fields,
// lun range, CHAP secret
export function validateISCSI(source: Fields, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  if (isBlank(source, 'targetPortal')) errors.push(required([...field, 'targetPortal']));
  if (isBlank(source, 'iqn')) errors.push(required([...field, 'iqn']));
  const lun = intField(source, 'lun') ?? 0;
  if (lun < 0 || lun > 255) errors.push(invalid([...field, 'lun'], lun, inclusiveRangeError(0, 255)));
  const secretRef = recordField(source, 'secretRef');
  if ((source['chapAuthDiscovery'] === true || source['chapAuthSession'] === true) && !secretRef) errors.push(required([...field, 'secretRef']));
  if (secretRef && isBlank(secretRef, 'name')) errors.push(required([...field, 'secretRef', 'name']));
  return errors;
}

// upstream: validation.go validateLocalVolumeSource; ValidatePersistentVolumeSpec requires node affinity with it
function validateLocal(source: Fields, field: FieldPath, spec: Fields): ErrorList {
  const path = stringField(source, 'path') ?? '';
  const errors = path === '' ? [required([...field, 'path'])] : pathNoBackstepsErrors(path, [...field, 'path']);
  if (!recordField(spec, 'nodeAffinity')) errors.push(required([...field.slice(0, -1), 'nodeAffinity'], 'Local volume requires node affinity'));
  return errors;
}

const SECRET_REFS = ['controllerPublishSecretRef', 'controllerExpandSecretRef', 'nodePublishSecretRef', 'nodeExpandSecretRef'];

// upstream: validation.go validateCSIPersistentVolumeSource, validatePVSecretReference
function validateCSISource(source: Fields, field: FieldPath): ErrorList {
  const errors = validateCSIDriverName(stringField(source, 'driver') ?? '', [...field, 'driver']);
  if (isBlank(source, 'volumeHandle')) errors.push(required([...field, 'volumeHandle']));
  for (const name of SECRET_REFS) {
    const ref = recordField(source, name);
    if (!ref) continue;
    const secretName = stringField(ref, 'name') ?? '';
    const namespace = stringField(ref, 'namespace') ?? '';
    if (secretName === '') errors.push(required([...field, name, 'name']));
    else appendAll(errors, subdomainErrors(secretName).map((message) => invalid([...field, name, 'name'], secretName, message)));
    if (namespace === '') errors.push(required([...field, name, 'namespace']));
    else appendAll(errors, dns1123LabelErrors(namespace).map((message) => invalid([...field, name, 'namespace'], namespace, message)));
  }
  return errors;
}

/** A CSI driver name: at most 63 bytes, and a DNS subdomain once lower-cased. */
// upstream: validation.go ValidateCSIDriverName (v1.36)
export function validateCSIDriverName(name: string, field: FieldPath): ErrorList {
  if (name === '') return [required(field)];
  const errors: ErrorList = byteLength(name) > 63 ? [tooLong(field, 63)] : [];
  return appendAll(errors, subdomainErrors(name.toLowerCase()).map((message) => invalid(field, name, message)));
}
