// Why a node selector in the scheduler configuration (NodeAffinity's addedAffinity) cannot be parsed, in the errors
// kube-scheduler's validation returns for it. A pod's own required node affinity with the same problem is not an error
// to the scheduler: the term never matches (model/labels.ts parses both the same way, see its test); its preferred
// terms are parsed by NodeAffinity's PreScore, which fails with these errors (preferredTermsError).
// upstream: component-helpers/scheduling/corev1/nodeaffinity NewNodeSelector, NewPreferredSchedulingTerms,
// newNodeSelectorTerm, nodeSelectorRequirementsAsSelector, nodeSelectorRequirementsAsFieldSelector; apimachinery
// labels.NewRequirement, validateLabelKey, validateLabelValue (v1.35)
import { parseInt64 } from '../../model/labels.js';
import { asArray, asRecord } from '../../model/object.js';
import { labelValueErrors, qualifiedNameErrors } from '../../model/name-validation.js';
import { aggregate, FieldErrors, goStringSlice, type GoValue } from './field-errors.js';

const SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'];
const FIELD_SELECTOR_OPERATORS = ['In', 'NotIn'];

/** NewNodeSelector's errors for `value` (a NodeSelector) at `path`; empty terms are skipped, as upstream skips them. */
export function nodeSelectorErrors(value: unknown, path: string, errors: FieldErrors): void {
  asArray(asRecord(value)?.['nodeSelectorTerms']).forEach((term, i) => termErrors(asRecord(term) ?? {}, `${path}.nodeSelectorTerms[${i}]`, errors));
}

/** NewPreferredSchedulingTerms' errors: a term's requirements sit right under its index (no `preference` step). */
export function preferredTermsErrors(value: unknown, path: string, errors: FieldErrors): void {
  asArray(value).forEach((entry, i) => {
    const term = asRecord(entry);
    if (term?.['weight'] === 0 || term?.['weight'] === undefined) return;
    termErrors(asRecord(term['preference']) ?? {}, `${path}[${i}]`, errors);
  });
}

/**
 * A pod's preferred node affinity terms as NodeAffinity's PreScore parses them (getPodPreferredNodeAffinity, with
 * NewPreferredSchedulingTerms' paths from the list's root): the aggregated error, or undefined when they parse.
 */
export function preferredTermsError(value: unknown): string | undefined {
  // every PodInfo asks (the snapshot's bound pods too): most have no preferred terms
  if (asArray(value).length === 0) return undefined;
  const errors = new FieldErrors();
  preferredTermsErrors(value, '', errors);
  return errors.list.length > 0 ? aggregate(errors.list) : undefined;
}

function termErrors(term: Readonly<Record<string, unknown>>, path: string, errors: FieldErrors): void {
  asArray(term['matchExpressions']).forEach((entry, i) => requirementErrors(asRecord(entry) ?? {}, `${path}.matchExpressions[${i}]`, errors));
  asArray(term['matchFields']).forEach((entry, i) => {
    const requirement = asRecord(entry) ?? {};
    const at = `${path}.matchFields[${i}]`;
    if (!FIELD_SELECTOR_OPERATORS.includes(requirement['operator'] as string)) errors.notSupported(`${at}.operator`, requirement['operator'] ?? '', FIELD_SELECTOR_OPERATORS);
    else if (asArray(requirement['values']).length !== 1) errors.invalid(`${at}.values`, goStrings(requirement['values']), 'must have one element');
  });
}

/** nodeSelectorRequirementsAsSelector: an unknown operator alone, else labels.NewRequirement's errors in its order. */
function requirementErrors(requirement: Readonly<Record<string, unknown>>, path: string, errors: FieldErrors): void {
  const operator = requirement['operator'];
  if (typeof operator !== 'string' || !SELECTOR_OPERATORS.includes(operator)) {
    errors.notSupported(`${path}.operator`, operator ?? '', SELECTOR_OPERATORS);
    return;
  }
  const key = typeof requirement['key'] === 'string' ? requirement['key'] : '';
  const keyErrors = qualifiedNameErrors(key);
  if (keyErrors.length > 0) errors.invalid(`${path}.key`, key, keyErrors.join('; '));
  const values = asArray(requirement['values']).map((v) => (typeof v === 'string' ? v : String(v)));
  const listed = goStrings(requirement['values']);
  if ((operator === 'In' || operator === 'NotIn') && values.length === 0) errors.invalid(`${path}.values`, listed, "for 'in', 'notin' operators, values set can't be empty");
  if ((operator === 'Exists' || operator === 'DoesNotExist') && values.length > 0) errors.invalid(`${path}.values`, listed, 'values set must be empty for exists and does not exist');
  if (operator === 'Gt' || operator === 'Lt') {
    if (values.length !== 1) errors.invalid(`${path}.values`, listed, "for 'Gt', 'Lt' operators, exactly one value is required");
    values.forEach((v, i) => {
      if (parseInt64(v) === undefined) errors.invalid(`${path}.values[${i}]`, v, "for 'Gt', 'Lt' operators, the value must be an integer");
    });
  }
  values.forEach((v, i) => {
    const valueErrors = labelValueErrors(v);
    if (valueErrors.length > 0) errors.invalid(`${path}.values[${i}][${key}]`, v, valueErrors.join('; '));
  });
}

/** A []string field as Go holds it: nil when absent, so that it prints as upstream prints it. */
function goStrings(value: unknown): GoValue {
  return goStringSlice(value === undefined || value === null ? null : asArray(value).map(String));
}
