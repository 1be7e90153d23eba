import { describe, expect, it } from 'vitest';
import { errorMessage } from './field-error.js';
import { validatePodDisruptionBudget } from './policy.js';

const selector = { matchLabels: { app: 'web' } };

// upstream: pkg/apis/policy/validation/validation_test.go (v1.36)
describe('ValidatePodDisruptionBudgetSpec', () => {
  it.each([
    ['TestValidatePodDisruptionBudgetSpec: a count', { minAvailable: 2, selector }, []],
    ['TestValidatePodDisruptionBudgetSpec: a percentage, up to 100%', { maxUnavailable: '100%', selector }, []],
    ['an empty selector selects every pod of the namespace', { minAvailable: 0, selector: {} }, []],
    ['TestValidatePodDisruptionBudgetSpec: a negative count', { minAvailable: -1 }, ['spec.minAvailable: Invalid value: -1: must be greater than or equal to 0']],
    ['TestValidateMinAvailablePodDisruptionBudgetSpec: more than 100%', { minAvailable: '110%' }, ['spec.minAvailable: Invalid value: "110%": must not be greater than 100%']],
    ['a string that is no percentage', { maxUnavailable: 'half' }, [
      "spec.maxUnavailable: Invalid value: \"half\": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
    ]],
    ['TestValidateMinAvailablePodAndMaxUnavailableDisruptionBudgetSpec: the spec prints as the internal struct', { minAvailable: 1, maxUnavailable: '10%', selector }, [
      'spec: Invalid value: {"MinAvailable":1,"Selector":{"matchLabels":{"app":"web"}},"MaxUnavailable":"10%","UnhealthyPodEvictionPolicy":null}: minAvailable and maxUnavailable cannot be both set',
    ]],
    ['a selector the API server rejects', { minAvailable: 1, selector: { matchExpressions: [{ key: 'app', operator: 'Equals', values: ['web'] }] } }, [
      'spec.selector.matchExpressions[0].operator: Invalid value: "Equals": not a valid selector operator',
    ]],
    ['TestValidateUnhealthyPodEvictionPolicyDisruptionBudgetSpec: AlwaysAllow', { minAvailable: 1, unhealthyPodEvictionPolicy: 'AlwaysAllow' }, []],
    ['TestValidateUnhealthyPodEvictionPolicyDisruptionBudgetSpec: an empty policy is no policy', { minAvailable: 1, unhealthyPodEvictionPolicy: '' }, [
      'spec.unhealthyPodEvictionPolicy: Unsupported value: "": supported values: "AlwaysAllow", "IfHealthyBudget"',
    ]],
  ])('%s', (_name, spec, expected) => {
    expect(validatePodDisruptionBudget({ spec }).map(errorMessage)).toEqual(expected);
  });
});
