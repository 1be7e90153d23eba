import { describe, expect, it } from 'vitest';
import { clusterOf, nodeInfoOf, podInfoOf } from '../test-support.js';
import { balancedAllocation, balancedAllocationScore } from './node-resources.js';

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
    expect(balancedAllocation.preScore(pod, { list: () => [node], groups: () => [{ node, size: 1, members: () => [node] }] }, clusterOf([node], minor)) !== undefined).toBe(scored);
  });

  it('scores (1 - |cpu fraction - memory fraction| / 2) x 100 with the actual requests', () => {
    // cpu 3/10 and memory 5Gi/20Gi: std = |0.3 - 0.25| / 2 = 0.025 → 97
    expect(balancedAllocationScore(podInfoOf(requests('3', '5Gi')), node)).toBe(97);
  });
});
