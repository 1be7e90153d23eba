// meta/v1 label selectors as the API server validates them (apimachinery pkg/apis/meta/v1/validation).
import { forbidden, GoStruct, invalid, required, type ErrorList, type FieldPath } from './field-error.js';
import { labelValueErrors, qualifiedNameErrors } from './names.js';
import { validateLabels } from './object-meta.js';
import { arrayField, asRecord, stringField, type Fields } from './values.js';

// upstream: meta/v1/validation ValidateLabelSelector, ValidateLabelSelectorRequirement
export function validateLabelSelector(selector: Fields, field: FieldPath): ErrorList {
  const errors = validateLabels(selector['matchLabels'], [...field, 'matchLabels']);
  arrayField(selector, 'matchExpressions').forEach((entry, index) => {
    const requirement = asRecord(entry) ?? {};
    const at = [...field, 'matchExpressions', index];
    const values = arrayField(requirement, 'values');
    const operator = stringField(requirement, 'operator') ?? '';
    if ((operator === 'In' || operator === 'NotIn') && values.length === 0) errors.push(required([...at, 'values'], "must be specified when `operator` is 'In' or 'NotIn'"));
    else if ((operator === 'Exists' || operator === 'DoesNotExist') && values.length > 0) errors.push(forbidden([...at, 'values'], "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
    else if (!['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(operator)) errors.push(invalid([...at, 'operator'], operator, 'not a valid selector operator'));
    const requirementKey = stringField(requirement, 'key') ?? '';
    errors.push(...qualifiedNameErrors(requirementKey).map((message) => invalid([...at, 'key'], requirementKey, message)));
    values.forEach((value, valueIndex) => {
      if (typeof value === 'string') errors.push(...labelValueErrors(value).map((message) => invalid([...at, 'values', valueIndex], value, message)));
    });
  });
  return errors;
}


/** A LabelSelector as json.Marshal prints it: matchLabels before matchExpressions, empty fields omitted. */
export function labelSelectorValue(selector: Fields): GoStruct {
  const fields: [string, unknown][] = [];
  const matchLabels = asRecord(selector['matchLabels']);
  if (matchLabels && Object.keys(matchLabels).length > 0) fields.push(['matchLabels', matchLabels]);
  const expressions = arrayField(selector, 'matchExpressions').map((entry) => {
    const requirement = asRecord(entry) ?? {};
    const values = arrayField(requirement, 'values');
    return new GoStruct([['key', requirement['key'] ?? ''], ['operator', requirement['operator'] ?? ''], ...(values.length > 0 ? [['values', values] as [string, unknown]] : [])]);
  });
  if (expressions.length > 0) fields.push(['matchExpressions', expressions]);
  return new GoStruct(fields);
}
