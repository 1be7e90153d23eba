// pkg/apis/apps/validation: a ControllerRevision on create (its data and revision number).
import { appendAll } from '../../model/append.js';
import { validateNonnegativeField } from './core-container.js';
import type { ValidationContext } from './core-pod.js';
import { required, type ErrorList } from './field-error.js';
import { asRecord, intField, type Fields } from './values.js';

// upstream: validation.go ValidateControllerRevisionCreate, validateControllerRevision (v1.36): data absent or null
// leaves the RawExtension's Raw nil; from 1.31 (kubernetes#125549) data must also hold a JSON object, where before only
// a missing one was refused. The YAML a manifest holds always converts to valid JSON, so "error parsing data" cannot occur.
export function validateControllerRevision(object: Fields, context: ValidationContext): ErrorList {
  const errors = validateNonnegativeField(intField(object, 'revision'), ['revision']);
  const data = object['data'];
  if (data === undefined || data === null) return appendAll(errors, [required(['data'], 'data is mandatory')]);
  if (context.controllerRevisionJSONObject && !asRecord(data)) errors.push(required(['data'], 'data must be a valid JSON object'));
  return errors;
}
