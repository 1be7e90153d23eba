// pkg/apis/core/validation for matchLabelKeys and mismatchLabelKeys of pod affinity terms and topology spread constraints.
import { forbidden, invalid, pointing, toPath, type ErrorList, type FieldPath } from './field-error.js';
import { qualifiedNameErrors } from '../../model/name-validation.js';
import { arrayField, asRecord, recordField, stringField, type Fields } from './values.js';
import { appendAll } from '../../model/append.js';

/** How the release validates the label keys of a term or constraint. */
export interface LabelKeysOptions {
  /**
   * A Pod's labels (not a template's): PrepareForCreate has added `key In (value)` to the selector for each matchLabelKey
   * the pod has a label of (`NotIn` for a mismatchLabelKey).
   */
  readonly podLabels: Readonly<Record<string, string>> | undefined;
}

const IN_BOTH_SELECTOR = 'exists in both matchLabelKeys and labelSelector';

const stringsOf = (record: Fields | undefined, name: string): string[] => arrayField(record, name).filter((entry): entry is string => typeof entry === 'string');

/**
 * Upstream reports a key in both matchLabelKeys and the selector at the term's own path indexed by the key's index
 * (`...requiredDuringSchedulingIgnoredDuringExecution[0][1]`), not under matchLabelKeys; the finding points at the key.
 */
// upstream: validation.go ValidateMatchLabelKeysAndMismatchLabelKeys (v1.36); registry/core/pod/strategy.go
// applyMatchLabelKeysAndMismatchLabelKeys, applyMatchLabelKeys (the selector it sees on a Pod)
export function validateMatchLabelKeysAndMismatchLabelKeys(term: Fields, field: FieldPath, options: LabelKeysOptions): ErrorList {
  const matchLabelKeys = stringsOf(term, 'matchLabelKeys');
  const mismatchLabelKeys = stringsOf(term, 'mismatchLabelKeys');
  const selector = recordField(term, 'labelSelector');
  const errors = validateLabelKeys(matchLabelKeys, selector, field.concat('matchLabelKeys'));
  appendAll(errors, validateLabelKeys(mismatchLabelKeys, selector, field.concat('mismatchLabelKeys')));
  if (selector) {
    const indexOf = new Map(matchLabelKeys.map((key, index) => [key, index]));
    const seen = new Set(Object.keys(asRecord(selector['matchLabels']) ?? {}));
    const merged = [...matchLabelKeys, ...mismatchLabelKeys].filter((key) => options.podLabels?.[key] !== undefined);
    for (const key of [...expressionKeys(selector), ...merged]) {
      const index = indexOf.get(key);
      if (index !== undefined && seen.has(key)) errors.push(pointing(invalid(field.concat(index), key, IN_BOTH_SELECTOR), toPath(field.concat('matchLabelKeys', index))));
      seen.add(key);
    }
  }
  const mismatched = new Set(mismatchLabelKeys);
  matchLabelKeys.forEach((key, index) => {
    if (mismatched.has(key)) errors.push(invalid(field.concat('matchLabelKeys', index), key, 'exists in both matchLabelKeys and mismatchLabelKeys'));
  });
  return errors;
}

// upstream: validation.go validateLabelKeys
function validateLabelKeys(keys: readonly string[], selector: Fields | undefined, field: FieldPath): ErrorList {
  if (keys.length === 0) return [];
  if (!selector) return [forbidden(field, 'must not be specified when labelSelector is not set')];
  return keys.flatMap((key, index) => qualifiedNameErrors(key).map((message) => invalid(field.concat(index), key, message)));
}

// upstream: validation.go ValidateMatchLabelKeysInTopologySpread (before MatchLabelKeysInPodTopologySpreadSelectorMerge, 1.34)
export function validateMatchLabelKeysInTopologySpread(constraint: Fields, field: FieldPath): ErrorList {
  const keys = stringsOf(constraint, 'matchLabelKeys');
  if (keys.length === 0) return [];
  const selector = recordField(constraint, 'labelSelector');
  const errors: ErrorList = selector ? [] : [forbidden(field, 'must not be specified when labelSelector is not set')];
  const selectorKeys = new Set(selector ? [...Object.keys(asRecord(selector['matchLabels']) ?? {}), ...expressionKeys(selector)] : []);
  keys.forEach((key, index) => {
    appendAll(errors, qualifiedNameErrors(key).map((message) => invalid(field.concat(index), key, message)));
    if (selectorKeys.has(key)) errors.push(invalid(field.concat(index), key, IN_BOTH_SELECTOR));
  });
  return errors;
}

function expressionKeys(selector: Fields): string[] {
  return arrayField(selector, 'matchExpressions').map((entry) => stringField(asRecord(entry), 'key') ?? '');
}
