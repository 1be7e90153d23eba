// The labels of each namespace as pod affinity's namespaceSelector reads them, and a note where kubefit assumed them.
import type { Path } from '../model/document.js';
import { findingAt, type Finding } from '../model/finding.js';
import type { Labels } from '../model/labels.js';
import { asArray, asRecord, asStringMap, type KubeObject } from '../model/object.js';
import { NAMESPACE_LABELS_UNKNOWN } from './scheduling-checks.js';

/** The label the API server sets on every Namespace, its name (the NamespaceDefaultLabelName gate, GA since 1.22). */
const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/**
 * Each Namespace's labels, with the name label the API server sets on every Namespace. A namespace that holds pods
 * (bound or incoming) exists in the cluster even when the inputs lack its object: it is known by that label alone.
 */
export function namespaceLabelsOf(namespaces: readonly KubeObject[], podNamespaces: Iterable<string>): Map<string, Labels> {
  const out = new Map<string, Labels>();
  for (const ns of namespaces) {
    out.set(ns.ref.name, { ...asStringMap(asRecord(ns.value['metadata'])?.['labels']), [NAMESPACE_NAME_LABEL]: ns.ref.name });
  }
  for (const name of podNamespaces) if (!out.has(name)) out.set(name, { [NAMESPACE_NAME_LABEL]: name });
  return out;
}

interface PodSpecAt {
  readonly object: KubeObject;
  readonly spec: Readonly<Record<string, unknown>>;
  readonly specPath: Path;
}

/**
 * A namespace-labels-unknown finding where a namespaceSelector that reads labels besides the name label meets a
 * namespace known by name only (namespaceLabelsOf): at each pending pod's first such term while some namespace holding
 * pods has no Namespace object (its terms select among them), and at each pending pod whose own namespace has none
 * while another pod has such a term (its terms are matched against that namespace: filtering.go, scoring.go).
 */
export function unknownNamespaceLabelsFindings(pending: readonly PodSpecAt[], namespaces: readonly KubeObject[], boundPods: readonly KubeObject[]): Finding[] {
  const known = new Set(namespaces.map((ns) => ns.ref.name));
  const unknown = [...new Set([...boundPods, ...pending.map((p) => p.object)].map((o) => o.ref.namespace))].filter((name) => !known.has(name)).sort();
  if (unknown.length === 0) return [];
  const holders = [...boundPods.map((object) => ({ object, spec: asRecord(object.value['spec']) ?? {} })), ...pending].filter((h) => labelReadingSelectorPath(h.spec) !== undefined);
  const findings: Finding[] = [];
  for (const pod of pending) {
    const path = labelReadingSelectorPath(pod.spec);
    if (path) findings.push(unknownFinding(pod.object, [...pod.specPath, ...path], `${noObjectFor(unknown)}: this namespaceSelector was matched against ${unknown.length === 1 ? 'its' : 'their'} ${NAMESPACE_NAME_LABEL} label only`));
    const { namespace } = pod.object.ref;
    if (known.has(namespace)) continue;
    const holder = holders.find((h) => h.object !== pod.object);
    if (!holder) continue;
    const { kind, namespace: holderNamespace, name } = holder.object.ref;
    const whose = `${kind} ${holderNamespace}/${name}`;
    findings.push(unknownFinding(pod.object, ['metadata', 'namespace'], `${noObjectFor([namespace])}: the namespaceSelector of ${whose}'s pod affinity terms was matched against its ${NAMESPACE_NAME_LABEL} label only`));
  }
  return findings;
}

function noObjectFor(names: readonly string[]): string {
  const quoted = names.map((name) => `"${name}"`).join(', ');
  return `no Namespace ${names.length === 1 ? 'object' : 'objects'} for ${quoted} in the inputs or --cluster`;
}

function unknownFinding(object: KubeObject, path: Path, message: string): Finding {
  return findingAt(object, path, { ruleId: NAMESPACE_LABELS_UNKNOWN.id, severity: NAMESPACE_LABELS_UNKNOWN.severity, message });
}

const TERM_LISTS = [
  ['podAffinity', 'requiredDuringSchedulingIgnoredDuringExecution'],
  ['podAffinity', 'preferredDuringSchedulingIgnoredDuringExecution'],
  ['podAntiAffinity', 'requiredDuringSchedulingIgnoredDuringExecution'],
  ['podAntiAffinity', 'preferredDuringSchedulingIgnoredDuringExecution'],
] as const;

/** The path (under the pod spec) of the first pod affinity term's namespaceSelector that reads a label besides the name. */
function labelReadingSelectorPath(spec: Readonly<Record<string, unknown>>): Path | undefined {
  const affinity = asRecord(spec['affinity']);
  if (!affinity) return undefined;
  for (const [kind, list] of TERM_LISTS) {
    const entries = asArray(asRecord(affinity[kind])?.[list]);
    for (const [i, entry] of entries.entries()) {
      const preferred = list.startsWith('preferred');
      const term = preferred ? asRecord(asRecord(entry)?.['podAffinityTerm']) : asRecord(entry);
      if (readsLabels(term?.['namespaceSelector'])) return ['affinity', kind, list, i, ...(preferred ? ['podAffinityTerm'] : []), 'namespaceSelector'];
    }
  }
  return undefined;
}

/** Whether a label selector reads a label besides the name label (an empty one selects every namespace). */
function readsLabels(selector: unknown): boolean {
  const record = asRecord(selector);
  if (!record) return false;
  const keys = [...Object.keys(asRecord(record['matchLabels']) ?? {}), ...asArray(record['matchExpressions']).map((r) => asRecord(r)?.['key'])];
  return keys.some((key) => key !== NAMESPACE_NAME_LABEL);
}
