import { describe, expect, it } from 'vitest';
import { SUCCESS, unresolvable, type FilterResult } from '../framework.js';
import { clusterWithStorage, nodeInfoOf, podInfoOf, runFilter } from '../test-support.js';
import plugin from './volume-zone.js';
import { claimVolumes, pv, pvc, storageClass } from './volume-test-objects.js';

const conflict = unresolvable('node(s) had no available volume zone');
const BETA_ZONE = 'failure-domain.beta.kubernetes.io/zone';
const BETA_REGION = 'failure-domain.beta.kubernetes.io/region';
const ZONE = 'topology.kubernetes.io/zone';
const REGION = 'topology.kubernetes.io/region';

const objects = [
  pv('Vol_1', { labels: { [BETA_ZONE]: 'us-west1-a' } }),
  pvc('PVC_1', { volumeName: 'Vol_1' }),
  pv('Vol_2', { labels: { [BETA_REGION]: 'us-west1-b', 'uselessLabel': 'none' } }),
  pvc('PVC_2', { volumeName: 'Vol_2' }),
  pv('Vol_3', { labels: { [BETA_REGION]: 'us-west1-c' } }),
  pvc('PVC_3', { volumeName: 'Vol_3' }),
  pv('Vol_Stable_1', { labels: { [ZONE]: 'us-west1-a' } }),
  pvc('PVC_Stable_1', { volumeName: 'Vol_Stable_1' }),
  pv('Vol_Multi', { labels: { [ZONE]: 'us-west1-a__us-west1-b' } }),
  pvc('PVC_Multi', { volumeName: 'Vol_Multi' }),
  pvc('PVC_EmptySC', { className: '' }),
  pvc('PVC_NoSC', { className: 'Class_0' }),
  pvc('PVC_ImmediateSC', { className: 'Class_Immediate' }),
  pvc('PVC_WaitSC', { className: 'Class_Wait' }),
  pvc('PVC_4', { volumeName: 'Vol_not_exist' }),
  pv('Vol_Stable_2', { labels: { [REGION]: 'us-west1', uselessLabel: 'none' } }),
  pvc('PVC_Stable_2', { volumeName: 'Vol_Stable_2' }),
  pv('Vol_Stable_3', { labels: { [ZONE]: 'us-west1-a', [REGION]: 'us-west1-a' } }),
  pvc('PVC_Stable_3', { volumeName: 'Vol_Stable_3' }),
  pv('Vol_EmptyZone', { labels: { [ZONE]: '' } }),
  pvc('PVC_EmptyZone', { volumeName: 'Vol_EmptyZone' }),
  pv('Vol_EmptyPart', { labels: { [ZONE]: 'us-west1-a__' } }),
  pvc('PVC_EmptyPart', { volumeName: 'Vol_EmptyPart' }),
  storageClass('Class_Immediate', 'Immediate'),
  storageClass('Class_Wait', 'WaitForFirstConsumer'),
];

interface Case {
  readonly name: string;
  readonly claims: readonly string[];
  readonly nodeLabels: Readonly<Record<string, string>>;
  readonly want: FilterResult;
}

// Ported from pkg/scheduler/framework/plugins/volumezone/volume_zone_test.go TestSingleZone, TestMultiZone, TestWithBinding.
const cases: Case[] = [
  { name: 'pod without volume', claims: [], nodeLabels: { [BETA_ZONE]: 'us-west1-a' }, want: SUCCESS },
  { name: 'node without labels', claims: ['PVC_1'], nodeLabels: {}, want: SUCCESS },
  { name: 'beta zone label matched', claims: ['PVC_1'], nodeLabels: { [BETA_ZONE]: 'us-west1-a', uselessLabel: 'none' }, want: SUCCESS },
  { name: 'beta region label matched', claims: ['PVC_2'], nodeLabels: { [BETA_REGION]: 'us-west1-b', uselessLabel: 'none' }, want: SUCCESS },
  { name: 'beta region label doesn\'t match', claims: ['PVC_2'], nodeLabels: { [BETA_REGION]: 'no_us-west1-b' }, want: conflict },
  { name: 'beta zone label doesn\'t match', claims: ['PVC_1'], nodeLabels: { [BETA_ZONE]: 'no_us-west1-a' }, want: conflict },
  { name: 'zone label matched', claims: ['PVC_Stable_1'], nodeLabels: { [ZONE]: 'us-west1-a' }, want: SUCCESS },
  { name: 'zone label doesn\'t match', claims: ['PVC_Stable_1'], nodeLabels: { [ZONE]: 'no_us-west1-a' }, want: conflict },
  { name: 'pv with beta label, node with ga label, matched', claims: ['PVC_1'], nodeLabels: { [ZONE]: 'us-west1-a' }, want: SUCCESS },
  { name: 'pv with beta label, node with ga label, don\'t match', claims: ['PVC_1'], nodeLabels: { [ZONE]: 'us-west1-b' }, want: conflict },
  // upstream volume_zone_test.go @030880a5dc5449403c6d1f0aa146a7dc21d6c6dc TestSingleZone, the GA region cases
  { name: 'region label matched', claims: ['PVC_Stable_2'], nodeLabels: { [REGION]: 'us-west1', uselessLabel: 'none' }, want: SUCCESS },
  { name: 'region label doesn\'t match', claims: ['PVC_Stable_2'], nodeLabels: { [REGION]: 'no_us-west1', uselessLabel: 'none' }, want: conflict },
  { name: 'pv with zone and region, node with only zone', claims: ['PVC_Stable_3'], nodeLabels: { [ZONE]: 'us-west1-a' }, want: conflict },
  { name: 'pv with zone,node with beta zone', claims: ['PVC_Stable_1'], nodeLabels: { [BETA_ZONE]: 'us-west1-a' }, want: conflict },
  // upstream: cloud-provider volume/helpers LabelZonesToSet rejects an empty zone, and getPVTopologies ignores the label
  { name: 'a PV zone label with an empty value is ignored', claims: ['PVC_EmptyZone'], nodeLabels: { [ZONE]: 'us-west1-b' }, want: SUCCESS },
  { name: 'a PV zone label with an empty zone in its list is ignored', claims: ['PVC_EmptyPart'], nodeLabels: { [ZONE]: 'us-west1-b' }, want: SUCCESS },
  { name: 'a volume in two zones: the second matches', claims: ['PVC_Multi'], nodeLabels: { [ZONE]: 'us-west1-b' }, want: SUCCESS },
  { name: 'a volume in two zones: neither matches', claims: ['PVC_Multi'], nodeLabels: { [ZONE]: 'us-west1-c' }, want: conflict },
  {
    name: 'unbound volume empty storage class',
    claims: ['PVC_EmptySC'],
    nodeLabels: { [ZONE]: 'us-west1-a' },
    want: unresolvable('PersistentVolumeClaim had no pv name and storageClass name'),
  },
  { name: 'unbound volume no storage class', claims: ['PVC_NoSC'], nodeLabels: {}, want: unresolvable('storageclass.storage.k8s.io "Class_0" not found') },
  { name: 'unbound volume immediate binding mode', claims: ['PVC_ImmediateSC'], nodeLabels: {}, want: unresolvable('PersistentVolume had no name') },
  { name: 'unbound volume wait binding mode', claims: ['PVC_WaitSC'], nodeLabels: { [ZONE]: 'us-west1-a' }, want: SUCCESS },
  { name: 'PVC does not exist', claims: ['PVC_99'], nodeLabels: {}, want: unresolvable('persistentvolumeclaim "PVC_99" not found') },
  { name: 'PV does not exist', claims: ['PVC_4'], nodeLabels: {}, want: unresolvable('persistentvolume "Vol_not_exist" not found') },
];

describe('VolumeZone', () => {
  it.each(cases)('$name', ({ claims, nodeLabels, want }) => {
    const node = nodeInfoOf({ name: 'host1', labels: nodeLabels });
    expect(runFilter(plugin, podInfoOf(claimVolumes(...claims)), node, clusterWithStorage([node], objects))).toEqual(want);
  });
});
