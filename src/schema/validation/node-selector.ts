// Node selectors of required node affinity (pods) and of PersistentVolumes' node affinity.
import { appendAll } from '../../model/append.js';
import { invalid, required, type ErrorList, type FieldPath } from './field-error.js';
import { validateSelectorRequirement } from './label-selector.js';
import { arrayField, asRecord, stringField, type Fields } from './values.js';

// upstream: validation.go ValidateNodeSelector (required node affinity of pods and PersistentVolumes)
export function validateNodeSelector(selector: Fields, field: FieldPath): ErrorList {
  const terms = arrayField(selector, 'nodeSelectorTerms');
  if (terms.length === 0) return [required(field.concat('nodeSelectorTerms'), 'must have at least one node selector term')];
  return terms.flatMap((term, index) => validateNodeSelectorTerm(asRecord(term), field.concat('nodeSelectorTerms', index), true));
}

// upstream: validation.go ValidateNodeSelectorTerm, ValidateNodeFieldSelectorRequirement
export function validateNodeSelectorTerm(term: Fields | undefined, field: FieldPath, checkValues: boolean): ErrorList {
  const errors: ErrorList = [];
  arrayField(term, 'matchExpressions').forEach((entry, index) => {
    appendAll(errors, validateSelectorRequirement(asRecord(entry) ?? {}, field.concat('matchExpressions', index), { node: true, checkValues }));
  });
  arrayField(term, 'matchFields').forEach((entry, index) => {
    const requirement = asRecord(entry) ?? {};
    const at = field.concat('matchFields', index);
    const operator = stringField(requirement, 'operator') ?? '';
    if (operator !== 'In' && operator !== 'NotIn') errors.push(invalid(at.concat('operator'), operator, 'not a valid selector operator'));
    else if (arrayField(requirement, 'values').length !== 1) errors.push(required(at.concat('values'), "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"));
    const fieldKey = stringField(requirement, 'key') ?? '';
    if (fieldKey !== 'metadata.name') errors.push(invalid(at.concat('key'), fieldKey, 'not a valid field selector key'));
  });
  return errors;
}
