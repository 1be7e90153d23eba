// The main inputs indexed once per run for cross-object rules: objects by kind and namespace, workloads by object.
import { directoryOf, hasDeclaredNamespace, sharesDirectoryTree, sharesNamespace } from '../model/apply-namespace.js';
import { isConfigurationFile } from '../model/component-configuration.js';
import { groupOf } from '../model/kinds.js';
import { asRecord, asStringMap, type KubeObject } from '../model/object.js';
import type { Workload } from '../model/workload.js';
import { selectsPods, templateSelectorEntries } from './label-selector.js';

export interface LintIndex {
  readonly objects: readonly KubeObject[];
  readonly workloads: readonly Workload[];
  /** Objects of `kind` (any apiVersion), in one namespace or all. */
  ofKind(kind: string, namespace?: string): readonly KubeObject[];
  /**
   * Objects of `kind` in the namespace of `object` that would land in the same namespace when applied: objects that
   * declare metadata.namespace combine across all inputs; one without it (applied to whatever namespace kubectl
   * targets) combines only with objects in its own directory, an enclosing one or one below it, so unrelated projects
   * linted in one run do not leak into each other.
   */
  nearby(kind: string, object: KubeObject): readonly KubeObject[];
  /**
   * The object of `kind` named `name` in the namespace of `near` that is applied with it when the inputs define several
   * (unrelated examples or test cases reusing one name): one of its own file, else of its directory tree, else the first.
   * An object is found by its written name and by those kustomize builds give it (KubeObject.aliases).
   */
  named(kind: string, name: string, near: KubeObject): KubeObject | undefined;
  /** The cluster-scoped object of `kind` named `name` (a Namespace, a PriorityClass), chosen as `named` chooses. */
  clusterNamed(kind: string, name: string, near: KubeObject): KubeObject | undefined;
  /** Services of the workload's namespace whose selector matches its pod labels, of those that land in it with the workload (see nearby). */
  servicesSelecting(workload: Workload): readonly KubeObject[];
  /** Workloads of one namespace whose pod template an equality selector (a Service's) matches, in input order. */
  workloadsSelectedBy(namespace: string, selector: Readonly<Record<string, string>>): readonly Workload[];
  workloadOf(object: KubeObject): Workload | undefined;
  /** Workloads of one namespace, in input order. */
  workloadsIn(namespace: string): readonly Workload[];
  /** Custom resources (objects of API groups Kubernetes does not serve), in input order. */
  customResources(): readonly KubeObject[];
  /** Computes a per-run fact once (namespace totals, lookup tables) and hands it to every later caller. */
  memo<T>(key: string, compute: () => T): T;
}

/** In a rule's meta.queries: it reads workloads (workloadsIn, workloadsSelectedBy, workloads, another object's workloadOf). */
export const WORKLOADS = 'workloads';
/** In a rule's meta.queries: it reads customResources(). */
export const CUSTOM_RESOURCES = 'custom resources';
/** In a rule's meta.queries: it reads every object (index.objects). */
export const EVERY_KIND = '*';

/** Custom resources (operators, Argo Rollouts, SealedSecrets, cert-manager): a group with a dot that is not *.k8s.io. */
export function isCustomResource(apiVersion: string): boolean {
  const group = groupOf(apiVersion);
  return group.includes('.') && !group.endsWith('.k8s.io');
}

const NONE: readonly KubeObject[] = [];

export function buildLintIndex(objects: readonly KubeObject[], workloads: readonly Workload[]): LintIndex {
  const byKind = new Map<string, KubeObject[]>();
  const byKindNamespace = new Map<string, KubeObject[]>();
  const byName = new Map<string, KubeObject[]>();
  for (const object of objects) {
    push(byKind, object.ref.kind, object);
    push(byKindNamespace, `${object.ref.kind}\0${object.ref.namespace}`, object);
    push(byName, `${object.ref.kind}\0${object.ref.namespace}\0${object.ref.name}`, object);
    for (const alias of object.aliases) push(byName, `${object.ref.kind}\0${object.ref.namespace}\0${alias}`, object);
  }
  const workloadByObject = new Map(workloads.map((workload) => [workload.object, workload]));
  const workloadsByNamespace = new Map<string, Workload[]>();
  for (const workload of workloads) push(workloadsByNamespace, workload.object.ref.namespace, workload);
  const selecting = new Map<Workload, readonly KubeObject[]>();
  // Inverted indexes by one label pair (namespace, key, value), so selector matching is not services × workloads.
  const workloadsByLabel = new Map<string, Workload[]>();
  for (const workload of workloads) {
    for (const [key, value] of Object.entries(workload.podLabels)) push(workloadsByLabel, labelKey(workload.object.ref.namespace, key, value), workload);
  }
  // Services by the first entry of their selector a pod template can carry; those selecting only labels controllers add
  // (a Service per StatefulSet pod) by namespace alone.
  let servicesByLabel: Map<string, [KubeObject, Readonly<Record<string, string>>][]> | undefined;
  const servicesWithLabel = (key: string) => {
    if (!servicesByLabel) {
      servicesByLabel = new Map();
      for (const service of byKind.get('Service') ?? NONE) {
        const selector = serviceSelector(service);
        if (Object.keys(selector).length === 0) continue;
        const [first] = templateSelectorEntries(selector);
        push(servicesByLabel, first ? labelKey(service.ref.namespace, first[0], first[1]) : controllerOnlyKey(service.ref.namespace), [service, selector]);
      }
    }
    return servicesByLabel.get(key) ?? [];
  };
  const memos = new Map<string, unknown>();
  // what nearby returns depends on the object only through its namespace, whether it declares it, and its directory:
  // objects that share those share one list per kind (the scope found once per object)
  const nearbyScopes = new Map<string, Map<string, readonly KubeObject[]>>();
  const scopeOf = new WeakMap<KubeObject, Map<string, readonly KubeObject[]>>();
  let customResources: readonly KubeObject[] | undefined;
  const ofKind = (kind: string, namespace?: string): readonly KubeObject[] =>
    (namespace === undefined ? byKind.get(kind) : byKindNamespace.get(`${kind}\0${namespace}`)) ?? NONE;
  return {
    objects,
    workloads,
    ofKind,
    nearby(kind, object) {
      let lists = scopeOf.get(object);
      if (!lists) {
        const scope = `${object.ref.namespace}\0${hasDeclaredNamespace(object) ? 'declared' : ''}\0${directoryOf(object.file)}`;
        lists = nearbyScopes.get(scope);
        if (!lists) nearbyScopes.set(scope, (lists = new Map()));
        scopeOf.set(object, lists);
      }
      let found = lists.get(kind);
      if (!found) lists.set(kind, (found = ofKind(kind, object.ref.namespace).filter((other) => sharesNamespace(other, object))));
      return found;
    },
    named: (kind, name, near) => closestOf(byName.get(`${kind}\0${near.ref.namespace}\0${name}`) ?? NONE, near),
    clusterNamed: (kind, name, near) => closestOf(byName.get(`${kind}\0\0${name}`) ?? NONE, near),
    workloadOf: (object) => workloadByObject.get(object),
    workloadsIn: (namespace) => workloadsByNamespace.get(namespace) ?? [],
    memo: memoIn(memos),
    // a tool's file (a kind Cluster, a clusterctl configuration) is read from disk: it makes no pods or Services; an
    // OpenShift DeploymentConfig is a workload whose pods the index already holds, not an operator's unseen output
    customResources: () =>
      (customResources ??= objects.filter(
        (object) => isCustomResource(object.ref.apiVersion) && !workloadByObject.has(object) && !isConfigurationFile(groupOf(object.ref.apiVersion), object.ref.apiVersion, object.ref.kind),
      )),
    servicesSelecting(workload) {
      const cached = selecting.get(workload);
      if (cached) return cached;
      const { namespace } = workload.object.ref;
      const found = [...Object.entries(workload.podLabels).map(([key, value]) => labelKey(namespace, key, value)), controllerOnlyKey(namespace)]
        .flatMap(servicesWithLabel)
        .filter(([service, selector]) => selectsPods(selector, workload) && sharesNamespace(service, workload.object))
        .map(([service]) => service)
        .sort((a, b) => a.order - b.order);
      selecting.set(workload, found);
      return found;
    },
    workloadsSelectedBy(namespace, selector) {
      const lists = templateSelectorEntries(selector).map(([key, value]) => workloadsByLabel.get(labelKey(namespace, key, value)) ?? []);
      // a selector of controller-added labels only: any workload of the namespace may be the one
      const candidates = lists.length === 0 ? (workloadsByNamespace.get(namespace) ?? []) : lists.reduce((best, list) => (list.length < best.length ? list : best));
      return candidates.filter((workload) => selectsPods(selector, workload));
    },
  };
}

/** Of objects sharing a name (written or built), the one applied with `near` (see LintIndex.named). */
function closestOf(candidates: readonly KubeObject[], near: KubeObject): KubeObject | undefined {
  if (candidates.length < 2) return candidates[0];
  return candidates.find((object) => object.file === near.file) ?? candidates.find((object) => sharesDirectoryTree(object, near)) ?? candidates[0];
}

/** A LintIndex's memo over `memos`. */
export function memoIn(memos: Map<string, unknown>): LintIndex['memo'] {
  return <T>(key: string, compute: () => T): T => {
    if (!memos.has(key)) memos.set(key, compute());
    return memos.get(key) as T;
  };
}

export function serviceSelector(service: KubeObject): Readonly<Record<string, string>> {
  return asStringMap(asRecord(service.value['spec'])?.['selector']);
}

function labelKey(namespace: string, key: string, value: string): string {
  return `${namespace}\0${key}\0${value}`;
}

/** Where the Services of a namespace that select only controller-added labels are indexed (a key no valid label has). */
function controllerOnlyKey(namespace: string): string {
  return labelKey(namespace, '', '');
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
