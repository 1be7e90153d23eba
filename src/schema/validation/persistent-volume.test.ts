import { describe, expect, it } from 'vitest';
import { errorMessage, errorMessageOf, errorPrinting, toPath, type ErrorList } from './field-error.js';
import { validatePersistentVolume, validatePersistentVolumeClaim, validatePersistentVolumeClaimTemplate } from './persistent-volume.js';

const messages = (errors: ErrorList): string[] => errors.map(errorMessage);
const claim = (spec: Record<string, unknown>): string[] => messages(validatePersistentVolumeClaim({ spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...spec } }));
const volume = (spec: Record<string, unknown>): string[] => messages(validatePersistentVolume({ spec: { accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' }, hostPath: { path: '/data' }, ...spec } }));

const SUBDOMAIN = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const MODES = 'supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"';

// Cases after upstream pkg/apis/core/validation/validation_test.go
describe('TestValidatePersistentVolumeClaim', () => {
  it('accepts a claim with an access mode, a positive storage request, a class, a selector and a PVC data source', () => {
    expect(claim({ storageClassName: 'fast', volumeMode: 'Block', selector: { matchLabels: { app: 'db' } }, dataSource: { kind: 'PersistentVolumeClaim', name: 'src' } })).toEqual([]);
    expect(claim({ dataSourceRef: { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: 'snap', namespace: 'other' } })).toEqual([]);
  });

  it('requires an access mode and a storage request, named resources[storage] as upstream does', () => {
    expect(messages(validatePersistentVolumeClaim({ spec: {} }))).toEqual([
      'spec.accessModes: Required value: at least 1 access mode is required',
      'spec.resources[storage]: Required value',
    ]);
  });

  it('refuses unknown access modes and ReadWriteOncePod with others', () => {
    expect(claim({ accessModes: ['ReadWriteOncePod', 'ReadWriteOnce', 'Shared'] })).toEqual([
      `spec.accessModes: Unsupported value: "Shared": ${MODES}`,
      'spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes',
    ]);
  });

  it('refuses a storage request that is not positive, pointing at the request', () => {
    const errors = validatePersistentVolumeClaim({ spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '0Gi' } } } });
    expect(messages(errors)).toEqual(['spec.resources[storage]: Invalid value: "0": must be greater than zero']);
    expect(errors[0]?.at).toEqual(['spec', 'resources', 'requests', 'storage']);
  });

  it('checks class names and the volume mode', () => {
    expect(claim({ storageClassName: 'Fast_SSD', volumeAttributesClassName: 'gold.', volumeMode: 'Raw' })).toEqual([
      `spec.storageClassName: Invalid value: "Fast_SSD": ${SUBDOMAIN}`,
      'spec.volumeMode: Unsupported value: "Raw": supported values: "Block", "Filesystem"',
      `spec.volumeAttributesClassName: Invalid value: "gold.": ${SUBDOMAIN}`,
    ]);
  });

  it('validates a dataSource and the dataSourceRef NormalizeDataSources copies from it (and the reverse)', () => {
    const errors = validatePersistentVolumeClaim({ spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, dataSource: { kind: 'VolumeSnapshot', name: '' } } });
    expect(messages(errors)).toEqual([
      'spec.dataSource.name: Required value',
      "spec.dataSource: Invalid value: \"VolumeSnapshot\": must be 'PersistentVolumeClaim' when referencing the default apiGroup",
      'spec.dataSourceRef.name: Required value',
      "spec.dataSourceRef: Invalid value: \"VolumeSnapshot\": must be 'PersistentVolumeClaim' when referencing the default apiGroup",
    ]);
    expect(errors.slice(2).map((error) => error.at ?? toPath(error.field))).toEqual([['spec', 'dataSource'], ['spec', 'dataSource']]);
    // with a namespace the reference is not copied into dataSource
    expect(claim({ dataSourceRef: { apiGroup: 'Snapshots', kind: 'VolumeSnapshot', name: 's', namespace: 'Team_A' } })).toEqual([
      `spec.dataSourceRef.apiGroup: Invalid value: "Snapshots": ${SUBDOMAIN}`,
      expect.stringMatching(/^spec\.dataSourceRef\.namespace: Invalid value: "Team_A": a lowercase RFC 1123 label/),
    ]);
  });

  it('requires dataSource and dataSourceRef to agree, and no dataSource with a cross-namespace dataSourceRef', () => {
    expect(claim({ dataSource: { kind: 'PersistentVolumeClaim', name: 'a' }, dataSourceRef: { kind: 'PersistentVolumeClaim', name: 'b' } })).toEqual(['spec: Invalid value: {}: must match dataSourceRef']);
    expect(claim({ dataSource: { kind: 'PersistentVolumeClaim', name: 'a' }, dataSourceRef: { kind: 'PersistentVolumeClaim', name: 'a', namespace: 'other' } })).toEqual([
      'spec: Invalid value: {}: may not be specified when dataSourceRef.namespace is specified',
    ]);
    expect(claim({ dataSource: { kind: 'PersistentVolumeClaim', name: 'a' }, dataSourceRef: { kind: 'PersistentVolumeClaim', name: 'a' } })).toEqual([]);
  });
});

describe('TestValidatePersistentVolumes', () => {
  it('accepts a volume with one source, storage capacity and a supported reclaim policy', () => {
    expect(volume({ persistentVolumeReclaimPolicy: 'Retain', storageClassName: 'slow', volumeMode: 'Filesystem' })).toEqual([]);
    expect(volume({ hostPath: undefined, local: { path: '/mnt/disks/a' }, nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['n1'] }] }] } } })).toEqual([]);
    expect(volume({ hostPath: undefined, csi: { driver: 'ebs.csi.aws.com', volumeHandle: 'vol-1', nodePublishSecretRef: { name: 's', namespace: 'kube-system' } }, volumeAttributesClassName: 'gold' })).toEqual([]);
  });

  it('requires access modes, capacity and a volume source', () => {
    expect(messages(validatePersistentVolume({ spec: {} }))).toEqual([
      'spec.accessModes: Required value',
      'spec.capacity: Required value',
      'spec.capacity: Unsupported value: null: supported values: "storage"',
      'spec: Required value: must specify a volume type',
    ]);
  });

  it('allows only storage in capacity, positive (validateBasicResource, ValidatePositiveQuantityValue)', () => {
    expect(volume({ capacity: { storage: '-1Gi', cpu: '1' } })).toEqual([
      'spec.capacity: Unsupported value: {"cpu":"1","storage":"-1Gi"}: supported values: "storage"',
      'spec.capacity[storage]: Invalid value: -1073741824: must be a valid resource quantity',
      'spec.capacity[storage]: Invalid value: "-1Gi": must be greater than zero',
    ]);
  });

  // a core.ResourceList has no String method: apimachinery 0.33 prints it with %#v, its quantities as structs
  it('prints the capacity list with %#v up to 1.33 (field.Error ErrorBody)', () => {
    const printing = errorPrinting('1.33');
    const at133 = (spec: Record<string, unknown>): string[] => validatePersistentVolume({ spec }).map((error) => errorMessageOf(error, printing)).filter((message) => message.includes('Unsupported'));
    expect(at133({})).toEqual(['spec.capacity: Unsupported value: core.ResourceList(nil): supported values: "storage"']);
    expect(at133({ capacity: { cpu: '1', storage: '1Gi' } })).toEqual([
      'spec.capacity: Unsupported value: core.ResourceList{"cpu":resource.Quantity{i:resource.int64Amount{value:1, scale:0}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"1", Format:"DecimalSI"}, "storage":resource.Quantity{i:resource.int64Amount{value:1073741824, scale:0}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"1Gi", Format:"BinarySI"}}: supported values: "storage"',
    ]);
  });

  it('refuses an unsupported reclaim policy and Recycle of a hostPath "/"', () => {
    expect(volume({ persistentVolumeReclaimPolicy: 'Archive' })).toEqual(['spec.persistentVolumeReclaimPolicy: Unsupported value: "Archive": supported values: "Delete", "Recycle", "Retain"']);
    expect(volume({ persistentVolumeReclaimPolicy: 'Recycle', hostPath: { path: '/tmp/..' } })).toEqual([
      "spec.hostPath.path: Invalid value: \"/tmp/..\": must not contain '..'",
      "spec.persistentVolumeReclaimPolicy: Forbidden: may not be 'recycle' for a hostPath mount of '/'",
    ]);
  });

  it('refuses a second volume source at upstream\'s child name, flexVolume never (validateVolumeSources)', () => {
    expect(volume({ nfs: { server: 'nfs', path: '/exports' }, cephfs: { monitors: ['m'] } })).toEqual([
      'spec.nfs: Forbidden: may not specify more than 1 volume type',
      'spec.cephFS: Forbidden: may not specify more than 1 volume type',
    ]);
    expect(volume({ flexVolume: { driver: 'example/flex' } })).toEqual([]);
  });

  it('checks the source: required fields, absolute NFS paths, partitions, CSI drivers and secrets', () => {
    expect(volume({ hostPath: undefined, nfs: { server: '', path: 'exports' } })).toEqual([
      'spec.nfs.server: Required value',
      'spec.nfs.path: Invalid value: "exports": must be an absolute path',
    ]);
    const disk = validatePersistentVolume({ spec: { accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' }, gcePersistentDisk: { pdName: '', partition: 300 } } });
    expect(messages(disk)).toEqual(['spec.persistentDisk.pdName: Required value', 'spec.persistentDisk.partition: Invalid value: 300: must be between 1 and 255, inclusive']);
    expect(disk.map((error) => error.at)).toEqual([['spec', 'gcePersistentDisk', 'pdName'], ['spec', 'gcePersistentDisk', 'partition']]);
    expect(volume({ hostPath: undefined, csi: { driver: 'Bad_Driver', volumeHandle: '', controllerPublishSecretRef: { name: '' } } })).toEqual([
      `spec.csi.driver: Invalid value: "Bad_Driver": ${SUBDOMAIN}`,
      'spec.csi.volumeHandle: Required value',
      'spec.csi.controllerPublishSecretRef.name: Required value',
      'spec.csi.controllerPublishSecretRef.namespace: Required value',
    ]);
    expect(volume({ hostPath: undefined, iscsi: { targetPortal: '10.0.0.1:3260', iqn: 'iqn.2001-04.com.example:storage', lun: 256, chapAuthSession: true } })).toEqual([
      'spec.iscsi.lun: Invalid value: 256: must be between 0 and 255, inclusive',
      'spec.iscsi.secretRef: Required value',
    ]);
  });

  it('requires node affinity for a local volume and required terms in it (validateVolumeNodeAffinity)', () => {
    expect(volume({ hostPath: undefined, local: { path: '/mnt/disks/a' } })).toEqual(['spec.nodeAffinity: Required value: Local volume requires node affinity']);
    expect(volume({ nodeAffinity: {} })).toEqual(['spec.nodeAffinity.required: Required value: must specify required node constraints']);
    expect(volume({ nodeAffinity: { required: { nodeSelectorTerms: [] } } })).toEqual(['spec.nodeAffinity.required.nodeSelectorTerms: Required value: must have at least one node selector term']);
  });

  it('refuses an empty volumeAttributesClassName and one without a CSI source', () => {
    expect(volume({ volumeAttributesClassName: '' })).toEqual([
      'spec.volumeAttributesClassName: Required value: an empty string is disallowed',
      'spec.csi: Required value: has to be specified when using volumeAttributesClassName',
    ]);
  });
});

// After upstream validation_test.go TestValidateEphemeralVolume / TestEphemeralVolumeSource cases
describe('TestValidatePersistentVolumeClaimTemplate', () => {
  const at = ['spec', 'volumes', 0, 'ephemeral', 'volumeClaimTemplate'];
  const template = (metadata: Record<string, unknown>, spec: Record<string, unknown> = { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } }): string[] =>
    messages(validatePersistentVolumeClaimTemplate({ metadata, spec }, at));

  it('accepts labels and annotations and a valid claim spec', () => {
    expect(template({ labels: { type: 'scratch' }, annotations: { owner: 'me' }, creationTimestamp: null })).toEqual([]);
  });

  it('refuses every other metadata field as validateFieldAllowList names it, then checks the spec', () => {
    expect(template({ name: 'x', uid: '1', labels: { 'bad key!': 'v' } }, {})).toEqual([
      expect.stringMatching(/^spec\.volumes\[0\]\.ephemeral\.volumeClaimTemplate\.metadata\.labels: Invalid value: "bad key!": /),
      'spec.volumes[0].ephemeral.volumeClaimTemplate.metadata.name: Forbidden: cannot be set',
      'spec.volumes[0].ephemeral.volumeClaimTemplate.metadata.uID: Forbidden: cannot be set',
      'spec.volumes[0].ephemeral.volumeClaimTemplate.spec.accessModes: Required value: at least 1 access mode is required',
      'spec.volumes[0].ephemeral.volumeClaimTemplate.spec.resources[storage]: Required value',
    ]);
  });
});
