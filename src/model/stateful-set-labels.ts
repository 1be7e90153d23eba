// What the StatefulSet controller gives each pod beyond its template (pkg/controller/statefulset/stateful_set_utils.go
// newStatefulSetPod, updateIdentity, getPodName): the name `<set>-<ordinal>`, counted from spec.ordinals.start, and the
// labels that carry that name and the ordinal. A Service that selects one broker of a StatefulSet, or a pod affinity to
// `apps.kubernetes.io/pod-index: "0"`, selects the pod that will exist.
import { asRecord, type KubeObject } from './object.js';
import type { Labels } from './labels.js';

export const STATEFUL_SET_POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';

/** spec.ordinals.start when it is one the API server accepts (an integer >= 0), else 0. */
export function startOrdinal(statefulSet: KubeObject): number {
  const start = asRecord(asRecord(statefulSet.value['spec'])?.['ordinals'])?.['start'];
  return typeof start === 'number' && Number.isInteger(start) && start >= 0 ? start : 0;
}

/** The pod of `ordinal`: its name, and its labels (`withIndex`: the pod-index label too, PodIndexLabel). */
export function statefulSetPod(statefulSet: KubeObject, labels: Labels, ordinal: number, withIndex: boolean): { name: string; labels: Labels } {
  const name = `${statefulSet.ref.name}-${ordinal}`;
  return { name, labels: { ...labels, [STATEFUL_SET_POD_NAME_LABEL]: name, ...(withIndex && { [POD_INDEX_LABEL]: String(ordinal) }) } };
}
