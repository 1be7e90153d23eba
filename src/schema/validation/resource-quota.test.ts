import { describe, expect, it } from 'vitest';
import { errorMessage } from './field-error.js';
import { validateResourceQuota } from './resource-quota.js';

const quota = (spec: Record<string, unknown>): string[] => validateResourceQuota({ spec }).map(errorMessage);

const EXISTS_ONLY = "must be 'Exists' when scope is any of ResourceQuotaScopeTerminating, ResourceQuotaScopeNotTerminating, ResourceQuotaScopeBestEffort, ResourceQuotaScopeNotBestEffort or ResourceQuotaScopeCrossNamespacePodAffinity";

// Cases after upstream pkg/apis/core/validation/validation_test.go TestValidateResourceQuota
describe('TestValidateResourceQuota', () => {
  it('accepts standard, hugepages and qualified resources, compatible scopes and a scope selector', () => {
    expect(quota({ hard: { cpu: '100', 'requests.memory': '10Gi', pods: '10', 'requests.hugepages-2Mi': '1Gi', 'count/deployments.apps': '5', 'requests.example.com/gpu': '2' } })).toEqual([]);
    expect(quota({ hard: { pods: '10', cpu: '1' }, scopes: ['NotTerminating', 'NotBestEffort'] })).toEqual([]);
    expect(quota({ hard: { pods: '10' }, scopeSelector: { matchExpressions: [{ scopeName: 'PriorityClass', operator: 'In', values: ['high'] }, { scopeName: 'BestEffort', operator: 'Exists' }] } })).toEqual([]);
  });

  it('refuses names that are not quota resources, negative and fractional counts (ValidateResourceQuotaResourceName, ValidateResourceQuantityValue)', () => {
    expect(quota({ hard: { 'limits.nvidia.com/gpu': '1', storage: '1Gi', secrets: '-1', pods: '1.5', 'example.com/dongle': '500m' } })).toEqual([
      'spec.hard[example.com/dongle]: Invalid value: "500m": must be an integer',
      'spec.hard[pods]: Invalid value: "1500m": must be an integer',
      'spec.hard[secrets]: Invalid value: "-1": must be greater than or equal to 0',
      'spec.hard[storage]: Invalid value: "storage": must be a standard resource for quota',
    ]);
  });

  it('refuses unknown scopes, scopes a hard resource cannot use, and conflicting pairs (validateResourceQuotaScopes)', () => {
    expect(quota({ hard: { cpu: '1', pods: '1' }, scopes: ['BestEffort', 'NotBestEffort', 'Daily'] })).toEqual([
      'spec.scopes: Invalid value: ["BestEffort","NotBestEffort","Daily"]: unsupported scope applied to resource',
      'spec.scopes: Invalid value: ["BestEffort","NotBestEffort","Daily"]: unsupported scope',
      'spec.scopes: Invalid value: ["BestEffort","NotBestEffort","Daily"]: conflicting scopes',
    ]);
  });

  it('checks the scope selector: operators per scope, values per operator, resources and conflicts (validateScopedResourceSelectorRequirement)', () => {
    expect(quota({ hard: { 'requests.storage': '1Gi' }, scopeSelector: { matchExpressions: [
      { scopeName: 'Terminating', operator: 'In', values: ['x'] },
      { scopeName: 'NotTerminating', operator: 'Exists', values: ['x'] },
      { scopeName: 'PriorityClass', operator: 'NotIn' },
    ] } })).toEqual([
      'spec.scopeSelector.matchExpressions: Invalid value: {"MatchExpressions":[{"ScopeName":"Terminating","Operator":"In","Values":["x"]},{"ScopeName":"NotTerminating","Operator":"Exists","Values":["x"]},{"ScopeName":"PriorityClass","Operator":"NotIn","Values":null}]}: unsupported scope applied to resource',
      `spec.scopeSelector.matchExpressions.operator: Invalid value: "In": ${EXISTS_ONLY}`,
      'spec.scopeSelector.matchExpressions: Invalid value: {"MatchExpressions":[{"ScopeName":"Terminating","Operator":"In","Values":["x"]},{"ScopeName":"NotTerminating","Operator":"Exists","Values":["x"]},{"ScopeName":"PriorityClass","Operator":"NotIn","Values":null}]}: unsupported scope applied to resource',
      "spec.scopeSelector.matchExpressions.values: Invalid value: [\"x\"]: must be no value when `operator` is 'Exist' or 'DoesNotExist' for scope selector",
      'spec.scopeSelector.matchExpressions: Invalid value: {"MatchExpressions":[{"ScopeName":"Terminating","Operator":"In","Values":["x"]},{"ScopeName":"NotTerminating","Operator":"Exists","Values":["x"]},{"ScopeName":"PriorityClass","Operator":"NotIn","Values":null}]}: unsupported scope applied to resource',
      "spec.scopeSelector.matchExpressions.values: Required value: must be at least one value when `operator` is 'In' or 'NotIn' for scope selector",
      'spec.scopeSelector.matchExpressions: Invalid value: null: conflicting scopes',
    ]);
  });
});
