// pkg/apis/storage/validation: StorageClass, CSIDriver, VolumeAttachment, VolumeAttributesClass and CSIStorageCapacity
// on create (v1 defaulting has set the fields validation requires).
// upstream: validation.go ValidateStorageClass, ValidateCSIDriver, ValidateVolumeAttachment,
// ValidateVolumeAttributesClass, ValidateCSIStorageCapacity and their helpers (v1.36)
import { appendAll } from '../../model/append.js';
import { byteLength, qualifiedNameErrors, subdomainErrors } from '../../model/name-validation.js';
import { duplicate, forbidden, invalid, notSupported, pointing, required, tooLong, type ErrorList, type FieldPath } from './field-error.js';
import { validateCSIDriverName, validatePersistentVolumeSpec } from './persistent-volume.js';
import { IS_NEGATIVE_ERROR } from './core-container.js';
import { validateLabelSelector } from './label-selector.js';
import { canonicalQuantity } from './quantity-string.js';
import { parseQuantity } from '../../model/quantity.js';
import { arrayField, asRecord, intField, recordField, stringField, type Fields } from './values.js';

const MAX_PARAMETERS = 512;
const MAX_PARAMETERS_SIZE = 256 * 1024;
const RECLAIM_POLICIES = ['Delete', 'Retain'];
const BINDING_MODES = ['Immediate', 'WaitForFirstConsumer'];

export function validateStorageClass(object: Fields): ErrorList {
  const errors = validateProvisioner(stringField(object, 'provisioner') ?? '', ['provisioner']);
  appendAll(errors, validateParameters(recordField(object, 'parameters') ?? {}, true));
  const policy = stringField(object, 'reclaimPolicy') ?? '';
  if (policy !== '' && !RECLAIM_POLICIES.includes(policy)) errors.push(notSupported(['reclaimPolicy'], policy, RECLAIM_POLICIES));
  const mode = stringField(object, 'volumeBindingMode');
  if (mode !== undefined && !BINDING_MODES.includes(mode)) errors.push(notSupported(['volumeBindingMode'], mode, BINDING_MODES));
  return appendAll(errors, validateAllowedTopologies(arrayField(object, 'allowedTopologies')));
}

// upstream: validateProvisioner: a qualified name once lower-cased (ValidateQualifiedName prints the lower-cased value)
function validateProvisioner(provisioner: string, field: FieldPath): ErrorList {
  if (provisioner === '') return [required(field)];
  const lower = provisioner.toLowerCase();
  return qualifiedNameErrors(lower).map((message) => invalid(field, lower, message));
}

// upstream: validateParameters (allowEmpty for StorageClasses, not for VolumeAttributesClasses)
function validateParameters(parameters: Fields, allowEmpty: boolean): ErrorList {
  const field: FieldPath = ['parameters'];
  const entries = Object.entries(parameters);
  if (entries.length > MAX_PARAMETERS) return [tooLong(field, MAX_PARAMETERS)];
  const errors: ErrorList = [];
  let size = 0;
  for (const [name, value] of entries) {
    if (name === '') errors.push(invalid(field, name, 'field can not be empty.'));
    size += byteLength(name) + (typeof value === 'string' ? byteLength(value) : 0);
  }
  if (size > MAX_PARAMETERS_SIZE) errors.push(tooLong(field, MAX_PARAMETERS_SIZE));
  if (!allowEmpty && entries.length === 0) errors.push(required(field, 'must contain at least one key/value pair'));
  return errors;
}

// upstream: ValidateVolumeAttributesClass: the CSI driver as a provisioner, at least one parameter
export function validateVolumeAttributesClass(object: Fields): ErrorList {
  const errors = validateProvisioner(stringField(object, 'driverName') ?? '', ['driverName']);
  return appendAll(errors, validateParameters(recordField(object, 'parameters') ?? {}, false));
}

// upstream: ValidateCSIStorageCapacity (create): the node topology selector, the class name, a capacity not below zero
export function validateCSIStorageCapacity(object: Fields): ErrorList {
  const topology = recordField(object, 'nodeTopology');
  const errors = topology ? validateLabelSelector(topology, ['nodeTopology']) : [];
  const className = stringField(object, 'storageClassName') ?? '';
  appendAll(errors, subdomainErrors(className).map((message) => invalid(['storageClassName'], className, message)));
  const capacity = object['capacity'];
  const quantity = capacity === undefined || capacity === null ? undefined : parseQuantity(capacity);
  if (quantity && quantity.numerator < 0n) errors.push(invalid(['capacity'], canonicalQuantity(capacity), IS_NEGATIVE_ERROR));
  return errors;
}

/**
 * Each term's requirements, and no two terms with the same keys and value sets. Upstream compares each term also with
 * the len(terms) nil maps its slice starts with, and Semantic.DeepEqual equates nil and empty: a term without
 * requirements is reported once per term, plus once per earlier empty term.
 */
// upstream: validateAllowedTopologies; core validation.go ValidateTopologySelectorTerm, validateTopologySelectorLabelRequirement
function validateAllowedTopologies(terms: readonly unknown[]): ErrorList {
  const errors: ErrorList = [];
  const seen: string[] = terms.map(() => '');
  terms.forEach((entry, index) => {
    const field: FieldPath = ['allowedTopologies', index];
    const { errors: termErrors, signature } = validateTopologySelectorTerm(asRecord(entry) ?? {}, field);
    appendAll(errors, termErrors);
    for (const other of seen) if (other === signature) errors.push(duplicate([...field, 'matchLabelExpressions'], ''));
    seen.push(signature);
  });
  return errors;
}

function validateTopologySelectorTerm(term: Fields, field: FieldPath): { errors: ErrorList; signature: string } {
  const errors: ErrorList = [];
  const values = new Map<string, Set<string>>();
  arrayField(term, 'matchLabelExpressions').forEach((entry, index) => {
    const requirement = asRecord(entry) ?? {};
    const at: FieldPath = [...field, 'matchLabelExpressions', index];
    const list = arrayField(requirement, 'values').filter((value): value is string => typeof value === 'string');
    if (list.length === 0) errors.push(required([...at, 'values']));
    const set = new Set<string>();
    list.forEach((value, valueIndex) => {
      if (set.has(value)) errors.push(duplicate([...at, 'values', valueIndex], value));
      set.add(value);
    });
    const requirementKey = stringField(requirement, 'key') ?? '';
    appendAll(errors, qualifiedNameErrors(requirementKey).map((message) => invalid([...at, 'key'], requirementKey, message)));
    if (values.has(requirementKey)) errors.push(duplicate([...at, 'key'], requirementKey));
    values.set(requirementKey, set);
  });
  const signature = [...values.keys()].sort().map((name) => JSON.stringify([name, ...[...(values.get(name) ?? [])].sort()])).join();
  return { errors, signature };
}

const FS_GROUP_POLICIES = ['File', 'None', 'ReadWriteOnceWithFSType'];
const LIFECYCLE_MODES = ['Persistent', 'Ephemeral'];
const MIN_TOKEN_SECONDS = 600;
const MAX_TOKEN_SECONDS = 2 ** 32;

// upstream: validateCSIDriverSpec (attachRequired, podInfoOnMount, storageCapacity and seLinuxMount are defaulted)
export function validateCSIDriver(object: Fields): ErrorList {
  const spec = recordField(object, 'spec') ?? {};
  const errors: ErrorList = [];
  const policy = stringField(spec, 'fsGroupPolicy');
  if (policy !== undefined && !FS_GROUP_POLICIES.includes(policy)) errors.push(notSupported(['spec', 'fsGroupPolicy'], policy, FS_GROUP_POLICIES));
  appendAll(errors, validateTokenRequests(arrayField(spec, 'tokenRequests')));
  arrayField(spec, 'volumeLifecycleModes').forEach((mode, index) => {
    if (typeof mode === 'string' && !LIFECYCLE_MODES.includes(mode)) errors.push(pointing(notSupported(['spec', 'volumeLifecycleModes'], mode, LIFECYCLE_MODES), ['spec', 'volumeLifecycleModes', index]));
  });
  return errors;
}

// upstream: validateTokenRequests: distinct audiences, expirations between 10 minutes and 2^32 seconds
function validateTokenRequests(requests: readonly unknown[]): ErrorList {
  const errors: ErrorList = [];
  const audiences = new Set<string>();
  requests.forEach((entry, index) => {
    const request = asRecord(entry);
    const field: FieldPath = ['spec', 'tokenRequests', index];
    const audience = stringField(request, 'audience') ?? '';
    if (audiences.has(audience)) {
      errors.push(duplicate([...field, 'audience'], audience));
      return;
    }
    audiences.add(audience);
    const seconds = intField(request, 'expirationSeconds');
    if (seconds === undefined) return;
    if (seconds < MIN_TOKEN_SECONDS) errors.push(invalid([...field, 'expirationSeconds'], seconds, 'may not specify a duration less than 10 minutes'));
    if (seconds > MAX_TOKEN_SECONDS) errors.push(invalid([...field, 'expirationSeconds'], seconds, 'may not specify a duration larger than 2^32 seconds'));
  });
  return errors;
}

const ONE_SOURCE = 'must specify exactly one of inlineVolumeSpec and persistentVolumeName';

// upstream: ValidateVolumeAttachment (status is the attacher's), then ValidateVolumeAttachmentV1 for the v1 API
export function validateVolumeAttachment(object: Fields): ErrorList {
  const spec = recordField(object, 'spec') ?? {};
  const attacher = stringField(spec, 'attacher') ?? '';
  const errors: ErrorList = attacher === '' ? [required(['spec', 'attacher'])] : [];
  const source = recordField(spec, 'source') ?? {};
  appendAll(errors, validateVolumeAttachmentSource(source));
  const nodeName = stringField(spec, 'nodeName') ?? '';
  appendAll(errors, subdomainErrors(nodeName).map((message) => invalid(['spec', 'nodeName'], nodeName, message)));
  appendAll(errors, validateCSIDriverName(attacher, ['spec', 'attacher']));
  const volumeName = stringField(source, 'persistentVolumeName');
  if (volumeName !== undefined) appendAll(errors, subdomainErrors(volumeName).map((message) => invalid(['spec', 'source', 'persistentVolumeName'], volumeName, message)));
  return errors;
}

// upstream: validateVolumeAttachmentSource
function validateVolumeAttachmentSource(source: Fields): ErrorList {
  const field: FieldPath = ['spec', 'source'];
  const inline = recordField(source, 'inlineVolumeSpec');
  const volumeName = stringField(source, 'persistentVolumeName');
  if (!inline && volumeName === undefined) return [required(field, ONE_SOURCE)];
  if (inline && volumeName !== undefined) return [forbidden(field, ONE_SOURCE)];
  if (volumeName !== undefined) return volumeName === '' ? [required([...field, 'persistentVolumeName'], 'must specify non empty persistentVolumeName')] : [];
  return inline ? validatePersistentVolumeSpec(inline, [...field, 'inlineVolumeSpec'], 'inline') : [];
}
