import { describe, expect, it } from 'vitest';
import { SUCCESS, unresolvable, unschedulable, type FilterResult } from '../framework.js';
import type { PodInfo } from '../pod-info.js';
import { clusterWithStorage, nodeInfoOf, podInfoOf, runFilter } from '../test-support.js';
import plugin from './volume-restrictions.js';
import { claimVolumes, pvc } from './volume-test-objects.js';

const diskConflict = unschedulable('node(s) had no available disk');
const rwopConflict = unschedulable('node(s) unavailable due to PersistentVolumeClaim with ReadWriteOncePod access mode already in-use by another pod');

type Volume = Readonly<Record<string, unknown>>;
const podWith = (...volumes: Volume[]) => podInfoOf({ containers: [{ name: 'c', image: 'i' }], volumes: volumes.map((v, i) => ({ name: `v${i}`, ...v })) });

const gce = (pdName: string) => ({ gcePersistentDisk: { pdName } });
const aws = (volumeID: string) => ({ awsElasticBlockStore: { volumeID } });
const rbd = (monitors: string[]) => ({ rbd: { monitors, pool: 'foo', image: 'bar', fsType: 'ext4' } });
const iscsi = (iqn: string) => ({ iscsi: { targetPortal: '127.0.0.1:3260', iqn, fsType: 'ext4', lun: 0 } });

interface DiskCase {
  readonly name: string;
  readonly pod: PodInfo;
  /** The volume of the one pod on the node (upstream's nodeInfo); undefined for an empty node. */
  readonly existing?: Volume;
  readonly preFilter: 'skip' | 'state';
  readonly want: FilterResult;
}

/** The four cases every disk table of volume_restrictions_test.go has, for the volumes volState and volState2. */
function diskCases(volState: Volume, volState2: Volume): DiskCase[] {
  return [
    { name: 'nothing', pod: podWith(), preFilter: 'skip', want: SUCCESS },
    { name: 'one state', pod: podWith(), existing: volState, preFilter: 'skip', want: SUCCESS },
    { name: 'same state', pod: podWith(volState), existing: volState, preFilter: 'state', want: diskConflict },
    { name: 'different state', pod: podWith(volState2), existing: volState, preFilter: 'state', want: SUCCESS },
  ];
}

// Ported from pkg/scheduler/framework/plugins/volumerestrictions/volume_restrictions_test.go (kubernetes/kubernetes at
// bace36fb03da88a1b97730d5bd67893c8b7f8067): PreFilter status (Skip or not), then Filter status.
const diskTables: readonly (readonly [string, readonly DiskCase[]])[] = [
  ['TestGCEDiskConflicts', [
    ...diskCases(gce('foo'), gce('bar')),
    { name: "pod with a volume that doesn't have restrictions", pod: podWith({ emptyDir: {} }), preFilter: 'skip', want: SUCCESS },
  ]],
  ['TestAWSDiskConflicts', diskCases(aws('foo'), aws('bar'))],
  ['TestRBDDiskConflicts', diskCases(rbd(['a', 'b']), rbd(['c', 'd']))],
  ['TestISCSIDiskConflicts', diskCases(iscsi('iqn.2016-12.server:storage.target01'), iscsi('iqn.2017-12.server:storage.target01'))],
];

describe.each(diskTables)('%s (upstream volume_restrictions_test.go)', (_test, cases) => {
  it.each(cases)('$name', ({ pod, existing, preFilter, want }) => {
    const node = nodeInfoOf({ name: 'node' }, existing ? [podWith(existing)] : []);
    const cluster = clusterWithStorage([node], []);
    expect(plugin.preFilter?.(pod, cluster).kind).toBe(preFilter);
    expect(runFilter(plugin, pod, node, cluster)).toEqual(want);
  });
});

describe('isVolumeConflict beyond the upstream tables', () => {
  const readOnly = (volume: Volume, key: string) => ({ [key]: { ...(volume[key] as Volume), readOnly: true } });
  it.each([
    ['a GCE disk mounted read-only by both pods', readOnly(gce('foo'), 'gcePersistentDisk'), SUCCESS],
    ['an RBD image mounted read-only by both pods', readOnly(rbd(['a']), 'rbd'), SUCCESS],
    ['an iSCSI target mounted read-only by both pods', readOnly(iscsi('iqn'), 'iscsi'), SUCCESS],
    ['an EBS volume, even read-only', readOnly(aws('foo'), 'awsElasticBlockStore'), diskConflict],
  ] as const)('%s', (_name, volume, want) => {
    const node = nodeInfoOf({ name: 'node' }, [podWith(volume)]);
    expect(runFilter(plugin, podWith(volume), node, clusterWithStorage([node], []))).toEqual(want);
  });
});

// TestAccessModeConflicts: the pods live in namespace default; the bound ones run on node-1.
const onNode1 = (name: string, ...claims: string[]) => podInfoOf({ ...claimVolumes(...claims), nodeName: 'node-1' }, { name });
const podWithOnePVC = onNode1('pod-with-one-pvc', 'claim-with-rwop-1');
const podWithTwoPVCs = onNode1('pod-with-two-pvcs', 'claim-with-rwop-1', 'claim-with-rwop-2');
const podWithOneConflict = onNode1('pod-with-one-conflict', 'claim-with-rwop-1');
const podWithTwoConflicts = onNode1('pod-with-two-conflicts', 'claim-with-rwop-1', 'claim-with-rwop-2');
const podWithReadWriteManyPVC = onNode1('pod-with-rwx', 'claim-with-rwx');
const readWriteOncePodPVC1 = pvc('claim-with-rwop-1', { accessModes: ['ReadWriteOncePod'] });
const readWriteOncePodPVC2 = pvc('claim-with-rwop-2', { accessModes: ['ReadWriteOncePod'] });
const readWriteManyPVC = pvc('claim-with-rwx', { accessModes: ['ReadWriteMany'] });

interface AccessModeCase {
  readonly name: string;
  readonly pod: PodInfo;
  readonly existingPods: readonly PodInfo[];
  readonly existingPVCs: readonly Volume[];
  /** Upstream's PreFilter status: Skip, a rejection, or Success (kubefit: a state). */
  readonly preFilter: 'skip' | 'state' | FilterResult;
  readonly want: FilterResult;
}

const accessModeCases: AccessModeCase[] = [
  { name: 'nothing', pod: podWith(), existingPods: [], existingPVCs: [], preFilter: 'skip', want: SUCCESS },
  {
    name: 'failed to get PVC', pod: podWithOnePVC, existingPods: [], existingPVCs: [],
    preFilter: unresolvable('persistentvolumeclaim "claim-with-rwop-1" not found'), want: SUCCESS,
  },
  {
    // Upstream skips the Filter (no claim in use). kubefit keeps the state while the pod has ReadWriteOncePod claims,
    // so that a replica placed later in the same dry-run conflicts (addPod); the Filter passes all the same.
    name: 'no access mode conflict', pod: podWithOnePVC, existingPods: [podWithReadWriteManyPVC],
    existingPVCs: [readWriteOncePodPVC1, readWriteManyPVC], preFilter: 'state', want: SUCCESS,
  },
  {
    name: 'access mode conflict, unschedulable', pod: podWithOneConflict, existingPods: [podWithOnePVC, podWithReadWriteManyPVC],
    existingPVCs: [readWriteOncePodPVC1, readWriteManyPVC], preFilter: 'state', want: rwopConflict,
  },
  {
    name: 'two conflicts, unschedulable', pod: podWithTwoConflicts, existingPods: [podWithTwoPVCs, podWithReadWriteManyPVC],
    existingPVCs: [readWriteOncePodPVC1, readWriteOncePodPVC2, readWriteManyPVC], preFilter: 'state', want: rwopConflict,
  },
];

describe('TestAccessModeConflicts (upstream volume_restrictions_test.go)', () => {
  it.each(accessModeCases)('$name', ({ pod, existingPods, existingPVCs, preFilter, want }) => {
    const node = nodeInfoOf({ name: 'node-1' }, existingPods);
    const cluster = clusterWithStorage([node], existingPVCs);
    const result = runFilter(plugin, pod, node, cluster);
    if (typeof preFilter === 'string') {
      expect(plugin.preFilter?.(pod, cluster).kind).toBe(preFilter);
      expect(result).toEqual(want);
    } else expect(result).toEqual(preFilter);
  });

  it('a pod using the claim on another node conflicts too (the claim is in use cluster-wide)', () => {
    const other = nodeInfoOf({ name: 'other' }, [podWithOnePVC]);
    const node = nodeInfoOf({ name: 'node-1' });
    expect(runFilter(plugin, podWithOneConflict, node, clusterWithStorage([node, other], [readWriteOncePodPVC1]))).toEqual(rwopConflict);
  });

  // upstream calPreFilterState counts a claim in use once, RemovePod (updateWithPod) takes one per volume of the pod
  // removed, and satisfyReadWriteOncePod conflicts only while the count is above zero.
  it('a pod mounting the claim twice, removed for preemption, leaves no conflict (the count drops to -1)', () => {
    const mountsTwice = onNode1('mounts-twice', 'claim-with-rwop-1', 'claim-with-rwop-1');
    const before = nodeInfoOf({ name: 'node-1' }, [mountsTwice]);
    const after = nodeInfoOf({ name: 'node-1' });
    const pre = plugin.preFilter?.(podWithOneConflict, clusterWithStorage([before], [readWriteOncePodPVC1]));
    if (pre?.kind !== 'state') return expect.fail('PreFilter keeps a state');
    const removed = plugin.changedNode?.(pre.state, podWithOneConflict, before, after) ?? expect.fail('changedNode');
    expect([plugin.filter(podWithOneConflict, before, pre.state), plugin.filter(podWithOneConflict, after, removed)]).toEqual([rwopConflict, SUCCESS]);
  });

  it('gives the reason of v1.32 and older (before kubernetes#129145) with --kubernetes-version 1.32', () => {
    const node = nodeInfoOf({ name: 'node-1' }, [podWithOnePVC]);
    const cluster = clusterWithStorage([node], [readWriteOncePodPVC1], true, 32);
    expect(runFilter(plugin, podWithOneConflict, node, cluster)).toEqual(
      unschedulable('node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode'),
    );
  });
});

// upstream readWriteOncePodPVCsForPod and conflictingPVCRefCountForPod read persistentVolumeClaim volumes only: a generic
// ephemeral volume's claim, even ReadWriteOncePod and mounted by name elsewhere, is no access-mode conflict.
describe('ReadWriteOncePod claims are those of persistentVolumeClaim volumes', () => {
  const ephemeralClaim = { ...pvc('abc-data', { accessModes: ['ReadWriteOncePod'] }), metadata: { name: 'abc-data', namespace: 'default' } };
  const preemptor = podInfoOf({ containers: [{ name: 'c', image: 'i' }], volumes: [{ name: 'data', ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOncePod'] } } } }] }, { name: 'abc' });

  it('a generic ephemeral volume whose claim another pod mounts by name', () => {
    const node = nodeInfoOf({ name: 'node-1' }, [onNode1('mounts-it', 'abc-data')]);
    const cluster = clusterWithStorage([node], [ephemeralClaim]);
    expect([plugin.preFilter?.(preemptor, cluster).kind, runFilter(plugin, preemptor, node, cluster)]).toEqual(['skip', SUCCESS]);
  });

  it('the same claim mounted as a persistentVolumeClaim volume conflicts', () => {
    const node = nodeInfoOf({ name: 'node-1' }, [onNode1('mounts-it', 'abc-data')]);
    const cluster = clusterWithStorage([node], [ephemeralClaim]);
    expect(runFilter(plugin, podInfoOf(claimVolumes('abc-data'), { name: 'other' }), node, cluster)).toEqual(rwopConflict);
  });
});
