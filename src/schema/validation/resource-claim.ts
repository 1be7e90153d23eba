// resource.k8s.io (Dynamic Resource Allocation): what users write to ask for devices, ResourceClaims and their
// templates, and DeviceClasses, the administrator's named device selections. v1 (1.34 on) after its defaulting: an
// exact request's allocationMode is ExactCount and its count 1 unless set, a toleration's operator Equal.
import { duplicate, invalid, notSupported, required, tooLong, tooMany, GoNamedString, type ErrorList, type FieldPath } from './field-error.js';
import { validateDNS1123Label } from './core-container.js';
import { validateCSIDriverName, validateTemplateObjectMeta } from './persistent-volume.js';
import type { ValidationContext } from './core-pod.js';
import { byteLength, cIdentifierErrors, labelValueErrors, qualifiedNameErrors, subdomainErrors } from '../../model/name-validation.js';
import { appendAll } from '../../model/append.js';
import { isExtendedResourceName } from './resource-names.js';
import { arrayField, asRecord, intField, recordField, stringField, type Fields } from './values.js';

// upstream: k8s.io/api resource/v1 types.go (v1.36)
const DEVICE_REQUESTS_MAX_SIZE = 32;
const FIRST_AVAILABLE_MAX_SIZE = 8;
const DEVICE_SELECTORS_MAX_SIZE = 32;
const DEVICE_CONSTRAINTS_MAX_SIZE = 32;
const DEVICE_CONFIG_MAX_SIZE = 32;
const CEL_EXPRESSION_MAX_LENGTH = 10 * 1024;
const OPAQUE_PARAMETERS_MAX_LENGTH = 10 * 1024;
const DEVICE_MAX_ID_LENGTH = 32;

type ItemCheck = (item: Fields, field: FieldPath) => ErrorList;

/** validateSlice: too many items is the only error (a guard against huge lists), else each item's. */
export function validateSlice(items: readonly unknown[], maxSize: number, check: ItemCheck, field: FieldPath): ErrorList {
  if (items.length > maxSize) return [tooMany(field, items.length, maxSize)];
  return items.flatMap((item, index) => check(asRecord(item) ?? {}, field.concat(index)));
}

/**
 * validateSet: validateSlice, then a Duplicate for each item whose key an earlier one has, at the item (up to 1.34 at
 * the key's field, `keyField`, when the key is one).
 */
export function validateSet<K>(items: readonly unknown[], maxSize: number, check: (item: unknown, field: FieldPath) => ErrorList, keyOf: (item: unknown) => K, field: FieldPath, keyField?: string): ErrorList {
  if (items.length > maxSize) return [tooMany(field, items.length, maxSize)];
  const errors = items.flatMap((item, index) => check(item, field.concat(index)));
  const seen = new Set<K>();
  items.forEach((item, index) => {
    const itemKey = keyOf(item);
    if (seen.has(itemKey)) errors.push(duplicate(keyField === undefined ? field.concat(index) : field.concat(index, keyField), itemKey));
    seen.add(itemKey);
  });
  return errors;
}

export const nameOf = (item: unknown): string => stringField(asRecord(item), 'name') ?? '';
const asString = (item: unknown): string => (typeof item === 'string' ? item : '');

/** The request names of a claim, each with its subrequests' names (requestNames.Has: "request" or "request/subrequest"). */
type RequestNames = ReadonlyMap<string, ReadonlySet<string> | undefined>;

function gatherRequestNames(requests: readonly unknown[]): RequestNames {
  return new Map(requests.map((request) => {
    const subrequests = arrayField(asRecord(request), 'firstAvailable');
    return [nameOf(request), subrequests.length === 0 ? undefined : new Set(subrequests.map(nameOf))];
  }));
}

function hasRequest(names: RequestNames, reference: string): boolean {
  const [request = '', subrequest, ...rest] = reference.split('/');
  if (rest.length > 0 || !names.has(request)) return false;
  return subrequest === undefined || (names.get(request)?.has(subrequest) ?? false);
}

// upstream: resource validation.go validateDeviceClaim (v1.36)
function validateDeviceClaim(devices: Fields | undefined, field: FieldPath, context: ValidationContext): ErrorList {
  const requests = arrayField(devices, 'requests');
  const names = gatherRequestNames(requests);
  const keyField = context.draDeclarativeErrors ? undefined : 'name';
  const errors = validateSet(requests, DEVICE_REQUESTS_MAX_SIZE, (request, at) => validateDeviceRequest(asRecord(request) ?? {}, at, keyField), nameOf, field.concat('requests'), keyField);
  appendAll(errors, validateSlice(arrayField(devices, 'constraints'), DEVICE_CONSTRAINTS_MAX_SIZE, (constraint, at) => validateDeviceConstraint(constraint, at, names, context), field.concat('constraints')));
  return appendAll(errors, validateSlice(arrayField(devices, 'config'), DEVICE_CONFIG_MAX_SIZE, (config, at) => {
    const refs = validateRequestReferences(arrayField(config, 'requests'), at.concat('requests'), names);
    return appendAll(refs, validateDeviceConfiguration(config, at));
  }, field.concat('config')));
}

// upstream: validateDeviceRequest: a name, and exactly one of `exactly` and `firstAvailable`
function validateDeviceRequest(request: Fields, field: FieldPath, keyField: string | undefined): ErrorList {
  const errors = validateDNS1123Label(stringField(request, 'name') ?? '', field.concat('name'));
  const firstAvailable = arrayField(request, 'firstAvailable');
  const exactly = recordField(request, 'exactly');
  if (firstAvailable.length > 0 && exactly) errors.push(invalid(field, null, 'exactly one of `exactly` or `firstAvailable` is required, but multiple fields are set'));
  else if (exactly) appendAll(errors, validateExactDeviceRequest(exactly, field.concat('exactly')));
  else if (firstAvailable.length > 0) {
    appendAll(errors, validateSet(firstAvailable, FIRST_AVAILABLE_MAX_SIZE, (subrequest, at) => {
      const record = asRecord(subrequest) ?? {};
      return appendAll(validateDNS1123Label(stringField(record, 'name') ?? '', at.concat('name')), validateExactDeviceRequest(record, at));
    }, nameOf, field.concat('firstAvailable'), keyField));
  } else errors.push(required(field, 'exactly one of `exactly` or `firstAvailable` is required'));
  return errors;
}

// upstream: validateExactDeviceRequest, validateDeviceSubRequest (after the name): class, selectors, allocation mode,
// tolerations
function validateExactDeviceRequest(request: Fields, field: FieldPath): ErrorList {
  const errors = validateDeviceClassName(stringField(request, 'deviceClassName') ?? '', field.concat('deviceClassName'));
  appendAll(errors, validateSelectors(arrayField(request, 'selectors'), field.concat('selectors')));
  appendAll(errors, validateAllocationMode(request, field));
  arrayField(request, 'tolerations').forEach((toleration, index) => appendAll(errors, validateDeviceToleration(asRecord(toleration) ?? {}, field.concat('tolerations', index))));
  return errors;
}

function validateDeviceClassName(name: string, field: FieldPath): ErrorList {
  if (name === '') return [required(field)];
  return subdomainErrors(name).map((message) => invalid(field, name, message));
}

// upstream: validateSelectorSlice, validateSelector, validateCELExpression (the expression's compilation by the DRA
// CEL environment is not checked here)
function validateSelectors(selectors: readonly unknown[], field: FieldPath): ErrorList {
  return validateSlice(selectors, DEVICE_SELECTORS_MAX_SIZE, (selector, at) => {
    const cel = recordField(selector, 'cel');
    if (!cel) return [required(at.concat('cel'))];
    const expression = stringField(cel, 'expression') ?? '';
    return byteLength(expression) > CEL_EXPRESSION_MAX_LENGTH ? [tooLong(at.concat('cel', 'expression'), CEL_EXPRESSION_MAX_LENGTH)] : [];
  }, field);
}

const ALLOCATION_MODES = ['All', 'ExactCount'];

// upstream: validateDeviceAllocationMode, after SetDefaults_ExactDeviceRequest (ExactCount, count 1)
function validateAllocationMode(request: Fields, field: FieldPath): ErrorList {
  const mode = stringField(request, 'allocationMode') || 'ExactCount';
  const count = intField(request, 'count') ?? 0;
  if (mode === 'All') return count !== 0 ? [invalid(field.concat('count'), count, "must not be specified when allocationMode is 'All'")] : [];
  if (mode === 'ExactCount') return count < 0 ? [invalid(field.concat('count'), count, 'must be greater than zero')] : [];
  return [notSupported(field.concat('allocationMode'), new GoNamedString(mode), ALLOCATION_MODES)];
}

// upstream: validation.go validDeviceTaintEffects (sets.List: sorted), validDeviceTolerationOperators
export const DEVICE_TAINT_EFFECTS = ['NoExecute', 'NoSchedule', 'None'];
const DEVICE_TOLERATION_OPERATORS = ['Equal', 'Exists'];

// upstream: validateDeviceToleration; the operator defaults to Equal
function validateDeviceToleration(toleration: Fields, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const tolerationKey = stringField(toleration, 'key') ?? '';
  if (tolerationKey !== '') for (const message of qualifiedNameErrors(tolerationKey)) errors.push(invalid(field.concat('key'), tolerationKey, message));
  const operator = stringField(toleration, 'operator') || 'Equal';
  const value = stringField(toleration, 'value') ?? '';
  if (operator === 'Exists' && value !== '') errors.push(invalid(field.concat('value'), value, 'must be empty for operator `Exists`'));
  else if (operator === 'Equal') for (const message of labelValueErrors(value)) errors.push(invalid(field.concat('value'), value, message));
  else if (operator !== 'Exists') errors.push(notSupported(field.concat('operator'), new GoNamedString(operator), DEVICE_TOLERATION_OPERATORS));
  const effect = stringField(toleration, 'effect') ?? '';
  if (effect !== '' && !DEVICE_TAINT_EFFECTS.includes(effect)) errors.push(notSupported(field.concat('effect'), new GoNamedString(effect), DEVICE_TAINT_EFFECTS));
  return errors;
}

const REQUEST_REFERENCE = "must be the name of a request in the claim or the name of a request and a subrequest separated by '/'";

// upstream: validateRequestNameRef, in validateSet of a constraint's or config's requests
function validateRequestReferences(references: readonly unknown[], field: FieldPath, names: RequestNames): ErrorList {
  return validateSet(references, DEVICE_REQUESTS_MAX_SIZE, (item, at) => {
    const reference = asString(item);
    const segments = reference.split('/');
    if (segments.length > 2) return [invalid(at, reference, REQUEST_REFERENCE)];
    const errors = segments.flatMap((segment) => validateDNS1123Label(segment, at));
    if (!hasRequest(names, reference)) errors.push(invalid(at, reference, REQUEST_REFERENCE));
    return errors;
  }, asString, field);
}

// upstream: validateDeviceConstraint: the requests it names, and one attribute; with DRAConsumableCapacity (beta, on
// from 1.36) a constraint without one says so at the constraint
function validateDeviceConstraint(constraint: Fields, field: FieldPath, names: RequestNames, context: ValidationContext): ErrorList {
  const errors = validateRequestReferences(arrayField(constraint, 'requests'), field.concat('requests'), names);
  const match = stringField(constraint, 'matchAttribute');
  const distinct = stringField(constraint, 'distinctAttribute');
  if (match !== undefined) return appendAll(errors, validateFullyQualifiedName(match, field.concat('matchAttribute'), context));
  if (distinct !== undefined && context.draDeviceGates) return appendAll(errors, validateFullyQualifiedName(distinct, field.concat('distinctAttribute'), context));
  errors.push(context.draDeviceGates ? required(field, 'exactly one of "matchAttribute" or "distinctAttribute" is required, but multiple fields are set') : required(field.concat('matchAttribute')));
  return errors;
}

// upstream: validateFullyQualifiedName, validateQualifiedName, validateCIdentifier: `<domain>/<C identifier>`, the
// domain a CSI driver name; up to 1.34 an empty name is "name required", an empty part Required and no domain "must
// include a domain" (1.35 words them as its declarative validation does)
function validateFullyQualifiedName(name: string, field: FieldPath, context: ValidationContext): ErrorList {
  const errors = validateQualifiedName(name, field, context);
  if (name.includes('/')) return errors;
  if (context.draDeclarativeErrors) errors.push(invalid(field, name, 'a fully qualified name must be a domain and a name separated by a slash'));
  else if (name !== '') errors.push(invalid(field, name, 'must include a domain'));
  return errors;
}

export function validateQualifiedName(name: string, field: FieldPath, context: ValidationContext): ErrorList {
  const legacy = !context.draDeclarativeErrors;
  if (legacy && name === '') return [required(field, 'name required')];
  const parts = name.split('/');
  if (parts.length > 2) return legacy ? [] : [invalid(field, name, 'must not contain more than one slash')];
  if (parts.length === 1) return validateCIdentifier(name, field);
  const [domain = '', id = ''] = parts;
  const empty = (detail: string): ErrorList => [legacy ? required(field, detail) : invalid(field, '', detail)];
  const errors = domain === '' ? empty('the domain must not be empty') : validateCSIDriverName(domain, field);
  return appendAll(errors, id === '' ? empty('the name must not be empty') : validateCIdentifier(id, field));
}

function validateCIdentifier(id: string, field: FieldPath): ErrorList {
  const errors: ErrorList = byteLength(id) > DEVICE_MAX_ID_LENGTH ? [tooLong(field, DEVICE_MAX_ID_LENGTH)] : [];
  return appendAll(errors, cIdentifierErrors(id).map((message) => invalid(field, id, message)));
}

// upstream: validateDeviceConfiguration, validateOpaqueConfiguration, validateRawExtension: the opaque parameters are
// a JSON object of at most 10 KiB as sent (kubectl sends JSON)
function validateDeviceConfiguration(config: Fields, field: FieldPath): ErrorList {
  const opaque = recordField(config, 'opaque');
  if (!opaque) return [required(field.concat('opaque'))];
  const at = field.concat('opaque');
  const errors = validateCSIDriverName(stringField(opaque, 'driver') ?? '', at.concat('driver'));
  const parameters = opaque['parameters'];
  if (parameters === undefined || parameters === null) errors.push(required(at.concat('parameters')));
  else if (byteLength(JSON.stringify(parameters)) > OPAQUE_PARAMETERS_MAX_LENGTH) errors.push(tooLong(at.concat('parameters'), OPAQUE_PARAMETERS_MAX_LENGTH));
  else if (!asRecord(parameters)) errors.push(invalid(at.concat('parameters'), '<value omitted>', 'must be a valid JSON object'));
  return errors;
}

// upstream: ValidateResourceClaim, validateResourceClaimSpec (v1.36)
export function validateResourceClaim(object: Fields, context: ValidationContext): ErrorList {
  return validateDeviceClaim(recordField(recordField(object, 'spec'), 'devices'), ['spec', 'devices'], context);
}

// upstream: ValidateResourceClaimTemplate, validateResourceClaimTemplateSpec: the template's metadata as a template's
export function validateResourceClaimTemplate(object: Fields, context: ValidationContext): ErrorList {
  const spec = recordField(object, 'spec');
  const errors = validateTemplateObjectMeta(recordField(spec, 'metadata'), ['spec', 'metadata']);
  return appendAll(errors, validateDeviceClaim(recordField(recordField(spec, 'spec'), 'devices'), ['spec', 'spec', 'devices'], context));
}

// upstream: ValidateDeviceClass, validateDeviceClassSpec (v1.36): selectors, opaque configuration, the extended
// resource name (v1helper.IsExtendedResourceName)
export function validateDeviceClass(object: Fields): ErrorList {
  const spec = recordField(object, 'spec');
  const errors = validateSelectors(arrayField(spec, 'selectors'), ['spec', 'selectors']);
  appendAll(errors, validateSlice(arrayField(spec, 'config'), DEVICE_CONFIG_MAX_SIZE, validateDeviceConfiguration, ['spec', 'config']));
  const extended = stringField(spec, 'extendedResourceName');
  if (extended !== undefined && !isExtendedResourceName(extended)) errors.push(invalid(['spec', 'extendedResourceName'], extended, 'must be a valid extended resource name'));
  return errors;
}
