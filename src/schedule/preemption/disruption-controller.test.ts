import { describe, expect, it } from 'vitest';
import { objectOf } from '../test-support.js';
import { disruptionsAllowed } from './disruption-controller.js';

type Value = Readonly<Record<string, unknown>>;

const budget = (spec: Value): Value => ({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'pdb', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'foo' } }, ...spec } });

interface PodOptions {
  readonly ready?: boolean;
  readonly owner?: readonly [kind: string, name: string, uid: string];
  readonly labels?: Value;
  readonly namespace?: string;
  readonly deleting?: boolean;
}

function pod(name: string, { ready = true, owner, labels = { app: 'foo' }, namespace = 'default', deleting = false }: PodOptions = {}): Value {
  const ownerReferences = owner && [{ apiVersion: owner[0] === 'ReplicationController' ? 'v1' : 'apps/v1', kind: owner[0], name: owner[1], uid: owner[2], controller: true }];
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name, namespace, labels, ...(ownerReferences && { ownerReferences }), ...(deleting && { deletionTimestamp: '2026-01-01T00:00:00Z' }) },
    spec: { nodeName: 'node', containers: [{ name: 'c', image: 'i' }] },
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
  };
}

const controller = (kind: string, name: string, uid: string, replicas?: number, owner?: string): Value => ({
  apiVersion: kind === 'ReplicationController' ? 'v1' : 'apps/v1', kind,
  metadata: { name, namespace: 'default', uid, ...(owner && { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: owner, uid: `${owner}-uid`, controller: true }] }) },
  spec: { ...(replicas !== undefined && { replicas }), selector: { matchLabels: { app: 'foo' } } },
});

const pods = (count: number, options: PodOptions = {}): Value[] => Array.from({ length: count }, (_, i) => pod(`pod-${i}`, options));
const rs = ['ReplicaSet', 'rs', 'rs-uid'] as const;

// upstream: pkg/controller/disruption/disruption_test.go (TestNoSelector, TestUnavailable, TestIntegerMaxUnavailable,
// TestReplicaSet, TestReplicationController, TestStatefulSetController, TestTwoControllers) and disruption.go
// getExpectedPodCount, getExpectedScale, countHealthyPods, updatePdbStatus: the first sync of a budget written
// without a status, counted from the pods and controllers the cluster holds.
describe('the disruption controller: disruptionsAllowed of a budget without a status', () => {
  it.each<{ name: string; spec: Value; pods: readonly Value[]; controllers?: readonly Value[]; want: number }>([
    { name: 'minAvailable 3 of 4 Ready pods allows 1', spec: { minAvailable: 3 }, pods: pods(4), want: 1 },
    { name: 'minAvailable 3 with a pod not Ready allows none', spec: { minAvailable: 3 }, pods: [...pods(3), pod('late', { ready: false })], want: 0 },
    { name: 'a pod being deleted is not healthy', spec: { minAvailable: 1 }, pods: [pod('a'), pod('b', { deleting: true })], want: 0 },
    { name: 'only the namespace and labels of the budget count', spec: { minAvailable: 1 }, pods: [pod('a'), pod('b', { namespace: 'other' }), pod('c', { labels: { app: 'bar' } })], want: 0 },
    { name: 'no selector selects nothing: no pod is expected', spec: { minAvailable: 0, selector: undefined }, pods: pods(2), want: 0 },
    { name: 'an empty selector selects every pod of the namespace', spec: { minAvailable: 1, selector: {} }, pods: [pod('a'), pod('b', { labels: {} })], want: 1 },
    { name: 'neither minAvailable nor maxUnavailable: nothing is expected', spec: {}, pods: pods(2), want: 0 },
    { name: 'maxUnavailable 1 of a ReplicaSet of 3, all Ready', spec: { maxUnavailable: 1 }, pods: pods(3, { owner: rs }), controllers: [controller('ReplicaSet', 'rs', 'rs-uid', 3)], want: 1 },
    { name: 'maxUnavailable of unmanaged pods: none expected', spec: { maxUnavailable: 1 }, pods: pods(3), want: 0 },
    { name: 'minAvailable 20% of a ReplicaSet of 10 with one Ready pod', spec: { minAvailable: '20%' }, pods: [pod('a', { owner: rs })], controllers: [controller('ReplicaSet', 'rs', 'rs-uid', 10)], want: 0 },
    { name: 'minAvailable 50% rounds up: 2 of 3 must stay', spec: { minAvailable: '50%' }, pods: pods(3, { owner: ['StatefulSet', 'ss', 'ss-uid'] }), controllers: [controller('StatefulSet', 'ss', 'ss-uid', 3)], want: 1 },
    { name: 'maxUnavailable 34% of a ReplicationController without replicas (1) rounds up to 1', spec: { maxUnavailable: '34%' }, pods: [pod('a', { owner: ['ReplicationController', 'rc', 'rc-uid'] })], controllers: [controller('ReplicationController', 'rc', 'rc-uid')], want: 1 },
    { name: 'two controllers add their scales', spec: { minAvailable: '50%' }, pods: [...pods(2, { owner: rs }), pod('s', { owner: ['StatefulSet', 'ss', 'ss-uid'] })], controllers: [controller('ReplicaSet', 'rs', 'rs-uid', 2), controller('StatefulSet', 'ss', 'ss-uid', 2)], want: 1 },
    { name: 'a controller the cluster lacks: fail-safe', spec: { maxUnavailable: 1 }, pods: pods(3, { owner: rs }), want: 0 },
    { name: 'a controller of another uid is not found: fail-safe', spec: { maxUnavailable: 1 }, pods: pods(3, { owner: rs }), controllers: [controller('ReplicaSet', 'rs', 'other-uid', 3)], want: 0 },
    { name: "a Deployment's ReplicaSet counts as the Deployment, which the cluster lacks: fail-safe", spec: { maxUnavailable: 1 }, pods: pods(3, { owner: rs }), controllers: [controller('ReplicaSet', 'rs', 'rs-uid', 3, 'web')], want: 0 },
    { name: 'a minAvailable that is no int-or-string (1.5): fail-safe', spec: { minAvailable: 1.5 }, pods: pods(3), want: 0 },
    { name: 'a percentage that is no percentage: fail-safe', spec: { minAvailable: '1' }, pods: pods(3, { owner: rs }), controllers: [controller('ReplicaSet', 'rs', 'rs-uid', 3)], want: 0 },
  ])('$name', ({ spec, pods: objects, controllers = [], want }) => {
    const scope = { pods: objects.map((value) => objectOf(value)), controllers: controllers.map((value) => objectOf(value)) };
    expect(disruptionsAllowed(objectOf(budget(spec)), scope)).toBe(want);
  });
});
