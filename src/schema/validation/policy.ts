// pkg/apis/policy/validation: the PodDisruptionBudget spec on create.
import { appendAll } from '../../model/append.js';
import { isNotMoreThan100Percent, validatePositiveIntOrPercent } from './apps.js';
import { GoStruct, invalid, notSupported, type ErrorList } from './field-error.js';
import { labelSelectorValue, validateLabelSelector } from './label-selector.js';
import { asRecord, recordField, type Fields } from './values.js';

const UNHEALTHY_POD_EVICTION_POLICIES = ['AlwaysAllow', 'IfHealthyBudget'];

// upstream: validation.go ValidatePodDisruptionBudgetSpec (v1.36)
export function validatePodDisruptionBudget(object: Fields): ErrorList {
  const spec = recordField(object, 'spec') ?? {};
  const errors: ErrorList = [];
  const [minAvailable, maxUnavailable] = [spec['minAvailable'], spec['maxUnavailable']];
  if (isSet(minAvailable) && isSet(maxUnavailable)) errors.push(invalid(['spec'], specValue(spec), 'minAvailable and maxUnavailable cannot be both set'));
  for (const [name, value] of [['minAvailable', minAvailable], ['maxUnavailable', maxUnavailable]] as const) {
    if (!isSet(value)) continue;
    appendAll(errors, validatePositiveIntOrPercent(value, ['spec', name]));
    appendAll(errors, isNotMoreThan100Percent(value, ['spec', name]));
  }
  const selector = recordField(spec, 'selector');
  if (selector) appendAll(errors, validateLabelSelector(selector, ['spec', 'selector']));
  const policy = spec['unhealthyPodEvictionPolicy'];
  if (typeof policy === 'string' && !UNHEALTHY_POD_EVICTION_POLICIES.includes(policy)) {
    errors.push(notSupported(['spec', 'unhealthyPodEvictionPolicy'], policy, UNHEALTHY_POD_EVICTION_POLICIES));
  }
  return errors;
}

/** A *intstr.IntOrString the manifest sets: null decodes to nil. */
const isSet = (value: unknown): boolean => typeof value === 'number' || typeof value === 'string';

/** The internal policy.PodDisruptionBudgetSpec as json.Marshal prints it: fields in declaration order, nil pointers null. */
// upstream: pkg/apis/policy/types.go PodDisruptionBudgetSpec
function specValue(spec: Fields): GoStruct {
  const selector = asRecord(spec['selector']);
  const policy = spec['unhealthyPodEvictionPolicy'];
  return new GoStruct([
    ['MinAvailable', spec['minAvailable']],
    ['Selector', selector ? labelSelectorValue(selector) : null],
    ['MaxUnavailable', spec['maxUnavailable']],
    ['UnhealthyPodEvictionPolicy', typeof policy === 'string' ? policy : null],
  ]);
}
