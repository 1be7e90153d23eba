import { describe, expect, it } from 'vitest';
import { SUCCESS, unresolvable, type FilterResult } from '../framework.js';
import { toPodInfo } from '../pod-info.js';
import { podSourceOfPod } from '../snapshot.js';
import { clusterWithStorage, nodeInfoOf, podInfoOf, podObject, runFilter } from '../test-support.js';
import { NEWEST_MINOR } from '../version.js';
import { runPreFilters } from '../run-filters.js';
import plugin from './volume-binding.js';
import { claimVolumes, pv, pvc, storageClass } from './volume-test-objects.js';

const nodeConflict = 'node(s) had volume node affinity conflict';
const bindConflict = "node(s) didn't find available persistent volumes to bind";
const notEnoughSpace = 'node(s) did not have enough free storage';
const unboundImmediate = 'pod has unbound immediate PersistentVolumeClaims';
const pvNotExist = 'node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)';

const immediateSC = storageClass('immediate-sc', 'Immediate');
const waitSC = storageClass('wait-sc', 'WaitForFirstConsumer');
const waitHDDSC = storageClass('wait-hdd-sc', 'WaitForFirstConsumer');
const provisioningSC = storageClass('provisioning-sc', 'WaitForFirstConsumer', 'csi.example.com', {
  allowedTopologies: [{ matchLabelExpressions: [{ key: 'topology.kubernetes.io/zone', values: ['zone-a'] }] }],
});
const csiDriver = { apiVersion: 'storage.k8s.io/v1', kind: 'CSIDriver', metadata: { name: 'csi.example.com' }, spec: { storageCapacity: true } };
const capacity = (size: string) => ({
  apiVersion: 'storage.k8s.io/v1',
  kind: 'CSIStorageCapacity',
  metadata: { name: 'cap', namespace: 'kube-system' },
  storageClassName: 'provisioning-sc',
  capacity: size,
  nodeTopology: { matchLabels: { 'topology.kubernetes.io/zone': 'zone-a' } },
});

type Value = Readonly<Record<string, unknown>>;
const HOSTNAME = 'kubernetes.io/hostname';
const REGION = 'topology.kubernetes.io/region';
const ZONE = 'topology.kubernetes.io/zone';

/** upstream makeNode: a node labelled with its hostname. */
const makeNode = (name: string, labels: Readonly<Record<string, string>> = {}) => nodeInfoOf({ name, labels: { [HOSTNAME]: name, ...labels } });
const zonalNode = (name: string, zone: string) => makeNode(`${zone}-${name}`, { [REGION]: `region-${zone.slice(-1)}`, [ZONE]: zone });
/** upstream makePV(name, class).withPhase(Available).withCapacity(capacity).withNodeAffinity(affinity). */
const availablePV = (name: string, className: string, capacity: string, nodeAffinity: Readonly<Record<string, string>>) =>
  ({ ...pv(name, { className, capacity, nodeAffinity }), status: { phase: 'Available' } });
const localPVs = (prefix: string, className: string, capacity: string, node: string, count = 2) =>
  Array.from({ length: count }, (_, i) => availablePV(`${prefix}-${i}`, className, capacity, { [HOSTNAME]: node }));
const zonalPVs = (zone: string, capacity: string) =>
  [0, 1].map((i) => availablePV(`pv-${zone.slice(-1)}-${i}`, 'wait-sc', capacity, { [REGION]: `region-${zone.slice(-1)}`, [ZONE]: zone }));

interface UpstreamCase {
  readonly name: string;
  readonly claims: readonly string[];
  readonly nodes?: readonly ReturnType<typeof makeNode>[];
  readonly objects: readonly Value[];
  /** Upstream's PreFilter status: Skip, Success (a state) or a rejection. */
  readonly preFilter: 'skip' | 'state' | FilterResult;
  /** Upstream's Filter status per node, when PreFilter succeeds. */
  readonly want?: readonly FilterResult[];
}

const nodeA = makeNode('node-a');
const threeNodes = [nodeA, makeNode('node-b'), makeNode('node-c')];
const sixZonalNodes = ['zone-a', 'zone-b', 'zone-c'].flatMap((zone) => [zonalNode('node-a', zone), zonalNode('node-b', zone)]);

// Ported from pkg/scheduler/framework/plugins/volumebinding/volume_binding_test.go TestVolumeBinding (kubernetes/kubernetes
// at 645c553fcae94fe38d188a4bd3d33d9f1db36b34): PreFilter status, then the Filter status of each node. Upstream's
// StorageClasses immediate-sc, wait-sc and wait-hdd-sc exist in every case. kubernetes#127584 took PreFilter's narrowing
// out (v1.32; v1.29.11, v1.30.7, v1.31.3), so "all bound with local volumes" has a PreFilterResult only in v1.27 and v1.28
// (ported below, with GetEligibleNodes). The scores are not ported (kubefit does
// not score volume capacity); "zonal volumes with close capacity are preferred (custom shape)" differs from the zonal
// case only in its scoring shape, so its Filter statuses are the same.
const classes = [immediateSC, waitSC, waitHDDSC];
const upstreamCases: UpstreamCase[] = [
  { name: 'pod has not pvcs', claims: [], objects: [], preFilter: 'skip' },
  {
    name: 'all bound', claims: ['pvc-a'], preFilter: 'state', want: [SUCCESS],
    objects: [pvc('pvc-a', { className: 'wait-sc', volumeName: 'pv-a' }), { ...pv('pv-a', { className: 'wait-sc' }), status: { phase: 'Available' } }],
  },
  {
    name: 'all bound with local volumes', claims: ['pvc-a', 'pvc-b'], preFilter: 'state', want: [SUCCESS],
    objects: [
      pvc('pvc-a', { className: 'wait-sc', volumeName: 'pv-a' }), pvc('pvc-b', { className: 'wait-sc', volumeName: 'pv-b' }),
      { ...pv('pv-a', { className: 'wait-sc', nodeAffinity: { [HOSTNAME]: 'node-a' } }), status: { phase: 'Bound' } },
      { ...pv('pv-b', { className: 'wait-sc', nodeAffinity: { [HOSTNAME]: 'node-a' } }), status: { phase: 'Bound' } },
    ],
  },
  { name: 'PVC does not exist', claims: ['pvc-a'], objects: [], preFilter: unresolvable('persistentvolumeclaim "pvc-a" not found') },
  {
    name: 'Part of PVCs do not exist', claims: ['pvc-a', 'pvc-b'], objects: [pvc('pvc-a', { className: 'wait-sc', volumeName: 'pv-a' })],
    preFilter: unresolvable('persistentvolumeclaim "pvc-b" not found'),
  },
  {
    name: 'immediate claims not bound', claims: ['pvc-a'], objects: [pvc('pvc-a', { className: 'immediate-sc' })],
    preFilter: unresolvable(unboundImmediate),
  },
  { name: 'unbound claims no matches', claims: ['pvc-a'], objects: [pvc('pvc-a', { className: 'wait-sc' })], preFilter: 'state', want: [unresolvable(bindConflict)] },
  {
    name: 'bound and unbound unsatisfied', claims: ['pvc-a', 'pvc-b'], nodes: [makeNode('node-a', { foo: 'barbar' })], preFilter: 'state',
    objects: [
      pvc('pvc-a', { className: 'wait-sc', volumeName: 'pv-a' }), pvc('pvc-b', { className: 'wait-sc' }),
      { ...pv('pv-a', { className: 'wait-sc', nodeAffinity: { foo: 'bar' } }), status: { phase: 'Available' } },
    ],
    want: [unresolvable(nodeConflict, bindConflict)],
  },
  { name: 'pvc not found', claims: ['pvc-a'], objects: [], preFilter: unresolvable('persistentvolumeclaim "pvc-a" not found') },
  { name: 'pv not found', claims: ['pvc-a'], objects: [pvc('pvc-a', { className: 'wait-sc', volumeName: 'pv-a' })], preFilter: 'state', want: [unresolvable(pvNotExist)] },
  {
    name: 'pv not found claim lost', claims: ['pvc-a'], objects: [pvc('pvc-a', { className: 'wait-sc', volumeName: 'pv-a', phase: 'Lost' })],
    preFilter: unresolvable('persistentvolumeclaim "pvc-a" bound to non-existent persistentvolume "pv-a"'),
  },
  {
    name: 'local volumes with close capacity are preferred', claims: ['pvc-a'], nodes: threeNodes, preFilter: 'state',
    objects: [pvc('pvc-a', { className: 'wait-sc', storage: '50Gi' }), ...localPVs('pv-a', 'wait-sc', '200Gi', 'node-a'), ...localPVs('pv-b', 'wait-sc', '100Gi', 'node-b')],
    want: [SUCCESS, SUCCESS, unresolvable(bindConflict)],
  },
  {
    name: 'local volumes with close capacity are preferred (multiple pvcs)', claims: ['pvc-0', 'pvc-1'], nodes: threeNodes, preFilter: 'state',
    objects: [
      pvc('pvc-0', { className: 'wait-sc', storage: '50Gi' }), pvc('pvc-1', { className: 'wait-hdd-sc', storage: '100Gi' }),
      ...localPVs('pv-a', 'wait-sc', '200Gi', 'node-a'), ...localPVs('pv-a', 'wait-hdd-sc', '200Gi', 'node-a', 4).slice(2),
      ...localPVs('pv-b', 'wait-sc', '100Gi', 'node-b'), ...localPVs('pv-b', 'wait-hdd-sc', '100Gi', 'node-b', 4).slice(2),
    ],
    want: [SUCCESS, SUCCESS, unresolvable(bindConflict)],
  },
  ...['zonal volumes with close capacity are preferred', 'zonal volumes with close capacity are preferred (custom shape)'].map((name): UpstreamCase => ({
    name, claims: ['pvc-a'], nodes: sixZonalNodes, preFilter: 'state',
    objects: [pvc('pvc-a', { className: 'wait-sc', storage: '50Gi' }), ...zonalPVs('zone-a', '200Gi'), ...zonalPVs('zone-b', '100Gi')],
    want: [SUCCESS, SUCCESS, SUCCESS, SUCCESS, unresolvable(bindConflict), unresolvable(bindConflict)],
  })),
];

describe('TestVolumeBinding (upstream volume_binding_test.go)', () => {
  it.each(upstreamCases)('$name', ({ claims, nodes = [nodeA], objects, preFilter, want = [] }) => {
    const pod = podInfoOf(claimVolumes(...claims), { name: 'pod-a' });
    const cluster = clusterWithStorage(nodes, [...classes, ...objects]);
    if (typeof preFilter !== 'string') {
      expect(runFilter(plugin, pod, nodeA, cluster)).toEqual(preFilter);
      return;
    }
    expect(plugin.preFilter?.(pod, cluster).kind).toBe(preFilter);
    if (preFilter === 'state') expect(nodes.map((node) => runFilter(plugin, pod, node, cluster))).toEqual(want);
  });
});

// upstream: binder.go GetEligibleNodes and util.GetLocalPersistentVolumeNodeNames, VolumeBinding's PreFilterResult from
// v1.27 (kubernetes#109877) until kubernetes#127584 (v1.32; backported to v1.29.11, v1.30.7, v1.31.3).
describe('VolumeBinding PreFilter narrows to the nodes of bound local PVs in v1.27 and v1.28', () => {
  const boundTo = (claim: string, volume: string, affinity: Value) => [
    pvc(claim, { className: 'wait-sc', volumeName: volume }),
    { ...pv(volume, { className: 'wait-sc' }), spec: { ...(pv(volume, { className: 'wait-sc' })['spec'] as Value), nodeAffinity: { required: affinity } }, status: { phase: 'Bound' } },
  ];
  const hostnameIn = (...values: string[]) => ({ key: HOSTNAME, operator: 'In', values });
  const terms = (...expressions: Value[][]) => ({ nodeSelectorTerms: expressions.map((matchExpressions) => ({ matchExpressions })) });
  const nodeNamesOf = (claims: readonly string[], objects: readonly Value[], minor: number) => {
    const pre = plugin.preFilter?.(podInfoOf(claimVolumes(...claims), { name: 'pod-a' }), clusterWithStorage(threeNodes, [...classes, ...objects], true, minor));
    return pre?.kind === 'state' && pre.nodeNames ? [...pre.nodeNames].sort() : undefined;
  };

  // upstream volume_binding_test.go TestVolumeBinding "all bound with local volumes" (at 645c553f, before v1.32):
  // wantPreFilterResult NodeNames {node-a}
  it.each([[27, ['node-a']], [28, ['node-a']], [29, undefined], [NEWEST_MINOR, undefined]])('all bound with local volumes: v1.%i', (minor, want) => {
    const objects = [...boundTo('pvc-a', 'pv-a', terms([hostnameIn('node-a')])), ...boundTo('pvc-b', 'pv-b', terms([hostnameIn('node-a')]))];
    expect(nodeNamesOf(['pvc-a', 'pvc-b'], objects, minor)).toEqual(want);
  });

  it.each<[string, Value, string[] | undefined]>([
    ['hostname values are intersected within a term', terms([hostnameIn('node-a', 'node-b'), hostnameIn('node-b', 'node-c')]), ['node-b']],
    ['and united across terms', terms([hostnameIn('node-a')], [hostnameIn('node-c')]), ['node-a', 'node-c']],
    ['a term without a hostname In requirement adds no node', terms([hostnameIn('node-a')], [{ key: ZONE, operator: 'In', values: ['zone-a'] }]), ['node-a']],
    ['a PV with no hostname In requirement does not narrow', terms([{ key: HOSTNAME, operator: 'NotIn', values: ['node-a'] }]), undefined],
    ['a hostname value that names no node still narrows (the node name is not checked)', terms([hostnameIn('ip-10-0-0-1')]), ['ip-10-0-0-1']],
  ])('%s', (_name, affinity, want) => {
    expect(nodeNamesOf(['pvc-a'], boundTo('pvc-a', 'pv-a', affinity), 28)).toEqual(want);
  });

  it('bound claims whose local PVs share a node narrow to it; a missing PV stops the narrowing', () => {
    const [claimB] = boundTo('pvc-b', 'pv-missing', terms([hostnameIn('node-b')]));
    const shared = [...boundTo('pvc-a', 'pv-a', terms([hostnameIn('node-a', 'node-b')])), ...boundTo('pvc-c', 'pv-c', terms([hostnameIn('node-b', 'node-c')]))];
    expect([nodeNamesOf(['pvc-a', 'pvc-c'], shared, 28), nodeNamesOf(['pvc-a', 'pvc-b'], [...shared, claimB ?? {}], 28)]).toEqual([['node-b'], undefined]);
  });

  it('local PVs on different nodes leave none: the framework stops the pod at PreFilter', () => {
    const objects = [...boundTo('pvc-a', 'pv-a', terms([hostnameIn('node-a')])), ...boundTo('pvc-b', 'pv-b', terms([hostnameIn('node-b')]))];
    const prepared = runPreFilters(podInfoOf(claimVolumes('pvc-a', 'pvc-b'), { name: 'pod-a' }), clusterWithStorage(threeNodes, [...classes, ...objects], true, 28));
    expect(prepared.rejection).toEqual({ plugin: 'VolumeBinding', reason: "node(s) didn't satisfy plugin VolumeBinding" });
  });

  it("with NodeAffinity's metadata.name terms, both narrow; when they leave no node, both are named", () => {
    const onNode = (name: string) => ({
      ...claimVolumes('pvc-a'),
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [name] }] }] } } },
    });
    const cluster = clusterWithStorage(threeNodes, [...classes, ...boundTo('pvc-a', 'pv-a', terms([hostnameIn('node-a', 'node-b')]))], true, 28);
    const [both, none] = ['node-b', 'node-c'].map((name) => runPreFilters(podInfoOf(onNode(name), { name: 'pod-a' }), cluster));
    expect([both?.nodeNames && [...both.nodeNames], none?.rejection?.reason]).toEqual([['node-b'], "node(s) didn't satisfy plugin(s) [NodeAffinity VolumeBinding] simultaneously"]);
  });
});

interface Case {
  readonly name: string;
  readonly claims: readonly string[];
  readonly objects: readonly Value[];
  readonly want: FilterResult;
}

// Cases beyond TestVolumeBinding: static PVs of other classes and nodes, dynamic provisioning (binder.go
// checkVolumeProvisions), capacity tracking and the selected-node annotation.
const cases: Case[] = [
  {
    name: 'local volumes with close capacity are preferred: a static PV on the node binds',
    claims: ['pvc-a'],
    objects: [pvc('pvc-a', { className: 'wait-sc', storage: '50Gi' }), waitSC, pv('pv-a-0', { className: 'wait-sc', capacity: '200Gi', nodeAffinity: { foo: 'bar' } })],
    want: SUCCESS,
  },
  {
    name: 'a static PV of another class does not bind',
    claims: ['pvc-a'],
    objects: [pvc('pvc-a', { className: 'wait-sc' }), waitSC, waitHDDSC, pv('pv-a', { className: 'wait-hdd-sc' })],
    want: unresolvable(bindConflict),
  },
  {
    name: 'a static PV on another node does not bind',
    claims: ['pvc-a'],
    objects: [pvc('pvc-a', { className: 'wait-sc' }), waitSC, pv('pv-a', { className: 'wait-sc', nodeAffinity: { foo: 'baz' } })],
    want: unresolvable(bindConflict),
  },
  {
    name: 'dynamic provisioning with allowedTopologies the node is in',
    claims: ['pvc-a'],
    objects: [pvc('pvc-a', { className: 'provisioning-sc' }), provisioningSC],
    want: SUCCESS,
  },
  {
    name: 'dynamic provisioning with enough capacity',
    claims: ['pvc-a'],
    objects: [pvc('pvc-a', { className: 'provisioning-sc', storage: '50Gi' }), provisioningSC, csiDriver, capacity('100Gi')],
    want: SUCCESS,
  },
  {
    name: 'dynamic provisioning without enough capacity',
    claims: ['pvc-a'],
    objects: [pvc('pvc-a', { className: 'provisioning-sc', storage: '200Gi' }), provisioningSC, csiDriver, capacity('100Gi')],
    want: unresolvable(notEnoughSpace),
  },
  {
    name: 'a claim provisioned for another node (selected-node annotation)',
    claims: ['pvc-a'],
    objects: [pvc('pvc-a', { className: 'provisioning-sc', annotations: { 'volume.kubernetes.io/selected-node': 'other' } }), provisioningSC],
    want: unresolvable(bindConflict),
  },
];

describe('VolumeBinding', () => {
  const node = nodeInfoOf({ name: 'node-a', labels: { foo: 'bar', 'topology.kubernetes.io/zone': 'zone-a' } });
  it.each(cases)('$name', ({ claims, objects, want }) => {
    expect(runFilter(plugin, podInfoOf(claimVolumes(...claims)), node, clusterWithStorage([node], objects))).toEqual(want);
  });

  it('dynamic provisioning outside allowedTopologies', () => {
    const other = nodeInfoOf({ name: 'node-b', labels: { 'topology.kubernetes.io/zone': 'zone-b' } });
    const cluster = clusterWithStorage([other], [pvc('pvc-a', { className: 'provisioning-sc' }), provisioningSC]);
    expect(runFilter(plugin, podInfoOf(claimVolumes('pvc-a')), other, cluster)).toEqual(unresolvable(bindConflict));
  });

  it('does not check claims the inputs lack when no cluster snapshot was given', () => {
    const cluster = clusterWithStorage([node], [], false);
    expect(runFilter(plugin, podInfoOf(claimVolumes('pvc-a')), node, cluster)).toEqual(SUCCESS);
  });
});

describe('VolumeBinding and the default StorageClass', () => {
  it('gives a claim that names no class the default one, as DefaultStorageClass admission does', () => {
    const node = nodeInfoOf({ name: 'node-a', labels: { 'topology.kubernetes.io/zone': 'zone-b' } });
    const defaultSC = storageClass('fast', 'WaitForFirstConsumer', 'csi.example.com', {
      metadata: { name: 'fast', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
      allowedTopologies: [{ matchLabelExpressions: [{ key: 'topology.kubernetes.io/zone', values: ['zone-a'] }] }],
    });
    const cluster = clusterWithStorage([node], [pvc('pvc-a'), defaultSC]);
    expect(runFilter(plugin, podInfoOf(claimVolumes('pvc-a')), node, cluster)).toEqual(unresolvable(bindConflict));
  });
});

// upstream: component-helpers storage/volume FindMatchingVolume (v1.35), called by binder.go findMatchingVolumes with the
// VolumeAttributesClass gate (GA since v1.34): a PV binds only a claim of the same volumeAttributesClassName.
describe('VolumeBinding and volumeAttributesClassName', () => {
  const node = nodeInfoOf({ name: 'node-a', labels: { foo: 'bar' } });
  const withClass = (doc: Value, className: string | undefined): Value => ({ ...doc, spec: { ...(doc['spec'] as Value), ...(className && { volumeAttributesClassName: className }) } });
  const verdict = (claimClass: string | undefined, volumeClass: string | undefined, minor?: number) => {
    const objects = [waitSC, withClass(pvc('pvc-a', { className: 'wait-sc' }), claimClass), withClass(pv('pv-a', { className: 'wait-sc' }), volumeClass)];
    return runFilter(plugin, podInfoOf(claimVolumes('pvc-a')), node, clusterWithStorage([node], objects, true, minor));
  };

  it.each([
    ['both gold', 'gold', 'gold', SUCCESS],
    ['neither set', undefined, undefined, SUCCESS],
    ['claim gold, PV silver', 'gold', 'silver', unresolvable(bindConflict)],
    ['claim gold, PV unset', 'gold', undefined, unresolvable(bindConflict)],
    ['claim unset, PV gold', undefined, 'gold', unresolvable(bindConflict)],
  ] as const)('%s', (_name, claimClass, volumeClass, want) => {
    expect(verdict(claimClass, volumeClass)).toEqual(want);
  });

  it('ignores the field before v1.34, whose API server drops it (the gate is off by default)', () => {
    expect(verdict('gold', 'silver', 33)).toEqual(SUCCESS);
  });
});

describe('VolumeBinding and an allowedTopologies term without requirements', () => {
  it('provisions nowhere: MatchTopologySelectorTerms lets an empty term match no node', () => {
    const node = nodeInfoOf({ name: 'node-a', labels: { 'topology.kubernetes.io/zone': 'zone-a' } });
    const emptyTerm = storageClass('empty-term-sc', 'WaitForFirstConsumer', 'csi.example.com', { allowedTopologies: [{ matchLabelExpressions: [] }] });
    const cluster = clusterWithStorage([node], [pvc('pvc-a', { className: 'empty-term-sc' }), emptyTerm]);
    expect(runFilter(plugin, podInfoOf(claimVolumes('pvc-a')), node, cluster)).toEqual(unresolvable(bindConflict));
  });
});

// upstream: component-helpers storage/volume/pv_helpers.go FindMatchingVolume on the scheduler path (node given): the
// PV pre-bound to the claim wins whatever its phase, selector match or access modes; otherwise the smallest Available
// PV that is big enough, of the claim's volumeMode, not being deleted, matching the claim's selector and holding every
// access mode the claim asks for (CheckAccessModes).
describe('VolumeBinding and FindMatchingVolume (static PVs of the claim class)', () => {
  const node = nodeInfoOf({ name: 'node-a', labels: { foo: 'bar' } });
  type Patch = { readonly spec?: Value; readonly metadata?: Value; readonly status?: Value };
  const patch = (doc: Value, { spec, metadata, status }: Patch): Value => ({
    ...doc,
    metadata: { ...(doc['metadata'] as Value), ...metadata },
    spec: { ...(doc['spec'] as Value), ...spec },
    ...(status && { status }),
  });
  const claim = (p: Patch = {}) => patch(pvc('pvc-a', { className: 'wait-sc', storage: '10Gi' }), p);
  const volume = (p: Patch = {}) => patch(pv('pv-a', { className: 'wait-sc', capacity: '10Gi' }), p);
  const verdict = (objects: readonly Value[]) => runFilter(plugin, podInfoOf(claimVolumes('pvc-a')), node, clusterWithStorage([node], [waitSC, ...objects]));
  const gold = { selector: { matchLabels: { tier: 'gold' } } };
  const BETA_STORAGE_CLASS = 'volume.beta.kubernetes.io/storage-class';

  it.each<[string, Patch, Patch, FilterResult]>([
    ['a PV as big as the request binds', {}, {}, SUCCESS],
    ['a PV smaller than the request does not bind', {}, { spec: { capacity: { storage: '9Gi' } } }, unresolvable(bindConflict)],
    ['a PV without an access mode the claim asks for does not bind', { spec: { accessModes: ['ReadWriteMany'] } }, {}, unresolvable(bindConflict)],
    ['a PV with more access modes than the claim asks for binds', {}, { spec: { accessModes: ['ReadWriteOnce', 'ReadOnlyMany'] } }, SUCCESS],
    ['a PV whose labels the claim selector matches binds', { spec: gold }, { metadata: { labels: { tier: 'gold' } } }, SUCCESS],
    ["a PV whose labels the claim selector doesn't match does not bind", { spec: gold }, { metadata: { labels: { tier: 'silver' } } }, unresolvable(bindConflict)],
    ['a Block PV does not bind a Filesystem claim', {}, { spec: { volumeMode: 'Block' } }, unresolvable(bindConflict)],
    ['a Block PV binds a Block claim', { spec: { volumeMode: 'Block' } }, { spec: { volumeMode: 'Block' } }, SUCCESS],
    ['a Released PV does not bind', {}, { status: { phase: 'Released' } }, unresolvable(bindConflict)],
    ['a PV being deleted does not bind', {}, { metadata: { deletionTimestamp: '2026-01-01T00:00:00Z' } }, unresolvable(bindConflict)],
    ['a PV reserved for another claim does not bind', {}, { spec: { claimRef: { namespace: 'default', name: 'other' } } }, unresolvable(bindConflict)],
    // upstream: component-helpers storage/volume/helpers.go GetPersistentVolumeClass reads the beta annotation when it is
    // present, even empty, before spec.storageClassName
    ['a PV whose beta class annotation is empty is of no class', {}, { metadata: { annotations: { [BETA_STORAGE_CLASS]: '' } } }, unresolvable(bindConflict)],
    ['a PV whose beta class annotation names the claim class binds', {}, { metadata: { annotations: { [BETA_STORAGE_CLASS]: 'wait-sc' } }, spec: { storageClassName: 'other' } }, SUCCESS],
    [
      'a PV pre-bound to the claim binds though Released, unselected and without its access modes',
      { spec: { ...gold, accessModes: ['ReadWriteMany'] } },
      { spec: { claimRef: { namespace: 'default', name: 'pvc-a' } }, status: { phase: 'Released' } },
      SUCCESS,
    ],
    ['a PV pre-bound to the claim but too small does not bind', {}, { spec: { claimRef: { namespace: 'default', name: 'pvc-a' }, capacity: { storage: '1Gi' } } }, unresolvable(bindConflict)],
    ['a PV pre-bound to the claim on another node does not bind', {}, { spec: { claimRef: { namespace: 'default', name: 'pvc-a' }, nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'foo', operator: 'In', values: ['baz'] }] }] } } } }, unresolvable(bindConflict)],
  ])('%s', (_name, claimPatch, volumePatch, want) => {
    expect(verdict([claim(claimPatch), volume(volumePatch)])).toEqual(want);
  });
});

// upstream: component-helpers storage/volume/pv_helpers.go CheckNodeAffinity matches the PV's node affinity against a
// Node that has the node's labels and no name, and nodeaffinity.go nodeSelectorTerm.match skips matchFields when the
// node has no fields (extractNodeFields leaves metadata.name out for an empty name): a PV's metadata.name requirements
// never reject a node, bound or to bind.
describe('VolumeBinding and a PV node affinity on metadata.name (CheckNodeAffinity sees no node name)', () => {
  const node = nodeInfoOf({ name: 'node-a', labels: { foo: 'bar' } });
  const byName = (operator: string, name: string, labels: readonly Value[] = []) => ({
    required: { nodeSelectorTerms: [{ matchExpressions: labels, matchFields: [{ key: 'metadata.name', operator, values: [name] }] }] },
  });
  const boundTo = (nodeAffinity: Value) => [
    pvc('pvc-a', { className: 'wait-sc', volumeName: 'pv-a' }),
    { ...pv('pv-a', { className: 'wait-sc' }), spec: { ...(pv('pv-a', { className: 'wait-sc' })['spec'] as Value), claimRef: { namespace: 'default', name: 'pvc-a' }, nodeAffinity } },
  ];
  const toBind = (nodeAffinity: Value) => [
    pvc('pvc-a', { className: 'wait-sc' }),
    { ...pv('pv-a', { className: 'wait-sc' }), spec: { ...(pv('pv-a', { className: 'wait-sc' })['spec'] as Value), nodeAffinity }, status: { phase: 'Available' } },
  ];
  const verdict = (objects: readonly Value[]) => runFilter(plugin, podInfoOf(claimVolumes('pvc-a')), node, clusterWithStorage([node], [waitSC, ...objects]));
  const fooIs = (value: string): Value => ({ key: 'foo', operator: 'In', values: [value] });

  it.each<[string, Value, FilterResult, FilterResult]>([
    ['In another node', byName('In', 'node-b'), SUCCESS, SUCCESS],
    ['NotIn this node', byName('NotIn', 'node-a'), SUCCESS, SUCCESS],
    ['In another node, with a label requirement the node meets', byName('In', 'node-b', [fooIs('bar')]), SUCCESS, SUCCESS],
    ['In this node, with a label requirement the node does not meet', byName('In', 'node-a', [fooIs('baz')]), unresolvable(nodeConflict), unresolvable(bindConflict)],
  ])('%s', (_name, nodeAffinity, bound, unbound) => {
    expect([verdict(boundTo(nodeAffinity)), verdict(toBind(nodeAffinity))]).toEqual([bound, unbound]);
  });
});

// upstream: component-helpers storage/ephemeral VolumeClaimName, `<pod name>-<volume name>`, and VolumeIsForPod (called by
// volume_binding.go podHasPVCs): the claim of that name must have the pod as its controller. A Pod is placed under its
// own name, so that claim may exist already; a controller's pod gets a generated name (scratch-<hash>-<suffix>), and
// its claim is created from the template after it, never one named after the workload.
describe('VolumeBinding and generic ephemeral volumes', () => {
  const node = nodeInfoOf({ name: 'node-a', labels: { foo: 'bar' } });
  const fast = storageClass('fast', 'WaitForFirstConsumer', 'csi.example.com');
  const spec = {
    containers: [{ name: 'c', image: 'i' }],
    volumes: [{ name: 'tmp', ephemeral: { volumeClaimTemplate: { spec: { storageClassName: 'fast', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } } } }],
  };
  /** The claim scratch-tmp, bound to a volume node-a cannot reach, whose controller is the pod of that uid. */
  const claimOf = (uid: string): Value[] => {
    const claim = pvc('scratch-tmp', { className: 'fast', volumeName: 'elsewhere' });
    const metadata = { ...(claim['metadata'] as Value), ownerReferences: [{ apiVersion: 'v1', kind: 'Pod', name: 'scratch', uid, controller: true }] };
    return [fast, { ...claim, metadata }, pv('elsewhere', { className: 'fast', claim: 'scratch-tmp', nodeAffinity: { foo: 'baz' } })];
  };
  const notOwner = unresolvable('PVC default/scratch-tmp was not created for pod default/scratch (pod is not owner)');
  const options = { minor: NEWEST_MINOR, services: [], priorityClasses: new Map<string, number>(), defaultPriority: 0 };

  it.each([
    ['a Pod not created yet: no existing claim is its own', {}, notOwner],
    ['a Pod whose uid the claim does not name', { uid: 'u-1' }, notOwner],
    ["a Pod whose uid the claim names as its controller: the claim's volume decides", { uid: 'u-2' }, unresolvable(nodeConflict)],
  ] as const)('%s', (_name, meta, want) => {
    const pod = podInfoOf(spec, { name: 'scratch', ...meta });
    expect(runFilter(plugin, pod, node, clusterWithStorage([node], claimOf('u-2')))).toEqual(want);
  });

  it("a pod its controller is still to create gets a new claim from the template, whatever claim bears the workload's name", () => {
    const pod = toPodInfo({ ...podSourceOfPod(podObject(spec, { name: 'scratch' })), fromTemplate: true }, options, []);
    expect(runFilter(plugin, pod, node, clusterWithStorage([node], claimOf('u-2')))).toEqual(SUCCESS);
  });
});

// upstream: the ephemeral volume controller creates the claim from the template; pv_controller.go syncUnboundClaim binds
// a claim of an Immediate class to a PV or provisions one, and leaves it Pending when it can do neither, so that
// volume_binding.go PreFilter finds it among the unbound immediate claims (binder.go GetPodVolumeClaims)
describe('VolumeBinding and a generic ephemeral volume of an Immediate class', () => {
  const node = nodeInfoOf({ name: 'node-a', labels: { foo: 'bar' } });
  const ephemeral = (className: string) => ({
    containers: [{ name: 'c', image: 'i' }],
    volumes: [{ name: 'tmp', ephemeral: { volumeClaimTemplate: { spec: { storageClassName: className, accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } } } }],
  });
  const verdict = (className: string, objects: readonly Value[]) => runFilter(plugin, podInfoOf(ephemeral(className)), node, clusterWithStorage([node], objects));

  it.each<[string, string, readonly Value[], FilterResult]>([
    ['a class whose provisioner creates its volume', 'csi', [storageClass('csi', 'Immediate', 'csi.example.com')], SUCCESS],
    ['a PV of the class binds it', 'manual', [storageClass('manual', 'Immediate', 'kubernetes.io/no-provisioner'), pv('pv-a', { className: 'manual' })], SUCCESS],
    ['no PV of the class and no provisioner: Pending', 'manual', [storageClass('manual', 'Immediate', 'kubernetes.io/no-provisioner')], unresolvable(unboundImmediate)],
    ['no class ("") and no PV without one: Pending', '', [], unresolvable(unboundImmediate)],
    ['a class the snapshot lacks: Pending', 'missing', [], unresolvable(unboundImmediate)],
  ])('%s', (_name, className, objects, want) => {
    expect(verdict(className, objects)).toEqual(want);
  });
});
