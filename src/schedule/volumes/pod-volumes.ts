// The volumes of a pod spec that the volume plugins read: claims and the in-tree disks that conflict on a node.
import { asArray, asRecord, stringField } from '../../model/object.js';
import { migratedVolume, type InTreeVolume } from './csi-migration.js';

export type PodVolume =
  | { readonly kind: 'claim'; readonly name: string; readonly claimName: string }
  /**
   * A generic ephemeral volume: the claim `<pod>-<volume>` its controller creates from `template`. `podUID` is the uid
   * an existing claim of that name must name as its controller ('' for a Pod not created yet, which owns none);
   * undefined for a pod a controller is still to create, whose claim cannot exist yet.
   */
  | { readonly kind: 'ephemeral'; readonly name: string; readonly claimName: string; readonly template: Readonly<Record<string, unknown>>; readonly podUID: string | undefined }
  | { readonly kind: 'gcePersistentDisk'; readonly pdName: string; readonly readOnly: boolean; readonly migrated: InTreeVolume }
  | { readonly kind: 'awsElasticBlockStore'; readonly volumeID: string; readonly migrated: InTreeVolume }
  /** Another in-tree volume migrated to CSI (azureDisk, cinder, portworxVolume): only its attachment counts. */
  | { readonly kind: 'migrated'; readonly migrated: InTreeVolume }
  | { readonly kind: 'rbd'; readonly monitors: readonly string[]; readonly pool: string; readonly image: string; readonly readOnly: boolean }
  | { readonly kind: 'iscsi'; readonly iqn: string; readonly readOnly: boolean };

/** One volume entry; undefined for the sources no volume plugin reads (emptyDir, configMap, ...). */
function toPodVolume(entry: unknown, pod: PodIdentity): PodVolume | undefined {
  const volume = asRecord(entry);
  const name = stringField(volume, 'name');
  const claim = asRecord(volume?.['persistentVolumeClaim']);
  if (claim) return { kind: 'claim', name, claimName: stringField(claim, 'claimName') };
  const ephemeral = asRecord(volume?.['ephemeral']);
  if (ephemeral) return { kind: 'ephemeral', name, claimName: `${pod.name}-${name}`, template: asRecord(ephemeral['volumeClaimTemplate']) ?? {}, podUID: pod.uid };
  const migrated = volume && migratedVolume(volume);
  const gce = asRecord(volume?.['gcePersistentDisk']);
  if (gce && migrated) return { kind: 'gcePersistentDisk', pdName: stringField(gce, 'pdName'), readOnly: gce['readOnly'] === true, migrated };
  const aws = asRecord(volume?.['awsElasticBlockStore']);
  if (aws && migrated) return { kind: 'awsElasticBlockStore', volumeID: stringField(aws, 'volumeID'), migrated };
  if (migrated) return { kind: 'migrated', migrated };
  const rbd = asRecord(volume?.['rbd']);
  if (rbd) {
    const monitors = asArray(rbd['monitors']).filter((m): m is string => typeof m === 'string');
    // The API server defaults the pool to "rbd".
    return { kind: 'rbd', monitors, pool: stringField(rbd, 'pool', 'rbd'), image: stringField(rbd, 'image'), readOnly: rbd['readOnly'] === true };
  }
  const iscsi = asRecord(volume?.['iscsi']);
  if (iscsi) return { kind: 'iscsi', iqn: stringField(iscsi, 'iqn'), readOnly: iscsi['readOnly'] === true };
  return undefined;
}

/** The pod whose generic ephemeral claims are named after it; no uid for a pod a controller is still to create. */
export interface PodIdentity {
  readonly name: string;
  readonly uid: string | undefined;
}

/** The volumes of a pod (generic ephemeral claims are named after it). */
export function podVolumesOf(spec: Readonly<Record<string, unknown>>, pod: PodIdentity): readonly PodVolume[] {
  const out: PodVolume[] = [];
  for (const entry of asArray(spec['volumes'])) {
    const volume = toPodVolume(entry, pod);
    if (volume) out.push(volume);
  }
  // one shared list for the pods without such volumes (a big snapshot's bound pods keep theirs)
  return out.length > 0 ? out : NO_VOLUMES;
}

const NO_VOLUMES: readonly PodVolume[] = Object.freeze([]);

const IN_TREE_DISKS: ReadonlySet<PodVolume['kind']> = new Set(['gcePersistentDisk', 'awsElasticBlockStore', 'rbd', 'iscsi']);

/** True for the in-tree disks VolumeRestrictions checks for conflicts on a node (needsRestrictionsCheck). */
export function isInTreeDisk(volume: PodVolume): boolean {
  return IN_TREE_DISKS.has(volume.kind);
}
