import { describe, expect, it } from 'vitest';
import { nodeInfoOf, podObject } from '../test-support.js';
import { toPodInfo } from '../pod-info.js';
import { podSourceOfPod } from '../snapshot.js';
import { extendedResourceClaim, extendedResourceRequests } from './extended-resource-claim.js';

const GPU = 'example.com/gpu';
const backed = new Map([[GPU, 'gpu.example.com']]);
const gpus = (count: number) => ({ resources: { requests: { [GPU]: String(count) }, limits: { [GPU]: String(count) } } });

/** The (name, count) of each device request of the GPU resource. */
function countsOf(spec: Readonly<Record<string, unknown>>): [string, number][] {
  return (extendedResourceRequests(spec, backed).get(GPU)?.requests ?? []).map((request) => [request.name, request.count]);
}

// upstream: extendeddynamicresources.go createRequestsAndMappings, createResourceRequestAndMappings (v1.36;
// kubernetes#134882, the example of kubernetes#134880)
describe('extendedResourceRequests (the special claim\'s device requests)', () => {
  it('one request per container, count = its quantity, named after the container and its sorted request names', () => {
    expect(countsOf({ containers: [{ name: 'a', resources: { requests: { cpu: '1', [GPU]: '2' }, limits: { [GPU]: '2' } } }, { name: 'b', ...gpus(1) }] })).toEqual([
      ['container-0-request-1', 2],
      ['container-1-request-0', 1],
    ]);
  });

  it('non-sidecar init containers reuse the devices of the containers that start after them and share the largest request', () => {
    // ic1 1 (covered by the sidecar), sidecar 1, ic2 2 (1 more than c1's), c1 1: three devices in all
    const spec = {
      initContainers: [{ name: 'ic1', ...gpus(1) }, { name: 'sidecar', restartPolicy: 'Always', ...gpus(1) }, { name: 'ic2', ...gpus(2) }],
      containers: [{ name: 'c1', ...gpus(1) }],
    };
    expect(countsOf(spec)).toEqual([
      ['container-2-request-0', 1],
      ['container-1-request-0', 1],
      ['container-3-request-0', 1],
    ]);
  });

  it('an init container the later containers cover asks for nothing of its own', () => {
    expect(countsOf({ initContainers: [{ name: 'load', ...gpus(1) }], containers: [{ name: 'run', ...gpus(2) }] })).toEqual([['container-1-request-0', 2]]);
  });
});

// upstream: extendeddynamicresources.go filterExtendedResources (v1.36)
describe('extendedResourceClaim (filterExtendedResources)', () => {
  const pod = (requests: Readonly<Record<string, bigint>>) => ({ namespace: 'default', requests, draExtendedResources: extendedResourceRequests({ containers: [{ name: 'c', ...gpus(1) }] }, backed) });

  it('a node advertising none of the resource gets the special claim; one advertising it keeps device-plugin semantics', () => {
    const claim = extendedResourceClaim(pod({ [GPU]: 1n }), nodeInfoOf({ name: 'dra' }));
    expect(claim).toMatchObject({ label: 'default/<extended-resources>', spec: { requests: [{ name: 'container-0-request-0', choices: [{ deviceClassName: 'gpu.example.com', count: 1 }] }] } });
    expect(extendedResourceClaim(pod({ [GPU]: 1n }), nodeInfoOf({ name: 'plugin', allocatable: { [GPU]: '2' } }))).toBeUndefined();
  });

  it('an extended resource neither advertised nor backed: "cannot fit resource"', () => {
    expect(extendedResourceClaim(pod({ [GPU]: 1n, 'example.com/tpu': 1n }), nodeInfoOf({ name: 'dra' }))).toBe('unfit');
  });
});

// The hot path: a pod without a DRA-backed request carries the one shared empty map, which DynamicResources' PreFilter
// skips at its first test (draExtendedResources.size === 0).
describe('pods without DRA-backed extended resources', () => {
  const options = { minor: 36, services: [], priorityClasses: new Map<string, number>(), defaultPriority: 0, draExtendedResources: backed };
  const podInfo = (spec: Readonly<Record<string, unknown>>) => toPodInfo(podSourceOfPod(podObject(spec)), options, []);

  it('share one empty map, whatever else they request', () => {
    const cpuOnly = podInfo({ containers: [{ name: 'c', resources: { requests: { cpu: '1' } } }] });
    const otherExtended = podInfo({ containers: [{ name: 'c', resources: { limits: { 'example.com/tpu': '1' } } }] });
    const zeroGpus = podInfo({ containers: [{ name: 'c', ...gpus(0) }] });
    expect(cpuOnly.draExtendedResources.size).toBe(0);
    expect(otherExtended.draExtendedResources).toBe(cpuOnly.draExtendedResources);
    expect(zeroGpus.draExtendedResources).toBe(cpuOnly.draExtendedResources);
    expect(podInfo({ containers: [{ name: 'c', ...gpus(1) }] }).draExtendedResources.size).toBe(1);
  });
});
