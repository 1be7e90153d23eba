// pkg/apis/rbac/validation: Role, ClusterRole, RoleBinding and ClusterRoleBinding on create, after SetDefaults_Subject.
import { appendAll } from '../../model/append.js';
import { subdomainErrors } from '../../model/name-validation.js';
import { GoSlice, invalid, notSupported, required, type ErrorList, type FieldPath } from './field-error.js';
import { validateLabelSelector } from './label-selector.js';
import { nameIsPathSegment } from './object-meta.js';
import { arrayField, asRecord, recordField, stringField, type Fields } from './values.js';

const RBAC_GROUP = 'rbac.authorization.k8s.io';
const SUBJECT_KINDS = ['ServiceAccount', 'User', 'Group'];

/** Go's len() of a slice is 0 for an absent list too; a Required error the schema already reports is dropped in validate.ts. */
const isEmptyList = (record: Fields, name: string): boolean => arrayField(record, name).length === 0;

// upstream: validation.go ValidatePolicyRule (v1.36)
function validatePolicyRule(rule: Fields, isNamespaced: boolean, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  if (isEmptyList(rule, 'verbs')) errors.push(required(field.concat('verbs'), 'verbs must contain at least one value'));
  const urlList = arrayField(rule, 'nonResourceURLs');
  // a []string: %#v before apimachinery 0.34 (`[]string{"/healthz"}`), json.Marshal since
  const urls = new GoSlice('[]string', urlList.filter((url): url is string => typeof url === 'string'));
  if (urlList.length > 0) {
    if (isNamespaced) errors.push(invalid(field.concat('nonResourceURLs'), urls, 'namespaced rules cannot apply to non-resource URLs'));
    if (!isEmptyList(rule, 'apiGroups') || !isEmptyList(rule, 'resources') || !isEmptyList(rule, 'resourceNames')) {
      errors.push(invalid(field.concat('nonResourceURLs'), urls, 'rules cannot apply to both regular resources and non-resource URLs'));
    }
    return errors;
  }
  if (isEmptyList(rule, 'apiGroups')) errors.push(required(field.concat('apiGroups'), 'resource rules must supply at least one api group'));
  if (isEmptyList(rule, 'resources')) errors.push(required(field.concat('resources'), 'resource rules must supply at least one resource'));
  return errors;
}

function validateRules(object: Fields, isNamespaced: boolean): ErrorList {
  const errors: ErrorList = [];
  arrayField(object, 'rules').forEach((rule, index) => appendAll(errors, validatePolicyRule(asRecord(rule) ?? {}, isNamespaced, ['rules', index])));
  return errors;
}

// upstream: validation.go ValidateRole
export const validateRole = (object: Fields): ErrorList => validateRules(object, true);

// upstream: validation.go ValidateClusterRole: a selector LabelSelectorAsSelector cannot convert adds "invalid label
// selector." (the failed conversion's nil selector as the value), which is whenever ValidateLabelSelector finds an error
export function validateClusterRole(object: Fields): ErrorList {
  const errors = validateRules(object, false);
  const aggregationRule = recordField(object, 'aggregationRule');
  if (!aggregationRule) return errors;
  const selectors = arrayField(aggregationRule, 'clusterRoleSelectors');
  const at: FieldPath = ['aggregationRule', 'clusterRoleSelectors'];
  if (selectors.length === 0) errors.push(required(at, 'at least one clusterRoleSelector required if aggregationRule is non-nil'));
  selectors.forEach((selector, index) => {
    const selectorErrors = validateLabelSelector(asRecord(selector) ?? {}, at.concat(index));
    appendAll(errors, selectorErrors);
    if (selectorErrors.length > 0) errors.push(invalid(at.concat(index), null, 'invalid label selector.'));
  });
  return errors;
}

// upstream: validation.go ValidateRoleBinding, ValidateClusterRoleBinding; v1 defaults.go SetDefaults_RoleBinding gives
// an empty roleRef.apiGroup the RBAC group. A missing roleRef, or its kind, is the schema's finding (required there).
function validateBinding(object: Fields, isNamespaced: boolean): ErrorList {
  const errors: ErrorList = [];
  const roleRef = recordField(object, 'roleRef');
  if (roleRef) appendAll(errors, validateRoleRef(roleRef, isNamespaced));
  arrayField(object, 'subjects').forEach((subject, index) => appendAll(errors, validateSubject(asRecord(subject) ?? {}, isNamespaced, ['subjects', index])));
  return errors;
}

function validateRoleRef(roleRef: Fields, isNamespaced: boolean): ErrorList {
  const errors: ErrorList = [];
  const apiGroup = stringField(roleRef, 'apiGroup') || RBAC_GROUP;
  if (apiGroup !== RBAC_GROUP) errors.push(notSupported(['roleRef', 'apiGroup'], apiGroup, [RBAC_GROUP]));
  const kinds = isNamespaced ? ['Role', 'ClusterRole'] : ['ClusterRole'];
  const kind = stringField(roleRef, 'kind');
  if (kind !== undefined && !kinds.includes(kind)) errors.push(notSupported(['roleRef', 'kind'], kind, kinds));
  const name = stringField(roleRef, 'name') ?? '';
  if (name === '') errors.push(required(['roleRef', 'name']));
  else appendAll(errors, nameIsPathSegment(name, false).map((message) => invalid(['roleRef', 'name'], name, message)));
  return errors;
}

export const validateRoleBinding = (object: Fields): ErrorList => validateBinding(object, true);
export const validateClusterRoleBinding = (object: Fields): ErrorList => validateBinding(object, false);

// upstream: validation.go ValidateRoleBindingSubject; defaults.go SetDefaults_Subject (User and Group default to the RBAC
// group); a ServiceAccount's name is a DNS subdomain (ValidateServiceAccountName); a missing kind is the schema's finding
function validateSubject(subject: Fields, isNamespaced: boolean, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const name = stringField(subject, 'name') ?? '';
  if (name === '') errors.push(required(field.concat('name')));
  const kind = stringField(subject, 'kind');
  if (kind === undefined) return errors;
  const apiGroup = stringField(subject, 'apiGroup') ?? '';
  if (kind === 'ServiceAccount') {
    appendAll(errors, name === '' ? [] : subdomainErrors(name).map((message) => invalid(field.concat('name'), name, message)));
    if (apiGroup !== '') errors.push(notSupported(field.concat('apiGroup'), apiGroup, ['']));
    if (!isNamespaced && !stringField(subject, 'namespace')) errors.push(required(field.concat('namespace')));
  } else if (kind === 'User' || kind === 'Group') {
    const defaulted = apiGroup || RBAC_GROUP;
    if (defaulted !== RBAC_GROUP) errors.push(notSupported(field.concat('apiGroup'), defaulted, [RBAC_GROUP]));
  } else {
    errors.push(notSupported(field.concat('kind'), kind, SUBJECT_KINDS));
  }
  return errors;
}
