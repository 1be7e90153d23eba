// ValidateResourceQuota: the API server's checks of a ResourceQuota's spec on create (hard limits, scopes, scopeSelector).
// upstream: pkg/apis/core/validation/validation.go ValidateResourceQuotaSpec, ValidateResourceQuotaResourceName,
// ValidateResourceQuantityValue, validateResourceQuotaScopes, validateScopedResourceSelectorRequirement;
// pkg/apis/core/helper/helpers.go (v1.36)
import { appendAll } from '../../model/append.js';
import { parseQuantity } from '../../model/quantity.js';
import { IS_NEGATIVE_ERROR } from './core-container.js';
import { GoSlice, GoStruct, invalid, key, pointing, required, toPath, type ErrorList, type FieldPath } from './field-error.js';
import { canonicalQuantity } from './quantity-string.js';
import { isHugePages, isHugePagesRequest, notIntegerError, resourceNameErrors, resourceNameValue } from './resource-names.js';
import { arrayField, asRecord, recordField, stringField, type Fields } from './values.js';

const STANDARD_QUOTA_RESOURCES = new Set([
  'cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.storage', 'requests.ephemeral-storage',
  'limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'pods', 'resourcequotas', 'services', 'replicationcontrollers',
  'secrets', 'persistentvolumeclaims', 'configmaps', 'services.nodeports', 'services.loadbalancers',
]);
const STANDARD_SCOPES = new Set(['Terminating', 'NotTerminating', 'BestEffort', 'NotBestEffort', 'PriorityClass', 'VolumeAttributesClass', 'CrossNamespacePodAffinity']);
const POD_COMPUTE = new Set(['pods', 'cpu', 'memory', 'limits.cpu', 'limits.memory', 'requests.cpu', 'requests.memory']);
const CONFLICTING_SCOPES = [['BestEffort', 'NotBestEffort'], ['Terminating', 'NotTerminating']] as const;
const EXISTS_ONLY_SCOPES = new Set(['BestEffort', 'NotBestEffort', 'Terminating', 'NotTerminating', 'CrossNamespacePodAffinity']);

const isStandardQuotaResource = (name: string): boolean => STANDARD_QUOTA_RESOURCES.has(name) || isHugePages(name) || isHugePagesRequest(name);

// upstream: helpers.go IsResourceQuotaScopeValidForResource
function isScopeValidForResource(scope: string, name: string): boolean {
  if (scope === 'BestEffort') return name === 'pods';
  if (scope === 'VolumeAttributesClass') return name === 'persistentvolumeclaims' || name === 'requests.storage';
  if (['Terminating', 'NotTerminating', 'NotBestEffort', 'PriorityClass', 'CrossNamespacePodAffinity'].includes(scope)) return POD_COMPUTE.has(name);
  return true;
}

export function validateResourceQuota(object: Fields): ErrorList {
  const spec = recordField(object, 'spec') ?? {};
  const hard = recordField(spec, 'hard') ?? {};
  // upstream ranges over the map (Go map order); kubefit reports the names sorted
  const names = Object.keys(hard).sort();
  const errors: ErrorList = [];
  for (const name of names) appendAll(errors, validateHardLimit(name, hard[name], ['spec', 'hard', key(name)]));
  appendAll(errors, validateScopes(spec, names));
  const selector = recordField(spec, 'scopeSelector');
  if (selector) appendAll(errors, validateScopeSelector(spec, selector, names));
  return errors;
}

/** One hard limit: a quota resource name, a non-negative quantity, whole for counted resources. */
function validateHardLimit(name: string, raw: unknown, field: FieldPath): ErrorList {
  const errors = resourceNameErrors(name, field);
  if (!name.includes('/') && !isStandardQuotaResource(name)) errors.push(invalid(field, resourceNameValue(name), 'must be a standard resource for quota'));
  // the names are map keys: the findings point at the key
  const named = errors.map((error) => pointing(error, toPath(field), 'key'));
  const quantity = parseQuantity(raw);
  if (!quantity) return named;
  if (quantity.numerator < 0n) named.push(invalid(field, canonicalQuantity(raw), IS_NEGATIVE_ERROR));
  const notInteger = notIntegerError(name, quantity, raw, () => field);
  if (notInteger) named.push(notInteger);
  return named;
}

/** scopes: each standard and valid for every standard hard resource, no conflicting pair. */
function validateScopes(spec: Fields, names: readonly string[]): ErrorList {
  const scopes = arrayField(spec, 'scopes').filter((scope): scope is string => typeof scope === 'string');
  if (scopes.length === 0) return [];
  const errors: ErrorList = [];
  const field: FieldPath = ['spec', 'scopes'];
  const value = scopesValue(spec);
  for (const scope of scopes) {
    if (!STANDARD_SCOPES.has(scope)) errors.push(invalid(field, value, 'unsupported scope'));
    for (const name of names) if (isStandardQuotaResource(name) && !isScopeValidForResource(scope, name)) errors.push(invalid(field, value, 'unsupported scope applied to resource'));
  }
  for (const pair of CONFLICTING_SCOPES) if (pair.every((scope) => scopes.includes(scope))) errors.push(invalid(field, value, 'conflicting scopes'));
  return errors;
}

/** spec.Scopes as upstream passes it, nil when absent or null. */
function scopesValue(spec: Fields): GoSlice {
  const scopes = Array.isArray(spec['scopes']) ? arrayField(spec, 'scopes').filter((scope): scope is string => typeof scope === 'string') : null;
  return new GoSlice('[]core.ResourceQuotaScope', scopes);
}

/** scopeSelector.matchExpressions: scope names, operators and values, and conflicting pairs. */
function validateScopeSelector(spec: Fields, selector: Fields, names: readonly string[]): ErrorList {
  const errors: ErrorList = [];
  const field: FieldPath = ['spec', 'scopeSelector', 'matchExpressions'];
  const expressions = arrayField(selector, 'matchExpressions');
  const seen = new Set<string>();
  expressions.forEach((entry, index) => {
    const requirement = asRecord(entry) ?? {};
    const scope = stringField(requirement, 'scopeName') ?? '';
    const operator = stringField(requirement, 'operator') ?? '';
    const values = arrayField(requirement, 'values');
    // upstream reports at matchExpressions without the index: the findings point at the requirement
    const at = (...rest: string[]): FieldPath => [...field, ...rest];
    const here = (...rest: string[]): readonly (string | number)[] => [...toPath(field), index, ...rest];
    if (!STANDARD_SCOPES.has(scope)) errors.push(pointing(invalid(at('scopeName'), scope, 'unsupported scope'), here('scopeName')));
    for (const name of names) {
      if (isStandardQuotaResource(name) && !isScopeValidForResource(scope, name)) errors.push(pointing(invalid(field, scopeSelectorValue(selector), 'unsupported scope applied to resource'), here()));
    }
    if (EXISTS_ONLY_SCOPES.has(scope) && operator !== 'Exists') {
      errors.push(pointing(invalid(at('operator'), operator, 'must be \'Exists\' when scope is any of ResourceQuotaScopeTerminating, ResourceQuotaScopeNotTerminating, ResourceQuotaScopeBestEffort, ResourceQuotaScopeNotBestEffort or ResourceQuotaScopeCrossNamespacePodAffinity'), here('operator')));
    }
    if (operator === 'In' || operator === 'NotIn') {
      if (values.length === 0) errors.push(pointing(required(at('values'), "must be at least one value when `operator` is 'In' or 'NotIn' for scope selector"), here()));
    } else if (operator === 'Exists' || operator === 'DoesNotExist') {
      if (values.length > 0) errors.push(pointing(invalid(at('values'), values, "must be no value when `operator` is 'Exist' or 'DoesNotExist' for scope selector"), here('values')));
    } else errors.push(pointing(invalid(at('operator'), operator, 'not a valid selector operator'), here('operator')));
    seen.add(scope);
  });
  // upstream names spec.scopes (the list, often null) for a conflicting pair in the selector
  for (const pair of CONFLICTING_SCOPES) if (pair.every((scope) => seen.has(scope))) errors.push(pointing(invalid(field, scopesValue(spec), 'conflicting scopes'), toPath(field)));
  return errors;
}

/** The internal ScopeSelector as json.Marshal prints it: Go field names (it has no json tags), nil values as null. */
function scopeSelectorValue(selector: Fields): GoStruct {
  const expressions = arrayField(selector, 'matchExpressions').map((entry) => {
    const requirement = asRecord(entry) ?? {};
    return new GoStruct([['ScopeName', requirement['scopeName'] ?? ''], ['Operator', requirement['operator'] ?? ''], ['Values', requirement['values'] ?? null]]);
  });
  return new GoStruct([['MatchExpressions', selector['matchExpressions'] === undefined ? null : expressions]]);
}
