// Port of pkg/scheduler/schedule_one_test.go Test_prioritizeNodes (kubernetes/kubernetes
// @008b3652959ca58af8be3fb5b6ecfe9ae7638282), the NodeResourcesBalancedAllocation scores of the two cases that run the
// real plugin next to upstream's fake Node2Prioritizer (a test plugin with no kubefit counterpart, left out here):
// a pod requesting nothing scores 0 on both of upstream's makeNode nodes (1000m cpu, 10 × DefaultMemoryRequest memory,
// 100 pods). Upstream calls prioritizeNodes without PreScore; BalancedAllocation's Score then treats the best-effort pod
// as its PreScore would (Skip since v1.33, kubernetes#129138), which is kubefit's PreScore skip, a 0 for every node.
// The ImageLocality cases of the same test are in image-locality-upstream.test.ts. Skipped: "the score from extender
// should also be recorded in PluginToNodeScores with plugin scores" (extenders) and "all score plugins are skipped"
// (only the fake FakePreScoreAndScorePlugin).
import { describe, expect, it } from 'vitest';
import { node, pod, scoreNodes, scoreOnlyConfig } from '../integration-test-support.js';

// upstream schedutil.DefaultMemoryRequest (200 MiB) × 10
const MEMORY = String(200 * 1024 * 1024 * 10);
const makeNode = (name: string) => node({ name, capacity: { cpu: '1000m', memory: MEMORY, pods: '100' } });

// Both upstream cases give BalancedAllocation the same nodes and pod, so one test stands for the two.
describe('Test_prioritizeNodes (upstream), the NodeResourcesBalancedAllocation scores', () => {
  it('"the score from all plugins should be recorded in PluginToNodeScores" and "plugin which returned skip in preScore shouldn\'t be executed in the score phase"', () => {
    const docs = [makeNode('node1'), makeNode('node2'), pod({ name: 'p' })];
    expect(scoreNodes(docs, scoreOnlyConfig('NodeResourcesBalancedAllocation'))).toEqual({ node1: 0, node2: 0 });
    // v1.35 (before kubernetes#135573 changed the formula) the best-effort pod is skipped the same way.
    expect(scoreNodes(docs, scoreOnlyConfig('NodeResourcesBalancedAllocation', undefined, 35), 35)).toEqual({ node1: 0, node2: 0 });
  });
});

// upstream: schedule_one_test.go TestZeroRequest (the v1.31/v1.32 copy: Test_prioritizeNodes there still scores a
// best-effort pod 100 on BalancedAllocation, before kubernetes#129138): NodeResourcesFit (LeastAllocated) and
// BalancedAllocation, weight 1 each, on two makeNode nodes each running a large pod (3 × the non-zero defaults) and a
// pod requesting nothing (node1) or the defaults themselves (node2). A pod requesting nothing scores as one requesting
// the defaults, and a larger pod lower. From v1.33 the best-effort pod's BalancedAllocation is a PreScore skip (0).
describe('TestZeroRequest (upstream, v1.32)', () => {
  const DEFAULT_MEMORY = String(200 * 1024 * 1024);
  const small = { cpu: '100m', memory: DEFAULT_MEMORY };
  const large = { cpu: '300m', memory: String(3 * 200 * 1024 * 1024) };
  const bound = [pod({ name: 'large1', node: 'node1', requests: large }), pod({ name: 'noResources1', node: 'node1' }), pod({ name: 'large2', node: 'node2', requests: large }), pod({ name: 'small2', node: 'node2', requests: small })];
  it.each([
    { name: 'test priority of zero-request pod with node with zero-request pod', requests: undefined, want: 150 },
    { name: 'test priority of nonzero-request pod with node with zero-request pod', requests: small, want: 150 },
    { name: 'test priority of larger pod with node with zero-request pod', requests: large, want: 130 },
  ])('$name', ({ requests, want }) => {
    const docs = [makeNode('node1'), makeNode('node2'), ...bound, pod({ name: 'p', ...(requests && { requests }) })];
    expect(scoreNodes(docs, scoreOnlyConfig(['NodeResourcesFit', 'NodeResourcesBalancedAllocation'], undefined, 32), 32)).toEqual({ node1: want, node2: want });
  });
});
