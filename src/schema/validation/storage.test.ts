import { describe, expect, it } from 'vitest';
import { errorMessage } from './field-error.js';
import { validateCSIDriver, validateCSIStorageCapacity, validateStorageClass, validateVolumeAttachment, validateVolumeAttributesClass } from './storage.js';

const storageClass = (fields: Record<string, unknown>): string[] => validateStorageClass({ provisioner: 'ebs.csi.aws.com', ...fields }).map(errorMessage);
const csiDriver = (spec: Record<string, unknown>): string[] => validateCSIDriver({ spec }).map(errorMessage);

const attachment = (spec: Record<string, unknown>): string[] => validateVolumeAttachment({ spec: { attacher: 'ebs.csi.aws.com', nodeName: 'node-1', ...spec } }).map(errorMessage);
const zone = (...values: string[]): Record<string, unknown> => ({ key: 'topology.kubernetes.io/zone', values });

// Cases after upstream pkg/apis/storage/validation/validation_test.go
describe('TestValidateStorageClass', () => {
  it('accepts a qualified provisioner, parameters, Delete or Retain, and distinct topology terms', () => {
    expect(storageClass({ provisioner: 'kubernetes.io/aws-ebs', parameters: { type: 'gp3' }, reclaimPolicy: 'Retain', volumeBindingMode: 'WaitForFirstConsumer' })).toEqual([]);
    expect(storageClass({ allowedTopologies: [{ matchLabelExpressions: [zone('a', 'b')] }, { matchLabelExpressions: [zone('c')] }] })).toEqual([]);
  });

  it('requires a provisioner that is a qualified name once lower-cased (validateProvisioner)', () => {
    expect(storageClass({ provisioner: '' })).toEqual(['provisioner: Required value']);
    expect(storageClass({ provisioner: 'Example.COM/My Provisioner' })).toEqual([
      "provisioner: Invalid value: \"example.com/my provisioner\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    ]);
  });

  it('refuses empty parameter keys and more than 512 parameters (validateParameters)', () => {
    expect(storageClass({ parameters: { '': 'x' } })).toEqual(['parameters: Invalid value: "": field can not be empty.']);
    expect(storageClass({ parameters: Object.fromEntries(Array.from({ length: 513 }, (_, index) => [`k${index}`, 'v'])) })).toEqual(['parameters: Too long: may not be more than 512 bytes']);
  });

  it('refuses Recycle and unknown binding modes (validateReclaimPolicy, validateVolumeBindingMode)', () => {
    expect(storageClass({ reclaimPolicy: 'Recycle', volumeBindingMode: 'Later' })).toEqual([
      'reclaimPolicy: Unsupported value: "Recycle": supported values: "Delete", "Retain"',
      'volumeBindingMode: Unsupported value: "Later": supported values: "Immediate", "WaitForFirstConsumer"',
    ]);
  });

  it('checks topology requirements and duplicate terms (validateAllowedTopologies, ValidateTopologySelectorTerm)', () => {
    expect(storageClass({ allowedTopologies: [
      { matchLabelExpressions: [zone('a', 'a'), zone(), { key: 'bad key', values: ['x'] }] },
      { matchLabelExpressions: [zone('b')] },
      { matchLabelExpressions: [zone('b')] },
    ] })).toEqual([
      'allowedTopologies[0].matchLabelExpressions[0].values[1]: Duplicate value: "a"',
      'allowedTopologies[0].matchLabelExpressions[1].values: Required value',
      'allowedTopologies[0].matchLabelExpressions[1].key: Duplicate value: "topology.kubernetes.io/zone"',
      "allowedTopologies[0].matchLabelExpressions[2].key: Invalid value: \"bad key\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      'allowedTopologies[2].matchLabelExpressions: Duplicate value: ""',
    ]);
  });

  it('reports a term without requirements once per term (the nil maps upstream\'s slice starts with equal an empty term)', () => {
    expect(storageClass({ allowedTopologies: [{}, { matchLabelExpressions: [zone('a')] }] })).toEqual([
      'allowedTopologies[0].matchLabelExpressions: Duplicate value: ""',
      'allowedTopologies[0].matchLabelExpressions: Duplicate value: ""',
    ]);
  });
});

describe('TestValidateCSIDriver', () => {
  it('accepts the supported policies and modes and distinct token audiences', () => {
    expect(csiDriver({ fsGroupPolicy: 'File', volumeLifecycleModes: ['Persistent', 'Ephemeral'], tokenRequests: [{ audience: 'a', expirationSeconds: 3600 }, { audience: '' }] })).toEqual([]);
  });

  it('refuses unknown policies and modes, repeated audiences and expirations out of range', () => {
    expect(csiDriver({ fsGroupPolicy: 'Always', volumeLifecycleModes: ['Inline'], tokenRequests: [{ audience: 'a', expirationSeconds: 60 }, { audience: 'b', expirationSeconds: 2 ** 32 + 1 }, { audience: 'a' }] })).toEqual([
      'spec.fsGroupPolicy: Unsupported value: "Always": supported values: "File", "None", "ReadWriteOnceWithFSType"',
      'spec.tokenRequests[0].expirationSeconds: Invalid value: 60: may not specify a duration less than 10 minutes',
      'spec.tokenRequests[1].expirationSeconds: Invalid value: 4294967297: may not specify a duration larger than 2^32 seconds',
      'spec.tokenRequests[2].audience: Duplicate value: "a"',
      'spec.volumeLifecycleModes: Unsupported value: "Inline": supported values: "Persistent", "Ephemeral"',
    ]);
  });
});

describe('TestValidateVolumeAttachment', () => {
  it('accepts a CSI attacher with a volume name or an inline CSI spec', () => {
    expect(attachment({ source: { persistentVolumeName: 'pv-1' } })).toEqual([]);
    expect(attachment({ source: { inlineVolumeSpec: { accessModes: ['ReadWriteOnce'], csi: { driver: 'ebs.csi.aws.com', volumeHandle: 'vol-1' }, persistentVolumeReclaimPolicy: 'Retain' } } })).toEqual([]);
  });

  it('requires an attacher that is a CSI driver name, a node name and exactly one source (ValidateVolumeAttachmentV1)', () => {
    expect(attachment({ attacher: '', nodeName: 'Node_1', source: {} })).toEqual([
      'spec.attacher: Required value',
      'spec.source: Required value: must specify exactly one of inlineVolumeSpec and persistentVolumeName',
      "spec.nodeName: Invalid value: \"Node_1\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      'spec.attacher: Required value',
    ]);
    expect(attachment({ source: { persistentVolumeName: 'pv-1', inlineVolumeSpec: {} } })).toEqual(['spec.source: Forbidden: must specify exactly one of inlineVolumeSpec and persistentVolumeName']);
  });

  it('refuses in an inline spec what only a PersistentVolume may have (ValidatePersistentVolumeSpec for inline volumes)', () => {
    expect(attachment({ source: { inlineVolumeSpec: { accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' }, claimRef: { name: 'c' }, nfs: { server: 's', path: '/e' }, persistentVolumeReclaimPolicy: 'Delete', storageClassName: 'x', volumeMode: 'Block', nodeAffinity: {} } } })).toEqual([
      'spec.source.inlineVolumeSpec.claimRef: Forbidden: may not be specified in the context of inline volumes',
      'spec.source.inlineVolumeSpec.capacity: Forbidden: may not be specified in the context of inline volumes',
      'spec.source.inlineVolumeSpec.csi: Required value: has to be specified in the context of inline volumes',
      'spec.source.inlineVolumeSpec.persistentVolumeReclaimPolicy: Forbidden: may only be Retain in the context of inline volumes',
      'spec.source.inlineVolumeSpec.nodeAffinity: Forbidden: may not be specified in the context of inline volumes',
      'spec.source.inlineVolumeSpec.storageClassName: Forbidden: may not be specified in the context of inline volumes',
      'spec.source.inlineVolumeSpec.volumeMode: Forbidden: may not specify volumeMode other than Filesystem in the context of inline volumes',
    ]);
  });
});

const SUBDOMAIN = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

// upstream: validation_test.go TestValidateVolumeAttributesClass (v1.36)
describe('TestValidateVolumeAttributesClass', () => {
  const attributesClass = (fields: Record<string, unknown>): string[] => validateVolumeAttributesClass({ driverName: 'ebs.csi.aws.com', parameters: { iops: '3000' }, ...fields }).map(errorMessage);

  it('a qualified driver name and at least one parameter, none with an empty key (validateProvisioner, validateParameters)', () => {
    expect(attributesClass({})).toEqual([]);
    expect(attributesClass({ driverName: '' })).toEqual(['driverName: Required value']);
    expect(attributesClass({ driverName: 'Invalid/Driver/Name' })[0]).toMatch(/^driverName: Invalid value: "invalid\/driver\/name": /);
    expect(attributesClass({ parameters: {} })).toEqual(['parameters: Required value: must contain at least one key/value pair']);
    expect(attributesClass({ parameters: { '': 'x' } })).toEqual(['parameters: Invalid value: "": field can not be empty.']);
  });
});

// upstream: validation_test.go TestValidateCSIStorageCapacity (v1.36)
describe('TestValidateCSIStorageCapacity', () => {
  const capacity = (fields: Record<string, unknown>): string[] => validateCSIStorageCapacity({ storageClassName: 'fast', ...fields }).map(errorMessage);

  it('the node topology selector, a DNS-subdomain class name and a capacity not below zero', () => {
    expect(capacity({ capacity: '10Gi', nodeTopology: { matchLabels: { 'topology.kubernetes.io/zone': 'a' } } })).toEqual([]);
    expect(capacity({ storageClassName: 'Bad_Name' })).toEqual([`storageClassName: Invalid value: "Bad_Name": ${SUBDOMAIN}`]);
    expect(capacity({ capacity: '-1Gi' })).toEqual(['capacity: Invalid value: "-1Gi": must be greater than or equal to 0']);
    expect(capacity({ nodeTopology: { matchExpressions: [{ key: 'zone', operator: 'In' }] } })).toEqual(['nodeTopology.matchExpressions[0].values: Required value: must be specified when `operator` is \'In\' or \'NotIn\'']);
  });
});
