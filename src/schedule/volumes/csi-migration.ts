// In-tree volume sources as the CSI volumes they migrate to: the driver and volume handle NodeVolumeLimits counts.
// upstream: staging/src/k8s.io/csi-translation-lib/plugins (aws_ebs.go, gce_pd.go, azure_disk.go, openstack_cinder.go,
// portworx.go). Only the translation: on which nodes a plugin is migrated is each scheduler plugin's own rule
// (NodeVolumeLimits: nodevolumelimits/utils.go isCSIMigrationOn; VolumeBinding: binder.go isPluginMigratedToCSIOnNode),
// so a translated volume names its in-tree plugin. VolumeBinding also reads the PV's node affinity as translated
// (csi-topology.ts).
import type { Labels, NodeSelector } from '../../model/labels.js';
import { asRecord, stringField } from '../../model/object.js';
import { translateTopology } from './csi-topology.js';

export interface CsiVolume {
  readonly driver: string;
  readonly handle: string;
}

const UNSPECIFIED = 'UNSPECIFIED';
/** gce_pd.go TranslateInTreePVToCSI reads the beta label first, the GA one when it is empty. */
const ZONE_LABELS = ['failure-domain.beta.kubernetes.io/zone', 'topology.kubernetes.io/zone'];

/** aws_ebs.go KubernetesVolumeIDToEBSVolumeID: `aws://<zone>/<id>` names the volume `<id>`. */
function ebsVolumeID(volumeID: string): string {
  return volumeID.startsWith('aws://') ? volumeID.slice('aws://'.length).replace(/^[^/]*/, '').replace(/^\/+|\/+$/g, '') : volumeID;
}

/** gce_pd.go: a zonal disk in the PV's zone label, a regional one across several, else an unspecified zone. */
function gcePdHandle(pdName: string, labels: Labels): string {
  const zoneLabel = ZONE_LABELS.map((key) => labels[key] ?? '').find((value) => value !== '') ?? '';
  const zones = zoneLabel.split('__');
  if (zones.length > 1) {
    const region = zones[0]?.slice(0, zones[0].lastIndexOf('-')) ?? UNSPECIFIED;
    return `projects/${UNSPECIFIED}/regions/${region}/disks/${pdName}`;
  }
  return `projects/${UNSPECIFIED}/zones/${zoneLabel || UNSPECIFIED}/disks/${pdName}`;
}

interface MigratedSource {
  /** The volume source field (in a pod volume or a PersistentVolume spec). */
  readonly field: string;
  /** The in-tree plugin, also the provisioner name of its StorageClasses. */
  readonly plugin: string;
  readonly driver: string;
  readonly handle: (source: Readonly<Record<string, unknown>>, labels: Labels) => string;
  /** The driver's zonal topology key; the translation of Azure Disk and Portworx PVs leaves their topology alone. */
  readonly topologyKey?: string;
}

const MIGRATED_SOURCES: readonly MigratedSource[] = [
  {
    field: 'awsElasticBlockStore', plugin: 'kubernetes.io/aws-ebs', driver: 'ebs.csi.aws.com', handle: (s) => ebsVolumeID(stringField(s, 'volumeID')),
    topologyKey: 'topology.ebs.csi.aws.com/zone',
  },
  {
    field: 'gcePersistentDisk', plugin: 'kubernetes.io/gce-pd', driver: 'pd.csi.storage.gke.io', handle: (s, labels) => gcePdHandle(stringField(s, 'pdName'), labels),
    topologyKey: 'topology.gke.io/zone',
  },
  { field: 'azureDisk', plugin: 'kubernetes.io/azure-disk', driver: 'disk.csi.azure.com', handle: (s) => stringField(s, 'diskURI') },
  {
    field: 'cinder', plugin: 'kubernetes.io/cinder', driver: 'cinder.csi.openstack.org', handle: (s) => stringField(s, 'volumeID'),
    topologyKey: 'topology.cinder.csi.openstack.org/zone',
  },
  { field: 'portworxVolume', plugin: 'kubernetes.io/portworx-volume', driver: 'pxd.portworx.com', handle: (s) => stringField(s, 'volumeID') },
];

/** The CSI driver a StorageClass provisioner with an in-tree name provisions through; undefined for other names. */
export function migratedDriver(provisioner: string): string | undefined {
  return MIGRATED_SOURCES.find((source) => source.plugin === provisioner)?.driver;
}

/** An in-tree volume as the CSI volume it migrates to. */
export interface InTreeVolume extends CsiVolume {
  /** The in-tree plugin, as a CSINode's migrated-plugins annotation names it. */
  readonly plugin: string;
}

/** The CSI volume an in-tree source of a pod volume translates to (TranslateInTreeInlineVolumeToCSI); undefined for sources that are not migrated. */
export function migratedVolume(source: Readonly<Record<string, unknown>>): InTreeVolume | undefined {
  const found = migratedSourceOf(source);
  return found && { driver: found.migrated.driver, handle: found.migrated.handle(found.inTree, {}), plugin: found.migrated.plugin };
}

function migratedSourceOf(source: Readonly<Record<string, unknown>>): { migrated: MigratedSource; inTree: Readonly<Record<string, unknown>> } | undefined {
  for (const migrated of MIGRATED_SOURCES) {
    const inTree = asRecord(source[migrated.field]);
    if (inTree) return { migrated, inTree };
  }
  return undefined;
}

/** An in-tree PersistentVolume as TranslateInTreePVToCSI makes it. */
export interface MigratedVolume extends InTreeVolume {
  /** spec.nodeAffinity.required after the translation. */
  readonly nodeAffinity: NodeSelector | undefined;
}

/**
 * TranslateInTreePVToCSI for a PV's spec, labels and required node affinity; undefined for sources that are not
 * migrated. The volume handle of a GCE PD reads the PV's zone labels.
 */
export function migratedPersistentVolume(spec: Readonly<Record<string, unknown>>, labels: Labels, nodeAffinity: NodeSelector | undefined): MigratedVolume | undefined {
  const found = migratedSourceOf(spec);
  if (!found) return undefined;
  const { migrated: { driver, plugin, handle, topologyKey }, inTree } = found;
  const translated = topologyKey === undefined ? nodeAffinity : translateTopology(nodeAffinity, labels, topologyKey);
  return { driver, handle: handle(inTree, labels), plugin, nodeAffinity: translated };
}
