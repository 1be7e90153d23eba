// When a cross-object rule may trust the inputs to be complete: the guards that keep "references to nothing" precise.
import { directoryOf, sharesDirectoryTree } from '../model/apply-namespace.js';
import { isKnownAs, type KubeObject } from '../model/object.js';
import type { LintIndex } from './lint-index.js';

/** Custom resources (operators, Argo Rollouts, SealedSecrets, cert-manager) may create pods, Secrets or Services. */
export function hasCustomResources(index: LintIndex, namespace: string): boolean {
  return index.memo('custom-resource-namespaces', () => new Set(index.customResources().map((object) => object.ref.namespace))).has(namespace);
}

/** Whether the object's own directory holds workloads of its namespace: the manifests there carry their pods. */
export function directoryHasWorkloads(index: LintIndex, object: KubeObject): boolean {
  const directory = directoryOf(object.file);
  return index.memo(`directory-workloads:${object.ref.namespace}\0${directory}`, () =>
    index.workloadsIn(object.ref.namespace).some((workload) => directoryOf(workload.object.file) === directory),
  );
}

/**
 * Whether the object's directory tree (its directory, those above and below it) holds objects of `kind` in its
 * namespace: a sibling sample or another project's manifests of the same namespace say nothing about this one.
 */
export function treeHasKind(index: LintIndex, kind: string, object: KubeObject): boolean {
  return index.ofKind(kind, object.ref.namespace).some((other) => sharesDirectoryTree(other, object));
}

/** Whether the object's own directory holds objects of `kind` in its namespace. */
export function directoryHasKind(index: LintIndex, kind: string, object: KubeObject): boolean {
  const directory = directoryOf(object.file);
  return index.ofKind(kind, object.ref.namespace).some((other) => directoryOf(other.file) === directory);
}

/**
 * Whether the object's directory tree defines cluster-scoped objects of `kind` (PriorityClasses, RuntimeClasses) but
 * none named `name`: then the manifests carry that kind, and a reference to a missing one is a typo or an omission.
 */
export function treeLacksClusterObject(index: LintIndex, kind: string, name: string, object: KubeObject): boolean {
  const defined = treeClusterObjects(index, kind, object);
  return defined.length > 0 && !defined.some((other) => isKnownAs(other, name));
}

/** The cluster-scoped objects of `kind` that the object's directory tree defines, in input order. */
export function treeClusterObjects(index: LintIndex, kind: string, object: KubeObject): KubeObject[] {
  return index.ofKind(kind).filter((other) => sharesDirectoryTree(other, object));
}

/** The cluster-scoped object of `kind` named `name` that the object's directory tree defines (the closest), if any. */
export function treeClusterObject(index: LintIndex, kind: string, name: string, object: KubeObject): KubeObject | undefined {
  const defined = index.clusterNamed(kind, name, object);
  return defined && sharesDirectoryTree(defined, object) ? defined : undefined;
}
