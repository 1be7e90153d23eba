import { describe, expect, it } from 'vitest';
import { clusterOf, feasibleNodes, nodeInfoOf, podInfoOf, runScorePlugin } from '../test-support.js';
import {
  balancedAllocation, balancedAllocationOf, balancedAllocationScore, buildBrokenLinearFunction, leastAllocated, nodeResourcesFitScore, type ResourceSpec,
  type ScoringStrategy,
} from './node-resources.js';
import type { NodeInfo } from '../node-info.js';

const requests = (cpu?: string, memory?: string) => ({
  containers: [{ name: 'c', resources: { requests: { ...(cpu && { cpu }), ...(memory && { memory }) } } }],
});

// upstream: noderesources/balanced_allocation_test.go TestNodeResourcesBalancedAllocation (best-effort cases, v1.33+)
describe('NodeResourcesBalancedAllocation PreScore', () => {
  const node = nodeInfoOf({ name: 'n' });
  it.each([
    ['skips a best-effort pod (no cpu or memory requests) since v1.33', requests(), 35, false],
    ['skips a best-effort pod on v1.33', requests(), 33, false],
    ['scores a best-effort pod before v1.33', requests(), 32, true],
    ['scores a pod requesting cpu only', requests('100m'), 35, true],
    ['scores a pod requesting memory only', requests(undefined, '1Gi'), 35, true],
  ] as const)('%s', (_name, spec, minor, scored) => {
    const pod = podInfoOf(spec, {}, minor);
    expect(balancedAllocation.preScore(pod, feasibleNodes([node]), clusterOf([node], minor)) !== undefined).toBe(scored);
  });

  it('scores (1 - |cpu fraction - memory fraction| / 2) x 100 with the actual requests', () => {
    // cpu 3/10 and memory 5Gi/20Gi: std = |0.3 - 0.25| / 2 = 0.025 → 97
    expect(balancedAllocationScore(podInfoOf(requests('3', '5Gi')), node)).toBe(97);
  });
});

/** A pod with one container per request (st.MakePod().Req(...).Req(...)); none for a pod without requests. */
const podWith = (...containers: Readonly<Record<string, string>>[]) => ({
  containers: containers.map((requests, i) => ({ name: `c${i}`, resources: { requests } })),
});
const cpuMem = (cpu: string, memory: string) => ({ cpu, memory });
const sized = (name: string, cpu: string, memory: string, pods: readonly Readonly<Record<string, string>>[] = []) =>
  nodeInfoOf({ name, allocatable: { cpu, memory, pods: '110' } }, pods.map((requests) => podInfoOf(podWith(requests))));

// Ported from pkg/scheduler/framework/plugins/noderesources/least_allocated_test.go TestLeastAllocatedScoringStrategy
// (default resources cpu and memory, weight 1 each). upstream's st.MakePod().Obj() has no container: it requests
// nothing, not even the scoring defaults of 100m cpu and 200Mi memory for a container that sets no request.
describe('NodeResourcesFit score (LeastAllocated)', () => {
  it.each([
    ['nothing scheduled, nothing requested', podWith(), [sized('node1', '4000', '10000'), sized('node2', '4000', '10000')], [100, 100]],
    [
      'nothing scheduled, resources requested, differently sized nodes',
      podWith(cpuMem('1000', '2000'), cpuMem('2000', '3000')),
      [sized('node1', '4000', '10000'), sized('node2', '6000', '10000')],
      [37, 50],
    ],
    [
      'no resources requested, pods scheduled with resources',
      podWith(),
      [sized('node1', '10000', '20000', [cpuMem('3000', '0'), cpuMem('3000', '0')]), sized('node2', '10000', '20000', [cpuMem('3000', '0'), cpuMem('3000', '5000')])],
      [70, 57],
    ],
    [
      'resources requested, pods scheduled with resources',
      podWith(cpuMem('1000', '2000'), cpuMem('2000', '3000')),
      [sized('node1', '10000', '20000', [cpuMem('3000', '0')]), sized('node2', '10000', '20000', [cpuMem('3000', '5000')])],
      [57, 45],
    ],
    [
      'resources requested, pods scheduled with resources, differently sized nodes',
      podWith(cpuMem('1000', '2000'), cpuMem('2000', '3000')),
      [sized('node1', '10000', '20000', [cpuMem('3000', '0')]), sized('node2', '10000', '50000', [cpuMem('3000', '5000')])],
      [57, 60],
    ],
    [
      'requested resources exceed node capacity',
      podWith(cpuMem('3000', '0')),
      [sized('node1', '4000', '10000', [cpuMem('3000', '0')]), sized('node2', '4000', '10000', [cpuMem('3000', '5000')])],
      [50, 25],
    ],
    [
      'zero node resources, pods scheduled with resources',
      podWith(),
      [sized('node1', '0', '0', [cpuMem('3000', '0')]), sized('node2', '0', '0', [cpuMem('3000', '5000')])],
      [0, 0],
    ],
  ] as const)('%s', (_name, pod, nodes, want) => {
    expect(runScorePlugin(leastAllocated, podInfoOf(pod), nodes)).toEqual(want);
  });
});

/** The plugin's scores on `nodes` as the given release computes them. */
function balancedScores(pod: Readonly<Record<string, unknown>>, nodes: readonly NodeInfo[], minor: number, plugin = balancedAllocation): number[] | undefined {
  const info = podInfoOf(pod, {}, minor);
  const state = plugin.preScore(info, feasibleNodes(nodes), clusterOf(nodes, minor));
  return state === undefined ? undefined : nodes.map((node) => plugin.score(info, node, state));
}

/** name, pod containers, nodes, the scores upstream's table wants before and after kubernetes#135573 (v1.35, v1.36). */
type BalancedCase = readonly [string, readonly Readonly<Record<string, string>>[], readonly NodeInfo[], readonly number[] | undefined, readonly number[]];

// Ported from noderesources/balanced_allocation_test.go TestNodeResourcesBalancedAllocation (cpu and memory; the
// cases with extended or DRA resources configure resources the default profile does not score), before kubernetes#135573
// (v1.35: the balance with the pod) and after it (v1.36: 50 + (50 + balance with the pod - balance without it) / 2).
describe('NodeResourcesBalancedAllocation score', () => {
  const cpuOnly = [cpuMem('1000m', '0'), cpuMem('2000m', '0')];
  const cpuAndMemory = [cpuMem('1000m', '2000'), cpuMem('2000m', '3000')];
  /** makeNode with one bound pod of these containers, if any. */
  const makeNode = (name: string, milliCPU: number, memory: number, pod: readonly Readonly<Record<string, string>>[] = []) =>
    nodeInfoOf({ name, allocatable: { cpu: `${milliCPU}m`, memory: String(memory), pods: '110' } }, pod.length > 0 ? [podInfoOf(podWith(...pod))] : []);

  it.each<BalancedCase>([
    ['nothing scheduled, resources requested, differently sized nodes', cpuAndMemory, [makeNode('node1', 4000, 10000), makeNode('node2', 6000, 10000)], [87, 100], [68, 75]],
    ['resources requested, pods scheduled with resources', cpuAndMemory, [makeNode('node1', 10000, 20000, cpuOnly), makeNode('node2', 10000, 20000, cpuAndMemory)], [82, 95], [73, 74]],
    [
      'resources requested, pods scheduled with resources, differently sized nodes',
      cpuAndMemory,
      [makeNode('node1', 10000, 20000, cpuOnly), makeNode('node2', 10000, 50000, cpuAndMemory)],
      [82, 80],
      [73, 70],
    ],
    [
      'resources requested, pods scheduled with resources, nodes to reach min/max score (added by the PR)',
      [{ memory: '2000' }, { memory: '3000' }],
      [makeNode('node1', 3000, 5000, cpuOnly), makeNode('node2', 3000, 5000)],
      undefined,
      [100, 50],
    ],
    ['requested resources at node capacity', cpuOnly, [makeNode('node1', 6000, 10000, cpuOnly), makeNode('node2', 6000, 10000, cpuAndMemory)], [50, 75], [62, 62]],
  ])('%s', (_name, pod, nodes, want135, want136) => {
    if (want135) expect(balancedScores(podWith(...pod), nodes, 35)).toEqual(want135);
    expect(balancedScores(podWith(...pod), nodes, 36)).toEqual(want136);
  });

  it('skips a best-effort pod on v1.36 too', () => {
    expect(balancedScores(podWith(), [makeNode('node1', 4000, 10000)], 36)).toBeUndefined();
  });
});

const DEFAULT: readonly ResourceSpec[] = [
  { name: 'cpu', weight: 1 },
  { name: 'memory', weight: 1 },
];
const EXTENDED = 'example.com/foo';
/** upstream's extendedResourceSet: cpu, memory and example.com/foo, weight 1 each. */
const EXTENDED_SET: readonly ResourceSpec[] = [...DEFAULT, { name: EXTENDED, weight: 1 }];
const withExtended = (name: string, cpu: string, memory: string, extended: string) => nodeInfoOf({ name, allocatable: { cpu, memory, pods: '110', [EXTENDED]: extended } });
/** Raw scores of NodeResourcesFit with `strategy` (PreScore and Score; the strategies do not normalise). */
const strategyScores = (strategy: ScoringStrategy, pod: Readonly<Record<string, unknown>>, nodes: readonly NodeInfo[]) =>
  runScorePlugin(nodeResourcesFitScore(strategy), podInfoOf(pod), nodes);

// Ported from noderesources/most_allocated_test.go TestMostAllocatedScoringStrategy (newest stored version): the
// scoring cases. The args-validation cases (weights -1, 0, 101) are in profile/scheduler-configuration.test.ts, and
// "Resources not set" (an Error status upstream) cannot happen here: defaulting fills cpu and memory.
describe('TestMostAllocatedScoringStrategy (upstream)', () => {
  it.each<readonly [string, Readonly<Record<string, unknown>>, readonly NodeInfo[], readonly ResourceSpec[], readonly number[]]>([
    ['nothing scheduled, nothing requested', podWith(), [sized('node1', '4000', '10000'), sized('node2', '4000', '10000')], DEFAULT, [0, 0]],
    [
      'nothing scheduled, resources requested, differently sized nodes',
      podWith(cpuMem('1000', '2000'), cpuMem('2000', '3000')),
      [sized('node1', '4000', '10000'), sized('node2', '6000', '10000')],
      DEFAULT,
      [62, 50],
    ],
    [
      'no resources requested, pods scheduled with resources',
      podWith(),
      [sized('node1', '10000', '20000', [cpuMem('3000', '0'), cpuMem('3000', '0')]), sized('node2', '10000', '20000', [cpuMem('3000', '0'), cpuMem('3000', '5000')])],
      DEFAULT,
      [30, 42],
    ],
    [
      'resources requested, pods scheduled with resources',
      podWith(cpuMem('1000', '2000'), cpuMem('2000', '3000')),
      [sized('node1', '10000', '20000', [cpuMem('3000', '0')]), sized('node2', '10000', '20000', [cpuMem('3000', '5000')])],
      DEFAULT,
      [42, 55],
    ],
    ['resources requested equal node capacity', podWith(cpuMem('2000', '4000'), cpuMem('3000', '5000')), [sized('node1', '5000', '10000'), sized('node2', '10000', '9000')], DEFAULT, [95, 75]],
    [
      'nothing scheduled, resources requested, differently sized nodes (memory weight 2)',
      podWith(cpuMem('1000', '2000'), cpuMem('2000', '3000')),
      [sized('node1', '4000', '10000'), sized('node2', '6000', '10000')],
      [{ name: 'memory', weight: 2 }, { name: 'cpu', weight: 1 }],
      [58, 50],
    ],
    [
      'no resources requested, pods scheduled, nonzero request for resource',
      { containers: [{ name: 'container' }] },
      [
        nodeInfoOf({ name: 'node1', allocatable: { cpu: '250m', memory: '1000Mi', pods: '110' } }, [podInfoOf({ containers: [{ name: 'container' }] }), podInfoOf({ containers: [{ name: 'container' }] })]),
        nodeInfoOf({ name: 'node2', allocatable: { cpu: '250m', memory: '1000Mi', pods: '110' } }),
      ],
      DEFAULT,
      [80, 30],
    ],
    [
      'bypass extended resource if the pod does not request',
      podWith(cpuMem('1000', '2000'), cpuMem('2000', '3000')),
      [sized('node1', '6000', '10000'), withExtended('node2', '6000', '10000', '4')],
      EXTENDED_SET,
      [50, 50],
    ],
    [
      'honor extended resource if the pod request',
      podWith({ cpu: '3000', memory: '5000', [EXTENDED]: '2' }),
      [withExtended('node1', '6000', '10000', '4'), withExtended('node2', '6000', '10000', '10')],
      EXTENDED_SET,
      [50, 40],
    ],
    [
      "if the node doesn't have a resource",
      podWith(cpuMem('3000', '4000')),
      [sized('node1', '6000', '10000'), withExtended('node2', '6000', '10000', '4')],
      [{ name: EXTENDED, weight: 2 }, ...DEFAULT],
      [45, 45],
    ],
  ])('%s', (_name, pod, nodes, resources, want) => {
    expect(strategyScores({ type: 'MostAllocated', resources }, pod, nodes)).toEqual(want);
  });
});

// The rest of least_allocated_test.go TestLeastAllocatedScoringStrategy (newest stored version): bound pods without
// containers, resource weights and extended resources. The args-validation cases (weights -1, 0, 101) are in
// profile/scheduler-configuration.test.ts; "Resources not set, pods scheduled with error" cannot happen (defaulting).
describe('TestLeastAllocatedScoringStrategy (upstream), weights and extended resources', () => {
  /** Two bound pods without containers (st.MakePod().Node(name).Obj()): they request nothing, not even the defaults. */
  const withTwoEmptyPods = (name: string) => nodeInfoOf({ name, allocatable: { cpu: '4000', memory: '10000', pods: '110' } }, [podInfoOf(podWith()), podInfoOf(podWith())]);
  it.each<readonly [string, Readonly<Record<string, unknown>>, readonly NodeInfo[], readonly ResourceSpec[], readonly number[]]>([
    [
      'no resources requested, pods scheduled',
      podWith(),
      [withTwoEmptyPods('node1'), withTwoEmptyPods('node2')],
      DEFAULT,
      [100, 100],
    ],
    [
      'nothing scheduled, resources requested with different weight on CPU and memory, differently sized nodes',
      podWith(cpuMem('1000', '2000'), cpuMem('2000', '3000')),
      [sized('node1', '4000', '10000'), sized('node2', '6000', '10000')],
      [{ name: 'memory', weight: 2 }, { name: 'cpu', weight: 1 }],
      [41, 50],
    ],
    [
      'bypass extended resource if the pod does not request',
      podWith(cpuMem('1000', '2000'), cpuMem('2000', '3000')),
      [sized('node1', '6000', '10000'), withExtended('node2', '6000', '10000', '4')],
      EXTENDED_SET,
      [50, 50],
    ],
    [
      'honor extended resource if the pod requests',
      podWith({ cpu: '3000', memory: '5000', [EXTENDED]: '2' }),
      [withExtended('node1', '6000', '10000', '4'), withExtended('node2', '6000', '10000', '10')],
      EXTENDED_SET,
      [50, 60],
    ],
    [
      "if the node doesn't have a resource",
      podWith(cpuMem('3000', '4000')),
      [sized('node1', '6000', '10000'), withExtended('node2', '6000', '10000', '4')],
      [{ name: EXTENDED, weight: 2 }, ...DEFAULT],
      [55, 55],
    ],
  ])('%s', (_name, pod, nodes, resources, want) => {
    expect(strategyScores({ type: 'LeastAllocated', resources }, pod, nodes)).toEqual(want);
  });
});

// Ported from noderesources/requested_to_capacity_ratio_test.go TestRequestedToCapacityRatioScoringStrategy (shape
// 0% → 10, 100% → 0; upstream's pods without containers request nothing) and TestResourceBinPackingSingleExtended
// (intel.com/foo weight 1, shape 0% → 0, 100% → 1).
describe('TestRequestedToCapacityRatioScoringStrategy (upstream)', () => {
  const shape = [
    { utilization: 0, score: 10 },
    { utilization: 100, score: 0 },
  ];
  const twoEmpty = [podInfoOf(podWith()), podInfoOf(podWith())];
  it.each([
    [
      'nothing scheduled, nothing requested (default - least requested nodes have priority)',
      podWith(),
      [nodeInfoOf({ name: 'node1', allocatable: cpuMem('4000', '10000') }, twoEmpty), nodeInfoOf({ name: 'node2', allocatable: cpuMem('4000', '10000') })],
      [100, 100],
    ],
    [
      'nothing scheduled, resources requested, differently sized nodes (default - least requested nodes have priority)',
      podWith(cpuMem('1000', '2000'), cpuMem('2000', '3000')),
      [nodeInfoOf({ name: 'node1', allocatable: cpuMem('4000', '10000') }, twoEmpty), nodeInfoOf({ name: 'node2', allocatable: cpuMem('6000', '10000') })],
      [38, 50],
    ],
    [
      'no resources requested, pods scheduled with resources (default - least requested nodes have priority)',
      podWith(),
      [sized('node1', '4000', '10000', [cpuMem('3000', '5000')]), sized('node2', '6000', '10000', [cpuMem('3000', '5000')])],
      [38, 50],
    ],
  ] as const)('%s', (_name, pod, nodes, want) => {
    expect(strategyScores({ type: 'RequestedToCapacityRatio', resources: DEFAULT, shape }, pod, nodes)).toEqual(want);
  });

  const foo = 'intel.com/foo';
  const fooNode = (name: string, amount: string, pods: readonly Readonly<Record<string, string>>[] = []) =>
    nodeInfoOf({ name, allocatable: { cpu: '4', memory: `${10000 * 1024 * 1024}`, pods: '110', [foo]: amount } }, pods.map((requests) => podInfoOf(podWith(requests))));
  it.each([
    ['nothing scheduled, nothing requested', podWith(), [fooNode('node1', '8'), fooNode('node2', '4')], [0, 0]],
    ['resources requested, pods scheduled with less resources', podWith({ [foo]: '2' }), [fooNode('node1', '8'), fooNode('node2', '4')], [2, 5]],
    [
      'resources requested, pods scheduled with resources, on node with existing pod running ',
      podWith({ [foo]: '2' }),
      [fooNode('node1', '8'), fooNode('node2', '4', [{ [foo]: '2' }])],
      [2, 10],
    ],
    ['resources requested, pods scheduled with more resources', podWith({ [foo]: '4' }), [fooNode('node1', '8'), fooNode('node2', '4')], [5, 10]],
  ] as const)('TestResourceBinPackingSingleExtended: %s', (_name, pod, nodes, want) => {
    const binPacking: ScoringStrategy = { type: 'RequestedToCapacityRatio', resources: [{ name: foo, weight: 1 }], shape: [{ utilization: 0, score: 0 }, { utilization: 100, score: 1 }] };
    expect(strategyScores(binPacking, pod, nodes)).toEqual(want);
  });
});

// Ported from noderesources/fit_test.go TestFitScore (newest stored version), over the default resources (with and
// without PreScore, which give the same scores, and with a sidecar on a bound pod). Skipped: DRA extended resources.
describe('TestFitScore (upstream)', () => {
  const withSidecar = (requests: Readonly<Record<string, string>>, sidecar?: Readonly<Record<string, string>>) => ({
    containers: [{ name: 'c', resources: { requests } }],
    ...(sidecar && { initContainers: [{ name: 'sidecar', restartPolicy: 'Always', resources: { requests: sidecar } }] }),
  });
  const node = (name: string, cpu: string, bound: ReturnType<typeof withSidecar>) => nodeInfoOf({ name, allocatable: { cpu, memory: '10000', pods: '110' } }, [podInfoOf(bound)]);
  /** node1 (4000m) with a pod of 2000m / 4000, node2 (6000m) with a pod of 1000m / 2000. */
  const differentlySized = [node('node1', '4000', withSidecar(cpuMem('2000', '4000'))), node('node2', '6000', withSidecar(cpuMem('1000', '2000')))];
  /** Two 4000m nodes with a pod of 1000m / 2000, the one on node1 with a sidecar of as much. */
  const withSidecarOnNode1 = [node('node1', '4000', withSidecar(cpuMem('1000', '2000'), cpuMem('1000', '2000'))), node('node2', '4000', withSidecar(cpuMem('1000', '2000')))];
  const ratio = (from: number, to: number): ScoringStrategy => ({
    type: 'RequestedToCapacityRatio',
    resources: DEFAULT,
    shape: [{ utilization: 0, score: from }, { utilization: 100, score: to }],
  });
  it.each<readonly [string, ScoringStrategy, Readonly<Record<string, string>>, readonly NodeInfo[], readonly number[]]>([
    ['test case for ScoringStrategy RequestedToCapacityRatio case1', ratio(10, 0), cpuMem('3000', '5000'), differentlySized, [10, 32]],
    ['test case for ScoringStrategy RequestedToCapacityRatio case2', ratio(0, 10), cpuMem('3000', '5000'), differentlySized, [95, 68]],
    ['test case for ScoringStrategy MostAllocated', { type: 'MostAllocated', resources: DEFAULT }, cpuMem('1000', '2000'), differentlySized, [67, 36]],
    ['test case for ScoringStrategy LeastAllocated', { type: 'LeastAllocated', resources: DEFAULT }, cpuMem('1000', '2000'), differentlySized, [32, 63]],
    ['test case for ScoringStrategy MostAllocated with sidecar container', { type: 'MostAllocated', resources: DEFAULT }, cpuMem('1000', '2000'), withSidecarOnNode1, [67, 45]],
    ['test case for ScoringStrategy LeastAllocated with sidecar container', { type: 'LeastAllocated', resources: DEFAULT }, cpuMem('1000', '2000'), withSidecarOnNode1, [32, 55]],
  ])('%s', (_name, strategy, requests, nodes, want) => {
    expect(strategyScores(strategy, withSidecar(requests), nodes)).toEqual(want);
  });
});

// Ported from requested_to_capacity_ratio_test.go TestResourceBinPackingMultipleExtended: intel.com/foo weight 3 and
// intel.com/bar weight 5, shape 0% → 0, 100% → 1; node1 has foo 8 and bar 4, node2 foo 4 and bar 8.
describe('TestResourceBinPackingMultipleExtended (upstream)', () => {
  const binPacking: ScoringStrategy = {
    type: 'RequestedToCapacityRatio',
    resources: [{ name: 'intel.com/foo', weight: 3 }, { name: 'intel.com/bar', weight: 5 }],
    shape: [{ utilization: 0, score: 0 }, { utilization: 100, score: 1 }],
  };
  const extendedNode = (name: string, foo: string, bar: string, bound: readonly Readonly<Record<string, string>>[] = []) =>
    nodeInfoOf(
      { name, allocatable: { cpu: '4', memory: `${10000 * 1024 * 1024}`, pods: '110', 'intel.com/foo': foo, 'intel.com/bar': bar } },
      bound.map((requests) => podInfoOf(podWith(requests))),
    );
  const pod1 = { 'intel.com/foo': '2', 'intel.com/bar': '2' };
  const pod2 = { 'intel.com/foo': '4', 'intel.com/bar': '2' };
  it.each([
    ['nothing scheduled, nothing requested', podWith(), [extendedNode('node1', '8', '4'), extendedNode('node2', '4', '8')], [0, 0]],
    ['resources requested, pods scheduled with less resources', podWith(pod1), [extendedNode('node1', '8', '4'), extendedNode('node2', '4', '8')], [4, 3]],
    [
      'resources requested, pods scheduled with resources, on node with existing pod running ',
      podWith(pod1),
      [extendedNode('node1', '8', '4'), extendedNode('node2', '4', '8', [pod2])],
      [4, 7],
    ],
    ['resources requested, pods scheduled with more resources', podWith(pod2), [extendedNode('node1', '8', '4'), extendedNode('node2', '4', '8')], [5, 5]],
  ] as const)('%s', (_name, pod, nodes, want) => {
    expect(strategyScores(binPacking, pod, nodes)).toEqual(want);
  });
});

// Ported from requested_to_capacity_ratio_test.go TestBrokenLinearFunction (helper.BuildBrokenLinearFunction).
describe('TestBrokenLinearFunction (upstream)', () => {
  it.each([
    [[{ utilization: 10, score: 1 }, { utilization: 90, score: 9 }], [[-10, 1], [0, 1], [9, 1], [10, 1], [15, 1], [19, 1], [20, 2], [89, 8], [90, 9], [99, 9], [100, 9], [110, 9]]],
    [[{ utilization: 0, score: 2 }, { utilization: 40, score: 10 }, { utilization: 100, score: 0 }], [[-10, 2], [0, 2], [20, 6], [30, 8], [40, 10], [70, 5], [100, 0], [110, 0]]],
    [[{ utilization: 0, score: 2 }, { utilization: 40, score: 2 }, { utilization: 100, score: 2 }], [[-10, 2], [0, 2], [20, 2], [30, 2], [40, 2], [70, 2], [100, 2], [110, 2]]],
  ] as const)('case_%#', (points, assertions) => {
    const fn = buildBrokenLinearFunction(points);
    expect(assertions.map(([p]) => fn(p))).toEqual(assertions.map(([, want]) => want));
  });
});

// Ported from balanced_allocation_test.go TestNodeResourcesBalancedAllocation: the cases whose
// NodeResourcesBalancedAllocationArgs add nvidia.com/gpu to cpu and memory (a scalar resource the pod does not request
// is left out), before kubernetes#135573 (v1.35) and after it (v1.36).
describe('NodeResourcesBalancedAllocation score with args.resources (upstream)', () => {
  const GPU = 'nvidia.com/gpu';
  const withGpu = balancedAllocationOf([...DEFAULT, { name: GPU, weight: 1 }]);
  const gpuNode = (name: string, gpu: string | undefined, bound: readonly Readonly<Record<string, string>>[] = []) =>
    nodeInfoOf({ name, allocatable: { cpu: '3500m', memory: '40000', pods: '110', ...(gpu && { [GPU]: gpu }) } }, bound.length > 0 ? [podInfoOf(podWith(...bound))] : []);
  it.each([
    [
      'include scalar resource on a node for balanced resource allocation',
      podWith({ cpu: '0', memory: '0', [GPU]: '1' }),
      [gpuNode('node1', '8', [cpuMem('1000m', '2000'), { cpu: '2000m', memory: '3000', [GPU]: '3' }]), gpuNode('node2', '8', [cpuMem('1000m', '2000'), cpuMem('2000m', '3000')])],
      [70, 65],
      [75, 76],
    ],
    [
      'node without the scalar resource should skip the scalar resource',
      podWith(cpuMem('1000m', '2000'), cpuMem('2000m', '3000')),
      [gpuNode('node1', '8'), gpuNode('node2', undefined)],
      [63, 63],
      [56, 56],
    ],
  ] as const)('%s', (_name, pod, nodes, want135, want136) => {
    expect(balancedScores(pod, nodes, 35, withGpu)).toEqual(want135);
    expect(balancedScores(pod, nodes, 36, withGpu)).toEqual(want136);
  });
});
