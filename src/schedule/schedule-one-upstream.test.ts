// Port of pkg/scheduler/schedule_one_test.go TestSchedulerSchedulePod (kubernetes/kubernetes @008b3652): the cases
// built on real plugins (VolumeBinding, PodTopologySpread), run through the whole scheduler; nodes are upstream's bare
// nodes (a hostname label, 32 pods). Upstream's FitError text is the start of kubefit's message (kubefit appends the
// PostFilter's). "test prefilter plugin returned an invalid node" runs on NodeAffinity, the one default PreFilter that
// names nodes. Skipped: the other cases on fake filter, score and PreFilter plugins and on extenders.
import { describe, expect, it } from 'vitest';
import { node, pod, schedule, type Value } from './integration-test-support.js';

const hostNodes = (...names: string[]) => names.map((name) => node({ name, labels: { 'kubernetes.io/hostname': name } }));
const claim = (name: string, extra: Value = {}) => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name, namespace: 'default', annotations: { 'pv.kubernetes.io/bind-completed': 'true' }, ...extra },
  spec: { volumeName: name === 'PVC1' ? 'PV1' : 'existingPV', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
  status: { phase: 'Bound' },
});
const volume = (name: string, spec: Value = {}) => ({
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  metadata: { name },
  spec: { accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' }, hostPath: { path: '/tmp' }, ...spec },
  status: { phase: 'Bound' },
});
const withClaim = (claimName: string) => pod({ name: 'ignore', spec: { volumes: [{ name: 'v', persistentVolumeClaim: { claimName } }] } });
const spreading = (maxSkew: number) =>
  pod({
    name: 'p',
    labels: { foo: '' },
    spec: { topologySpreadConstraints: [{ maxSkew, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchExpressions: [{ key: 'foo', operator: 'Exists' }] } }] },
  });
const fooOn = (name: string, nodeName: string) => pod({ name, labels: { foo: '' }, node: nodeName });

interface Case {
  readonly name: string;
  readonly docs: readonly Value[];
  /** Any of these; [] when the pod fits nowhere. */
  readonly wantNodes: readonly string[];
  /** The start of the FitError message, when it does not fit. */
  readonly message?: string;
}

const cases: Case[] = [
  { name: 'existing PVC', docs: [...hostNodes('node1', 'node2'), claim('existingPVC'), volume('existingPV'), withClaim('existingPVC')], wantNodes: ['node1', 'node2'] },
  {
    name: 'unknown PVC',
    docs: [...hostNodes('node1', 'node2'), withClaim('unknownPVC')],
    wantNodes: [],
    message: '0/2 nodes are available: persistentvolumeclaim "unknownPVC" not found.',
  },
  {
    name: 'deleted PVC',
    docs: [...hostNodes('node1', 'node2'), claim('existingPVC', { deletionTimestamp: '2026-01-01T00:00:00Z' }), volume('existingPV'), withClaim('existingPVC')],
    wantNodes: [],
    message: '0/2 nodes are available: persistentvolumeclaim "existingPVC" is being deleted.',
  },
  { name: 'test podtopologyspread plugin - 2 nodes with maxskew=1', docs: [...hostNodes('node1', 'node2'), fooOn('pod1', 'node1'), spreading(1)], wantNodes: ['node2'] },
  {
    name: 'test podtopologyspread plugin - 3 nodes with maxskew=2',
    docs: [...hostNodes('node1', 'node2', 'node3'), fooOn('pod1a', 'node1'), fooOn('pod1b', 'node1'), fooOn('pod2', 'node2'), spreading(2)],
    wantNodes: ['node2', 'node3'],
  },
  {
    name: 'hostname and nodename of the node do not match',
    docs: [
      node({ name: 'node1', labels: { 'kubernetes.io/hostname': 'host1' } }),
      claim('PVC1'),
      volume('PV1', { nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['host1'] }] }] } } }),
      withClaim('PVC1'),
    ],
    wantNodes: ['node1'],
  },
  {
    // upstream's FakePreFilter names a node the snapshot lacks; NodeAffinity's PreFilter does so for a metadata.name
    // term naming no node: no node is filtered, and every node is an absent node with the PreFilter plugins' status.
    name: 'test prefilter plugin returned an invalid node',
    docs: [...hostNodes('1', '2'), pod({ name: 'test-prefilter', spec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['invalid-node'] }] }] } } } } })],
    wantNodes: [],
    message: "0/2 nodes are available: 2 node(s) didn't satisfy plugin(s) [NodeAffinity].",
  },
];

describe('TestSchedulerSchedulePod (upstream pkg/scheduler/schedule_one_test.go)', () => {
  it.each(cases)('$name', ({ docs, wantNodes, message }) => {
    const [result] = schedule(docs);
    const nodes = Object.keys(result?.placement.nodes ?? {});
    if (wantNodes.length === 0) expect(nodes).toEqual([]);
    else expect(wantNodes).toContain(nodes[0]);
    if (message !== undefined) expect(result?.placement.message?.startsWith(message)).toBe(true);
  });
});

// upstream: schedule_one_test.go TestSchedulerFailedSchedulingReasons (@008b3652): 100 nodes too small for the pod, each
// failing two resources, roll up into a short histogram (upstream: at most 150 characters).
describe('TestSchedulerFailedSchedulingReasons (upstream pkg/scheduler/schedule_one_test.go)', () => {
  it('rolls the reasons of 100 nodes up into a non-spammy summary', () => {
    const nodes = Array.from({ length: 100 }, (_, i) => node({ name: `node${i}`, capacity: { cpu: '2', memory: '100', pods: '10' } }));
    const tooBig = { cpu: '4', memory: '500' };
    const [result] = schedule([...nodes, pod({ name: 'bar', spec: { containers: [{ name: 'c', image: 'i', resources: { requests: tooBig, limits: tooBig } }] } })]);
    const fitError = '0/100 nodes are available: 100 Insufficient cpu, 100 Insufficient memory.';
    expect(fitError.length).toBeLessThanOrEqual(150);
    expect(result?.placement.message).toBe(`${fitError} no new claims to deallocate, preemption: 0/100 nodes are available: 100 Preemption is not helpful for scheduling.`);
  });
});

// upstream: schedule_one_test.go TestSchedulerWithVolumeBinding (@008b3652): upstream's fake volume binder returns the
// reasons; here real claims and PVs give the same ones, on upstream's one node node1 and pod foo/foo-ns with claim
// testPVC. Skipped: "predicate error", "assume error" and "bind error" (errors the fake binder injects).
describe('TestSchedulerWithVolumeBinding (upstream pkg/scheduler/schedule_one_test.go)', () => {
  const waitSC = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'wait-sc' }, provisioner: 'kubernetes.io/no-provisioner', volumeBindingMode: 'WaitForFirstConsumer' };
  const fooClaim = (name: string, volumeName?: string) => ({
    apiVersion: 'v1', kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: 'foo-ns', ...(volumeName && { annotations: { 'pv.kubernetes.io/bind-completed': 'yes' } }) },
    spec: { storageClassName: 'wait-sc', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...(volumeName && { volumeName }) },
  });
  const fooVolume = (name: string, claim: string | undefined, zone: string) => volume(name, {
    storageClassName: 'wait-sc',
    ...(claim && { claimRef: { namespace: 'foo-ns', name: claim } }),
    nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: [zone] }] }] } },
  });
  const foo = (...claims: string[]) =>
    pod({ name: 'foo', namespace: 'foo-ns', spec: { volumes: claims.map((claimName, i) => ({ name: `testVol${i}`, persistentVolumeClaim: { claimName } })) } });
  const node1 = node({ name: 'node1', labels: { zone: 'a' } });
  const available = (doc: Value) => ({ ...doc, status: { phase: 'Available' } });
  const predicateError = (failReason: string) => `0/1 nodes are available: ${failReason}.`;

  it.each([
    { name: 'all bound', docs: [fooClaim('testPVC', 'pv-a'), fooVolume('pv-a', 'testPVC', 'a'), foo('testPVC')] },
    {
      name: 'bound/invalid pv affinity', docs: [fooClaim('testPVC', 'pv-a'), fooVolume('pv-a', 'testPVC', 'b'), foo('testPVC')],
      message: predicateError('1 node(s) had volume node affinity conflict'),
    },
    { name: 'unbound/no matches', docs: [fooClaim('testPVC'), foo('testPVC')], message: predicateError("1 node(s) didn't find available persistent volumes to bind") },
    {
      name: 'bound and unbound unsatisfied', docs: [fooClaim('testPVC', 'pv-a'), fooVolume('pv-a', 'testPVC', 'b'), fooClaim('testPVC2'), foo('testPVC', 'testPVC2')],
      message: predicateError("1 node(s) didn't find available persistent volumes to bind, 1 node(s) had volume node affinity conflict"),
    },
    { name: 'unbound/found matches/bind succeeds', docs: [fooClaim('testPVC'), available(fooVolume('pv-a', undefined, 'a')), foo('testPVC')] },
  ] as { name: string; docs: Value[]; message?: string }[])('$name', ({ docs, message }) => {
    const [result] = schedule([node1, waitSC, ...docs]);
    expect(Object.keys(result?.placement.nodes ?? {})).toEqual(message === undefined ? ['node1'] : []);
    if (message !== undefined) expect(result?.placement.message?.startsWith(message)).toBe(true);
  });
});

// upstream: schedule_one_test.go TestSchedulerNoPhantomPodAfterDelete (@008b3652), its first scheduling: pod bar asks for
// host port 8080, which pod foo holds on the one node. (The rest of the test is about the scheduler cache.)
describe('TestSchedulerNoPhantomPodAfterDelete (upstream pkg/scheduler/schedule_one_test.go)', () => {
  const withPort = (name: string, nodeName?: string) =>
    pod({ name, ...(nodeName && { node: nodeName }), spec: { containers: [{ name: 'c', image: 'i', ports: [{ containerPort: 8080, hostPort: 8080 }] }] } });
  it('rejects the pod whose host port the node has given away', () => {
    const [result] = schedule([node({ name: 'node1' }), withPort('foo', 'node1'), withPort('bar')]);
    expect(result?.placement.message?.startsWith("0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports.")).toBe(true);
  });
});
