import { describe, expect, it } from 'vitest';
import { SUCCESS, unschedulable } from '../framework.js';
import { clusterWithStorage, nodeInfoOf, podInfoOf, runFilter } from '../test-support.js';
import plugin from './node-volume-limits.js';
import { claimVolumes, pv, pvc, storageClass } from './volume-test-objects.js';

const exceeded = unschedulable('node(s) exceed max volume count');
const EBS = 'ebs.csi.aws.com';

function csiNode(limit: number | undefined) {
  const allocatable = limit === undefined ? {} : { allocatable: { count: limit } };
  return { apiVersion: 'storage.k8s.io/v1', kind: 'CSINode', metadata: { name: 'node-for-max-pd-test-1' }, spec: { drivers: [{ name: EBS, nodeID: 'n', ...allocatable }] } };
}

// Claims csi-ebs-0..3 bound to PVs of the EBS driver; csi-ebs-pending has no PV yet and counts by its class.
const objects = [
  ...[0, 1, 2, 3].flatMap((i) => [pvc(`csi-ebs-${i}`, { volumeName: `csi-ebs-pv-${i}` }), pv(`csi-ebs-pv-${i}`, { claim: `csi-ebs-${i}`, csi: { driver: EBS, handle: `vol-${i}` } })]),
  pvc('csi-ebs-pending', { className: 'csi-sc' }),
  storageClass('csi-sc', 'WaitForFirstConsumer', EBS),
];

interface Case {
  readonly name: string;
  readonly newPod: readonly string[];
  readonly existing: readonly (readonly string[])[];
  readonly limit: number | undefined;
  readonly want: typeof SUCCESS | typeof exceeded;
}

// Ported from pkg/scheduler/framework/plugins/nodevolumelimits/csi_test.go TestCSILimits.
const cases: Case[] = [
  { name: 'fits when node volume limit >= new pods CSI volume', newPod: ['csi-ebs-0'], existing: [['csi-ebs-1']], limit: 4, want: SUCCESS },
  { name: "doesn't when node volume limit <= pods CSI volume", newPod: ['csi-ebs-0'], existing: [['csi-ebs-1'], ['csi-ebs-2']], limit: 2, want: exceeded },
  { name: 'should when driver does not support volume limits', newPod: ['csi-ebs-0'], existing: [['csi-ebs-1'], ['csi-ebs-2']], limit: undefined, want: SUCCESS },
  { name: 'count pending PVCs towards volume limit <= limit', newPod: ['csi-ebs-pending'], existing: [['csi-ebs-1']], limit: 2, want: SUCCESS },
  { name: 'count pending PVCs towards volume limit > limit', newPod: ['csi-ebs-pending'], existing: [['csi-ebs-1'], ['csi-ebs-2']], limit: 2, want: exceeded },
  { name: 'should not count a volume the node already attaches for another pod', newPod: ['csi-ebs-1'], existing: [['csi-ebs-1'], ['csi-ebs-2']], limit: 2, want: SUCCESS },
  { name: 'two new volumes past the limit', newPod: ['csi-ebs-0', 'csi-ebs-3'], existing: [['csi-ebs-1']], limit: 2, want: exceeded },
];

describe('NodeVolumeLimits', () => {
  it.each(cases)('$name', ({ newPod, existing, limit, want }) => {
    const pods = existing.map((claims, i) => podInfoOf(claimVolumes(...claims), { name: `existing-${i}` }));
    const node = nodeInfoOf({ name: 'node-for-max-pd-test-1' }, pods);
    expect(runFilter(plugin, podInfoOf(claimVolumes(...newPod)), node, clusterWithStorage([node], [...objects, csiNode(limit)]))).toEqual(want);
  });

  it('reads the deprecated attachable-volumes-csi-* allocatable when there is no CSINode', () => {
    const existing = podInfoOf(claimVolumes('csi-ebs-1'), { name: 'existing' });
    const node = nodeInfoOf({ name: 'n', allocatable: { cpu: '1', memory: '1Gi', pods: '10', [`attachable-volumes-csi-${EBS}`]: '1' } }, [existing]);
    expect(runFilter(plugin, podInfoOf(claimVolumes('csi-ebs-0')), node, clusterWithStorage([node], objects))).toEqual(exceeded);
  });
});
