import { describe, expect, it } from 'vitest';
import { clusterOf, feasibleNodes, nodeInfoOf, podInfoOf, runScorePlugin } from '../test-support.js';
import { balancedAllocation, balancedAllocationScore, leastAllocated } from './node-resources.js';
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

// Ported from noderesources/fit_test.go TestFitScore (newest stored version): the LeastAllocated cases over the default
// resources (with and without PreScore, which give the same scores, and with a sidecar on a bound pod). Skipped: the
// MostAllocated and RequestedToCapacityRatio strategies and DRA extended resources (not in the default profile).
describe('TestFitScore (LeastAllocated)', () => {
  const withSidecar = (requests: Readonly<Record<string, string>>, sidecar?: Readonly<Record<string, string>>) => ({
    containers: [{ name: 'c', resources: { requests } }],
    ...(sidecar && { initContainers: [{ name: 'sidecar', restartPolicy: 'Always', resources: { requests: sidecar } }] }),
  });
  const node = (name: string, cpu: string, bound: ReturnType<typeof withSidecar>) => nodeInfoOf({ name, allocatable: { cpu, memory: '10000', pods: '110' } }, [podInfoOf(bound)]);
  it.each([
    ['test case for ScoringStrategy LeastAllocated', [node('node1', '4000', withSidecar(cpuMem('2000', '4000'))), node('node2', '6000', withSidecar(cpuMem('1000', '2000')))], [32, 63]],
    [
      'test case for ScoringStrategy LeastAllocated with sidecar container',
      [node('node1', '4000', withSidecar(cpuMem('1000', '2000'), cpuMem('1000', '2000'))), node('node2', '4000', withSidecar(cpuMem('1000', '2000')))],
      [32, 55],
    ],
  ] as const)('%s', (_name, nodes, want) => {
    expect(runScorePlugin(leastAllocated, podInfoOf(withSidecar(cpuMem('1000', '2000'))), nodes)).toEqual(want);
  });
});

/** The plugin's scores on `nodes` as the given release computes them. */
function balancedScores(pod: Readonly<Record<string, unknown>>, nodes: readonly NodeInfo[], minor: number): number[] | undefined {
  const info = podInfoOf(pod, {}, minor);
  const state = balancedAllocation.preScore(info, feasibleNodes(nodes), clusterOf(nodes, minor));
  return state === undefined ? undefined : nodes.map((node) => balancedAllocation.score(info, node, state));
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
