import { describe, expect, it } from 'vitest';
import { SUCCESS, unresolvable, type FilterResult } from '../framework.js';
import { clusterWithStorage, nodeInfoOf, podInfoOf, runFilter } from '../test-support.js';
import plugin from './volume-binding.js';
import { claimVolumes, pv, pvc, storageClass } from './volume-test-objects.js';

const nodeConflict = 'node(s) had volume node affinity conflict';
const bindConflict = "node(s) didn't find available persistent volumes to bind";
const notEnoughSpace = 'node(s) did not have enough free storage';
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

interface Case {
  readonly name: string;
  readonly claims: readonly string[];
  readonly objects: readonly Readonly<Record<string, unknown>>[];
  readonly want: FilterResult;
}

// Ported from pkg/scheduler/framework/plugins/volumebinding/volume_binding_test.go TestVolumeBinding (PreFilter and
// Filter statuses; a PreFilter rejection shows as UnschedulableAndUnresolvable with its message).
const cases: Case[] = [
  { name: 'pod has not pvcs', claims: [], objects: [], want: SUCCESS },
  { name: 'all bound', claims: ['pvc-a'], objects: [pvc('pvc-a', { volumeName: 'pv-a' }), pv('pv-a', { claim: 'pvc-a' })], want: SUCCESS },
  { name: 'PVC does not exist', claims: ['pvc-a'], objects: [], want: unresolvable('persistentvolumeclaim "pvc-a" not found') },
  {
    name: 'Part of PVCs do not exist',
    claims: ['pvc-a', 'pvc-b'],
    objects: [pvc('pvc-a', { volumeName: 'pv-a' }), pv('pv-a', { claim: 'pvc-a' })],
    want: unresolvable('persistentvolumeclaim "pvc-b" not found'),
  },
  {
    name: 'immediate claims not bound',
    claims: ['pvc-a'],
    objects: [pvc('pvc-a', { className: 'immediate-sc' }), immediateSC],
    want: unresolvable('pod has unbound immediate PersistentVolumeClaims'),
  },
  { name: 'unbound claims no matches', claims: ['pvc-a'], objects: [pvc('pvc-a', { className: 'wait-sc' }), waitSC], want: unresolvable(bindConflict) },
  {
    name: 'bound and unbound unsatisfied',
    claims: ['pvc-a', 'pvc-b'],
    objects: [
      pvc('pvc-a', { volumeName: 'pv-a' }), pv('pv-a', { claim: 'pvc-a', nodeAffinity: { foo: 'barbar' } }),
      pvc('pvc-b', { className: 'wait-sc' }), waitSC,
    ],
    want: unresolvable(nodeConflict, bindConflict),
  },
  { name: 'pv not found', claims: ['pvc-a'], objects: [pvc('pvc-a', { volumeName: 'pv-a' })], want: unresolvable(pvNotExist) },
  {
    name: 'pv not found claim lost',
    claims: ['pvc-a'],
    objects: [pvc('pvc-a', { volumeName: 'pv-a', phase: 'Lost' })],
    want: unresolvable('persistentvolumeclaim "pvc-a" bound to non-existent persistentvolume "pv-a"'),
  },
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
