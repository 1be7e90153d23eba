// pkg/apis/coordination/validation: a Lease's spec on create (durations and transitions). The coordinated leader
// election fields (strategy, preferredHolder) are gated and not checked here.
import { invalid, type ErrorList } from './field-error.js';
import { intField, recordField, type Fields } from './values.js';

// upstream: validation.go ValidateLeaseSpec (v1.36)
export function validateLease(object: Fields): ErrorList {
  const spec = recordField(object, 'spec');
  const errors: ErrorList = [];
  const duration = intField(spec, 'leaseDurationSeconds');
  if (duration !== undefined && duration <= 0) errors.push(invalid(['spec', 'leaseDurationSeconds'], duration, 'must be greater than 0'));
  const transitions = intField(spec, 'leaseTransitions');
  if (transitions !== undefined && transitions < 0) errors.push(invalid(['spec', 'leaseTransitions'], transitions, 'must be greater than or equal to 0'));
  return errors;
}
