// A StatefulSet's pods as its controller makes them: `<set>-<ordinal>` from spec.ordinals.start, each with the pod-name
// and pod-index labels and its own claims `<template>-<set>-<ordinal>` created from volumeClaimTemplates
// (pkg/controller/statefulset/stateful_set_utils.go newStatefulSetPod, updateIdentity, getPersistentVolumeClaims,
// updateStorage). A claim that exists already is reused. The pods differ in their labels at least, so each is placed
// as a pod of its own: a Service or a pod affinity that selects one ordinal selects one pod.
import { asArray, asRecord } from '../model/object.js';
import { startOrdinal, statefulSetPod } from '../model/stateful-set-labels.js';
import type { Workload } from '../model/workload.js';
import type { PodSource } from './pod-info.js';
import type { StorageCatalog } from './volumes/storage-catalog.js';
import { POD_INDEX_LABEL_SINCE } from './version.js';
import { newClaim } from './volumes/storage-objects.js';

function templatesOf(workload: Workload): Readonly<Record<string, unknown>>[] {
  const spec = asRecord(workload.object.value['spec']);
  return asArray(spec?.['volumeClaimTemplates']).flatMap((t) => (asRecord(t) ? [asRecord(t) ?? {}] : []));
}

/** Whether each pod of the StatefulSet claims volumes of its own. */
export function hasClaimTemplates(workload: Workload): boolean {
  return workload.kind === 'StatefulSet' && templatesOf(workload).length > 0;
}

function templateName(template: Readonly<Record<string, unknown>>): string {
  const name = asRecord(template['metadata'])?.['name'];
  return typeof name === 'string' ? name : '';
}

/**
 * The claim as created: the default StorageClass when it names none (DefaultStorageClass admission), and, for an
 * Immediate class, bound at once by the PV controller to the smallest matching PV or to a provisioned volume.
 */
function createClaim(template: Readonly<Record<string, unknown>>, namespace: string, name: string, storage: StorageCatalog): void {
  if (storage.claim(namespace, name)) return;
  const claim = newClaim(template, namespace, name, storage);
  storage.addClaim(claim);
  storage.bindImmediately(claim);
}

/** One pod source per ordinal, `count` of them after the first `skip`; undefined when the workload is no StatefulSet. */
export function statefulSetPodSources(workload: Workload, base: PodSource, count: number, context: { storage: StorageCatalog; minor: number }, skip = 0): PodSource[] | undefined {
  if (workload.kind !== 'StatefulSet') return undefined;
  const templates = templatesOf(workload);
  const { storage, minor } = context;
  const set = workload.object;
  const names = new Set(templates.map(templateName));
  const volumes = asArray(base.spec['volumes']).filter((v) => !names.has(String(asRecord(v)?.['name'])));
  // StatefulSetStartOrdinal is on in every release kubefit imitates (beta from v1.27)
  const first = startOrdinal(set) + skip;
  const sources: PodSource[] = [];
  for (let ordinal = first; ordinal < first + count; ordinal++) {
    const claimVolumes = templates.map((template) => {
      const claimName = `${templateName(template)}-${set.ref.name}-${ordinal}`;
      createClaim(template, set.ref.namespace, claimName, storage);
      return { name: templateName(template), persistentVolumeClaim: { claimName } };
    });
    const pod = statefulSetPod(set, base.labels, ordinal, minor >= POD_INDEX_LABEL_SINCE);
    sources.push({ ...base, ...pod, spec: templates.length === 0 ? base.spec : { ...base.spec, volumes: [...volumes, ...claimVolumes] } });
  }
  return sources;
}
