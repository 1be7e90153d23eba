// Port of test/integration/volumescheduling/volume_binding_test.go (kubernetes/kubernetes @9891f82d816be0f7ee3ff1eb080089737ad596c9
// and earlier stored versions): TestVolumeBinding, TestVolumeBindingWithAntiAffinity, TestVolumeBindingWithAffinity,
// TestPVAffinityConflict, TestVolumeProvision and TestCapacity, run
// through the whole scheduler. Upstream runs the PV controller beside the scheduler: claims it binds before the pod is
// scheduled (Immediate classes, claims or volumes pre-bound by name) are written here as it leaves them (bound,
// bind-completed), so that what is left is the scheduler's part. Volumes are upstream's makePV (local, 5Gi, RWO,
// required node affinity on kubernetes.io/hostname), claims its makePVC (5Gi, RWO), nodes node-1.. labelled with their
// hostname. TestVolumeBindingStress and TestVolumeBindingDynamicStressFast are ported (their resync and slow-provisioning
// twins schedule the same). Skipped: TestVolumeBindingRescheduling (retries after API events) and
// TestRescheduleProvisioning (a provisioning failure in the PV controller).
import { describe, expect, it } from 'vitest';
import { node, pod, schedule, type Value } from './integration-test-support.js';

const HOSTNAME = 'kubernetes.io/hostname';
const NO_PROVISIONER = 'kubernetes.io/no-provisioner';
const MOCK_PROVISIONER = 'kubernetes.io/mock-provisioner';

const nodes = (count: number) => Array.from({ length: count }, (_, i) => node({ name: `node-${i + 1}`, labels: { [HOSTNAME]: `node-${i + 1}` }, capacity: { pods: '100' } }));

const storageClass = (name: string, mode: 'Immediate' | 'WaitForFirstConsumer', provisioner = NO_PROVISIONER, topology?: string) => ({
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name },
  provisioner,
  volumeBindingMode: mode,
  ...(topology && { allowedTopologies: [{ matchLabelExpressions: [{ key: HOSTNAME, values: [topology] }] }] }),
});

interface PV {
  readonly name: string;
  readonly className: string;
  /** claimRef (pre-bound by the user, or bound by the PV controller). */
  readonly claim?: string;
  readonly node?: string;
}
const makePV = ({ name, className, claim, node: nodeName }: PV): Value => ({
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  metadata: { name },
  spec: {
    capacity: { storage: '5Gi' },
    accessModes: ['ReadWriteOnce'],
    storageClassName: className,
    local: { path: '/test-path' },
    ...(claim && { claimRef: { name: claim, namespace: 'default' } }),
    ...(nodeName && { nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: HOSTNAME, operator: 'In', values: [nodeName] }] }] } } }),
  },
  status: { phase: claim ? 'Bound' : 'Available' },
});

interface PVC {
  readonly name: string;
  readonly className: string;
  /** Bound to this volume (by the PV controller). */
  readonly volume?: string;
}
const makePVC = ({ name, className, volume }: PVC): Value => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name, namespace: 'default', ...(volume && { annotations: { 'pv.kubernetes.io/bind-completed': 'yes' } }) },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '5Gi' } }, storageClassName: className, ...(volume && { volumeName: volume }) },
  status: { phase: volume ? 'Bound' : 'Pending' },
});

const makePod = (name: string, claims: readonly string[], spec: Value = {}) =>
  pod({ name, labels: { app: 'volume-binding-test' }, spec: { volumes: claims.map((claimName, i) => ({ name: `vol${i}`, persistentVolumeClaim: { claimName } })), ...spec } });

/** A claim and the volume the PV controller bound it to. */
const bound = (claim: string, volume: string, className: string, nodeName?: string) => [
  makePVC({ name: claim, className, volume }),
  makePV({ name: volume, className, claim, ...(nodeName && { node: nodeName }) }),
];

interface Case {
  readonly name: string;
  readonly claims: readonly string[];
  readonly objects: readonly Value[];
  /** Where the pod may land; [] when it must stay unschedulable. */
  readonly nodes: readonly string[];
}

function placedOn(objects: readonly Value[], claims: readonly string[], count: number, spec?: Value) {
  const [result] = schedule([...nodes(count), ...objects, makePod('pod', claims, spec)]);
  return { nodes: Object.keys(result?.placement.nodes ?? {}), message: result?.placement.message ?? null };
}

describe('TestVolumeBinding (upstream test/integration/volumescheduling)', () => {
  const classes = [storageClass('immediate', 'Immediate'), storageClass('wait', 'WaitForFirstConsumer')];
  const cases: Case[] = [
    { name: 'immediate can bind', claims: ['pvc-i-canbind'], objects: bound('pvc-i-canbind', 'pv-i-canbind', 'immediate', 'node-1'), nodes: ['node-1'] },
    { name: 'immediate cannot bind', claims: ['pvc-i-cannotbind'], objects: [makePVC({ name: 'pvc-i-cannotbind', className: 'immediate' })], nodes: [] },
    { name: 'immediate pvc prebound', claims: ['pvc-i-prebound'], objects: bound('pvc-i-prebound', 'pv-i-pvc-prebound', 'immediate', 'node-1'), nodes: ['node-1'] },
    { name: 'immediate pv prebound', claims: ['pvc-i-pv-prebound'], objects: bound('pvc-i-pv-prebound', 'pv-i-prebound', 'immediate', 'node-1'), nodes: ['node-1'] },
    {
      name: 'wait can bind',
      claims: ['pvc-w-canbind'],
      objects: [makePV({ name: 'pv-w-canbind', className: 'wait', node: 'node-1' }), makePVC({ name: 'pvc-w-canbind', className: 'wait' })],
      nodes: ['node-1'],
    },
    { name: 'wait cannot bind', claims: ['pvc-w-cannotbind'], objects: [makePVC({ name: 'pvc-w-cannotbind', className: 'wait' })], nodes: [] },
    { name: 'wait pvc prebound', claims: ['pvc-w-prebound'], objects: bound('pvc-w-prebound', 'pv-w-pvc-prebound', 'wait', 'node-1'), nodes: ['node-1'] },
    {
      name: 'wait pv prebound (the claim still unbound: the scheduler finds the volume pre-bound to it)',
      claims: ['pvc-w-pv-prebound'],
      objects: [makePV({ name: 'pv-w-prebound', className: 'wait', claim: 'pvc-w-pv-prebound', node: 'node-1' }), makePVC({ name: 'pvc-w-pv-prebound', className: 'wait' })],
      nodes: ['node-1'],
    },
    {
      name: 'wait can bind two',
      claims: ['pvc-w-canbind-2', 'pvc-w-canbind-3'],
      objects: [
        makePV({ name: 'pv-w-canbind-2', className: 'wait', node: 'node-2' }),
        makePV({ name: 'pv-w-canbind-3', className: 'wait', node: 'node-2' }),
        makePV({ name: 'pv-w-canbind-5', className: 'wait', node: 'node-1' }),
        makePVC({ name: 'pvc-w-canbind-2', className: 'wait' }),
        makePVC({ name: 'pvc-w-canbind-3', className: 'wait' }),
      ],
      nodes: ['node-2'],
    },
    {
      name: 'wait cannot bind two',
      claims: ['pvc-w-cannotbind-1', 'pvc-w-cannotbind-2'],
      objects: [
        makePV({ name: 'pv-w-cannotbind-1', className: 'wait', node: 'node-2' }),
        makePV({ name: 'pv-w-cannotbind-2', className: 'wait', node: 'node-1' }),
        makePVC({ name: 'pvc-w-cannotbind-1', className: 'wait' }),
        makePVC({ name: 'pvc-w-cannotbind-2', className: 'wait' }),
      ],
      nodes: [],
    },
    {
      name: 'mix immediate and wait',
      claims: ['pvc-w-canbind-4', 'pvc-i-canbind-2'],
      objects: [
        makePV({ name: 'pv-w-canbind-4', className: 'wait', node: 'node-1' }),
        makePVC({ name: 'pvc-w-canbind-4', className: 'wait' }),
        ...bound('pvc-i-canbind-2', 'pv-i-canbind-2', 'immediate', 'node-1'),
      ],
      nodes: ['node-1'],
    },
  ];
  it.each(cases)('$name', ({ claims, objects, nodes: want }) => {
    expect(placedOn([...classes, ...objects], claims, 2).nodes).toEqual(want);
  });
});

// testVolumeBindingWithAffinity: each pod claims one WaitForFirstConsumer volume and keeps away (required pod
// anti-affinity on the hostname) from the others; node-1 has numPVsFirstNode volumes, every other node one. The pods
// must land on as many nodes as there are pods. Upstream's TestVolumeBindingWithAffinity passes anti = true as well.
describe('TestVolumeBindingWithAntiAffinity, TestVolumeBindingWithAffinity (upstream test/integration/volumescheduling)', () => {
  const antiAffinity = {
    affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['volume-binding-test'] }] }, topologyKey: HOSTNAME }] } },
  };
  it.each([
    ['TestVolumeBindingWithAntiAffinity', 10, 10, 100],
    ['TestVolumeBindingWithAffinity', 100, 10, 10],
  ])('%s: %i nodes, %i pods, %i volumes on node-1', (_name, numNodes, numPods, numPVsFirstNode) => {
    const volumes = [
      ...Array.from({ length: numPVsFirstNode }, (_, i) => makePV({ name: `pv-node1-${i}`, className: 'wait', node: 'node-1' })),
      ...Array.from({ length: numNodes - 1 }, (_, i) => makePV({ name: `pv-node${i + 2}-0`, className: 'wait', node: `node-${i + 2}` })),
    ];
    const claims = Array.from({ length: numPods }, (_, i) => makePVC({ name: `pvc-${i}`, className: 'wait' }));
    const pods = Array.from({ length: numPods }, (_, i) => makePod(`pod${String(i).padStart(3, '0')}`, [`pvc-${i}`], { ...antiAffinity }));
    const results = schedule([...nodes(numNodes), storageClass('wait', 'WaitForFirstConsumer'), ...volumes, ...claims, ...pods]);
    const placed = results.flatMap((result) => Object.keys(result.placement.nodes));
    expect(placed).toHaveLength(numPods);
    expect(new Set(placed).size).toBe(numPods);
  });
});

describe('TestPVAffinityConflict (upstream test/integration/volumescheduling)', () => {
  const objects = [storageClass('immediate', 'Immediate'), ...bound('local-pvc', 'local-pv', 'immediate', 'node-1')];
  const nodeAffinity = { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: HOSTNAME, operator: 'In', values: ['node-2'] }] }] } } } };
  it.each([
    ['markNodeAffinity', nodeAffinity],
    ['markNodeSelector', { nodeSelector: { [HOSTNAME]: 'node-2' } }],
  ])('%s: the message names both the selector and the volume node affinity conflict', (_name, spec) => {
    const { nodes: placed, message } = placedOn(objects, ['local-pvc'], 3, spec);
    expect(placed).toEqual([]);
    // upstream checks for "node(s) didn't match node selector", the v1.17 wording of NodeAffinity's reason
    expect(message).toContain("node(s) didn't match Pod's node affinity/selector");
    expect(message).toContain('node(s) had volume node affinity conflict');
  });
});

describe('TestVolumeProvision (upstream test/integration/volumescheduling)', () => {
  const classes = [
    storageClass('immediate', 'Immediate', MOCK_PROVISIONER),
    storageClass('wait', 'WaitForFirstConsumer', MOCK_PROVISIONER),
    storageClass('topomismatch', 'WaitForFirstConsumer', MOCK_PROVISIONER, 'node-2'),
  ];
  const canProvision = makePVC({ name: 'pvc-canprovision', className: 'wait' });
  const cases: Case[] = [
    { name: 'wait provisioned', claims: ['pvc-canprovision'], objects: [canProvision], nodes: ['node-1'] },
    { name: 'topolgy unsatisfied', claims: ['pvc-topomismatch'], objects: [makePVC({ name: 'pvc-topomismatch', className: 'topomismatch' })], nodes: [] },
    {
      name: 'wait one bound, one provisioned',
      claims: ['pvc-w-canbind', 'pvc-canprovision'],
      objects: [makePV({ name: 'pv-w-canbind', className: 'wait', node: 'node-1' }), makePVC({ name: 'pvc-w-canbind', className: 'wait' }), canProvision],
      nodes: ['node-1'],
    },
    {
      name: 'one immediate pv prebound, one wait provisioned',
      claims: ['pvc-i-pv-prebound', 'pvc-canprovision'],
      objects: [...bound('pvc-i-pv-prebound', 'pv-i-prebound', 'immediate', 'node-1'), canProvision],
      nodes: ['node-1'],
    },
    {
      name: 'wait one pv prebound, one provisioned',
      claims: ['pvc-w-pv-prebound', 'pvc-canprovision'],
      objects: [...bound('pvc-w-pv-prebound', 'pv-w-prebound', 'wait', 'node-1'), canProvision],
      nodes: ['node-1'],
    },
    {
      name: 'immediate provisioned by controller',
      claims: ['pvc-controller-provisioned'],
      objects: bound('pvc-controller-provisioned', 'pvc-controller-provisioned-pv', 'immediate'),
      nodes: ['node-1'],
    },
  ];
  it.each(cases)('$name', ({ claims, objects, nodes: want }) => {
    expect(placedOn([...classes, ...objects], claims, 1).nodes).toEqual(want);
  });
});

describe('TestCapacity (upstream test/integration/volumescheduling)', () => {
  const driver = { apiVersion: 'storage.k8s.io/v1', kind: 'CSIDriver', metadata: { name: MOCK_PROVISIONER }, spec: { storageCapacity: true } };
  // More than the 5Gi makePVC requests, on every node (an empty nodeTopology selects them all).
  const capacity = { apiVersion: 'storage.k8s.io/v1', kind: 'CSIStorageCapacity', metadata: { name: 'foo-1', namespace: 'default' }, storageClassName: 'wait', nodeTopology: {}, capacity: '6Gi' };
  it.each([
    ['baseline', false, false],
    ['out of space', true, false],
    ['with space', true, true],
    ['ignored', false, true],
  ] as const)('%s', (_name, capacitySupported, haveCapacity) => {
    const objects = [
      storageClass('wait', 'WaitForFirstConsumer', MOCK_PROVISIONER),
      makePVC({ name: 'pvc-canprovision', className: 'wait' }),
      ...(capacitySupported ? [driver] : []),
      ...(haveCapacity ? [capacity] : []),
    ];
    const shouldFail = capacitySupported && !haveCapacity;
    expect(placedOn(objects, ['pvc-canprovision'], 1).nodes).toEqual(shouldFail ? [] : ['node-1']);
  });
});

// testVolumeBindingStress: one node, podLimit (50) pods each claiming volsPerPod (3) volumes, all of them on node-1;
// every pod must be scheduled. Upstream picks at random whether a volume is an unbound WaitForFirstConsumer one or
// one pre-bound to its claim (whose Immediate claim the PV controller binds); here even volumes are the former and odd
// ones the latter. The dynamic variants create no volumes: a WaitForFirstConsumer class with a provisioner makes them.
describe('TestVolumeBindingStress, TestVolumeBindingDynamicStressFast (upstream test/integration/volumescheduling)', () => {
  const podLimit = 50;
  const volsPerPod = 3;
  const podsClaiming = (count: number) =>
    Array.from({ length: count }, (_, i) => makePod(`pod${String(i).padStart(3, '0')}`, Array.from({ length: volsPerPod }, (_, j) => `pvc-stress-${i * volsPerPod + j}`)));
  const claimIndexes = Array.from({ length: podLimit * volsPerPod }, (_, i) => i);

  it('TestVolumeBindingStress: static volumes, half unbound and half pre-bound, every pod lands on node-1', () => {
    const volumes = claimIndexes.flatMap((i) =>
      i % 2 === 0
        ? [makePV({ name: `pv-stress-${i}`, className: 'wait', node: 'node-1' }), makePVC({ name: `pvc-stress-${i}`, className: 'wait' })]
        : bound(`pvc-stress-${i}`, `pv-stress-${i}`, 'immediate', 'node-1'));
    const results = schedule([...nodes(1), storageClass('immediate', 'Immediate'), storageClass('wait', 'WaitForFirstConsumer'), ...volumes, ...podsClaiming(podLimit)]);
    expect(results.map((result) => Object.keys(result.placement.nodes))).toEqual(results.map(() => ['node-1']));
  });

  it('TestVolumeBindingDynamicStressFast: every claim provisioned, every pod lands on node-1', () => {
    const claims = claimIndexes.map((i) => makePVC({ name: `pvc-stress-${i}`, className: 'dynamic' }));
    const results = schedule([...nodes(1), storageClass('dynamic', 'WaitForFirstConsumer', MOCK_PROVISIONER), ...claims, ...podsClaiming(podLimit)]);
    expect(results.map((result) => Object.keys(result.placement.nodes))).toEqual(results.map(() => ['node-1']));
  });
});
