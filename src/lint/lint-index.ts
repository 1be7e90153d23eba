// The main inputs indexed once per run for cross-object rules: objects by kind and namespace, workloads by object.
import { asRecord, asStringMap, type KubeObject } from '../model/object.js';
import type { Workload } from '../model/workload.js';
import { selectsPodTemplate } from './label-selector.js';

export interface LintIndex {
  readonly objects: readonly KubeObject[];
  readonly workloads: readonly Workload[];
  /** Objects of `kind` (any apiVersion), in one namespace or all. */
  ofKind(kind: string, namespace?: string): readonly KubeObject[];
  /** Services of the workload's namespace whose selector matches its pod labels. */
  servicesSelecting(workload: Workload): readonly KubeObject[];
  workloadOf(object: KubeObject): Workload | undefined;
  /** Workloads of one namespace, in input order. */
  workloadsIn(namespace: string): readonly Workload[];
  /** Computes a per-run fact once (namespace totals, lookup tables) and hands it to every later caller. */
  memo<T>(key: string, compute: () => T): T;
}

const NONE: readonly KubeObject[] = [];

export function buildLintIndex(objects: readonly KubeObject[], workloads: readonly Workload[]): LintIndex {
  const byKind = new Map<string, KubeObject[]>();
  const byKindNamespace = new Map<string, KubeObject[]>();
  for (const object of objects) {
    push(byKind, object.ref.kind, object);
    push(byKindNamespace, `${object.ref.kind}\0${object.ref.namespace}`, object);
  }
  const workloadByObject = new Map(workloads.map((workload) => [workload.object, workload]));
  const workloadsByNamespace = new Map<string, Workload[]>();
  for (const workload of workloads) push(workloadsByNamespace, workload.object.ref.namespace, workload);
  const selecting = new Map<Workload, readonly KubeObject[]>();
  const servicesByNamespace = new Map<string, [KubeObject, Readonly<Record<string, string>>][]>();
  const servicesIn = (namespace: string) => {
    let found = servicesByNamespace.get(namespace);
    if (!found) servicesByNamespace.set(namespace, (found = ofKind('Service', namespace).map((service) => [service, serviceSelector(service)])));
    return found;
  };
  const memos = new Map<string, unknown>();
  const ofKind = (kind: string, namespace?: string): readonly KubeObject[] =>
    (namespace === undefined ? byKind.get(kind) : byKindNamespace.get(`${kind}\0${namespace}`)) ?? NONE;
  return {
    objects,
    workloads,
    ofKind,
    workloadOf: (object) => workloadByObject.get(object),
    workloadsIn: (namespace) => workloadsByNamespace.get(namespace) ?? [],
    memo<T>(key: string, compute: () => T): T {
      if (!memos.has(key)) memos.set(key, compute());
      return memos.get(key) as T;
    },
    servicesSelecting(workload) {
      const cached = selecting.get(workload);
      if (cached) return cached;
      const found = servicesIn(workload.object.ref.namespace)
        .filter(([, selector]) => selectsPodTemplate(selector, workload.podLabels))
        .map(([service]) => service);
      selecting.set(workload, found);
      return found;
    },
  };
}

/** The directory part of a file path ("" for a bare name): manifests of one application usually share it. */
export function directoryOf(file: string): string {
  const slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return slash < 0 ? '' : file.slice(0, slash);
}

export function serviceSelector(service: KubeObject): Readonly<Record<string, string>> {
  return asStringMap(asRecord(service.value['spec'])?.['selector']);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
