// Workloads the inputs define more than once (same API group, kind, namespace and name): `kubectl apply -f` of all
// inputs leaves one object, the last one applied, so the dry-run places that copy only and reports the others.
import { sharesDirectoryTree } from '../model/apply-namespace.js';
import { findingAt, type Finding } from '../model/finding.js';
import { groupOf } from '../model/kinds.js';
import type { RuleMeta } from '../model/rule-meta.js';
import type { Workload } from '../model/workload.js';

export const DUPLICATE_WORKLOAD: RuleMeta = {
  id: 'duplicate-workload',
  severity: 'warning',
  category: 'scheduling',
  description: 'the inputs define a workload more than once (same kind, namespace and name), so only the last copy is placed',
  rationale:
    'The API server keeps one object per kind, namespace and name: `kubectl apply -f` of all the inputs creates the ' +
    'first copy and then replaces it with each later one, so the cluster runs the pods of the last copy only. The ' +
    'scheduling dry-run places the last copy alone (placing every copy would count its pods twice) and ignores the ' +
    'others, which may be the ones meant. Only copies whose files share a directory tree are taken to be applied ' +
    'together: copies in sibling folders (separate projects or test cases checked in one run) are placed each.',
  remediation: 'Keep one definition of the workload in the inputs, or give the copies different names or namespaces.',
  defaultOn: true,
};

/**
 * The workloads `kubectl apply -f` of the inputs leaves, and a warning at every copy a later one replaces: a later copy
 * of the same identity whose file shares a directory tree with it (one folder's `kubectl apply -f -R`). Copies in
 * sibling folders are not taken for one object even when both declare the namespace: a repository's separate projects
 * and test cases, checked in one run, are applied apart. A pending Pod of the cluster snapshot that
 * an input Pod of the same namespace and name checks is that pod as the snapshot caught it: the input's copy is placed.
 */
export function lastCopies(workloads: readonly Workload[]): { readonly workloads: readonly Workload[]; readonly findings: readonly Finding[] } {
  const copies = new Map<string, Workload[]>();
  for (const workload of workloads) {
    if (workload.object.fromCluster) continue;
    const key = identityOf(workload);
    const found = copies.get(key);
    if (found) found.push(workload);
    else copies.set(key, [workload]);
  }
  const replaced = new Map<Workload, Workload>();
  for (const group of copies.values()) {
    group.forEach((copy, i) => {
      const last = group.findLast((later, j) => j > i && sharesDirectoryTree(later.object, copy.object));
      if (last) replaced.set(copy, last);
    });
  }
  const checked = (workload: Workload) => workload.object.fromCluster && copies.has(identityOf(workload));
  if (replaced.size === 0 && !workloads.some(checked)) return { workloads, findings: [] };
  return {
    workloads: workloads.filter((workload) => !replaced.has(workload) && !checked(workload)),
    findings: [...replaced].map(([copy, last]) => duplicateFinding(copy, last)),
  };
}

function identityOf({ object: { ref } }: Workload): string {
  return `${groupOf(ref.apiVersion)}\0${ref.kind}\0${ref.namespace}\0${ref.name}`;
}

function duplicateFinding(ignored: Workload, kept: Workload): Finding {
  const { kind, namespace, name } = ignored.object.ref;
  const at = kept.object.rangeOf(['metadata', 'name']);
  return findingAt(ignored.object, ['metadata', 'name'], {
    ruleId: DUPLICATE_WORKLOAD.id,
    severity: DUPLICATE_WORKLOAD.severity,
    message: `${kind} ${namespace}/${name} is defined again at ${at.file}:${at.line}:${at.column}, the copy kubectl apply leaves: the scheduling dry-run places that one, not this one`,
  });
}
