// Label selectors as the API server evaluates them: equality maps (Service) and LabelSelector (matchLabels + matchExpressions).
import { asArray, asRecord, asStringMap } from '../model/object.js';
import type { Workload } from '../model/workload.js';
import { CONTROLLER_LABEL_KEYS, controllerPodLabels, type LabelValues } from './controller-pod-labels.js';

/**
 * An equality selector (a Service's) against the pods of a workload: the labels of its template, and those the API
 * server and its controllers add (a Service per StatefulSet pod selects statefulset.kubernetes.io/pod-name).
 */
export function selectsPods(selector: Readonly<Record<string, string>>, workload: Workload): boolean {
  return Object.keys(selector).length > 0 && matchesLabels({ matchLabels: selector }, podLabelsOf(workload));
}

/** The entries of an equality selector to look pod templates up by: the keys controllers add left out. */
export function templateSelectorEntries(selector: Readonly<Record<string, string>>): [string, string][] {
  return Object.entries(selector).filter(([key]) => !CONTROLLER_LABEL_KEYS.has(key));
}

/**
 * A metav1.LabelSelector against labels; an empty selector matches everything (upstream: LabelSelectorAsSelector),
 * a malformed one nothing.
 */
// upstream: apimachinery/pkg/apis/meta/v1/helpers.go LabelSelectorAsSelector
export function matchesLabelSelector(selector: unknown, labels: Readonly<Record<string, string>>): boolean {
  return matchesLabels(selector, (key) => (Object.hasOwn(labels, key) ? { may: (value) => value === labels[key], single: true } : undefined));
}

/** matchesLabelSelector against the pods of a workload (see selectsPods): whether some of them may match. */
export function selectsSomePods(selector: unknown, workload: Workload): boolean {
  return matchesLabels(selector, podLabelsOf(workload));
}

/** The values a label may have on the pods matched (`single`: one value, the same on every pod); undefined when absent. */
type LabelsView = (key: string) => { readonly may: LabelValues; readonly single: boolean } | undefined;

function podLabelsOf(workload: Workload): LabelsView {
  const added = controllerPodLabels(workload);
  const labels = workload.podLabels;
  return (key) => {
    const may = added.get(key);
    if (may) return { may, single: false };
    return Object.hasOwn(labels, key) ? { may: (value) => value === labels[key], single: true } : undefined;
  };
}

function matchesLabels(selector: unknown, labels: LabelsView): boolean {
  const record = asRecord(selector);
  if (!record) return false;
  for (const [key, value] of Object.entries(asStringMap(record['matchLabels']))) if (!labels(key)?.may(value)) return false;
  return asArray(record['matchExpressions']).every((expression) => matchesExpression(expression, labels));
}

function matchesExpression(expression: unknown, labels: LabelsView): boolean {
  const record = asRecord(expression);
  const key = record?.['key'];
  if (typeof key !== 'string') return false;
  const values = asArray(record?.['values']).filter((value): value is string => typeof value === 'string');
  const label = labels(key);
  switch (record?.['operator']) {
    case 'In': return label !== undefined && values.some(label.may);
    // a label of many values (a pod name, a hash): some pod's is not in the list
    case 'NotIn': return label === undefined || !label.single || !values.some(label.may);
    case 'Exists': return label !== undefined;
    case 'DoesNotExist': return label === undefined;
    default: return false;
  }
}
