import { describe, expect, it } from 'vitest';
import { migratedDriver, migratedPersistentVolume, migratedVolume, type CsiVolume } from './csi-migration.js';
import { unschedulable, SUCCESS } from '../framework.js';
import plugin from '../plugins/node-volume-limits.js';
import { clusterWithStorage, nodeInfoOf, podInfoOf, runFilter } from '../test-support.js';

type Value = Readonly<Record<string, unknown>>;

const AZURE_DISK = 'disk.csi.azure.com';
const DISK_URI = (name: string) => `/subscriptions/sub/resourceGroups/rg/providers/Microsoft.Compute/disks/${name}`;

// Expected handles: upstream csi-translation-lib/plugins TranslateInTreeInlineVolumeToCSI and TranslateInTreePVToCSI
// (aws_ebs.go KubernetesVolumeIDToEBSVolumeID, gce_pd.go volIDZonalFmt/volIDRegionalFmt, azure_disk.go DataDiskURI,
// openstack_cinder.go VolumeID).
const cases: readonly { name: string; source: Value; labels?: Readonly<Record<string, string>>; want: { driver: string; handle: string } | undefined }[] = [
  { name: 'aws://<zone>/<id> names the EBS volume <id>', source: { awsElasticBlockStore: { volumeID: 'aws://us-east-1a/vol-0abc' } }, want: { driver: 'ebs.csi.aws.com', handle: 'vol-0abc' } },
  { name: 'aws:///<id> (no zone) names the EBS volume <id>', source: { awsElasticBlockStore: { volumeID: 'aws:///vol-0abc' } }, want: { driver: 'ebs.csi.aws.com', handle: 'vol-0abc' } },
  { name: 'a bare EBS volume id is kept', source: { awsElasticBlockStore: { volumeID: 'vol-0abc' } }, want: { driver: 'ebs.csi.aws.com', handle: 'vol-0abc' } },
  { name: 'an inline GCE PD has an unspecified zone', source: { gcePersistentDisk: { pdName: 'pd-1' } }, want: { driver: 'pd.csi.storage.gke.io', handle: 'projects/UNSPECIFIED/zones/UNSPECIFIED/disks/pd-1' } },
  {
    name: 'a GCE PD PV in one zone is zonal', source: { gcePersistentDisk: { pdName: 'pd-1' } }, labels: { 'topology.kubernetes.io/zone': 'us-central1-a' },
    want: { driver: 'pd.csi.storage.gke.io', handle: 'projects/UNSPECIFIED/zones/us-central1-a/disks/pd-1' },
  },
  {
    name: 'a GCE PD PV across zones (__) is regional', source: { gcePersistentDisk: { pdName: 'pd-1' } }, labels: { 'topology.kubernetes.io/zone': 'us-central1-a__us-central1-c' },
    want: { driver: 'pd.csi.storage.gke.io', handle: 'projects/UNSPECIFIED/regions/us-central1/disks/pd-1' },
  },
  {
    name: 'a GCE PD PV takes the beta zone label first', source: { gcePersistentDisk: { pdName: 'pd-1' } },
    labels: { 'topology.kubernetes.io/zone': 'us-central1-a', 'failure-domain.beta.kubernetes.io/zone': 'us-central1-b' },
    want: { driver: 'pd.csi.storage.gke.io', handle: 'projects/UNSPECIFIED/zones/us-central1-b/disks/pd-1' },
  },
  { name: 'an Azure Disk is its data disk URI', source: { azureDisk: { diskName: 'd1', diskURI: DISK_URI('d1') } }, want: { driver: AZURE_DISK, handle: DISK_URI('d1') } },
  { name: 'a Cinder volume is its volume id', source: { cinder: { volumeID: 'c-1' } }, want: { driver: 'cinder.csi.openstack.org', handle: 'c-1' } },
  { name: 'a hostPath volume is not migrated', source: { hostPath: { path: '/tmp' } }, want: undefined },
];

const csiOf = (volume: CsiVolume | undefined): CsiVolume | undefined => volume && { driver: volume.driver, handle: volume.handle };

describe('migratedVolume, migratedPersistentVolume', () => {
  it.each(cases)('$name', ({ source, labels, want }) => {
    expect(csiOf(migratedPersistentVolume(source, labels ?? {}, undefined))).toEqual(want);
    // an inline volume has no labels: it translates as a PersistentVolume without them
    if (!labels) expect(csiOf(migratedVolume(source))).toEqual(want);
  });

  it('reads a pod volume and a PersistentVolume spec alike', () => {
    const source = { cinder: { volumeID: 'c-1' } };
    expect(migratedPersistentVolume({ capacity: { storage: '1Gi' }, ...source }, {}, undefined)).toMatchObject(migratedVolume({ name: 'v', ...source }) ?? {});
    expect(migratedVolume({ name: 'v', ...source })?.plugin).toBe('kubernetes.io/cinder');
  });

  it('maps in-tree provisioners to their CSI drivers', () => {
    expect(['kubernetes.io/azure-disk', 'kubernetes.io/gce-pd', 'kubernetes.io/host-path'].map(migratedDriver)).toEqual([AZURE_DISK, 'pd.csi.storage.gke.io', undefined]);
  });
});

// TranslateInTreePVToCSI of each plugin: aws_ebs.go, gce_pd.go and openstack_cinder.go translate the zone topology to
// their driver's key (AWSEBSTopologyKey, GCEPDTopologyKey, CinderTopologyKey); azure_disk.go and portworx.go keep it.
describe('migratedPersistentVolume: plugin and node affinity', () => {
  const zoneLabels = { 'topology.kubernetes.io/zone': 'zone-a' };
  it.each([
    ['awsElasticBlockStore', { volumeID: 'vol-1' }, 'kubernetes.io/aws-ebs', 'topology.ebs.csi.aws.com/zone'],
    ['gcePersistentDisk', { pdName: 'pd-1' }, 'kubernetes.io/gce-pd', 'topology.gke.io/zone'],
    ['cinder', { volumeID: 'c-1' }, 'kubernetes.io/cinder', 'topology.cinder.csi.openstack.org/zone'],
    ['azureDisk', { diskName: 'd1', diskURI: DISK_URI('d1') }, 'kubernetes.io/azure-disk', undefined],
    ['portworxVolume', { volumeID: 'px-1' }, 'kubernetes.io/portworx-volume', undefined],
  ] as const)('%s', (field, source, plugin, topologyKey) => {
    const translated = migratedPersistentVolume({ [field]: source }, zoneLabels, undefined);
    expect(translated?.plugin).toBe(plugin);
    const keys = translated?.nodeAffinity?.terms.map((term) => term.labels?.requirements?.map(({ key, values }) => [key, values]));
    expect(keys).toEqual(topologyKey === undefined ? undefined : [[[topologyKey, ['zone-a']]]]);
  });
});

describe('NodeVolumeLimits with an inline azureDisk', () => {
  const NODE = 'azure-node';
  const csiNode = { apiVersion: 'storage.k8s.io/v1', kind: 'CSINode', metadata: { name: NODE }, spec: { drivers: [{ name: AZURE_DISK, nodeID: NODE, allocatable: { count: 1 } }] } };
  const inlineDisk = (name: string): Value => ({ containers: [{ name: 'c', image: 'i' }], volumes: [{ name: 'disk', azureDisk: { diskName: name, diskURI: DISK_URI(name) } }] });
  const run = (incoming: string, existing: string) => {
    const node = nodeInfoOf({ name: NODE }, [podInfoOf({ ...inlineDisk(existing), nodeName: NODE }, { name: 'existing' })]);
    return runFilter(plugin, podInfoOf(inlineDisk(incoming), { name: 'incoming' }), node, clusterWithStorage([node], [csiNode]));
  };

  it('passes when the disk is the one already attached (same handle, counted once)', () => {
    expect(run('d1', 'd1')).toEqual(SUCCESS);
  });

  it('fails when a second disk would exceed the CSINode limit of disk.csi.azure.com', () => {
    expect(run('d2', 'd1')).toEqual(unschedulable('node(s) exceed max volume count'));
  });
});
