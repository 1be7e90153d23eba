import { describe, expect, it } from 'vitest';
import { toClusterSnapshot } from '../../model/cluster.js';
import { SUCCESS, unschedulable } from '../framework.js';
import { toPodInfo } from '../pod-info.js';
import { podSourceOfPod } from '../snapshot.js';
import { clusterWithStorage, nodeInfoOf, objectOf, podInfoOf, podObject, runFilter } from '../test-support.js';
import { NEWEST_MINOR } from '../version.js';
import plugin from './node-volume-limits.js';
import { claimVolumes, pv, pvc } from './volume-test-objects.js';

const exceeded = unschedulable('node(s) exceed max volume count');
const EBS = 'ebs.csi.aws.com';
const GCE = 'pd.csi.storage.gke.io';
const EBS_IN_TREE = 'kubernetes.io/aws-ebs';
const HOSTPATH_IN_TREE = 'kubernetes.io/hostpath';
const PORTWORX = 'pxd.portworx.com';
const PORTWORX_IN_TREE = 'kubernetes.io/portworx-volume';
const NODE = 'node-for-max-pd-test-1';
const options = { minor: NEWEST_MINOR, services: [], priorityClasses: new Map<string, number>(), defaultPriority: 0 };

type Value = Readonly<Record<string, unknown>>;

/** The in-tree sources of getFakeCSIPVLister's PVs (Portworx is kubefit's, for the annotation the other plugins ignore). */
const IN_TREE_SOURCES: Readonly<Record<string, (name: string) => Value>> = {
  [EBS_IN_TREE]: (name) => ({ awsElasticBlockStore: { volumeID: name } }),
  [HOSTPATH_IN_TREE]: () => ({ hostPath: { path: '/tmp' } }),
  [PORTWORX_IN_TREE]: (name) => ({ portworxVolume: { volumeID: name } }),
};

// upstream getFakeCSIPVLister("csi", drivers...): PVs csi-<driver>-0..3 (in-tree sources for the in-tree names, CSI
// volumes otherwise), each with a claim of the same name (getFakeCSIPVCLister); csi-4 is pending with class csi-sc,
// csi-5 names no class, csi-6 a missing PV; csi-sc's provisioner is the first driver.
function storageFor(drivers: readonly string[], extra: readonly Value[] = []): Value[] {
  const volumes = drivers.flatMap((driver) => [0, 1, 2, 3].flatMap((j) => {
    const name = `csi-${driver}-${j}`;
    const volume = pv(name, { claim: name }) as { spec: Value };
    const source = IN_TREE_SOURCES[driver]?.(name) ?? { csi: { driver, volumeHandle: name } };
    return [pvc(name, { volumeName: name }), { ...volume, spec: { ...volume.spec, ...source } }];
  }));
  return [
    ...volumes,
    pvc('csi-4', { className: 'csi-sc' }),
    pvc('csi-5'),
    pvc('csi-6', { className: 'csi-sc', volumeName: 'missing-in-action' }),
    { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'csi-sc' }, provisioner: drivers[0] ?? '' },
    ...extra,
  ];
}

/**
 * upstream getNodeWithPodAndVolumeLimits' CSINode: every driver, with `limit` when the source is "csinode"; TestCSILimits
 * then lists kubernetes.io/aws-ebs in its migrated-plugins annotation (enableMigrationOnNode).
 */
function csiNode(source: 'csinode' | 'csinode-with-no-limit', limit: number, drivers: readonly string[], migratedPlugins: readonly string[] = [EBS_IN_TREE]): Value {
  const entries = drivers.map((name) => ({ name, nodeID: NODE, ...(source === 'csinode' ? { allocatable: { count: limit } } : {}) }));
  const annotations = migratedPlugins.length > 0 ? { 'storage.alpha.kubernetes.io/migrated-plugins': migratedPlugins.join(',') } : undefined;
  return { apiVersion: 'storage.k8s.io/v1', kind: 'CSINode', metadata: { name: NODE, ...(annotations && { annotations }) }, spec: { drivers: entries } };
}

/** upstream getFakeVolumeAttachmentLister(count, drivers...): `count` VolumeAttachments per driver on the node. */
function volumeAttachments(count: number, drivers: readonly string[]): Value[] {
  return drivers.flatMap((driver) => Array.from({ length: count }, (_, j) => ({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'VolumeAttachment',
    metadata: { name: `va-${driver}-${j}` },
    spec: { nodeName: NODE, attacher: driver, source: { persistentVolumeName: `csi-${driver}-${j}` } },
  })));
}

const inlineEBS = (volumeID: string): Value => ({ containers: [{ name: 'c', image: 'i' }], volumes: [{ name: 'v', awsElasticBlockStore: { volumeID } }] });
const withConfigMapAndSecret = (volume: Value): Value => ({
  containers: [{ name: 'c', image: 'i' }],
  volumes: [{ name: 'cm', configMap: { name: 'cm' } }, { name: 's', secret: { secretName: 's' } }, volume],
});
const ephemeralVolumes = (...names: string[]): Value => ({ containers: [{ name: 'c', image: 'i' }], volumes: names.map((name) => ({ name, ephemeral: {} })) });
/**
 * A generic ephemeral volume's claim `abc-<volume>` in namespace test, of class csi-sc, whose controller is the pod abc
 * of that uid (upstream ephemeralClaim, ephemeralClaimX and ephemeralClaimY).
 */
const ephemeralClaim = (volume: string, uid = EPHEMERAL_POD_UID): Value => ({
  ...pvc(`abc-${volume}`, { className: 'csi-sc' }),
  metadata: { name: `abc-${volume}`, namespace: 'test', ownerReferences: [{ apiVersion: 'v1', kind: 'Pod', name: 'abc', uid, controller: true }] },
});
const EPHEMERAL_POD_UID = '12345';
const EPHEMERAL_TWO_VOLUME_POD_UID = '12345II';

interface PodShape {
  readonly spec: Value;
  readonly name?: string;
  readonly namespace?: string;
  readonly uid?: string;
}

const pods = {
  running: { spec: claimVolumes(`csi-${EBS}-3`) },
  pendingVolume: { spec: claimVolumes('csi-4') },
  unboundPVC2: { spec: claimVolumes('csi-4') },
  missingPV: { spec: claimVolumes('csi-6') },
  noSCPVC: { spec: claimVolumes('csi-5') },
  gceTwoVol: { spec: claimVolumes(`csi-${GCE}-1`, `csi-${GCE}-2`) },
  inTreeOneVol: { spec: claimVolumes(`csi-${EBS_IN_TREE}-0`) },
  inTreeTwoVol: { spec: claimVolumes(`csi-${EBS_IN_TREE}-1`, `csi-${EBS_IN_TREE}-2`) },
  csiEBSOneVol: { spec: claimVolumes(`csi-${EBS}-0`) },
  csiEBSTwoVol: { spec: claimVolumes(`csi-${EBS}-1`, `csi-${EBS}-2`) },
  inTreeNonMigratableOneVol: { spec: claimVolumes(`csi-${HOSTPATH_IN_TREE}-0`) },
  ephemeralVolume: { spec: ephemeralVolumes('xyz'), name: 'abc', namespace: 'test', uid: EPHEMERAL_POD_UID },
  ephemeralTwoVolume: { spec: ephemeralVolumes('x', 'y'), name: 'abc', namespace: 'test', uid: EPHEMERAL_TWO_VOLUME_POD_UID },
  inTreeInlineVol: { spec: inlineEBS('aws-inline1') },
  inTreeInlineVolWithSameCSIVolumeID: { spec: inlineEBS(`csi-${EBS}-1`) },
  onlyConfigmapAndSecretVol: { spec: { containers: [{ name: 'c', image: 'i' }], volumes: [{ name: 'cm', configMap: { name: 'cm' } }, { name: 's', secret: { secretName: 's' } }] } },
  pvcWithConfigmapAndSecret: { spec: withConfigMapAndSecret({ name: 'v', persistentVolumeClaim: { claimName: `csi-${EBS}-0` } }) },
  inlineMigratableWithConfigmapAndSecret: { spec: withConfigMapAndSecret({ name: 'v', awsElasticBlockStore: { volumeID: 'aws-inline1' } }) },
} satisfies Record<string, PodShape>;

const podOf = ({ spec, name = 'pod', namespace = 'default', uid }: PodShape, nodeName?: string) =>
  podInfoOf({ ...spec, ...(nodeName ? { nodeName } : {}) }, { name, namespace, ...(uid && { uid }) });

interface Case {
  readonly test: string;
  readonly newPod: PodShape;
  readonly existingPods?: readonly PodShape[];
  readonly extraClaims?: readonly Value[];
  readonly maxVols?: number;
  readonly vaCount?: number;
  readonly driverNames: readonly string[];
  readonly limitSource?: 'csinode' | 'csinode-with-no-limit';
  readonly want: typeof SUCCESS | typeof exceeded | 'skip';
}

// Ported from pkg/scheduler/framework/plugins/nodevolumelimits/csi_test.go TestCSILimits (kubernetes/kubernetes at
// 991b78f93068755236e3eeff83205f048f3d51b8); expected statuses copied from upstream. Skipped: "ephemeral volume
// missing" and the Filter half of "don't skip Filter when the pod has ephemeral volumes" (ported below for its
// PreFilter): kubefit creates a missing generic ephemeral claim from the template, as the ephemeral volume controller
// will; "ephemeral volume not owned", an Error of this Filter upstream, is VolumeBinding's PreFilter rejection here, which
// is where the whole scheduler stops such a pod (volume-binding.test.ts).
const cases: Case[] = [
  { test: 'should count VolumeAttachments towards volume limit when no pods exist', newPod: pods.csiEBSOneVol, maxVols: 2, vaCount: 2, driverNames: [EBS], limitSource: 'csinode', want: exceeded },
  { test: 'should schedule pod when VolumeAttachments count does not exceed limit', newPod: pods.csiEBSOneVol, maxVols: 2, vaCount: 1, driverNames: [EBS], limitSource: 'csinode', want: SUCCESS },
  { test: 'fits when node volume limit >= new pods CSI volume', newPod: pods.csiEBSOneVol, existingPods: [pods.running, pods.csiEBSTwoVol], maxVols: 4, driverNames: [EBS], limitSource: 'csinode', want: SUCCESS },
  { test: "doesn't when node volume limit <= pods CSI volume", newPod: pods.csiEBSOneVol, existingPods: [pods.running, pods.csiEBSTwoVol], maxVols: 2, driverNames: [EBS], limitSource: 'csinode', want: exceeded },
  { test: 'should when driver does not support volume limits', newPod: pods.csiEBSOneVol, existingPods: [pods.running, pods.csiEBSTwoVol], maxVols: 2, driverNames: [EBS], limitSource: 'csinode-with-no-limit', want: SUCCESS },
  { test: 'count pending PVCs towards volume limit <= pods CSI volume', newPod: pods.csiEBSOneVol, existingPods: [pods.pendingVolume, pods.csiEBSTwoVol], maxVols: 2, driverNames: [EBS], limitSource: 'csinode', want: exceeded },
  { test: 'count multiple pending pvcs towards volume limit >= pods CSI volume', newPod: pods.csiEBSOneVol, existingPods: [pods.pendingVolume, pods.unboundPVC2, pods.csiEBSTwoVol], maxVols: 4, driverNames: [EBS], limitSource: 'csinode', want: SUCCESS },
  { test: 'should count PVCs with invalid PV name but valid SC', newPod: pods.csiEBSOneVol, existingPods: [pods.missingPV, pods.csiEBSTwoVol], maxVols: 2, driverNames: [EBS], limitSource: 'csinode', want: exceeded },
  { test: "don't count pvcs with missing SC towards volume limit", newPod: pods.csiEBSOneVol, existingPods: [pods.running, pods.noSCPVC], maxVols: 2, driverNames: [EBS], limitSource: 'csinode', want: SUCCESS },
  { test: 'count pvcs with the same type towards volume limit', newPod: pods.csiEBSOneVol, existingPods: [pods.gceTwoVol, pods.csiEBSTwoVol], maxVols: 2, driverNames: [EBS, GCE], limitSource: 'csinode', want: exceeded },
  { test: "don't count pvcs with different type towards volume limit", newPod: pods.gceTwoVol, existingPods: [pods.csiEBSTwoVol, pods.running], maxVols: 2, driverNames: [EBS, GCE], limitSource: 'csinode', want: SUCCESS },
  { test: 'should count in-tree volumes if migration is enabled', newPod: pods.inTreeOneVol, existingPods: [pods.inTreeTwoVol], maxVols: 2, driverNames: [EBS_IN_TREE, EBS], limitSource: 'csinode', want: exceeded },
  { test: 'nil csi node', newPod: pods.inTreeInlineVol, existingPods: [pods.inTreeTwoVol], driverNames: [EBS_IN_TREE, EBS], want: SUCCESS },
  { test: 'should count unbound in-tree volumes if migration is enabled', newPod: pods.pendingVolume, existingPods: [pods.inTreeTwoVol], maxVols: 2, driverNames: [EBS_IN_TREE, EBS], limitSource: 'csinode', want: exceeded },
  { test: 'should not limit pod if volume used does not report limits', newPod: pods.inTreeOneVol, existingPods: [pods.inTreeTwoVol], maxVols: 2, driverNames: [EBS_IN_TREE, EBS], limitSource: 'csinode-with-no-limit', want: SUCCESS },
  { test: 'should not count non-migratable in-tree volumes', newPod: pods.inTreeNonMigratableOneVol, existingPods: [pods.csiEBSTwoVol], maxVols: 2, driverNames: [HOSTPATH_IN_TREE, EBS], limitSource: 'csinode', want: SUCCESS },
  { test: 'should count in-tree inline volumes if migration is enabled', newPod: pods.inTreeInlineVol, existingPods: [pods.inTreeTwoVol], maxVols: 2, driverNames: [EBS_IN_TREE, EBS], limitSource: 'csinode', want: exceeded },
  { test: 'should count in-tree and csi volumes if migration is enabled (when scheduling in-tree volumes)', newPod: pods.inTreeOneVol, existingPods: [pods.csiEBSTwoVol], maxVols: 2, driverNames: [EBS_IN_TREE, EBS], limitSource: 'csinode', want: exceeded },
  { test: 'should count in-tree, inline and csi volumes if migration is enabled (when scheduling in-tree volumes)', newPod: pods.inTreeInlineVol, existingPods: [pods.csiEBSTwoVol, pods.inTreeOneVol], maxVols: 3, driverNames: [EBS_IN_TREE, EBS], limitSource: 'csinode', want: exceeded },
  { test: 'should not count in-tree, inline and csi volumes if migration is enabled (when scheduling in-tree volumes)', newPod: pods.inTreeInlineVolWithSameCSIVolumeID, existingPods: [pods.csiEBSTwoVol, pods.inTreeOneVol], maxVols: 3, driverNames: [EBS_IN_TREE, EBS], limitSource: 'csinode', want: SUCCESS },
  { test: 'should count in-tree and csi volumes if migration is enabled (when scheduling csi volumes)', newPod: pods.csiEBSOneVol, existingPods: [pods.inTreeTwoVol], maxVols: 2, driverNames: [EBS_IN_TREE, EBS], limitSource: 'csinode', want: exceeded },
  { test: 'ephemeral volume unbound', newPod: pods.ephemeralVolume, extraClaims: [ephemeralClaim('xyz')], driverNames: [EBS], limitSource: 'csinode-with-no-limit', want: SUCCESS },
  { test: "ephemeral doesn't when node volume limit <= pods CSI volume", newPod: pods.ephemeralVolume, extraClaims: [ephemeralClaim('xyz')], existingPods: [pods.running, pods.csiEBSTwoVol], maxVols: 2, driverNames: [EBS], limitSource: 'csinode', want: exceeded },
  { test: "ephemeral doesn't when node volume limit <= pods ephemeral CSI volume", newPod: pods.csiEBSOneVol, extraClaims: [ephemeralClaim('x', EPHEMERAL_TWO_VOLUME_POD_UID), ephemeralClaim('y', EPHEMERAL_TWO_VOLUME_POD_UID)], existingPods: [pods.running, pods.ephemeralTwoVolume], maxVols: 2, driverNames: [EBS], limitSource: 'csinode', want: exceeded },
  { test: "persistent doesn't when node volume limit <= pods ephemeral CSI volume + persistent volume", newPod: pods.csiEBSOneVol, extraClaims: [ephemeralClaim('xyz')], existingPods: [pods.running, pods.ephemeralVolume, pods.csiEBSTwoVol], maxVols: 3, driverNames: [EBS], limitSource: 'csinode', want: exceeded },
  // Upstream's ephemeralEnabled: false is left over from the GenericEphemeralVolume gate (GA since v1.23); it changes nothing.
  { test: "persistent doesn't when node volume limit <= pods ephemeral CSI volume + persistent volume, ephemeral disabled", newPod: pods.csiEBSOneVol, extraClaims: [ephemeralClaim('xyz')], existingPods: [pods.running, pods.ephemeralVolume, pods.csiEBSTwoVol], maxVols: 3, driverNames: [EBS], limitSource: 'csinode', want: exceeded },
  { test: 'persistent okay when node volume limit > pods ephemeral CSI volume + persistent volume', newPod: pods.csiEBSOneVol, extraClaims: [ephemeralClaim('xyz')], existingPods: [pods.running, pods.ephemeralVolume, pods.csiEBSTwoVol], maxVols: 5, driverNames: [EBS], limitSource: 'csinode', want: SUCCESS },
  { test: 'skip Filter when the pod only uses secrets and configmaps', newPod: pods.onlyConfigmapAndSecretVol, maxVols: 2, driverNames: [EBS], limitSource: 'csinode', want: 'skip' },
  { test: "don't skip Filter when the pod has pvcs", newPod: pods.pvcWithConfigmapAndSecret, maxVols: 2, driverNames: [EBS], limitSource: 'csinode', want: SUCCESS },
  { test: "don't skip Filter when the pod has inline migratable volumes", newPod: pods.inlineMigratableWithConfigmapAndSecret, existingPods: [pods.inTreeTwoVol], maxVols: 2, driverNames: [EBS_IN_TREE, EBS], limitSource: 'csinode', want: exceeded },
];

describe('TestCSILimits (upstream csi_test.go)', () => {
  it.each(cases)('$test', ({ newPod, existingPods = [], extraClaims = [], maxVols = 0, vaCount = 0, driverNames, limitSource, want }) => {
    const node = nodeInfoOf({ name: NODE, allocatable: { cpu: '10', memory: '20Gi', pods: '110' } }, existingPods.map((p, i) => podOf({ name: `existing-${i}`, ...p }, NODE)));
    const objects = [...storageFor(driverNames, extraClaims), ...volumeAttachments(vaCount, driverNames), ...(limitSource ? [csiNode(limitSource, maxVols, driverNames)] : [])];
    const cluster = clusterWithStorage([node], objects);
    const pod = podOf(newPod);
    if (want === 'skip') expect(plugin.preFilter?.(pod, cluster).kind).toBe('skip');
    else expect(runFilter(plugin, pod, node, cluster)).toEqual(want);
  });

  // upstream's case expects PreFilter Success (no Skip) and then the Filter's "looking up PVC test/abc-xyz" error, the
  // claim not being created yet; kubefit creates it as the ephemeral volume controller will, so only PreFilter is ported.
  it("don't skip Filter when the pod has ephemeral volumes (PreFilter)", () => {
    const node = nodeInfoOf({ name: NODE });
    const pod = podOf({ spec: withConfigMapAndSecret({ name: 'xyz', ephemeral: {} }), name: 'abc', namespace: 'test' });
    expect(plugin.preFilter?.(pod, clusterWithStorage([node], [...storageFor([EBS]), csiNode('csinode-with-no-limit', 0, [EBS])])).kind).toBe('state');
  });

  // Upstream's Filter fails with an Error for such a node; kubefit counts the claim's volume as attached (a snapshot
  // whose owner references were stripped must not free the node's slots).
  it('counts the volume of a bound pod whose generic ephemeral claim does not name it as its controller', () => {
    const { metadata, ...claim } = ephemeralClaim('xyz') as { metadata: Value };
    const unowned = { ...claim, metadata: { name: metadata['name'], namespace: metadata['namespace'] } };
    const node = nodeInfoOf({ name: NODE }, [podOf({ ...pods.running, name: 'existing' }, NODE), podOf(pods.ephemeralVolume, NODE)]);
    const cluster = clusterWithStorage([node], [...storageFor([EBS], [unowned]), csiNode('csinode', 2, [EBS])]);
    expect(runFilter(plugin, podOf(pods.csiEBSOneVol), node, cluster)).toEqual(exceeded);
  });

  it('reads the deprecated attachable-volumes-csi-* allocatable when there is no CSINode', () => {
    const existing = podOf({ ...pods.running, name: 'existing' }, 'n');
    const node = nodeInfoOf({ name: 'n', allocatable: { cpu: '1', memory: '1Gi', pods: '10', [`attachable-volumes-csi-${EBS}`]: '1' } }, [existing]);
    expect(runFilter(plugin, podOf(pods.csiEBSOneVol), node, clusterWithStorage([node], storageFor([EBS])))).toEqual(exceeded);
  });

  it('takes VolumeAttachments from the inputs and --cluster (kubectl get volumeattachments)', () => {
    const [attachment] = volumeAttachments(1, [EBS]);
    expect(toClusterSnapshot([objectOf(attachment ?? {}, 'cluster.yaml', true)]).storage).toHaveLength(1);
  });

  it('counts VolumeAttachments from v1.32 (kubernetes#127757)', () => {
    const node = nodeInfoOf({ name: NODE });
    const attached = [...storageFor([EBS]), ...volumeAttachments(2, [EBS]), csiNode('csinode', 2, [EBS])];
    expect([32, 31].map((minor) => runFilter(plugin, podOf(pods.csiEBSOneVol), node, clusterWithStorage([node], attached, true, minor)))).toEqual([exceeded, SUCCESS]);
  });
});

// utils.go isCSIMigrationOn returns true for EBS, GCE PD, Azure Disk and Cinder before it reads the CSINode's annotation.
describe('in-tree plugins whose migration is GA count on any node with a CSINode', () => {
  it.each([36, 31])('v1.%i: should count in-tree volumes if migration is enabled, with no plugin in the annotation', (minor) => {
    const node = nodeInfoOf({ name: NODE }, [podOf({ ...pods.inTreeTwoVol, name: 'existing' }, NODE)]);
    const objects = [...storageFor([EBS_IN_TREE, EBS]), csiNode('csinode', 2, [EBS_IN_TREE, EBS], [])];
    expect(runFilter(plugin, podOf(pods.inTreeOneVol), node, clusterWithStorage([node], objects, true, minor))).toEqual(exceeded);
  });
});

const portworxPods = {
  inTreeOneVol: { spec: claimVolumes(`csi-${PORTWORX_IN_TREE}-0`) },
  inTreeTwoVol: { spec: claimVolumes(`csi-${PORTWORX_IN_TREE}-1`, `csi-${PORTWORX_IN_TREE}-2`) },
  csiOneVol: { spec: claimVolumes(`csi-${PORTWORX}-0`) },
  csiTwoVol: { spec: claimVolumes(`csi-${PORTWORX}-1`, `csi-${PORTWORX}-2`) },
  inTreeInlineVol: { spec: { containers: [{ name: 'c', image: 'i' }], volumes: [{ name: 'v', portworxVolume: { volumeID: 'px-inline1' } }] } },
} satisfies Record<string, PodShape>;

interface PortworxCase {
  readonly test: string;
  readonly newPod: PodShape;
  readonly existingPods: readonly PodShape[];
  readonly maxVols: number;
  /** The CSINode's migrated-plugins annotation lists kubernetes.io/portworx-volume (enableMigrationOnNode). */
  readonly listed: boolean;
  readonly want: typeof SUCCESS | typeof exceeded;
}

const enabled: PortworxCase = { test: 'should count in-tree volumes if migration is enabled', newPod: portworxPods.inTreeOneVol, existingPods: [portworxPods.inTreeTwoVol], maxVols: 2, listed: true, want: exceeded };
const disabled: PortworxCase = { test: 'should not count in-tree volume if migration is disabled', newPod: portworxPods.inTreeOneVol, existingPods: [portworxPods.inTreeTwoVol], maxVols: 2, listed: false, want: SUCCESS };

// Through v1.35 Portworx is the one plugin whose migration isCSIMigrationOn reads from the CSINode's annotation (v1.33
// to v1.35 utils.go: the PortworxVolumePluginName case falls through to the migrated-plugins check). The cases are
// TestCSILimits' migration cases with Portworx volumes: "... if migration is enabled" from the current csi_test.go
// (kubernetes/kubernetes at 991b78f93068755236e3eeff83205f048f3d51b8), "... if migration is disabled" from the
// csi_test.go of the CSIMigration/CSIMigrationAWS feature-gate era, whose gates the annotation stands in for; the two
// marked (kubefit) have no upstream counterpart.
const portworxCases: PortworxCase[] = [
  enabled,
  disabled,
  { test: 'should count unbound in-tree volumes if migration is enabled', newPod: pods.pendingVolume, existingPods: [portworxPods.inTreeTwoVol], maxVols: 2, listed: true, want: exceeded },
  { test: 'unbound claims of the in-tree provisioner are not counted if migration is disabled (kubefit)', newPod: pods.pendingVolume, existingPods: [portworxPods.csiTwoVol], maxVols: 2, listed: false, want: SUCCESS },
  { test: 'should count in-tree inline volumes if migration is enabled', newPod: portworxPods.inTreeInlineVol, existingPods: [portworxPods.inTreeTwoVol], maxVols: 2, listed: true, want: exceeded },
  { test: 'inline in-tree volumes are not counted if migration is disabled (kubefit)', newPod: portworxPods.inTreeInlineVol, existingPods: [portworxPods.csiTwoVol], maxVols: 2, listed: false, want: SUCCESS },
  { test: 'should count in-tree and csi volumes if migration is enabled (when scheduling csi volumes)', newPod: portworxPods.csiOneVol, existingPods: [portworxPods.inTreeTwoVol], maxVols: 2, listed: true, want: exceeded },
  { test: 'should not count in-tree and count csi volumes if migration is disabled (when scheduling csi volumes)', newPod: portworxPods.csiOneVol, existingPods: [portworxPods.csiTwoVol, portworxPods.inTreeTwoVol], maxVols: 3, listed: false, want: SUCCESS },
  { test: 'should not count in-tree and count csi volumes if migration is disabled (when scheduling in-tree volumes)', newPod: portworxPods.inTreeOneVol, existingPods: [portworxPods.csiTwoVol], maxVols: 2, listed: false, want: SUCCESS },
];

describe('Portworx: migrated where the CSINode lists kubernetes.io/portworx-volume, v1.31 to v1.35', () => {
  const run = ({ newPod, existingPods, maxVols, listed }: PortworxCase, minor: number) => {
    const node = nodeInfoOf({ name: NODE }, existingPods.map((p, i) => podOf({ name: `existing-${i}`, ...p }, NODE)));
    const objects = [...storageFor([PORTWORX_IN_TREE, PORTWORX]), csiNode('csinode', maxVols, [PORTWORX_IN_TREE, PORTWORX], listed ? [PORTWORX_IN_TREE] : [])];
    return runFilter(plugin, podOf(newPod), node, clusterWithStorage([node], objects, true, minor));
  };

  it.each(portworxCases)('v1.35: $test', (c) => expect(run(c, 35)).toEqual(c.want));

  it('v1.36 counts them on every node with a CSINode (kubernetes#135322); v1.31 reads the annotation (CSIMigrationPortworx on by default, kubernetes#125016); v1.30 never migrates them', () => {
    expect([run(disabled, 36), run(enabled, 31), run(disabled, 31), run(enabled, 30)]).toEqual([exceeded, exceeded, SUCCESS, SUCCESS]);
  });
});

// upstream csi.go filterAttachableVolumes counts a generic ephemeral volume through the claim the ephemeral volume
// controller creates for the pod: with an Immediate class the PV controller binds it at once (or, until it does,
// getCSIDriverInfoFromSC counts a new volume of the class's provisioner). kubefit, which creates that claim itself,
// must count it alike.
describe('generic ephemeral volumes of an Immediate class, before their claims exist', () => {
  const ephemeralOfClass = (...names: string[]): Value => ({
    containers: [{ name: 'c', image: 'i' }],
    volumes: names.map((name) => ({ name, ephemeral: { volumeClaimTemplate: { spec: { storageClassName: 'csi-sc', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } } } })),
  });
  it.each([
    ['one volume within a limit of 1', ['x'], SUCCESS],
    ['two volumes over a limit of 1', ['x', 'y'], exceeded],
  ] as const)('%s', (_name, volumes, want) => {
    const node = nodeInfoOf({ name: NODE });
    const cluster = clusterWithStorage([node], [...storageFor([EBS]), csiNode('csinode', 1, [EBS])]);
    expect(runFilter(plugin, podOf({ spec: ephemeralOfClass(...volumes), name: 'abc', namespace: 'test' }), node, cluster)).toEqual(want);
  });

  it("counts each replica's own: kubefit's replicas share a PodInfo and its name, upstream's pods each have their name", () => {
    const replica = (nodeName?: string) =>
      toPodInfo({ ...podSourceOfPod(podObject({ ...ephemeralOfClass('x'), ...(nodeName && { nodeName }) }, { name: 'abc', namespace: 'test' })), fromTemplate: true }, options, []);
    const node = nodeInfoOf({ name: NODE }, [replica(NODE)]);
    const cluster = clusterWithStorage([node], [...storageFor([EBS]), csiNode('csinode', 1, [EBS])]);
    expect(runFilter(plugin, replica(), node, cluster)).toEqual(exceeded);
  });

  it('counts those of the pods already on the node', () => {
    const node = nodeInfoOf({ name: NODE }, [podOf({ spec: ephemeralOfClass('x'), name: 'existing', namespace: 'test' }, NODE)]);
    const cluster = clusterWithStorage([node], [...storageFor([EBS]), csiNode('csinode', 1, [EBS])]);
    expect(runFilter(plugin, podOf({ spec: ephemeralOfClass('y'), name: 'abc', namespace: 'test' }), node, cluster)).toEqual(exceeded);
  });
});
