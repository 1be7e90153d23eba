// Nodes and bound Pods a cluster snapshot holds more than once (two snapshots of one cluster passed together, say):
// the API server keeps one object per name, so the dry-run keeps the first and reports the others.
import { findingAt, type Finding } from '../model/finding.js';
import type { KubeObject } from '../model/object.js';
import type { RuleMeta } from '../model/rule-meta.js';

export const DUPLICATE_CLUSTER_OBJECT: RuleMeta = {
  id: 'duplicate-cluster-object',
  // the run goes on with one copy, as the cluster has one: a mistake in how the snapshot was passed, not in a manifest
  severity: 'warning',
  category: 'scheduling',
  description: 'the cluster holds a Node, or a Pod bound to a node, more than once (same name, and namespace for a Pod)',
  rationale:
    'A cluster has one object per name, so one snapshot of it never holds two; two snapshots taken at different times ' +
    '(or a snapshot and a manifest of the same Node) do. kube-scheduler counts a pod once and a node once: the ' +
    'scheduling dry-run keeps the first copy it reads and ignores the others, which may be the newer ones.',
  remediation: 'Pass one snapshot of the cluster (kubectl get nodes,pods -A -o yaml), or remove the older copies.',
  defaultOn: true,
};

/** The first object of each key, the later ones reported as duplicates of it. */
export class FirstObjects {
  readonly #first = new Map<string, KubeObject>();
  readonly #findings: Finding[];

  constructor(findings: Finding[]) {
    this.#findings = findings;
  }

  /** Whether `object` is the first of `key`; a later one is reported, but for one without a name (malformed already). */
  isFirst(key: string, object: KubeObject): boolean {
    const first = this.#first.get(key);
    if (first === undefined) {
      this.#first.set(key, object);
      return true;
    }
    if (object.ref.name !== '') this.#findings.push(duplicateFinding(object, first));
    return false;
  }
}

function duplicateFinding(object: KubeObject, first: KubeObject): Finding {
  const { kind, namespace, name } = object.ref;
  const at = first.rangeOf(['metadata', 'name']);
  return findingAt(object, ['metadata', 'name'], {
    ruleId: DUPLICATE_CLUSTER_OBJECT.id,
    severity: DUPLICATE_CLUSTER_OBJECT.severity,
    message: `${kind} ${kind === 'Pod' ? `${namespace}/${name}` : name} is already in the cluster (${at.file}:${at.line}:${at.column}): the scheduling dry-run ignores this copy`,
  });
}
