// Label selectors as the API server evaluates them: equality maps (Service) and LabelSelector (matchLabels + matchExpressions).
import { asArray, asRecord, asStringMap } from '../model/object.js';

/** Labels controllers add to the pods they create, which a pod template never carries. */
const CONTROLLER_LABELS = ['statefulset.kubernetes.io/pod-name', 'apps.kubernetes.io/pod-index', 'controller-revision-hash', 'pod-template-hash', 'batch.kubernetes.io/job-completion-index'];

/**
 * An equality selector against a pod template's labels: keys that controllers add to each pod (a Service per
 * StatefulSet pod selects statefulset.kubernetes.io/pod-name) are left out, since the template cannot carry them.
 */
export function selectsPodTemplate(selector: Readonly<Record<string, string>>, templateLabels: Readonly<Record<string, string>>): boolean {
  const entries = templateSelectorEntries(selector);
  return entries.length > 0 && entries.every(([key, value]) => templateLabels[key] === value);
}

/** The entries of an equality selector that a pod template can satisfy (controller-added keys left out). */
export function templateSelectorEntries(selector: Readonly<Record<string, string>>): [string, string][] {
  return Object.entries(selector).filter(([key]) => !CONTROLLER_LABELS.includes(key));
}

/**
 * A metav1.LabelSelector against labels; an empty selector matches everything (upstream: LabelSelectorAsSelector),
 * a malformed one nothing.
 */
// upstream: apimachinery/pkg/apis/meta/v1/helpers.go LabelSelectorAsSelector
export function matchesLabelSelector(selector: unknown, labels: Readonly<Record<string, string>>): boolean {
  const record = asRecord(selector);
  if (!record) return false;
  for (const [key, value] of Object.entries(asStringMap(record['matchLabels']))) if (labels[key] !== value) return false;
  return asArray(record['matchExpressions']).every((expression) => matchesExpression(expression, labels));
}

function matchesExpression(expression: unknown, labels: Readonly<Record<string, string>>): boolean {
  const record = asRecord(expression);
  const key = record?.['key'];
  if (typeof key !== 'string') return false;
  const values = asArray(record?.['values']).filter((value): value is string => typeof value === 'string');
  const has = Object.hasOwn(labels, key);
  switch (record?.['operator']) {
    case 'In': return has && values.includes(labels[key] ?? '');
    case 'NotIn': return !has || !values.includes(labels[key] ?? '');
    case 'Exists': return has;
    case 'DoesNotExist': return !has;
    default: return false;
  }
}
