// pkg/apis/scheduling/validation: the PriorityClass on create (value range, reserved system- names, preemptionPolicy).
import { SYSTEM_PRIORITY_CLASSES } from '../../model/priority-classes.js';
import { forbidden, type ErrorList } from './field-error.js';
import { validatePreemptionPolicy } from './core-pod.js';
import { appendAll } from '../../model/append.js';
import { nameOnCreate } from './object-meta.js';
import { intField, recordField, stringField, type Fields } from './values.js';

// upstream: pkg/apis/scheduling/types.go HighestUserDefinablePriority, SystemPriorityClassPrefix (v1.36); the system
// classes themselves (scheduling/v1/helpers.go systemPriorityClasses) are the model's, shared with the scheduler
const HIGHEST_USER_DEFINABLE_PRIORITY = 1_000_000_000;
const SYSTEM_PREFIX = 'system-';

// upstream: validation.go ValidatePriorityClass; core validation.go ValidatePreemptionPolicy (a nil policy is defaulted)
export function validatePriorityClass(object: Fields): ErrorList {
  const errors: ErrorList = [];
  const name = nameOnCreate(recordField(object, 'metadata'));
  const value = intField(object, 'value') ?? 0;
  if (name.startsWith(SYSTEM_PREFIX)) {
    const problem = systemPriorityClassProblem(name, value, object['globalDefault'] === true);
    if (problem) errors.push(forbidden(['metadata', 'name'], `priority class names with '${SYSTEM_PREFIX}' prefix are reserved for system use only. error: ${problem}`));
  } else if (value > HIGHEST_USER_DEFINABLE_PRIORITY) {
    errors.push(forbidden(['value'], `maximum allowed value of a user defined priority is ${HIGHEST_USER_DEFINABLE_PRIORITY}`));
  }
  return appendAll(errors, validatePreemptionPolicy(stringField(object, 'preemptionPolicy'), ['preemptionPolicy']));
}

// upstream: scheduling/v1/helpers.go IsKnownSystemPriorityClass: the system classes are never a global default
function systemPriorityClassProblem(name: string, value: number, globalDefault: boolean): string | undefined {
  const known = SYSTEM_PRIORITY_CLASSES.get(name);
  if (known === undefined) return `${name} is not a known system priority class`;
  if (known !== value) return `value of ${name} PriorityClass must be ${known}`;
  return globalDefault ? `globalDefault of ${name} PriorityClass must be false` : undefined;
}
