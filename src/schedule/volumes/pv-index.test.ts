import { describe, expect, it } from 'vitest';
import { objectOf } from '../test-support.js';
import { NEWEST_MINOR } from '../version.js';
import { StorageCatalog } from './storage-catalog.js';

type Value = Readonly<Record<string, unknown>>;

const volume = (name: string, accessModes: readonly string[], claimRef?: Value): Value => ({
  apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name },
  spec: { capacity: { storage: '10G' }, accessModes, storageClassName: 'manual', ...(claimRef && { claimRef }) },
  status: { phase: 'Available' },
});
const manual = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'manual' }, provisioner: 'kubernetes.io/no-provisioner', volumeBindingMode: 'Immediate' };
const claim = (accessModes: readonly string[]): Value => ({
  apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'claim01', namespace: 'myns' },
  spec: { accessModes, storageClassName: 'manual', resources: { requests: { storage: '1G' } } },
});

/** The volume the PV controller binds a new claim of an Immediate class to (manifest claims are bound as created). */
function boundVolume(accessModes: readonly string[], volumes: readonly Value[]): string {
  const catalog = StorageCatalog.of([manual, ...volumes, claim(accessModes)].map((value) => objectOf(value)), 'snapshot', NEWEST_MINOR);
  return catalog.claim('myns', 'claim01')?.volumeName ?? '';
}

// upstream: pkg/controller/volume/persistentvolume/index_test.go TestFindingVolumeWithDifferentAccessModes (v1.35): the
// PVs are indexed by their set of access modes and the sets holding the claim's modes are searched fewest modes first,
// so the smallest PV overall is not always the one bound.
describe('TestFindingVolumeWithDifferentAccessModes (upstream index_test.go)', () => {
  const RWO = 'ReadWriteOnce';
  const ROX = 'ReadOnlyMany';
  const RWX = 'ReadWriteMany';
  const gce = volume('gce', [RWO, ROX]);
  const ebs = volume('ebs', [RWO]);
  const nfs = volume('nfs', [RWO, ROX, RWX]);
  const taken = { namespace: 'other', name: 'claim' };

  it.each<[string, readonly string[], readonly Value[], string]>([
    ['RWO: the RWO-only volume', [RWO], [gce, ebs, nfs], 'ebs'],
    ['RWO and ROX: the volume with exactly those modes', [RWO, ROX], [gce, ebs, nfs], 'gce'],
    ['order of the requested modes does not matter', [RWX, RWO, ROX], [gce, ebs, nfs], 'nfs'],
    ['fewer modes requested still match', [RWX], [gce, ebs, nfs], 'nfs'],
    ['the exact match bound: the next level up of modes', [RWO], [gce, volume('ebs', [RWO], taken), nfs], 'gce'],
    ['continue up the levels of modes', [RWO], [volume('gce', [RWO, ROX], taken), volume('ebs', [RWO], taken), nfs], 'nfs'],
    ['partial mode request', [ROX], [gce, volume('ebs', [RWO], taken), nfs], 'gce'],
  ])('%s', (_name, modes, volumes, want) => {
    expect(boundVolume(modes, volumes)).toBe(want);
  });

  it('a claim whose access modes no PV holds all of stays unbound (its class provisions nothing)', () => {
    expect(boundVolume([RWX], [ebs, volume('big', [RWO])])).toBe('');
  });
});
