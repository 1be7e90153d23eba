// A StatefulSet's pods as its controller makes them: `<set>-<ordinal>`, each with its own claims
// `<template>-<set>-<ordinal>` created from volumeClaimTemplates (pkg/controller/statefulset/stateful_set_utils.go
// getPersistentVolumeClaims, updateStorage). A claim that exists already is reused.
import { asArray, asRecord } from '../../model/object.js';
import type { Workload } from '../../model/workload.js';
import type { PodSource } from '../pod-info.js';
import type { StorageCatalog } from './storage-catalog.js';
import { newClaim } from './storage-objects.js';

function templatesOf(workload: Workload): Readonly<Record<string, unknown>>[] {
  if (workload.kind !== 'StatefulSet') return [];
  const spec = asRecord(workload.object.value['spec']);
  return asArray(spec?.['volumeClaimTemplates']).flatMap((t) => (asRecord(t) ? [asRecord(t) ?? {}] : []));
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

/** One pod source per ordinal below `count`; undefined when the workload has no claim templates. */
export function statefulSetPodSources(workload: Workload, base: PodSource, count: number, storage: StorageCatalog): PodSource[] | undefined {
  const templates = templatesOf(workload);
  if (templates.length === 0) return undefined;
  const setName = workload.object.ref.name;
  const names = new Set(templates.map(templateName));
  const sources: PodSource[] = [];
  for (let ordinal = 0; ordinal < count; ordinal++) {
    const claimVolumes = templates.map((template) => {
      const claimName = `${templateName(template)}-${setName}-${ordinal}`;
      createClaim(template, workload.object.ref.namespace, claimName, storage);
      return { name: templateName(template), persistentVolumeClaim: { claimName } };
    });
    const volumes = asArray(base.spec['volumes']).filter((v) => !names.has(String(asRecord(v)?.['name'])));
    sources.push({ ...base, name: `${setName}-${ordinal}`, spec: { ...base.spec, volumes: [...volumes, ...claimVolumes] } });
  }
  return sources;
}
