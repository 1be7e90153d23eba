import { describe, expect, it } from 'vitest';
import { SUCCESS, unresolvable, unschedulable } from '../framework.js';
import { clusterWithStorage, nodeInfoOf, podInfoOf, runFilter } from '../test-support.js';
import plugin from './volume-restrictions.js';
import { claimVolumes, pvc } from './volume-test-objects.js';

const diskConflict = unschedulable('node(s) had no available disk');
const rwopConflict = unschedulable('node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode');

type Volume = Readonly<Record<string, unknown>>;
const podWith = (...volumes: Volume[]) => podInfoOf({ containers: [{ name: 'c', image: 'i' }], volumes: volumes.map((v, i) => ({ name: `v${i}`, ...v })) });

function check(pod: ReturnType<typeof podWith>, existing: ReturnType<typeof podWith> | undefined) {
  const node = nodeInfoOf({ name: 'node' }, existing ? [existing] : []);
  return runFilter(plugin, pod, node, clusterWithStorage([node], []));
}

const gce = (pdName: string, readOnly = false) => ({ gcePersistentDisk: { pdName, readOnly } });
const aws = (volumeID: string) => ({ awsElasticBlockStore: { volumeID } });
const rbd = (monitors: string[], image: string, readOnly = false) => ({ rbd: { monitors, pool: 'foo', image, readOnly } });
const iscsi = (iqn: string, readOnly = false) => ({ iscsi: { targetPortal: '127.0.0.1:3260', iqn, lun: 0, readOnly } });

// Ported from pkg/scheduler/framework/plugins/volumerestrictions/volume_restrictions_test.go TestGCEDiskConflicts,
// TestAWSDiskConflicts, TestRBDDiskConflicts, TestISCSIDiskConflicts.
const diskCases = [
  { name: 'GCE: nothing', pod: podWith(), existing: undefined, want: SUCCESS },
  { name: 'GCE: one state', pod: podWith(gce('foo')), existing: podWith(gce('foo')), want: diskConflict },
  { name: 'GCE: different disk', pod: podWith(gce('bar')), existing: podWith(gce('foo')), want: SUCCESS },
  { name: 'GCE: both read-only', pod: podWith(gce('foo', true)), existing: podWith(gce('foo', true)), want: SUCCESS },
  { name: 'AWS: same volume', pod: podWith(aws('foo')), existing: podWith(aws('foo')), want: diskConflict },
  { name: 'AWS: different volume', pod: podWith(aws('bar')), existing: podWith(aws('foo')), want: SUCCESS },
  { name: 'RBD: shared monitor, same image', pod: podWith(rbd(['a', 'b'], 'bar')), existing: podWith(rbd(['b', 'c'], 'bar')), want: diskConflict },
  { name: 'RBD: no shared monitor', pod: podWith(rbd(['a'], 'bar')), existing: podWith(rbd(['c'], 'bar')), want: SUCCESS },
  { name: 'RBD: both read-only', pod: podWith(rbd(['a'], 'bar', true)), existing: podWith(rbd(['a'], 'bar', true)), want: SUCCESS },
  { name: 'ISCSI: same iqn', pod: podWith(iscsi('iqn.2016-12.server:storage.target01')), existing: podWith(iscsi('iqn.2016-12.server:storage.target01')), want: diskConflict },
  { name: 'ISCSI: different iqn', pod: podWith(iscsi('iqn.a')), existing: podWith(iscsi('iqn.b')), want: SUCCESS },
];

describe('VolumeRestrictions', () => {
  it.each(diskCases)('$name', ({ pod, existing, want }) => {
    expect(check(pod, existing)).toEqual(want);
  });

  // Ported from TestAccessModeConflicts.
  const rwop = pvc('claim-with-rwop', { accessModes: ['ReadWriteOncePod'] });
  const rwop2 = pvc('claim-with-rwop-2', { accessModes: ['ReadWriteOncePod'] });
  it('nothing running', () => {
    const node = nodeInfoOf({ name: 'node' });
    expect(runFilter(plugin, podInfoOf(claimVolumes('claim-with-rwop')), node, clusterWithStorage([node], [rwop]))).toEqual(SUCCESS);
  });

  it('failed to get PVC', () => {
    const node = nodeInfoOf({ name: 'node' });
    const got = runFilter(plugin, podInfoOf(claimVolumes('claim-with-rwop')), node, clusterWithStorage([node], []));
    expect(got).toEqual(unresolvable('persistentvolumeclaim "claim-with-rwop" not found'));
  });

  it('no access mode conflict', () => {
    const node = nodeInfoOf({ name: 'node' }, [podInfoOf(claimVolumes('claim-with-rwop-2'), { name: 'other' })]);
    expect(runFilter(plugin, podInfoOf(claimVolumes('claim-with-rwop')), node, clusterWithStorage([node], [rwop, rwop2]))).toEqual(SUCCESS);
  });

  it('access mode conflict, unschedulable (a pod on another node uses the claim)', () => {
    const other = nodeInfoOf({ name: 'other' }, [podInfoOf(claimVolumes('claim-with-rwop'), { name: 'holder' })]);
    const node = nodeInfoOf({ name: 'node' });
    const got = runFilter(plugin, podInfoOf(claimVolumes('claim-with-rwop')), node, clusterWithStorage([node, other], [rwop]));
    expect(got).toEqual(rwopConflict);
  });
});
