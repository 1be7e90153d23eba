// meta/v1 label selectors as the API server validates them (apimachinery pkg/apis/meta/v1/validation).
import { forbidden, GoSlice, GoStringMap, GoStruct, goQuote, invalid, required, type ErrorList, type FieldPath } from './field-error.js';
import { labelValueErrors, qualifiedNameErrors } from '../../model/name-validation.js';
import { validateLabels } from './object-meta.js';
import { arrayField, asRecord, stringEntries, stringField, type Fields } from './values.js';
import { appendAll } from '../../model/append.js';

// upstream: meta/v1/validation ValidateLabelSelector
export function validateLabelSelector(selector: Fields, field: FieldPath): ErrorList {
  const errors = validateLabels(selector['matchLabels'], field.concat('matchLabels'));
  arrayField(selector, 'matchExpressions').forEach((entry, index) => {
    appendAll(errors, validateSelectorRequirement(asRecord(entry) ?? {}, field.concat('matchExpressions', index), { node: false, checkValues: true }));
  });
  return errors;
}

/** Label selectors know In, NotIn, Exists, DoesNotExist; node selectors add Gt and Lt. */
export interface RequirementRules {
  readonly node: boolean;
  /** Preferred node affinity terms tolerate invalid label values (they can still match a single node). */
  readonly checkValues: boolean;
}

// upstream: meta/v1/validation ValidateLabelSelectorRequirement; core validation.go ValidateNodeSelectorRequirement
export function validateSelectorRequirement(requirement: Fields, field: FieldPath, rules: RequirementRules): ErrorList {
  const errors: ErrorList = [];
  const values = arrayField(requirement, 'values');
  const operator = stringField(requirement, 'operator') ?? '';
  const operators = rules.node ? ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'] : ['In', 'NotIn', 'Exists', 'DoesNotExist'];
  if ((operator === 'In' || operator === 'NotIn') && values.length === 0) errors.push(required(field.concat('values'), "must be specified when `operator` is 'In' or 'NotIn'"));
  else if ((operator === 'Exists' || operator === 'DoesNotExist') && values.length > 0) errors.push(forbidden(field.concat('values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
  else if (rules.node && (operator === 'Gt' || operator === 'Lt') && values.length !== 1) errors.push(required(field.concat('values'), "must be specified single value when `operator` is 'Lt' or 'Gt'"));
  else if (!operators.includes(operator)) errors.push(invalid(field.concat('operator'), operator, 'not a valid selector operator'));
  const requirementKey = stringField(requirement, 'key') ?? '';
  appendAll(errors, qualifiedNameErrors(requirementKey).map((message) => invalid(field.concat('key'), requirementKey, message)));
  if (!rules.checkValues) return errors;
  values.forEach((value, index) => {
    if (typeof value === 'string') appendAll(errors, labelValueErrors(value).map((message) => invalid(field.concat('values', index), value, message)));
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
  return new GoStruct(fields, labelSelectorGoSyntax(selector));
}

/**
 * A *metav1.LabelSelector as apimachinery 0.33 and older print it: its String method has a pointer receiver, so the
 * dereferenced value falls to %#v, as in 'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":
 * "web"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable' (nil when a field is unset).
 */
function labelSelectorGoSyntax(selector: Fields): string {
  const matchLabels = asRecord(selector['matchLabels']);
  const labels = new GoStringMap(matchLabels ? Object.fromEntries(stringEntries(matchLabels)) : null).goSyntax();
  const requirements = Array.isArray(selector['matchExpressions']) ? arrayField(selector, 'matchExpressions').map(requirementGoSyntax) : null;
  const expressions = requirements === null ? '[]v1.LabelSelectorRequirement(nil)' : `[]v1.LabelSelectorRequirement{${requirements.join(', ')}}`;
  return `v1.LabelSelector{MatchLabels:${labels}, MatchExpressions:${expressions}}`;
}

function requirementGoSyntax(entry: unknown): string {
  const requirement = asRecord(entry) ?? {};
  const values = Array.isArray(requirement['values']) ? arrayField(requirement, 'values').filter((value): value is string => typeof value === 'string') : null;
  return `v1.LabelSelectorRequirement{Key:${goQuote(stringField(requirement, 'key') ?? '')}, Operator:${goQuote(stringField(requirement, 'operator') ?? '')}, Values:${new GoSlice('[]string', values).goSyntax()}}`;
}
