// VolumeZone: a node in a zone or region must be in the zones/regions of the pod's bound PersistentVolumes.
// upstream: pkg/scheduler/framework/plugins/volumezone/volume_zone.go (v1.35)
import { SUCCESS, definePlugin, unresolvable, type PreFilterResult } from '../framework.js';
import type { PodInfo } from '../pod-info.js';
import { claimNotFound } from '../volumes/pod-claims.js';
import type { StorageCatalog } from '../volumes/storage-catalog.js';

export const ERR_REASON_CONFLICT = 'node(s) had no available volume zone';

const TOPOLOGY_LABELS = [
  'failure-domain.beta.kubernetes.io/zone',
  'failure-domain.beta.kubernetes.io/region',
  'topology.kubernetes.io/zone',
  'topology.kubernetes.io/region',
];

const GA_LABEL: Readonly<Record<string, string>> = {
  'failure-domain.beta.kubernetes.io/zone': 'topology.kubernetes.io/zone',
  'failure-domain.beta.kubernetes.io/region': 'topology.kubernetes.io/region',
};

interface PVTopology {
  readonly key: string;
  readonly values: ReadonlySet<string>;
}

/** volumehelpers.LabelZonesToSet: "a__b" is zones a and b; a list with an empty zone is an error (label ignored). */
function labelZonesToSet(value: string | undefined): ReadonlySet<string> | undefined {
  const zones = value?.split('__').map((zone) => zone.trim());
  return zones && !zones.includes('') ? new Set(zones) : undefined;
}

type Lookup = { readonly topologies: PVTopology[] } | { readonly reject: string };

/** getPVbyPod: the topology labels of the PVs behind the pod's claims; WaitForFirstConsumer claims are skipped. */
function pvTopologiesOf(pod: PodInfo, storage: StorageCatalog): Lookup {
  const topologies: PVTopology[] = [];
  for (const volume of pod.volumes) {
    if (volume.kind !== 'claim') continue;
    if (volume.claimName === '') return { reject: 'PersistentVolumeClaim had no name' };
    const claim = storage.claim(pod.namespace, volume.claimName);
    if (!claim) {
      if (storage.knowsClaims) return { reject: claimNotFound(volume.claimName) };
      continue;
    }
    if (claim.volumeName === '') {
      if (!claim.className) return { reject: 'PersistentVolumeClaim had no pv name and storageClass name' };
      const storageClass = storage.storageClass(claim.className);
      if (!storageClass) {
        if (storage.complete) return { reject: `storageclass.storage.k8s.io "${claim.className}" not found` };
        continue;
      }
      if (storageClass.waitForFirstConsumer) continue;
      return { reject: 'PersistentVolume had no name' };
    }
    const pv = storage.volume(claim.volumeName);
    if (!pv) {
      if (storage.complete) return { reject: `persistentvolume "${claim.volumeName}" not found` };
      continue;
    }
    for (const key of TOPOLOGY_LABELS) {
      const values = labelZonesToSet(pv.labels[key]);
      if (values) topologies.push({ key, values });
    }
  }
  return { topologies };
}

export default definePlugin<readonly PVTopology[]>({
  name: 'VolumeZone',
  preFilter(pod, cluster): PreFilterResult<readonly PVTopology[]> {
    const lookup = pvTopologiesOf(pod, cluster.storage);
    if ('reject' in lookup) return { kind: 'reject', reason: lookup.reject };
    return lookup.topologies.length === 0 ? { kind: 'skip' } : { kind: 'state', state: lookup.topologies };
  },
  filter(_pod, node, topologies) {
    // A node without any zone or region label accepts every volume.
    if (!TOPOLOGY_LABELS.some((key) => Object.hasOwn(node.labels, key))) return SUCCESS;
    for (const { key, values } of topologies) {
      const value = node.labels[key] ?? node.labels[GA_LABEL[key] ?? ''];
      if (value === undefined || !values.has(value)) return unresolvable(ERR_REASON_CONFLICT);
    }
    return SUCCESS;
  },
  nodeLabelKeys: () => TOPOLOGY_LABELS,
});
