// resource.k8s.io ResourceSlice: the devices a DRA driver publishes for a pool, on one node, a set of nodes or all.
import { forbidden, GoStruct, GoNamedString, invalid, key, notSupported, pointing, required, toPath, tooLong, type ErrorList, type FieldPath } from './field-error.js';
import { validateDNS1123Label } from './core-container.js';
import type { ValidationContext } from './core-pod.js';
import { validateNodeSelector } from './node-selector.js';
import { validateCSIDriverName } from './persistent-volume.js';
import { DEVICE_TAINT_EFFECTS, nameOf, validateQualifiedName, validateSet, validateSlice } from './resource-claim.js';
import { byteLength, labelValueErrors, qualifiedNameErrors, subdomainErrors } from '../../model/name-validation.js';
import { appendAll } from '../../model/append.js';
import { arrayField, asRecord, intField, recordField, stringField, type Fields } from './values.js';

// upstream: k8s.io/api resource/v1 types.go (v1.36)
const POOL_NAME_MAX_LENGTH = 253;
const MAX_DEVICES = 128;
/** ResourceSliceMaxDevicesWithTaintsOrConsumesCounters (1.35), ResourceSliceMaxDevicesWithAdvancedFeatures (1.36). */
const MAX_DEVICES_WITH_ADVANCED_FEATURES = 64;
const MAX_ATTRIBUTES_AND_CAPACITIES = 32;
const ATTRIBUTE_MAX_VALUE_LENGTH = 64;
const DEVICE_TAINTS_MAX_LENGTH = 16;

// upstream: validation.go ValidateResourceSlice, validateResourceSliceSpec (v1.36)
export function validateResourceSlice(object: Fields, context: ValidationContext): ErrorList {
  const spec = recordField(object, 'spec') ?? {};
  const field: FieldPath = ['spec'];
  const errors = validateCSIDriverName(stringField(spec, 'driver') ?? '', field.concat('driver'));
  appendAll(errors, validateResourcePool(recordField(spec, 'pool'), field.concat('pool')));
  appendAll(errors, validateNodeSelection(spec, field, context));
  const devices = spec['devices'];
  if (context.draDeviceGates && Array.isArray(devices) && Array.isArray(spec['sharedCounters'])) errors.push(invalid(field, '', 'only one of `sharedCounters` or `devices` is allowed'));
  const deviceList = arrayField(spec, 'devices');
  const perDevice = spec['perDeviceNodeSelection'] === true;
  const maxDevices = context.draDeviceGates && deviceList.some((device) => arrayField(asRecord(device), 'taints').length > 0 || arrayField(asRecord(device), 'consumesCounters').length > 0) ? MAX_DEVICES_WITH_ADVANCED_FEATURES : MAX_DEVICES;
  const keyField = context.draDeclarativeErrors ? undefined : 'name';
  return appendAll(errors, validateSet(deviceList, maxDevices, (device, at) => validateDevice(asRecord(device) ?? {}, at, perDevice, context), nameOf, field.concat('devices'), keyField));
}

// upstream: validateResourcePool, validatePoolName: each '/'-separated part of the name a DNS subdomain
function validateResourcePool(pool: Fields | undefined, field: FieldPath): ErrorList {
  const name = stringField(pool, 'name') ?? '';
  const nameField = field.concat('name');
  const errors: ErrorList = [];
  if (name === '') errors.push(required(nameField));
  else {
    if (byteLength(name) > POOL_NAME_MAX_LENGTH) errors.push(tooLong(nameField, POOL_NAME_MAX_LENGTH));
    for (const part of name.split('/')) appendAll(errors, subdomainErrors(part).map((message) => invalid(nameField, part, message)));
  }
  const count = intField(pool, 'resourceSliceCount') ?? 0;
  if (count <= 0) errors.push(invalid(field.concat('resourceSliceCount'), count, 'must be greater than zero'));
  const generation = intField(pool, 'generation') ?? 0;
  if (generation < 0) errors.push(invalid(field.concat('generation'), generation, 'must be greater than or equal to zero'));
  return errors;
}

const NODE_SELECTION = 'exactly one of `nodeName`, `nodeSelector`, `allNodes`, `perDeviceNodeSelection` is required';

// upstream: validateResourceSliceSpec: exactly one of nodeName, nodeSelector (of one term), allNodes and
// perDeviceNodeSelection
function validateNodeSelection(spec: Fields, field: FieldPath, context: ValidationContext): ErrorList {
  const errors: ErrorList = [];
  const set: string[] = [];
  const nodeName = stringField(spec, 'nodeName');
  if (nodeName !== undefined) {
    if (nodeName === '') errors.push(invalid(field.concat('nodeName'), '', 'must be either unset or set to a non-empty string'));
    else {
      set.push('`nodeName`');
      appendAll(errors, subdomainErrors(nodeName).map((message) => invalid(field.concat('nodeName'), nodeName, message)));
    }
  }
  const nodeSelector = recordField(spec, 'nodeSelector');
  if (nodeSelector) {
    set.push('`nodeSelector`');
    appendAll(errors, validateNodeSelector(nodeSelector, field.concat('nodeSelector')));
    const terms = nodeSelector['nodeSelectorTerms'];
    if (arrayField(nodeSelector, 'nodeSelectorTerms').length !== 1) {
      errors.push(invalid(field.concat('nodeSelector', 'nodeSelectorTerms'), Array.isArray(terms) ? terms.map(nodeSelectorTermStruct) : null, 'must have exactly one node selector term'));
    }
  }
  for (const name of context.draDeviceGates ? ['allNodes', 'perDeviceNodeSelection'] : ['allNodes']) {
    const value = spec[name];
    if (value === true) set.push(`\`${name}\``);
    else if (value === false) errors.push(invalid(field.concat(name), false, 'must be either unset or set to true'));
  }
  if (set.length === 0) errors.push(required(field, NODE_SELECTION));
  if (set.length > 1) errors.push(invalid(field, `{${set.join(', ')}}`, `${NODE_SELECTION}, but multiple fields are set`));
  return errors;
}

/** The internal core.NodeSelectorTerm as json.Marshal prints it (no json tags: Go's field names). */
function nodeSelectorTermStruct(term: unknown): GoStruct {
  const requirements = (name: string): GoStruct[] | null => {
    const list = asRecord(term)?.[name];
    return Array.isArray(list) ? list.map((entry) => {
      const requirement = asRecord(entry);
      const values = requirement?.['values'];
      return new GoStruct([['Key', stringField(requirement, 'key') ?? ''], ['Operator', stringField(requirement, 'operator') ?? ''], ['Values', Array.isArray(values) ? values : null]]);
    }) : null;
  };
  return new GoStruct([['MatchExpressions', requirements('matchExpressions')], ['MatchFields', requirements('matchFields')]]);
}

// upstream: validateDevice (create): name, attribute and capacity count and keys, attributes, capacity request policy,
// taints, per-device node selection (the last three's fields exist with the DRA device gates only)
function validateDevice(device: Fields, field: FieldPath, perDevice: boolean, context: ValidationContext): ErrorList {
  const errors = validateDNS1123Label(stringField(device, 'name') ?? '', field.concat('name'));
  const attributes = Object.entries(recordField(device, 'attributes') ?? {});
  const capacity = Object.entries(recordField(device, 'capacity') ?? {});
  const total = attributes.length + capacity.length;
  if (total > MAX_ATTRIBUTES_AND_CAPACITIES) errors.push(invalid(field, total, `the total number of attributes and capacities must not exceed ${MAX_ATTRIBUTES_AND_CAPACITIES}`));
  const multipleAllocations = device['allowMultipleAllocations'] === true;
  appendAll(errors, validateMap(attributes, field.concat('attributes'), context, validateDeviceAttribute));
  appendAll(errors, validateMap(capacity, field.concat('capacity'), context, (value, at) => {
    const policy = asRecord(value)?.['requestPolicy'];
    return context.draDeviceGates && policy !== undefined && policy !== null && !multipleAllocations ? [forbidden(at.concat('requestPolicy'), 'allowMultipleAllocations must be true')] : [];
  }));
  appendAll(errors, validateSlice(arrayField(device, 'taints'), DEVICE_TAINTS_MAX_LENGTH, validateDeviceTaint, field.concat('taints')));
  return context.draDeviceGates ? appendAll(errors, validateDeviceNodeSelection(device, field, perDevice)) : errors;
}

/**
 * validateMap of a device's attributes or capacity: each key a qualified name (its errors name the map from 1.36,
 * the key before; the finding points at the key), each value checked at its key. Go ranges over a map in random order; kubefit keeps the written one.
 */
function validateMap(entries: readonly [string, unknown][], field: FieldPath, context: ValidationContext, check: (value: unknown, at: FieldPath) => ErrorList): ErrorList {
  return entries.flatMap(([name, value]) => {
    const at = field.concat(key(name));
    const keyErrors = validateQualifiedName(name, context.draKeyErrorsAtMap ? field : at, context).map((error) => pointing(error, toPath(at), 'key'));
    return appendAll(keyErrors, check(value, at));
  });
}

// upstream: validateDeviceAttribute: exactly one of bool, int, string (at most 64 bytes) and version (semver 2.0.0)
function validateDeviceAttribute(value: unknown, field: FieldPath): ErrorList {
  const attribute = asRecord(value) ?? {};
  const errors: ErrorList = [];
  const string = stringField(attribute, 'string');
  if (string !== undefined && byteLength(string) > ATTRIBUTE_MAX_VALUE_LENGTH) errors.push(tooLong(field.concat('string'), ATTRIBUTE_MAX_VALUE_LENGTH));
  const version = stringField(attribute, 'version');
  if (version !== undefined) {
    if (!SEMVER.test(version)) errors.push(invalid(field.concat('version'), version, 'must be a string compatible with semver.org spec 2.0.0'));
    if (byteLength(version) > ATTRIBUTE_MAX_VALUE_LENGTH) errors.push(tooLong(field.concat('version'), ATTRIBUTE_MAX_VALUE_LENGTH));
  }
  const set = ['bool', 'int', 'string', 'version'].filter((name) => attribute[name] !== undefined && attribute[name] !== null);
  if (set.length === 0) errors.push(invalid(field, '', 'exactly one value must be specified'));
  return errors;
}

// upstream: validation.go semverRe
const NUMERIC = '(0|[1-9]\\d*)';
const PRE_RELEASE = '(0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)';
const BUILD = '[0-9a-zA-Z-]+';
const SEMVER = new RegExp(`^${NUMERIC}\\.${NUMERIC}\\.${NUMERIC}(-${PRE_RELEASE}(\\.${PRE_RELEASE})*)?(\\+${BUILD}(\\.${BUILD})*)?$`);

// upstream: validateDeviceTaint (create): a label-name key, a label value, a required effect
function validateDeviceTaint(taint: Fields, field: FieldPath): ErrorList {
  const taintKey = stringField(taint, 'key') ?? '';
  const errors = qualifiedNameErrors(taintKey).map((message) => invalid(field.concat('key'), taintKey, message));
  const value = stringField(taint, 'value') ?? '';
  if (value !== '') for (const message of labelValueErrors(value)) errors.push(invalid(field.concat('value'), value, message));
  const effect = stringField(taint, 'effect') ?? '';
  if (effect === '') errors.push(required(field.concat('effect')));
  else if (!DEVICE_TAINT_EFFECTS.includes(effect)) errors.push(notSupported(field.concat('effect'), new GoNamedString(effect), DEVICE_TAINT_EFFECTS));
  return errors;
}

const PER_DEVICE = 'exactly one of `nodeName`, `nodeSelector`, or `allNodes` is required when `perDeviceNodeSelection` is set to true in the ResourceSlice spec';

// upstream: validateDevice, per-device node selection (DRAPartitionableDevices)
function validateDeviceNodeSelection(device: Fields, field: FieldPath, perDevice: boolean): ErrorList {
  const nodeName = stringField(device, 'nodeName');
  const nodeSelector = recordField(device, 'nodeSelector');
  const allNodes = device['allNodes'];
  if (!perDevice) {
    const any = nodeName !== undefined || nodeSelector !== undefined || typeof allNodes === 'boolean';
    return any ? [invalid(field, null, '`nodeName`, `nodeSelector` and `allNodes` can only be set if `perDeviceNodeSelection` is set to true in the ResourceSlice spec')] : [];
  }
  const errors: ErrorList = [];
  const set: string[] = [];
  if (nodeName === '') errors.push(invalid(field.concat('nodeName'), '', 'must not be empty'));
  else if (nodeName !== undefined) {
    set.push('`nodeName`');
    appendAll(errors, subdomainErrors(nodeName).map((message) => invalid(field.concat('nodeName'), nodeName, message)));
  }
  if (nodeSelector) {
    set.push('`nodeSelector`');
    appendAll(errors, validateNodeSelector(nodeSelector, field.concat('nodeSelector')));
  }
  if (allNodes === true) set.push('`allNodes`');
  else if (allNodes === false) errors.push(invalid(field.concat('allNodes'), false, 'must be either unset or set to true'));
  if (set.length === 0) errors.push(required(field, PER_DEVICE));
  if (set.length > 1) errors.push(invalid(field, `{${set.join(', ')}}`, PER_DEVICE));
  return errors;
}
