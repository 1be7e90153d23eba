// pkg/apis/admissionregistration/validation: ValidatingWebhookConfiguration, MutatingWebhookConfiguration,
// Validating- and MutatingAdmissionPolicy and their bindings on create,
// what the schema does not say already (its required fields and enums): webhook names, rules, side effects, timeouts,
// selectors, the client config and the AdmissionReview versions. Match conditions' CEL expressions are not compiled.
import { appendAll } from '../../model/append.js';
import { byteLength, dns1035LabelErrors, portNumberErrors, qualifiedNameErrors, subdomainErrors } from '../../model/name-validation.js';
import { duplicate, forbidden, GoNamedString, GoStruct, invalid, notSupported, pointing, required, toPath, tooMany, unsupportedValue, type ErrorList, type FieldPath } from './field-error.js';
import { nameIsPathSegment } from './object-meta.js';
import { validateLabelSelector } from './label-selector.js';
import { arrayField, asRecord, intField, recordField, stringField, type Fields } from './values.js';
import { goTrimSpace } from '../../model/go-strings.js';
import { groupVersionError } from '../../model/kinds.js';
import type { ValidationContext } from './core-pod.js';

// upstream: validateValidatingWebhookConfiguration / validateMutatingWebhookConfiguration with the create options
// (requireNoSideEffects, requireRecognizedAdmissionReviewVersion, requireUniqueWebhookNames); their webhooks differ
// only in a mutating webhook's reinvocationPolicy (validateMutatingWebhook)
export function validateWebhookConfiguration(object: Fields, context: ValidationContext): ErrorList {
  const errors: ErrorList = [];
  const names = new Set<string>();
  const mutating = object['kind'] === 'MutatingWebhookConfiguration';
  arrayField(object, 'webhooks').forEach((entry, index) => {
    const hook = asRecord(entry) ?? {};
    const field: FieldPath = ['webhooks', index];
    appendAll(errors, validateWebhook(hook, field, webhookServiceWords(context)));
    if (mutating) appendAll(errors, unsupportedValue(field.concat('reinvocationPolicy'), stringField(hook, 'reinvocationPolicy'), REINVOCATION_POLICIES));
    appendAll(errors, validateAdmissionReviewVersions(hook['admissionReviewVersions'], field.concat('admissionReviewVersions')));
    const name = stringField(hook, 'name') ?? '';
    if (name.length === 0) return;
    if (names.has(name)) errors.push(duplicate(field.concat('name'), name));
    else names.add(name);
  });
  return errors;
}

// upstream: validateValidatingWebhook / validateMutatingWebhook: failurePolicy, matchPolicy and sideEffects are
// NotSupported when set to a value none of theirs (v1 SetDefaults_ValidatingWebhook fills only absent ones; a missing
// sideEffects is the schema's required field)
function validateWebhook(hook: Fields, field: FieldPath, serviceWords: WebhookServiceWords): ErrorList {
  const errors = fullyQualifiedNameErrors(hook['name'], field.concat('name'));
  arrayField(hook, 'rules').forEach((rule, index) => appendAll(errors, validateRuleWithOperations(asRecord(rule) ?? {}, field.concat('rules', index))));
  appendAll(errors, unsupportedValue(field.concat('failurePolicy'), stringField(hook, 'failurePolicy'), FAILURE_POLICIES));
  appendAll(errors, unsupportedValue(field.concat('matchPolicy'), stringField(hook, 'matchPolicy'), MATCH_POLICIES));
  // requireNoSideEffects on create: only the classes without side effects
  appendAll(errors, unsupportedValue(field.concat('sideEffects'), stringField(hook, 'sideEffects'), NO_SIDE_EFFECT_CLASSES));
  const timeout = intField(hook, 'timeoutSeconds');
  if (timeout !== undefined && (timeout > 30 || timeout < 1)) errors.push(invalid(field.concat('timeoutSeconds'), timeout, 'the timeout value must be between 1 and 30 seconds'));
  for (const name of ['namespaceSelector', 'objectSelector']) {
    const selector = recordField(hook, name);
    if (selector) appendAll(errors, validateLabelSelector(selector, field.concat(name)));
  }
  appendAll(errors, validateClientConfig(recordField(hook, 'clientConfig'), field.concat('clientConfig'), serviceWords));
  appendAll(errors, validateMatchConditions(arrayField(hook, 'matchConditions'), field.concat('matchConditions')));
  return errors;
}

// upstream: noSideEffectClasses, supportedReinvocationPolicies, validScopes: sets.NewString(...).List(), sorted
const NO_SIDE_EFFECT_CLASSES = ['None', 'NoneOnDryRun'];
const REINVOCATION_POLICIES = ['IfNeeded', 'Never'];
const SCOPES = ['*', 'Cluster', 'Namespaced'];

// upstream: apimachinery util/validation IsFullyQualifiedName
function fullyQualifiedNameErrors(value: unknown, field: FieldPath): ErrorList {
  if (typeof value !== 'string') return [];
  if (value.length === 0) return [required(field)];
  const errors = subdomainErrors(value);
  if (errors.length > 0) return [invalid(field, value, errors.join(','))];
  return value.split('.').length < 3 ? [invalid(field, value, 'should be a domain with at least three segments separated by dots')] : [];
}

// upstream: sets.NewString(...).List() of the OperationType values: sorted
const SUPPORTED_OPERATIONS = ['*', 'CONNECT', 'CREATE', 'DELETE', 'UPDATE'];

// upstream: validateRuleWithOperations
function validateRuleWithOperations(rule: Fields, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const operations = arrayField(rule, 'operations');
  if (operations.length === 0) errors.push(required(field.concat('operations')));
  if (operations.length > 1 && operations.includes('*')) errors.push(invalid(field.concat('operations'), operations, "if '*' is present, must not specify other operations"));
  operations.forEach((operation, index) => {
    if (typeof operation === 'string' && !SUPPORTED_OPERATIONS.includes(operation)) errors.push(notSupported(field.concat('operations', index), operation, SUPPORTED_OPERATIONS));
  });
  appendAll(errors, validateRule(rule, field));
  return errors;
}

// upstream: validateRule with allowSubResource; v1 SetDefaults_Rule fills an absent scope with "*"
function validateRule(rule: Fields, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const groups = arrayField(rule, 'apiGroups');
  if (groups.length === 0) errors.push(required(field.concat('apiGroups')));
  if (groups.length > 1 && groups.includes('*')) errors.push(invalid(field.concat('apiGroups'), groups, "if '*' is present, must not specify other API groups"));
  // an empty group is the legacy "v1" API
  const versions = arrayField(rule, 'apiVersions');
  if (versions.length === 0) errors.push(required(field.concat('apiVersions')));
  if (versions.length > 1 && versions.includes('*')) errors.push(invalid(field.concat('apiVersions'), versions, "if '*' is present, must not specify other API versions"));
  versions.forEach((version, index) => {
    if (version === '') errors.push(required(field.concat('apiVersions', index)));
  });
  appendAll(errors, validateResources(arrayField(rule, 'resources'), field.concat('resources')));
  return appendAll(errors, unsupportedValue(field.concat('scope'), stringField(rule, 'scope'), SCOPES));
}

// upstream: validateResources
function validateResources(resources: readonly unknown[], field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  if (resources.length === 0) errors.push(required(field));
  const withWildcardSubresources = new Set<string>();
  const subresourcesWithWildcardResource = new Set<string>();
  let doubleWildcard = false;
  let singleWildcard = false;
  let withoutSubresource = false;
  resources.forEach((entry, index) => {
    if (typeof entry !== 'string') return;
    if (entry === '') {
      errors.push(required(field.concat(index)));
      return;
    }
    if (entry === '*/*') doubleWildcard = true;
    if (entry === '*') singleWildcard = true;
    const slash = entry.indexOf('/');
    if (slash < 0) {
      withoutSubresource = entry !== '*';
      return;
    }
    const resource = entry.slice(0, slash);
    const subresource = entry.slice(slash + 1);
    if (withWildcardSubresources.has(resource)) errors.push(invalid(field.concat(index), entry, `if '${resource}/*' is present, must not specify ${entry}`));
    if (subresourcesWithWildcardResource.has(subresource)) errors.push(invalid(field.concat(index), entry, `if '*/${subresource}' is present, must not specify ${entry}`));
    if (subresource === '*') withWildcardSubresources.add(resource);
    if (resource === '*') subresourcesWithWildcardResource.add(subresource);
  });
  if (resources.length > 1 && doubleWildcard) errors.push(invalid(field, resources, "if '*/*' is present, must not specify other resources"));
  if (singleWildcard && withoutSubresource) errors.push(invalid(field, resources, "if '*' is present, must not specify other resources without subresources"));
  return errors;
}

// upstream: the clientConfig switch of validateValidatingWebhook (and of apiextensions' validateCustomResourceConversion),
// apiserver util/webhook ValidateWebhookURL (with forceHttps) and ValidateWebhookService
export function validateClientConfig(config: Fields | undefined, field: FieldPath, serviceWords: WebhookServiceWords): ErrorList {
  if (!config) return [];
  const url = config['url'];
  const service = recordField(config, 'service');
  if ((url === undefined || url === null) === (service === undefined)) return [required(field, 'exactly one of url or service is required')];
  if (typeof url === 'string') return validateWebhookURL(url, field.concat('url'));
  return service ? validateWebhookService(service, field.concat('service'), serviceWords) : [];
}

const URL_FORM = '; desired format: https://host[/path]';

/**
 * A URL that Go's url.Parse reads without error and the same way as this pattern (scheme, authority, path, query,
 * fragment; no escapes, spaces, IPv6 literals or port): others are left alone rather than judged by a guess.
 */
const PLAIN_URL = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/(?:([^@/?#\s%[\]]*)@)?([^@/?#\s%:[\]]*)(\/[^?#\s%]*)?(?:\?([^#\s%]*))?(?:#([^\s%]*))?$/;

function validateWebhookURL(url: string, field: FieldPath): ErrorList {
  const match = PLAIN_URL.exec(url);
  if (!match) return [];
  const [, scheme = '', user, host = '', , query = '', fragment = ''] = match;
  const errors: ErrorList = [];
  // url.Parse lower-cases the scheme
  if (scheme.toLowerCase() !== 'https') errors.push(invalid(field, scheme.toLowerCase(), `'https' is the only allowed URL scheme${URL_FORM}`));
  if (host.length === 0) errors.push(invalid(field, host, `host must be specified${URL_FORM}`));
  if (user !== undefined) errors.push(invalid(field, user, 'user information is not permitted in the URL'));
  if (fragment.length > 0) errors.push(invalid(field, fragment, 'fragments are not permitted in the URL'));
  if (query.length > 0) errors.push(invalid(field, query, 'query parameters are not permitted in the URL'));
  return errors;
}

/** The details of ValidateWebhookService's Required errors for a service's name and namespace. */
export interface WebhookServiceWords {
  readonly name: string;
  readonly namespace: string;
}

// upstream: apiserver util/webhook/validation.go ValidateWebhookService: 'service name is required' and 'service
// namespace is required' up to 1.33; from 1.34 no detail (kubernetes#132472)
export const webhookServiceWords = (context: ValidationContext): WebhookServiceWords =>
  context.cleanedUpDetails ? { name: '', namespace: '' } : { name: 'service name is required', namespace: 'service namespace is required' };

// upstream: ValidateWebhookService is declared (namespace, name) and called with (Name, Namespace), so through v1.36 an
// empty namespace is reported at `name` and an empty name at `namespace` (kubernetes#141353). The schema requires both.
function validateWebhookService(service: Fields, field: FieldPath, words: WebhookServiceWords): ErrorList {
  const errors: ErrorList = [];
  if (stringField(service, 'namespace') === '') errors.push(required(field.concat('name'), words.name));
  if (stringField(service, 'name') === '') errors.push(required(field.concat('namespace'), words.namespace));
  // SetDefaults_ServiceReference: an absent port is 443
  const port = intField(service, 'port');
  if (port !== undefined) {
    const portErrors = portNumberErrors(port);
    if (portErrors.length > 0) errors.push(invalid(field.concat('port'), port, `port is not valid: ${portErrors.join(', ')}`));
  }
  const path = stringField(service, 'path');
  if (path === undefined || path === '/' || path === '') return errors;
  if (path === '//') return [...errors, invalid(field.concat('path'), path, 'segment[0] may not be empty')];
  if (!path.startsWith('/')) errors.push(invalid(field.concat('path'), path, "must start with a '/'"));
  const rest = path.slice(1);
  const steps = (rest.endsWith('/') ? rest.slice(0, -1) : rest).split('/');
  steps.forEach((step, index) => {
    if (step.length === 0) errors.push(invalid(field.concat('path'), path, `segment[${index}] may not be empty`));
    else for (const failure of subdomainErrors(step)) errors.push(invalid(field.concat('path'), path, `segment[${index}]: ${failure}`));
  });
  return errors;
}

// upstream: validateMatchConditions, validateMatchCondition (the expression's CEL compilation is not modelled)
function validateMatchConditions(conditions: readonly unknown[], field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  if (conditions.length > 64) errors.push(tooMany(field, conditions.length, 64));
  const names = new Set<string>();
  conditions.forEach((entry, index) => {
    const condition = asRecord(entry) ?? {};
    const expression = stringField(condition, 'expression');
    if (expression !== undefined && goTrimSpace(expression).length === 0) errors.push(required(field.concat(index, 'expression')));
    const name = stringField(condition, 'name');
    if (name === undefined) return;
    if (name.length === 0) errors.push(required(field.concat(index, 'name')));
    // core validation ValidateQualifiedName
    else for (const message of qualifiedNameErrors(name)) errors.push(invalid(field.concat(index, 'name'), name, message));
    if (name.length === 0) return;
    if (names.has(name)) errors.push(duplicate(field.concat(index, 'name'), name));
    else names.add(name);
  });
  return errors;
}

// upstream: validateAdmissionReviewVersions (AcceptedAdmissionReviewVersions: v1, v1beta1)
function validateAdmissionReviewVersions(value: unknown, field: FieldPath): ErrorList {
  if (!Array.isArray(value)) return [];
  if (value.length < 1) return [required(field, 'must specify one of v1, v1beta1')];
  const errors: ErrorList = [];
  const seen = new Set<unknown>();
  let accepted = false;
  value.forEach((version, index) => {
    if (typeof version !== 'string') return;
    if (seen.has(version)) {
      errors.push(invalid(field.concat(index), version, 'duplicate version'));
      return;
    }
    seen.add(version);
    for (const message of dns1035LabelErrors(version)) errors.push(invalid(field.concat(index), version, message));
    if (version === 'v1' || version === 'v1beta1') accepted = true;
  });
  if (!accepted) errors.push(invalid(field, value, 'must include at least one of v1, v1beta1'));
  return errors;
}

// upstream: admissionregistration validation.go validateValidatingAdmissionPolicy, validateValidatingAdmissionPolicySpec
// (stored version with StrictCostEnforcementForVAP, v1.30+), after v1 SetDefaults_ValidatingAdmissionPolicySpec and
// SetDefaults_MatchResources (failurePolicy Fail, matchPolicy Equivalent, empty selectors). The CEL expressions of
// validations, variables, messageExpressions, audit annotations and match conditions are not compiled.
export function validateValidatingAdmissionPolicy(object: Fields): ErrorList {
  const spec = recordField(object, 'spec') ?? {};
  const field: FieldPath = ['spec'];
  const errors = validatePolicyMatching(spec, field);
  const validations = arrayField(spec, 'validations');
  const auditAnnotations = arrayField(spec, 'auditAnnotations');
  if (validations.length === 0 && auditAnnotations.length === 0) {
    for (const name of ['validations', 'auditAnnotations']) errors.push(required(field.concat(name), 'validations or auditAnnotations must contain at least one item'));
    return errors;
  }
  validations.forEach((entry, index) => appendAll(errors, validateValidation(asRecord(entry) ?? {}, field.concat('validations', index))));
  return appendAll(errors, validateAuditAnnotations(auditAnnotations, stringField(recordField(object, 'metadata'), 'name') ?? '', field.concat('auditAnnotations')));
}

/**
 * What validateValidatingAdmissionPolicySpec and validateMutatingAdmissionPolicySpec check alike, in their order:
 * failurePolicy, paramKind, matchConstraints (and for a mutating policy the operations it may match), matchConditions
 * and variables.
 */
function validatePolicyMatching(spec: Fields, field: FieldPath, mutatingOperations?: readonly string[]): ErrorList {
  const errors: ErrorList = [];
  appendAll(errors, unsupportedValue(field.concat('failurePolicy'), stringField(spec, 'failurePolicy'), FAILURE_POLICIES));
  const paramKind = recordField(spec, 'paramKind');
  if (paramKind) appendAll(errors, validateParamKind(paramKind, field.concat('paramKind')));
  const constraints = recordField(spec, 'matchConstraints');
  if (!constraints) errors.push(required(field.concat('matchConstraints')));
  else {
    appendAll(errors, validateMatchResources(constraints, field.concat('matchConstraints')));
    if (arrayField(constraints, 'resourceRules').length === 0) errors.push(required(field.concat('matchConstraints', 'resourceRules')));
    if (mutatingOperations) appendAll(errors, validateMatchedOperations(constraints, field.concat('matchConstraints'), mutatingOperations));
  }
  appendAll(errors, validateMatchConditions(arrayField(spec, 'matchConditions'), field.concat('matchConditions')));
  arrayField(spec, 'variables').forEach((entry, index) => appendAll(errors, validateVariable(asRecord(entry) ?? {}, field.concat('variables', index))));
  return errors;
}

// upstream: supportedMutatingOperations ("MutatatingAdmissionPolicy does not support DELETE"): sets.NewString(...).List()
const SUPPORTED_MUTATING_OPERATIONS = ['*', 'CONNECT', 'CREATE', 'UPDATE'];

/**
 * validateMutatingAdmissionPolicySpec and validateMutatingAdmissionPolicyBindingSpec: "It is only possible to mutate
 * create and update requests". Each resource rule's operation outside `operations` is NotSupported at
 * `<resources>.resourceRules.operations`, a path without the indexes (the finding points at the operation).
 */
function validateMatchedOperations(resources: Fields, field: FieldPath, operations: readonly string[]): ErrorList {
  const errors: ErrorList = [];
  arrayField(resources, 'resourceRules').forEach((rule, ruleIndex) => {
    arrayField(asRecord(rule), 'operations').forEach((operation, index) => {
      if (typeof operation !== 'string' || operations.includes(operation)) return;
      errors.push(pointing(notSupported(field.concat('resourceRules', 'operations'), new GoNamedString(operation), operations), toPath(field.concat('resourceRules', ruleIndex, 'operations', index))));
    });
  });
  return errors;
}

// upstream: admissionregistration validation.go validateMutatingAdmissionPolicy, validateMutatingAdmissionPolicySpec
// (v1.36), after v1 SetDefaults_MutatingAdmissionPolicySpec (failurePolicy Fail; reinvocationPolicy has no default) and
// SetDefaults_MatchResources. The CEL expressions of mutations, variables and match conditions are not compiled.
export function validateMutatingAdmissionPolicy(object: Fields): ErrorList {
  const spec = recordField(object, 'spec') ?? {};
  const field: FieldPath = ['spec'];
  const errors = validatePolicyMatching(spec, field, SUPPORTED_MUTATING_OPERATIONS);
  const mutations = arrayField(spec, 'mutations');
  if (mutations.length === 0) errors.push(required(field.concat('mutations'), 'mutations must contain at least one item'));
  mutations.forEach((entry, index) => appendAll(errors, validateMutation(asRecord(entry) ?? {}, field.concat('mutations', index))));
  const reinvocationPolicy = stringField(spec, 'reinvocationPolicy') ?? '';
  if (reinvocationPolicy === '') errors.push(required(field.concat('reinvocationPolicy')));
  else appendAll(errors, unsupportedValue(field.concat('reinvocationPolicy'), reinvocationPolicy, REINVOCATION_POLICIES));
  return errors;
}

// upstream: supportedPatchType: sets.NewString(...).List(), sorted
const PATCH_TYPES = ['ApplyConfiguration', 'JSONPatch'];

// upstream: validateMutation, validateJSONPatch, validateApplyConfiguration (before the expression's CEL compilation)
function validateMutation(mutation: Fields, field: FieldPath): ErrorList {
  const patchType = stringField(mutation, 'patchType') ?? '';
  if (patchType === '') return [required(field.concat('patchType'))];
  if (!PATCH_TYPES.includes(patchType)) return [notSupported(field.concat('patchType'), new GoNamedString(patchType), PATCH_TYPES)];
  const [name, other] = patchType === 'JSONPatch' ? ['jsonPatch', 'applyConfiguration'] : ['applyConfiguration', 'jsonPatch'];
  const errors: ErrorList = [];
  const patch = recordField(mutation, name);
  if (!patch) errors.push(required(field.concat(name), `must be specified when patchType is ${patchType}`));
  else if (goTrimSpace(stringField(patch, 'expression') ?? '') === '') errors.push(required(field.concat(name, 'expression')));
  if (recordField(mutation, other)) errors.push(invalid(field.concat(other), `{${other}}`, `must not be specified when patchType is ${patchType}`));
  return errors;
}

// upstream: supportedFailurePolicies, supportedMatchPolicies, supportedValidationPolicyReason: sets.NewString(...).List(), sorted
const FAILURE_POLICIES = ['Fail', 'Ignore'];
const MATCH_POLICIES = ['Equivalent', 'Exact'];
const VALIDATION_REASONS = ['Forbidden', 'Invalid', 'RequestEntityTooLarge'];

// upstream: validateParamKind, parseGroupVersion
function validateParamKind(paramKind: Fields, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const apiVersion = stringField(paramKind, 'apiVersion') ?? '';
  const at = field.concat('apiVersion');
  const unreadVersion = groupVersionError(apiVersion);
  if (apiVersion === '') errors.push(required(at));
  else if (unreadVersion !== undefined) errors.push(invalid(at, apiVersion, unreadVersion));
  else if (apiVersion !== '/') {
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') as [string, string] : ['', apiVersion];
    const groupErrors = group.length > 0 ? subdomainErrors(group) : [];
    if (groupErrors.length > 0) errors.push(invalid(at, group, groupErrors.join(',')));
    if (version.length === 0) errors.push(invalid(at, apiVersion, 'version must be specified'));
    else if (dns1035LabelErrors(version).length > 0) errors.push(invalid(at, version, dns1035LabelErrors(version).join(',')));
  } else errors.push(invalid(at, apiVersion, 'version must be specified'));
  const kind = stringField(paramKind, 'kind') ?? '';
  const kindErrors = dns1035LabelErrors(kind.toLowerCase());
  if (kind === '') errors.push(required(field.concat('kind')));
  else if (kindErrors.length > 0) errors.push(invalid(field.concat('kind'), kind, `may have mixed case, but should otherwise match: ${kindErrors.join(',')}`));
  return errors;
}

// upstream: validateMatchResources, validateNamedRuleWithOperations (defaults fill matchPolicy and the selectors)
function validateMatchResources(resources: Fields, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  appendAll(errors, unsupportedValue(field.concat('matchPolicy'), stringField(resources, 'matchPolicy'), MATCH_POLICIES));
  for (const name of ['namespaceSelector', 'objectSelector']) {
    const selector = recordField(resources, name);
    if (selector) appendAll(errors, validateLabelSelector(selector, field.concat(name)));
  }
  for (const name of ['resourceRules', 'excludeResourceRules']) {
    arrayField(resources, name).forEach((entry, index) => {
      const rule = asRecord(entry) ?? {};
      const at = field.concat(name, index);
      const seen = new Set<string>();
      arrayField(rule, 'resourceNames').forEach((resourceName, nameIndex) => {
        if (typeof resourceName !== 'string') return;
        for (const message of nameIsPathSegment(resourceName, false)) errors.push(invalid(at.concat('resourceNames', nameIndex), resourceName, message));
        if (seen.has(resourceName)) errors.push(duplicate(at.concat('resourceNames', nameIndex), resourceName));
        seen.add(resourceName);
      });
      appendAll(errors, validateRuleWithOperations(rule, at));
    });
  }
  return errors;
}

const CEL_IDENTIFIER = /^[_a-zA-Z][_a-zA-Z0-9]*$/;
const CEL_RESERVED = new Set(['true', 'false', 'null', 'in', 'as', 'break', 'const', 'continue', 'else', 'for', 'function', 'if', 'import', 'let', 'loop', 'package', 'namespace', 'return', 'var', 'void', 'while']);

// upstream: validateVariable, isCELIdentifier
function validateVariable(variable: Fields, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const name = stringField(variable, 'name') ?? '';
  if (goTrimSpace(name) === '') errors.push(required(field.concat('name'), 'name is not specified'));
  else if (!CEL_IDENTIFIER.test(name) || CEL_RESERVED.has(name)) errors.push(invalid(field.concat('name'), name, 'name is not a valid CEL identifier'));
  if (goTrimSpace(stringField(variable, 'expression') ?? '') === '') errors.push(required(field.concat('expression'), 'expression is not specified'));
  return errors;
}

// upstream: validateValidation (Go's strings.TrimSpace; newlineMatcher [\n\r]+)
function validateValidation(validation: Fields, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  if (goTrimSpace(stringField(validation, 'expression') ?? '') === '') errors.push(required(field.concat('expression'), 'expression is not specified'));
  const messageExpression = stringField(validation, 'messageExpression') ?? '';
  if (messageExpression.length > 0 && goTrimSpace(messageExpression) === '') errors.push(invalid(field.concat('messageExpression'), messageExpression, 'must be non-empty if specified'));
  const message = stringField(validation, 'message') ?? '';
  if (message.length > 0 && goTrimSpace(message) === '') errors.push(invalid(field.concat('message'), message, 'message must be non-empty if specified'));
  else if (/[\n\r]/.test(goTrimSpace(message))) errors.push(invalid(field.concat('message'), message, 'message must not contain line breaks'));
  const reason = stringField(validation, 'reason');
  if (reason !== undefined && !VALIDATION_REASONS.includes(reason)) errors.push(notSupported(field.concat('reason'), reason, VALIDATION_REASONS));
  return errors;
}

const MAX_AUDIT_ANNOTATIONS = 20;
const MAX_AUDIT_VALUE_EXPRESSION_LENGTH = 5 * 1024;

// upstream: validateValidatingAdmissionPolicySpec auditAnnotations, validateAuditAnnotation
function validateAuditAnnotations(annotations: readonly unknown[], policyName: string, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const value = () => annotations.map((entry) => new GoStruct([['Key', stringField(asRecord(entry), 'key') ?? ''], ['ValueExpression', stringField(asRecord(entry), 'valueExpression') ?? '']]));
  if (annotations.length > MAX_AUDIT_ANNOTATIONS) errors.push(invalid(field, value(), `must not have more than ${MAX_AUDIT_ANNOTATIONS} auditAnnotations`));
  const keys = new Set<string>();
  annotations.forEach((entry, index) => {
    const annotation = asRecord(entry) ?? {};
    const at = field.concat(index);
    const key = stringField(annotation, 'key') ?? '';
    if (policyName === '') errors.push(invalid(at.concat('key'), key, 'requires metadata.name be non-empty'));
    else for (const message of qualifiedNameErrors(`${policyName}/${key}`)) errors.push(invalid(at.concat('key'), `${policyName}/${key}`, message));
    const expression = goTrimSpace(stringField(annotation, 'valueExpression') ?? '');
    if (expression === '') errors.push(required(at.concat('valueExpression'), 'valueExpression is not specified'));
    else if (byteLength(expression) > MAX_AUDIT_VALUE_EXPRESSION_LENGTH) errors.push(required(at.concat('valueExpression'), `must not exceed ${MAX_AUDIT_VALUE_EXPRESSION_LENGTH} bytes in length`));
    if (keys.has(key)) errors.push(duplicate(at.concat('key'), key));
    keys.add(key);
  });
  return errors;
}

// upstream: validateValidatingAdmissionPolicyBinding, validateValidatingAdmissionPolicyBindingSpec
export function validateValidatingAdmissionPolicyBinding(object: Fields): ErrorList {
  const spec = recordField(object, 'spec') ?? {};
  const errors = validateBindingTarget(spec);
  return appendAll(errors, validateValidationActions(arrayField(spec, 'validationActions'), ['spec', 'validationActions']));
}

// upstream: validateMutatingAdmissionPolicyBinding, validateMutatingAdmissionPolicyBindingSpec (v1.36)
export function validateMutatingAdmissionPolicyBinding(object: Fields): ErrorList {
  return validateBindingTarget(recordField(object, 'spec') ?? {}, SUPPORTED_MUTATING_OPERATIONS);
}

/** What both bindings' specs check alike: policyName, paramRef, matchResources (and a mutating one's operations). */
function validateBindingTarget(spec: Fields, mutatingOperations?: readonly string[]): ErrorList {
  const errors: ErrorList = [];
  const policyName = stringField(spec, 'policyName') ?? '';
  if (policyName === '') errors.push(required(['spec', 'policyName']));
  else for (const message of subdomainErrors(policyName)) errors.push(invalid(['spec', 'policyName'], policyName, message));
  const paramRef = recordField(spec, 'paramRef');
  if (paramRef) appendAll(errors, validateParamRef(paramRef, ['spec', 'paramRef']));
  const matchResources = recordField(spec, 'matchResources');
  if (!matchResources) return errors;
  appendAll(errors, validateMatchResources(matchResources, ['spec', 'matchResources']));
  return mutatingOperations ? appendAll(errors, validateMatchedOperations(matchResources, ['spec', 'matchResources'], mutatingOperations)) : errors;
}

const PARAMETER_NOT_FOUND_ACTIONS = ['Deny', 'Allow'];

// upstream: validateParamRef; parameterNotFoundAction is required (v1 and v1beta1 default it not; v1alpha1 did, to Deny)
function validateParamRef(paramRef: Fields, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const name = stringField(paramRef, 'name') ?? '';
  const selector = recordField(paramRef, 'selector');
  if (name.length > 0) {
    for (const message of nameIsPathSegment(name, false)) errors.push(invalid(field.concat('name'), name, message));
    if (selector) errors.push(forbidden(field.concat('name'), 'name and selector are mutually exclusive'));
  }
  if (selector) {
    appendAll(errors, validateLabelSelector(selector, field.concat('selector')));
    if (name.length > 0) errors.push(forbidden(field.concat('selector'), 'name and selector are mutually exclusive'));
  }
  if (name.length === 0 && !selector) errors.push(required(field, 'one of name or selector must be specified'));
  const action = stringField(paramRef, 'parameterNotFoundAction');
  if (action === undefined || action === '') errors.push(required(field.concat('parameterNotFoundAction')));
  else if (!PARAMETER_NOT_FOUND_ACTIONS.includes(action)) errors.push(notSupported(field.concat('parameterNotFoundAction'), action, PARAMETER_NOT_FOUND_ACTIONS));
  return errors;
}

const VALIDATION_ACTIONS = ['Audit', 'Deny', 'Warn'];

// upstream: validateValidationActions
function validateValidationActions(actions: readonly unknown[], field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const seen = new Set<unknown>();
  actions.forEach((action, index) => {
    if (typeof action === 'string' && !VALIDATION_ACTIONS.includes(action)) errors.push(notSupported(field.concat(index), action, VALIDATION_ACTIONS));
    if (seen.has(action)) errors.push(duplicate(field.concat(index), action));
    seen.add(action);
  });
  if (seen.has('Deny') && seen.has('Warn')) {
    errors.push(invalid(field, actions, 'must not contain both Deny and Warn (repeating the same validation failure information in the API response and headers serves no purpose)'));
  }
  if (seen.size === 0) errors.push(required(field, 'at least one validation action is required'));
  return errors;
}
