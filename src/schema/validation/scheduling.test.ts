import { describe, expect, it } from 'vitest';
import { errorMessage } from './field-error.js';
import { validatePriorityClass } from './scheduling.js';

const RESERVED = "metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: ";

// upstream: pkg/apis/scheduling/validation/validation_test.go TestValidatePriorityClass (v1.36)
describe('TestValidatePriorityClass', () => {
  it.each([
    ['a user class at the highest user-definable value', { metadata: { name: 'batch-high' }, value: 1000000000, preemptionPolicy: 'Never' }, []],
    ['a system class with its own value', { metadata: { name: 'system-node-critical' }, value: 2000001000 }, []],
    ['a user class above the highest user-definable value', { metadata: { name: 'urgent' }, value: 1000000001 }, ['value: Forbidden: maximum allowed value of a user defined priority is 1000000000']],
    ['an unknown system- name', { metadata: { name: 'system-high' }, value: 10 }, [`${RESERVED}system-high is not a known system priority class`]],
    ['a generated name is checked as generated', { metadata: { generateName: 'system-' }, value: 10 }, [`${RESERVED}system-bcdfg is not a known system priority class`]],
    ['a system class with another value', { metadata: { name: 'system-cluster-critical' }, value: 5 }, [`${RESERVED}value of system-cluster-critical PriorityClass must be 2000000000`]],
    ['a system class as global default', { metadata: { name: 'system-cluster-critical' }, value: 2000000000, globalDefault: true }, [`${RESERVED}globalDefault of system-cluster-critical PriorityClass must be false`]],
    ['ValidatePreemptionPolicy: an empty policy', { metadata: { name: 'p' }, value: 1, preemptionPolicy: '' }, ['preemptionPolicy: Required value']],
    ['ValidatePreemptionPolicy: an unknown policy', { metadata: { name: 'p' }, value: 1, preemptionPolicy: 'Always' }, ['preemptionPolicy: Unsupported value: "Always": supported values: "PreemptLowerPriority", "Never"']],
  ])('%s', (_name, priorityClass, expected) => {
    expect(validatePriorityClass(priorityClass).map(errorMessage)).toEqual(expected);
  });
});
