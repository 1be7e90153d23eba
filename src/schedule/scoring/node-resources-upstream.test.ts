// Ports of pkg/scheduler/framework/plugins/noderesources least_allocated_test.go TestLeastAllocatedScoringStrategy,
// most_allocated_test.go TestMostAllocatedScoringStrategy, fit_test.go TestFitScore, requested_to_capacity_ratio_test.go
// TestRequestedToCapacityRatioScoringStrategy, TestResourceBinPackingSingleExtended and
// TestResourceBinPackingMultipleExtended, and balanced_allocation_test.go TestNodeResourcesBalancedAllocation
// (kubernetes/kubernetes, newest stored versions; the balanced scores before kubernetes#135573 from 00fdb4ff, v1.35),
// run the way kube-scheduler scores: the objects are loaded as a cluster, the profile (a KubeSchedulerConfiguration
// with the plugin's args) scores with the plugin alone, and the scores are the ones selectHost compares.
// node-resources.test.ts runs the same tables against the plugins alone. upstream's pods without containers request
// nothing; here they have one container requesting cpu 0 and memory 0 (a missing request would get scoring's
// non-zero defaults). Skipped: the args-validation cases (weights -1, 0 and 101, and "Resources not set", which
// defaulting fills) live in profile/scheduler-configuration.test.ts, and the "if PreScore not called" cases (the score
// reads what PreScore computed). The DRA-backed extended resource cases run at v1.36 (DRAExtendedResource on).
import { describe, expect, it } from 'vitest';
import { node, scoreNodes, scoreOnlyConfig, type Value } from '../integration-test-support.js';
import { NEWEST_MINOR } from '../version.js';

type Requests = Readonly<Record<string, string>>;

/** st.MakePod().Obj(): a pod requesting nothing. */
const NOTHING: readonly Requests[] = [{ cpu: '0', memory: '0' }];

/** A node: its allocatable and the containers' requests of each pod bound to it. */
interface NodeRow {
  readonly name: string;
  readonly capacity: Requests;
  readonly pods?: readonly (readonly Requests[])[];
}

/** A pod with one container per request, and a sidecar (restartable init container) requesting `sidecar` if given. */
const podDoc = (name: string, containers: readonly Requests[], nodeName?: string, sidecar?: Requests): Value => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default' },
  spec: {
    containers: containers.map((requests, i) => ({ name: `c${i}`, image: 'registry.k8s.io/pause:3.10', resources: { requests } })),
    ...(sidecar && { initContainers: [{ name: 'sidecar', image: 'registry.k8s.io/pause:3.10', restartPolicy: 'Always', resources: { requests: sidecar } }] }),
    ...(nodeName && { nodeName }),
  },
  ...(nodeName && { status: { phase: 'Running' } }),
});

function scores(pod: readonly Requests[], nodes: readonly NodeRow[], plugin: string, args: Value, minor = NEWEST_MINOR): Record<string, number> {
  const docs = [
    ...nodes.map(({ name, capacity }) => node({ name, capacity })),
    ...nodes.flatMap(({ name, pods = [] }) => pods.map((containers, i) => podDoc(`${name}-${i}`, containers, name))),
    podDoc('p', pod),
  ];
  return scoreNodes(docs, scoreOnlyConfig(plugin, args, minor), minor);
}

const cpuMem = (cpu: string, memory: string): Requests => ({ cpu, memory });
const sized = (name: string, cpu: string, memory: string, pods: readonly (readonly Requests[])[] = []): NodeRow => ({ name, capacity: cpuMem(cpu, memory), pods });
const EXTENDED = 'abc.com/xyz';
const DEFAULT = [{ name: 'cpu', weight: 1 }, { name: 'memory', weight: 1 }];
/** upstream's extendedResourceSet: cpu, memory and the extended resource, weight 1 each. */
const EXTENDED_SET = [...DEFAULT, { name: EXTENDED, weight: 1 }];
const MEMORY_TWICE = [{ name: 'memory', weight: 2 }, { name: 'cpu', weight: 1 }];
const EXTENDED_TWICE = [{ name: EXTENDED, weight: 2 }, ...DEFAULT];
const TWO_CONTAINERS = [cpuMem('1000', '2000'), cpuMem('2000', '3000')];

interface StrategyCase {
  readonly name: string;
  readonly pod: readonly Requests[];
  readonly nodes: readonly NodeRow[];
  readonly resources?: readonly Value[];
  readonly want: Readonly<Record<string, number>>;
}

const fitScores = (type: string, c: StrategyCase, extra: Value = {}) =>
  scores(c.pod, c.nodes, 'NodeResourcesFit', { scoringStrategy: { type, resources: c.resources ?? DEFAULT, ...extra } });

/** Pods and nodes shared by the LeastAllocated and MostAllocated tables (their expected scores differ). */
const shared = {
  nothingRequested: { pod: NOTHING, nodes: [sized('node1', '4000', '10000'), sized('node2', '4000', '10000')] },
  differentlySized: { pod: TWO_CONTAINERS, nodes: [sized('node1', '4000', '10000'), sized('node2', '6000', '10000')] },
  podsWithResources: {
    pod: NOTHING,
    nodes: [
      sized('node1', '10000', '20000', [[cpuMem('3000', '0')], [cpuMem('3000', '0')]]),
      sized('node2', '10000', '20000', [[cpuMem('3000', '0')], [cpuMem('3000', '5000')]]),
    ],
  },
  requestedWithResources: { pod: TWO_CONTAINERS, nodes: [sized('node1', '10000', '20000', [[cpuMem('3000', '0')]]), sized('node2', '10000', '20000', [[cpuMem('3000', '5000')]])] },
  bypassExtended: { pod: TWO_CONTAINERS, nodes: [sized('node1', '6000', '10000'), { name: 'node2', capacity: { cpu: '6000', memory: '10000', [EXTENDED]: '4' } }], resources: EXTENDED_SET },
  honorExtended: {
    pod: [{ cpu: '3000', memory: '5000', [EXTENDED]: '2' }],
    nodes: [{ name: 'node1', capacity: { cpu: '6000', memory: '10000', [EXTENDED]: '4' } }, { name: 'node2', capacity: { cpu: '6000', memory: '10000', [EXTENDED]: '10' } }],
    resources: EXTENDED_SET,
  },
  nodeWithoutResource: { pod: [cpuMem('3000', '4000')], nodes: [sized('node1', '6000', '10000'), { name: 'node2', capacity: { cpu: '6000', memory: '10000', [EXTENDED]: '4' } }], resources: EXTENDED_TWICE },
};

describe('TestLeastAllocatedScoringStrategy (upstream)', () => {
  it.each<StrategyCase>([
    { name: 'nothing scheduled, nothing requested', ...shared.nothingRequested, want: { node1: 100, node2: 100 } },
    { name: 'nothing scheduled, resources requested, differently sized nodes', ...shared.differentlySized, want: { node1: 37, node2: 50 } },
    {
      name: 'no resources requested, pods scheduled',
      pod: NOTHING,
      nodes: [sized('node1', '4000', '10000', [NOTHING, NOTHING]), sized('node2', '4000', '10000', [NOTHING, NOTHING])],
      want: { node1: 100, node2: 100 },
    },
    { name: 'no resources requested, pods scheduled with resources', ...shared.podsWithResources, want: { node1: 70, node2: 57 } },
    { name: 'resources requested, pods scheduled with resources', ...shared.requestedWithResources, want: { node1: 57, node2: 45 } },
    {
      name: 'resources requested, pods scheduled with resources, differently sized nodes',
      pod: TWO_CONTAINERS,
      nodes: [sized('node1', '10000', '20000', [[cpuMem('3000', '0')]]), sized('node2', '10000', '50000', [[cpuMem('3000', '5000')]])],
      want: { node1: 57, node2: 60 },
    },
    {
      name: 'requested resources exceed node capacity',
      pod: [cpuMem('3000', '0')],
      nodes: [sized('node1', '4000', '10000', [[cpuMem('3000', '0')]]), sized('node2', '4000', '10000', [[cpuMem('3000', '5000')]])],
      want: { node1: 50, node2: 25 },
    },
    {
      name: 'zero node resources, pods scheduled with resources',
      pod: NOTHING,
      nodes: [{ name: 'node1', capacity: {}, pods: [[cpuMem('3000', '0')]] }, { name: 'node2', capacity: {}, pods: [[cpuMem('3000', '5000')]] }],
      want: { node1: 0, node2: 0 },
    },
    {
      name: 'nothing scheduled, resources requested with different weight on CPU and memory, differently sized nodes',
      ...shared.differentlySized,
      resources: MEMORY_TWICE,
      want: { node1: 41, node2: 50 },
    },
    { name: 'bypass extended resource if the pod does not request', ...shared.bypassExtended, want: { node1: 50, node2: 50 } },
    { name: 'honor extended resource if the pod requests', ...shared.honorExtended, want: { node1: 50, node2: 60 } },
    { name: "if the node doesn't have a resource", ...shared.nodeWithoutResource, want: { node1: 55, node2: 55 } },
  ])('$name', (c) => {
    expect(fitScores('LeastAllocated', c)).toEqual(c.want);
  });
});

describe('TestMostAllocatedScoringStrategy (upstream)', () => {
  it.each<StrategyCase>([
    { name: 'nothing scheduled, nothing requested', ...shared.nothingRequested, want: { node1: 0, node2: 0 } },
    { name: 'nothing scheduled, resources requested, differently sized nodes', ...shared.differentlySized, want: { node1: 62, node2: 50 } },
    { name: 'no resources requested, pods scheduled with resources', ...shared.podsWithResources, want: { node1: 30, node2: 42 } },
    { name: 'resources requested, pods scheduled with resources', ...shared.requestedWithResources, want: { node1: 42, node2: 55 } },
    {
      name: 'resources requested equal node capacity',
      pod: [cpuMem('2000', '4000'), cpuMem('3000', '5000')],
      nodes: [sized('node1', '5000', '10000'), sized('node2', '10000', '9000')],
      want: { node1: 95, node2: 75 },
    },
    { name: 'nothing scheduled, resources requested, differently sized nodes (memory weight 2)', ...shared.differentlySized, resources: MEMORY_TWICE, want: { node1: 58, node2: 50 } },
    {
      // st.MakePod().Container("container"): containers without requests get scoring's non-zero defaults
      name: 'no resources requested, pods scheduled, nonzero request for resource',
      pod: [{}],
      nodes: [sized('node1', '250m', '1000Mi', [[{}], [{}]]), sized('node2', '250m', '1000Mi')],
      want: { node1: 80, node2: 30 },
    },
    { name: 'bypass extended resource if the pod does not request', ...shared.bypassExtended, want: { node1: 50, node2: 50 } },
    { name: 'honor extended resource if the pod request', ...shared.honorExtended, want: { node1: 50, node2: 40 } },
    { name: "if the node doesn't have a resource", ...shared.nodeWithoutResource, want: { node1: 45, node2: 45 } },
  ])('$name', (c) => {
    expect(fitScores('MostAllocated', c)).toEqual(c.want);
  });
});

describe('TestFitScore (upstream)', () => {
  /** One node of `cpu` (memory 10000) holding one pod of `requests`, with a sidecar of `sidecar` if given. */
  const holding = (name: string, cpu: string, requests: Requests, sidecar?: Requests) => [node({ name, capacity: cpuMem(cpu, '10000') }), podDoc(`${name}-pod`, [requests], name, sidecar)];
  /** node1 (4000) with a pod of 2000 / 4000, node2 (6000) with a pod of 1000 / 2000. */
  const differentlySized = [...holding('node1', '4000', cpuMem('2000', '4000')), ...holding('node2', '6000', cpuMem('1000', '2000'))];
  /** Two 4000 nodes with a pod of 1000 / 2000, the one on node1 with a sidecar of as much. */
  const withSidecarOnNode1 = [...holding('node1', '4000', cpuMem('1000', '2000'), cpuMem('1000', '2000')), ...holding('node2', '4000', cpuMem('1000', '2000'))];
  const shape = (from: number, to: number) => ({ requestedToCapacityRatio: { shape: [{ utilization: 0, score: from }, { utilization: 100, score: to }] } });
  it.each<readonly [string, Value, Requests, readonly Value[], Readonly<Record<string, number>>]>([
    ['test case for ScoringStrategy RequestedToCapacityRatio case1', { type: 'RequestedToCapacityRatio', ...shape(10, 0) }, cpuMem('3000', '5000'), differentlySized, { node1: 10, node2: 32 }],
    ['test case for ScoringStrategy RequestedToCapacityRatio case2', { type: 'RequestedToCapacityRatio', ...shape(0, 10) }, cpuMem('3000', '5000'), differentlySized, { node1: 95, node2: 68 }],
    ['test case for ScoringStrategy MostAllocated', { type: 'MostAllocated' }, cpuMem('1000', '2000'), differentlySized, { node1: 67, node2: 36 }],
    ['test case for ScoringStrategy LeastAllocated', { type: 'LeastAllocated' }, cpuMem('1000', '2000'), differentlySized, { node1: 32, node2: 63 }],
    ['test case for ScoringStrategy MostAllocated with sidecar container', { type: 'MostAllocated' }, cpuMem('1000', '2000'), withSidecarOnNode1, { node1: 67, node2: 45 }],
    ['test case for ScoringStrategy LeastAllocated with sidecar container', { type: 'LeastAllocated' }, cpuMem('1000', '2000'), withSidecarOnNode1, { node1: 32, node2: 55 }],
  ])('%s', (_name, strategy, requests, objects, want) => {
    const docs = [...objects, podDoc('p', [requests])];
    expect(scoreNodes(docs, scoreOnlyConfig('NodeResourcesFit', { scoringStrategy: { ...strategy, resources: DEFAULT } }))).toEqual(want);
  });
});

const ratio = (points: readonly (readonly [number, number])[]) => ({ requestedToCapacityRatio: { shape: points.map(([utilization, score]) => ({ utilization, score })) } });

describe('TestRequestedToCapacityRatioScoringStrategy (upstream)', () => {
  const shape = ratio([[0, 10], [100, 0]]);
  it.each<StrategyCase>([
    {
      name: 'nothing scheduled, nothing requested (default - least requested nodes have priority)',
      pod: NOTHING,
      nodes: [sized('node1', '4000', '10000', [NOTHING, NOTHING]), sized('node2', '4000', '10000')],
      want: { node1: 100, node2: 100 },
    },
    {
      name: 'nothing scheduled, resources requested, differently sized nodes (default - least requested nodes have priority)',
      pod: TWO_CONTAINERS,
      nodes: [sized('node1', '4000', '10000', [NOTHING, NOTHING]), sized('node2', '6000', '10000')],
      want: { node1: 38, node2: 50 },
    },
    {
      name: 'no resources requested, pods scheduled with resources (default - least requested nodes have priority)',
      pod: NOTHING,
      nodes: [sized('node1', '4000', '10000', [[cpuMem('3000', '5000')]]), sized('node2', '6000', '10000', [[cpuMem('3000', '5000')]])],
      want: { node1: 38, node2: 50 },
    },
  ])('$name', (c) => {
    expect(fitScores('RequestedToCapacityRatio', c, shape)).toEqual(c.want);
  });
});

/** upstream's makeNode(name, 4000, 10000*1024*1024, extended). */
const extendedNode = (name: string, extended: Requests, pods: readonly (readonly Requests[])[] = []): NodeRow => ({
  name,
  capacity: { cpu: '4', memory: String(10000 * 1024 * 1024), ...extended },
  pods,
});
const binPacking = ratio([[0, 0], [100, 1]]);

describe('TestResourceBinPackingSingleExtended (upstream)', () => {
  const foo = 'intel.com/foo';
  const nodes = (pods: readonly (readonly Requests[])[] = []) => [extendedNode('node1', { [foo]: '8' }), extendedNode('node2', { [foo]: '4' }, pods)];
  it.each<StrategyCase>([
    { name: 'nothing scheduled, nothing requested', pod: NOTHING, nodes: nodes(), want: { node1: 0, node2: 0 } },
    { name: 'resources requested, pods scheduled with less resources', pod: [{ [foo]: '2' }], nodes: nodes(), want: { node1: 2, node2: 5 } },
    { name: 'resources requested, pods scheduled with resources, on node with existing pod running ', pod: [{ [foo]: '2' }], nodes: nodes([[{ [foo]: '2' }]]), want: { node1: 2, node2: 10 } },
    { name: 'resources requested, pods scheduled with more resources', pod: [{ [foo]: '4' }], nodes: nodes(), want: { node1: 5, node2: 10 } },
  ])('$name', (c) => {
    expect(fitScores('RequestedToCapacityRatio', { ...c, resources: [{ name: foo, weight: 1 }] }, binPacking)).toEqual(c.want);
  });
});

describe('TestResourceBinPackingMultipleExtended (upstream)', () => {
  const resources = [{ name: 'intel.com/foo', weight: 3 }, { name: 'intel.com/bar', weight: 5 }];
  const pod1 = { 'intel.com/foo': '2', 'intel.com/bar': '2' };
  const pod2 = { 'intel.com/foo': '4', 'intel.com/bar': '2' };
  const nodes = (pods: readonly (readonly Requests[])[] = []) => [
    extendedNode('node1', { 'intel.com/foo': '8', 'intel.com/bar': '4' }),
    extendedNode('node2', { 'intel.com/foo': '4', 'intel.com/bar': '8' }, pods),
  ];
  it.each<StrategyCase>([
    { name: 'nothing scheduled, nothing requested', pod: NOTHING, nodes: nodes(), want: { node1: 0, node2: 0 } },
    { name: 'resources requested, pods scheduled with less resources', pod: [pod1], nodes: nodes(), want: { node1: 4, node2: 3 } },
    { name: 'resources requested, pods scheduled with resources, on node with existing pod running ', pod: [pod1], nodes: nodes([[pod2]]), want: { node1: 4, node2: 7 } },
    { name: 'resources requested, pods scheduled with more resources', pod: [pod2], nodes: nodes(), want: { node1: 5, node2: 5 } },
  ])('$name', (c) => {
    expect(fitScores('RequestedToCapacityRatio', { ...c, resources }, binPacking)).toEqual(c.want);
  });
});

// resource_allocation_test.go TestCalculateResourceAllocatableRequest, the device-plugin cases (newest stored version):
// a node advertising the extended resource scores it from its allocatable with DRAExtendedResource off (v1.35) and on
// (v1.36), allocatable 4 and requested 1, so LeastAllocated gives (4 - 1) * 100 / 4.
describe('TestCalculateResourceAllocatableRequest (upstream resource_allocation_test.go), the device-plugin cases', () => {
  const DRA_NAMED = 'extended.resource.dra.io/something';
  it.each([
    ['device-plugin-resource-feature-disabled', 35],
    ['device-plugin-resource-feature-enabled', 36],
  ])('%s', (_name, minor) => {
    const nodes: NodeRow[] = [{ name: 'resource-node', capacity: { [DRA_NAMED]: '4' } }];
    const args = { scoringStrategy: { type: 'LeastAllocated', resources: [{ name: DRA_NAMED, weight: 1 }] } };
    expect(scores([{ [DRA_NAMED]: '1' }], nodes, 'NodeResourcesFit', args, minor)).toEqual({ 'resource-node': 75 });
  });
});

describe('TestNodeResourcesBalancedAllocation (upstream)', () => {
  const GPU = 'nvidia.com/gpu';
  const cpuOnly = [cpuMem('1000m', '0'), cpuMem('2000m', '0')];
  const memoryOnly = [cpuMem('0', '2000'), cpuMem('0', '3000')];
  const cpuAndMemory = [cpuMem('1000m', '2000'), cpuMem('2000m', '3000')];
  const cpuAndMemoryAndGpu = [cpuMem('1000m', '2000'), { cpu: '2000m', memory: '3000', [GPU]: '3' }];
  /** upstream's makeNode(name, milliCPU, memory, scalar). */
  const makeNode = (name: string, milliCPU: number, memory: number, pods: readonly (readonly Requests[])[] = [], gpu?: string): NodeRow => ({
    name,
    capacity: { cpu: `${milliCPU}m`, memory: String(memory), ...(gpu && { [GPU]: gpu }) },
    pods,
  });
  const withGpu = [...DEFAULT, { name: GPU, weight: 1 }];

  // name, pod, nodes, resources, want on v1.35 (undefined: not in that release's table), want on v1.36
  it.each<readonly [string, readonly Requests[], readonly NodeRow[], readonly Value[], Readonly<Record<string, number>> | undefined, Readonly<Record<string, number>>]>([
    ['nothing scheduled, resources requested, differently sized nodes', cpuAndMemory, [makeNode('node1', 4000, 10000), makeNode('node2', 6000, 10000)], DEFAULT, { node1: 87, node2: 100 }, { node1: 68, node2: 75 }],
    [
      'resources requested, pods scheduled with resources',
      cpuAndMemory,
      [makeNode('node1', 10000, 20000, [cpuOnly]), makeNode('node2', 10000, 20000, [cpuAndMemory])],
      DEFAULT,
      { node1: 82, node2: 95 },
      { node1: 73, node2: 74 },
    ],
    [
      'resources requested, pods scheduled with resources, differently sized nodes',
      cpuAndMemory,
      [makeNode('node1', 10000, 20000, [cpuOnly]), makeNode('node2', 10000, 50000, [cpuAndMemory])],
      DEFAULT,
      { node1: 82, node2: 80 },
      { node1: 73, node2: 70 },
    ],
    [
      'resources requested, pods scheduled with resources, nodes to reach min/max score',
      memoryOnly,
      [makeNode('node1', 3000, 5000, [cpuOnly]), makeNode('node2', 3000, 5000)],
      DEFAULT,
      undefined,
      { node1: 100, node2: 50 },
    ],
    [
      'requested resources at node capacity',
      cpuOnly,
      [makeNode('node1', 6000, 10000, [cpuOnly]), makeNode('node2', 6000, 10000, [cpuAndMemory])],
      DEFAULT,
      { node1: 50, node2: 75 },
      { node1: 62, node2: 62 },
    ],
    [
      'include scalar resource on a node for balanced resource allocation',
      [{ memory: '0', [GPU]: '1' }],
      [makeNode('node1', 3500, 40000, [cpuAndMemoryAndGpu], '8'), makeNode('node2', 3500, 40000, [cpuAndMemory], '8')],
      withGpu,
      { node1: 70, node2: 65 },
      { node1: 75, node2: 76 },
    ],
    [
      'node without the scalar resource should skip the scalar resource',
      cpuAndMemory,
      [makeNode('node1', 3500, 40000, [], '8'), makeNode('node2', 3500, 40000)],
      withGpu,
      { node1: 63, node2: 63 },
      { node1: 56, node2: 56 },
    ],
  ])('%s', (_name, pod, nodes, resources, want135, want136) => {
    if (want135) expect(scores(pod, nodes, 'NodeResourcesBalancedAllocation', { resources }, 35)).toEqual(want135);
    expect(scores(pod, nodes, 'NodeResourcesBalancedAllocation', { resources })).toEqual(want136);
  });

  // "nothing scheduled, nothing requested, skip in PreScore": a best-effort pod is not scored (every node at 0) since v1.33
  it('nothing scheduled, nothing requested, skip in PreScore', () => {
    expect(scores(NOTHING, [makeNode('node1', 4000, 10000), makeNode('node2', 4000, 10000)], 'NodeResourcesBalancedAllocation', { resources: DEFAULT })).toEqual({ node1: 0, node2: 0 });
  });

  // "include DRA resource on a node for balanced resource allocation" (DRAExtendedResource, v1.36): the pod requests only
  // an extended resource a DeviceClass names, which neither node advertises; node1's slice offers 8 devices of the class,
  // so its fractions are cpu 3000/3500, memory 0, devices 0 -> 1/8 (balance 60 -> 62, score 76); node2 has no device,
  // the resource is left out there (63 -> 63, score 75). kube-scheduler's Filter would reject node2; the score is
  // upstream's all the same.
  it('include DRA resource on a node for balanced resource allocation', () => {
    const DRA_NAMED = 'extended.resource.dra.io/something';
    const devices = Array.from({ length: 8 }, (_, i) => ({ name: `device-${i + 1}` }));
    const docs = [
      node({ name: 'node1', capacity: { cpu: '3500m', memory: '40000' } }),
      node({ name: 'node2', capacity: { cpu: '3500m', memory: '40000' } }),
      podDoc('node1-0', cpuOnly, 'node1'),
      podDoc('node2-0', cpuAndMemory, 'node2'),
      { apiVersion: 'resource.k8s.io/v1', kind: 'DeviceClass', metadata: { name: 'device-class-name' }, spec: { extendedResourceName: DRA_NAMED } },
      {
        apiVersion: 'resource.k8s.io/v1',
        kind: 'ResourceSlice',
        metadata: { name: 'node1-slice' },
        spec: { driver: 'test-driver', nodeName: 'node1', pool: { name: 'node1', generation: 1, resourceSliceCount: 1 }, devices },
      },
      podDoc('p', [{ [DRA_NAMED]: '1' }]),
    ];
    const args = { resources: [...DEFAULT, { name: DRA_NAMED, weight: 1 }] };
    expect(scoreNodes(docs, scoreOnlyConfig('NodeResourcesBalancedAllocation', args))).toEqual({ node1: 76, node2: 75 });
  });
});

// fit_test.go TestFitScore "... with Extended resources" (DRAExtendedResource, v1.36; kubernetes#134058): the pod requests
// an extended resource a DeviceClass names and neither node advertises it, so each node scores the devices of the class
// its ResourceSlices offer, LeastAllocated (3 - 1) * 100 / 3 and (2 - 1) * 100 / 2. Upstream's PreScore-less variant
// scores the same; kube-scheduler always runs PreScore, so it is the same row here.
describe('TestFitScore (upstream), the DRA-backed extended resource cases', () => {
  const DRA_NAMED = 'extended.resource.dra.io/something';
  const slice = (nodeName: string, devices: readonly string[]): Value => ({
    apiVersion: 'resource.k8s.io/v1',
    kind: 'ResourceSlice',
    metadata: { name: `${nodeName}-slice` },
    spec: { driver: 'test-driver', nodeName, pool: { name: nodeName, generation: 1, resourceSliceCount: 1 }, devices: devices.map((name) => ({ name })) },
  });
  const objects = [
    node({ name: 'node1', capacity: {} }),
    node({ name: 'node2', capacity: {} }),
    { apiVersion: 'resource.k8s.io/v1', kind: 'DeviceClass', metadata: { name: 'device-class-name' }, spec: { extendedResourceName: DRA_NAMED } },
    slice('node1', ['device-1', 'device-2', 'device-3']),
    slice('node2', ['device-1', 'device-2']),
  ];
  it.each([
    ['test case for ScoringStrategy LeastAllocated with Extended resources', NEWEST_MINOR, { node1: 66, node2: 50 }],
    // DRAExtendedResource off: neither node has the resource, which is then not scored
    ['(kubefit) the same with DRAExtendedResource off (v1.35)', 35, { node1: 0, node2: 0 }],
  ])('%s', (_name, minor, want) => {
    const args = { scoringStrategy: { type: 'LeastAllocated', resources: [{ name: DRA_NAMED, weight: 1 }] } };
    expect(scoreNodes([...objects, podDoc('p', [{ [DRA_NAMED]: '1' }])], scoreOnlyConfig('NodeResourcesFit', args, minor), minor)).toEqual(want);
  });
});

// resource_allocation_test.go TestCalculateResourceAllocatableRequest, the DRA-backed cases (newest stored version):
// allocatable = the node's devices of the class, requested = those allocated + the pod's request, shown through
// MostAllocated (requested * 100 / allocatable; 0 where the resource is not scored). Not mirrored: the shared-device
// (consumable capacity) and per-device node selection cases, which kubefit leaves to resource-claims-not-checked.
describe('TestCalculateResourceAllocatableRequest (upstream resource_allocation_test.go), the DRA-backed cases', () => {
  const DRA_NAMED = 'extended.resource.dra.io/something';
  const IMPLICIT = 'deviceclass.resource.kubernetes.io/device-class-name';
  const deviceClass = (spec: Value): Value => ({ apiVersion: 'resource.k8s.io/v1', kind: 'DeviceClass', metadata: { name: 'device-class-name' }, spec });
  const slice = (devices: readonly string[]): Value => ({
    apiVersion: 'resource.k8s.io/v1',
    kind: 'ResourceSlice',
    metadata: { name: 'resource-node-slice' },
    spec: { driver: 'test-driver', nodeName: 'resource-node', pool: { name: 'resource-node', generation: 1, resourceSliceCount: 1 }, devices: devices.map((name) => ({ name })) },
  });
  const allocatedClaim: Value = {
    apiVersion: 'resource.k8s.io/v1',
    kind: 'ResourceClaim',
    metadata: { name: 'test-claim', namespace: 'default' },
    spec: { devices: { requests: [{ name: 'req-1', exactly: { deviceClassName: 'device-class-name' } }] } },
    status: { allocation: { devices: { results: [{ request: 'req-1', driver: 'test-driver', pool: 'resource-node', device: 'device-1' }] } } },
  };
  const named = deviceClass({ extendedResourceName: DRA_NAMED });
  it.each<readonly [string, string, readonly Value[], number]>([
    ['DRA-backed-resource-explicit', DRA_NAMED, [named, slice(['device-1'])], 100],
    ['DRA-backed-resource-implicit', IMPLICIT, [deviceClass({}), slice(['device-1'])], 100],
    ['DRA-backed-resource-no-slices', DRA_NAMED, [named], 0],
    // 1 allocated + 1 requested of 2
    ['DRA-backed-resource-with-allocated-device', DRA_NAMED, [named, slice(['device-1', 'device-2']), allocatedClaim], 100],
  ])('%s', (_name, resource, objects, want) => {
    const args = { scoringStrategy: { type: 'MostAllocated', resources: [{ name: resource, weight: 1 }] } };
    const docs = [node({ name: 'resource-node', capacity: {} }), ...objects, podDoc('p', [{ [resource]: '1' }])];
    expect(scoreNodes(docs, scoreOnlyConfig('NodeResourcesFit', args))).toEqual({ 'resource-node': want });
  });
});
