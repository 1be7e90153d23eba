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

type Value = Readonly<Record<string, unknown>>;

/** A PersistentVolume with these labels and the claim `claim` bound to it (upstream's pvLister and pvcLister). */
const boundVolume = (claim: string, volume: string, labels: Readonly<Record<string, string>>): Value[] => [pv(volume, { labels }), pvc(claim, { volumeName: volume })];

interface Case {
  readonly name: string;
  /** The pod's claim; none for a pod without volumes. */
  readonly claim?: string;
  readonly nodeLabels: Readonly<Record<string, string>>;
  /** Upstream's PreFilter status: Skip, Success (a state) or a rejection (shown again by Filter). */
  readonly preFilter?: 'skip' | FilterResult;
  readonly want?: FilterResult;
}

function run(objects: readonly Value[], { claim, nodeLabels, preFilter, want = SUCCESS }: Case): void {
  const node = nodeInfoOf({ name: 'host1', labels: nodeLabels });
  const pod = podInfoOf(claim ? claimVolumes(claim) : claimVolumes(), { name: 'pod_1' });
  const cluster = clusterWithStorage([node], objects);
  const pre = plugin.preFilter?.(pod, cluster);
  if (preFilter === 'skip') expect(pre?.kind).toBe('skip');
  else if (preFilter) expect(runFilter(plugin, pod, node, cluster)).toEqual(preFilter);
  else expect([pre?.kind, runFilter(plugin, pod, node, cluster)]).toEqual(['state', want]);
}

// Ported from pkg/scheduler/framework/plugins/volumezone/volume_zone_test.go (kubernetes/kubernetes at
// 52a622ad6d2648599b28eec29263518162f9fcf8): PreFilter status, then Filter status.
const singleZoneObjects = [
  ...boundVolume('PVC_1', 'Vol_1', { [BETA_ZONE]: 'us-west1-a' }),
  ...boundVolume('PVC_2', 'Vol_2', { [BETA_REGION]: 'us-west1', uselessLabel: 'none' }),
  ...boundVolume('PVC_3', 'Vol_3', { [BETA_REGION]: 'us-west1' }),
  ...boundVolume('PVC_Stable_1', 'Vol_Stable_1', { [ZONE]: 'us-west1-a' }),
  ...boundVolume('PVC_Stable_2', 'Vol_Stable_2', { [REGION]: 'us-west1', uselessLabel: 'none' }),
  ...boundVolume('PVC_Stable_3', 'Vol_Stable_3', { [ZONE]: 'us-west1-a', [REGION]: 'us-west1-a' }),
  pvc('PVC_4', { volumeName: 'Vol_not_exist' }),
];

const singleZoneCases: Case[] = [
  { name: 'pod without volume', nodeLabels: { [BETA_ZONE]: 'us-west1-a' }, preFilter: 'skip' },
  { name: 'node without labels', claim: 'PVC_1', nodeLabels: {} },
  { name: 'beta zone label matched', claim: 'PVC_1', nodeLabels: { [BETA_ZONE]: 'us-west1-a', uselessLabel: 'none' } },
  { name: 'beta region label matched', claim: 'PVC_2', nodeLabels: { [BETA_REGION]: 'us-west1', uselessLabel: 'none' } },
  { name: "beta region label doesn't match", claim: 'PVC_2', nodeLabels: { [BETA_REGION]: 'no_us-west1', uselessLabel: 'none' }, want: conflict },
  { name: "beta zone label doesn't match", claim: 'PVC_1', nodeLabels: { [BETA_ZONE]: 'no_us-west1-a', uselessLabel: 'none' }, want: conflict },
  { name: 'zone label matched', claim: 'PVC_Stable_1', nodeLabels: { [ZONE]: 'us-west1-a', uselessLabel: 'none' } },
  { name: 'region label matched', claim: 'PVC_Stable_2', nodeLabels: { [REGION]: 'us-west1', uselessLabel: 'none' } },
  { name: "region label doesn't match", claim: 'PVC_Stable_2', nodeLabels: { [REGION]: 'no_us-west1', uselessLabel: 'none' }, want: conflict },
  { name: "zone label doesn't match", claim: 'PVC_Stable_1', nodeLabels: { [ZONE]: 'no_us-west1-a', uselessLabel: 'none' }, want: conflict },
  { name: 'pv with zone and region, node with only zone', claim: 'PVC_Stable_3', nodeLabels: { [ZONE]: 'us-west1-a' }, want: conflict },
  { name: 'pv with zone,node with beta zone', claim: 'PVC_Stable_1', nodeLabels: { [BETA_ZONE]: 'us-west1-a' }, want: conflict },
  { name: 'pv with beta label,node with ga label, matched', claim: 'PVC_1', nodeLabels: { [ZONE]: 'us-west1-a' } },
  { name: "pv with beta label,node with ga label, don't match", claim: 'PVC_1', nodeLabels: { [ZONE]: 'us-west1-b' }, want: conflict },
  // from earlier releases of TestSingleZone (listers' NotFound errors)
  { name: 'PVC does not exist', claim: 'PVC_99', nodeLabels: {}, preFilter: unresolvable('persistentvolumeclaim "PVC_99" not found') },
  { name: 'PV does not exist', claim: 'PVC_4', nodeLabels: {}, preFilter: unresolvable('persistentvolume "Vol_not_exist" not found') },
];

const multiZoneObjects = [
  ...boundVolume('PVC_1', 'Vol_1', { [BETA_ZONE]: 'us-west1-a' }),
  ...boundVolume('PVC_2', 'Vol_2', { [BETA_ZONE]: 'us-west1-b', uselessLabel: 'none' }),
  ...boundVolume('PVC_3', 'Vol_3', { [BETA_ZONE]: 'us-west1-c__us-west1-a' }),
  ...boundVolume('PVC_Stable_1', 'Vol_Stable_1', { [ZONE]: 'us-west1-a' }),
  ...boundVolume('PVC_Stable_2', 'Vol_Stable_2', { [ZONE]: 'us-west1-c__us-west1-a' }),
  pvc('PVC_4', { volumeName: 'Vol_not_exist' }),
  // not upstream: volumehelpers.LabelZonesToSet rejects an empty zone, and getPVbyPod ignores such a label
  ...boundVolume('PVC_EmptyZone', 'Vol_EmptyZone', { [ZONE]: '' }),
  ...boundVolume('PVC_EmptyPart', 'Vol_EmptyPart', { [ZONE]: 'us-west1-a__' }),
];

const multiZoneCases: Case[] = [
  { name: 'node without labels', claim: 'PVC_3', nodeLabels: {} },
  { name: 'beta zone label matched', claim: 'PVC_3', nodeLabels: { [BETA_ZONE]: 'us-west1-a', uselessLabel: 'none' } },
  { name: "beta zone label doesn't match", claim: 'PVC_1', nodeLabels: { [BETA_ZONE]: 'us-west1-b', uselessLabel: 'none' }, want: conflict },
  { name: 'zone label matched', claim: 'PVC_Stable_2', nodeLabels: { [ZONE]: 'us-west1-a', uselessLabel: 'none' } },
  { name: "zone label doesn't match", claim: 'PVC_Stable_1', nodeLabels: { [ZONE]: 'us-west1-b', uselessLabel: 'none' }, want: conflict },
  { name: 'a PV zone label with an empty value is ignored', claim: 'PVC_EmptyZone', nodeLabels: { [ZONE]: 'us-west1-b' }, preFilter: 'skip' },
  { name: 'a PV zone label with an empty zone in its list is ignored', claim: 'PVC_EmptyPart', nodeLabels: { [ZONE]: 'us-west1-b' }, preFilter: 'skip' },
];

// Class_Immediate is written without volumeBindingMode, as upstream's is. Upstream's fake lister keeps it unset
// ("VolumeBindingMode not set for StorageClass"); the API server defaults it to Immediate, which kubefit follows. The
// fake lister's NotFound says "storageclasses.storage.k8s.io"; the scheduler's informer lister says "storageclass".
const classWithoutMode = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'Class_Immediate' }, provisioner: '' };
const withBindingObjects = [
  ...boundVolume('PVC_1', 'Vol_1', { [BETA_ZONE]: 'us-west1-a' }),
  pvc('PVC_NoSC', { className: 'Class_0' }),
  pvc('PVC_EmptySC'),
  pvc('PVC_WaitSC', { className: 'Class_Wait' }),
  pvc('PVC_ImmediateSC', { className: 'Class_Immediate' }),
  classWithoutMode,
  storageClass('Class_Wait', 'WaitForFirstConsumer'),
];

const testNode = { [BETA_ZONE]: 'us-west1-a', uselessLabel: 'none' };
const withBindingCases: Case[] = [
  { name: 'label zone failure domain matched', claim: 'PVC_1', nodeLabels: testNode },
  { name: 'unbound volume empty storage class', claim: 'PVC_EmptySC', nodeLabels: testNode, preFilter: unresolvable('PersistentVolumeClaim had no pv name and storageClass name') },
  { name: 'unbound volume no storage class', claim: 'PVC_NoSC', nodeLabels: testNode, preFilter: unresolvable('storageclass.storage.k8s.io "Class_0" not found') },
  { name: 'unbound volume immediate binding mode', claim: 'PVC_ImmediateSC', nodeLabels: testNode, preFilter: unresolvable('PersistentVolume had no name') },
  { name: 'unbound volume wait binding mode', claim: 'PVC_WaitSC', nodeLabels: testNode, preFilter: 'skip' },
];

describe.each([
  ['TestSingleZone', singleZoneObjects, singleZoneCases],
  ['TestMultiZone', multiZoneObjects, multiZoneCases],
  ['TestWithBinding', withBindingObjects, withBindingCases],
] as const)('%s (upstream volume_zone_test.go)', (_test, objects, cases) => {
  it.each(cases)('$name', (testCase) => run(objects, testCase));
});

describe('VolumeZone without a cluster snapshot', () => {
  it('does not reject claims, PVs or classes the inputs lack', () => {
    const node = nodeInfoOf({ name: 'host1', labels: { [ZONE]: 'us-west1-a' } });
    const pod = podInfoOf(claimVolumes('PVC_99', 'PVC_4', 'PVC_NoSC'));
    expect(runFilter(plugin, pod, node, clusterWithStorage([node], withBindingObjects.concat(pvc('PVC_4', { volumeName: 'Vol_not_exist' })), false))).toEqual(SUCCESS);
  });
});
