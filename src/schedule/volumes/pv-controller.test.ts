import { describe, expect, it } from 'vitest';
import { objectOf } from '../test-support.js';
import { NEWEST_MINOR } from '../version.js';
import { StorageCatalog } from './storage-catalog.js';

type Value = Readonly<Record<string, unknown>>;

const volume = (name: string, { size = '1Gi', className = '', claimRef }: { size?: string; className?: string; claimRef?: string } = {}): Value => ({
  apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name },
  spec: { capacity: { storage: size }, accessModes: ['ReadWriteOnce'], storageClassName: className, ...(claimRef && { claimRef: { namespace: 'default', name: claimRef } }) },
  status: { phase: 'Available' },
});
const claim = (name: string, { size = '1Gi', volumeName, className = '', selector }: { size?: string; volumeName?: string; className?: string; selector?: Value } = {}): Value => ({
  apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: 'default' },
  spec: { accessModes: ['ReadWriteOnce'], storageClassName: className, resources: { requests: { storage: size } }, ...(volumeName && { volumeName }), ...(selector && { selector }) },
});
const waitClass = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'wait' }, provisioner: 'kubernetes.io/no-provisioner', volumeBindingMode: 'WaitForFirstConsumer' };

/** The PV the claim `name` of the manifests is bound to once the PV controller has seen it ('' when Pending). */
function boundVolume(name: string, objects: readonly Value[]): string {
  const catalog = StorageCatalog.of(objects.map((value) => objectOf(value)), 'snapshot', NEWEST_MINOR);
  const bound = catalog.claim('default', name);
  return bound?.bindCompleted ? bound.volumeName : '';
}

// upstream: pkg/controller/volume/persistentvolume/binder_test.go TestSync [Unit test set 2] "User asked for a specific
// PV" (pv_controller.go syncUnboundClaim with spec.volumeName set, checkVolumeSatisfyClaim), as the claim ends up
describe('TestSync set 2: a claim that names its PV (upstream binder_test.go)', () => {
  it.each<[string, readonly Value[], string]>([
    ['2-1 claim prebound to non-existing volume: Pending', [claim('claim2-1', { size: '10Gi', volumeName: 'volume2-1' })], ''],
    ['2-3 claim prebound to unbound volume: bound', [volume('volume2-3'), claim('claim2-3', { volumeName: 'volume2-3' })], 'volume2-3'],
    ['2-4 mutual prebind by name: bound', [volume('volume2-4', { claimRef: 'claim2-4' }), claim('claim2-4', { volumeName: 'volume2-4' })], 'volume2-4'],
    ['2-6 claim prebound to already bound volume: Pending', [volume('volume2-6', { claimRef: 'claim2-6_1' }), claim('claim2-6', { volumeName: 'volume2-6' })], ''],
    [
      '2-8 claim-prebound unbound volume binds whatever the selector',
      [volume('volume2-8'), claim('claim2-8', { volumeName: 'volume2-8', selector: { matchLabels: { foo: 'true' } } })],
      'volume2-8',
    ],
    ['2-9 volume smaller than requested: Pending', [volume('volume2-9'), claim('claim2-9', { size: '2Gi', volumeName: 'volume2-9' })], ''],
    ['2-10 volume of another class: Pending', [volume('volume2-10', { className: 'gold' }), claim('claim2-10', { volumeName: 'volume2-10' })], ''],
  ])('%s', (_name, objects, want) => {
    const name = String(((objects.at(-1) as Value)['metadata'] as Value)['name']);
    expect(boundVolume(name, objects)).toBe(want);
  });

  it('the named PV, not the smallest match', () => {
    expect(boundVolume('data', [volume('small'), volume('named', { size: '10Gi' }), claim('data', { volumeName: 'named' })])).toBe('named');
  });
});

// upstream: component-helpers storage/volume/pv_helpers.go FindMatchingVolume: with delayBinding (the PV controller and a
// WaitForFirstConsumer class) a PV pre-bound to the claim is still returned, and only the others are left to the
// scheduler; binder_test.go "1-18 - successful pre-bound PV to PVC provisioning"
describe('a WaitForFirstConsumer claim of the manifests', () => {
  it('is bound at once to the PV pre-bound to it', () => {
    expect(boundVolume('data', [waitClass, volume('prebound', { className: 'wait', claimRef: 'data' }), claim('data', { className: 'wait' })])).toBe('prebound');
  });

  it('is left to the scheduler when no PV is pre-bound to it', () => {
    expect(boundVolume('data', [waitClass, volume('free', { className: 'wait' }), claim('data', { className: 'wait' })])).toBe('');
  });
});

// upstream: pv_controller.go syncUnboundClaim leaves provisioning to the class's provisioner, and
// kubernetes-csi/external-provisioner pkg/controller/controller.go Provision fails a claim with a selector ("claim
// Selector is not supported"): the claim stays Pending
describe('a claim of an Immediate class with a selector', () => {
  const csi = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'csi' }, provisioner: 'csi.example.com', volumeBindingMode: 'Immediate' };
  const selector = { matchLabels: { tier: 'gold' } };
  const gold = { ...volume('gold', { className: 'csi' }), metadata: { name: 'gold', labels: { tier: 'gold' } } };

  it('binds a PV its selector matches', () => {
    expect(boundVolume('data', [csi, gold, claim('data', { className: 'csi', selector })])).toBe('gold');
  });

  it('is not provisioned when no PV matches: Pending', () => {
    expect(boundVolume('data', [csi, volume('silver', { className: 'csi' }), claim('data', { className: 'csi', selector })])).toBe('');
  });

  it('without a selector, is provisioned', () => {
    expect(boundVolume('data', [csi, claim('data', { className: 'csi' })])).toBe('pvc-default-data');
  });
});
