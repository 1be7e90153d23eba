import { describe, expect, it } from 'vitest';
import { objectOf, podObject } from './test-support.js';
import { podSourceOfPod } from './snapshot.js';
import { DeviceCatalog } from './dra/device-catalog.js';
import { uncheckedExtendedResources } from './resource-claims.js';

const GPU = 'example.com/gpu';
const backed = new Map([[GPU, 'gpu.example.com']]);
const gpuClass = objectOf({ apiVersion: 'resource.k8s.io/v1', kind: 'DeviceClass', metadata: { name: 'gpu.example.com' }, spec: { extendedResourceName: GPU } });
const slice = (spec: Readonly<Record<string, unknown>>) =>
  objectOf({ apiVersion: 'resource.k8s.io/v1', kind: 'ResourceSlice', metadata: { name: 'node-a-gpus' }, spec: { driver: 'gpu.example.com', nodeName: 'node-a', pool: { name: 'node-a', generation: 1, resourceSliceCount: 1 }, devices: [{ name: 'gpu-0' }], ...spec } });
const catalogOf = (...resourceSlices: ReturnType<typeof slice>[]) => DeviceCatalog.of({ deviceClasses: [gpuClass], resourceSlices, resourceClaims: [], resourceClaimTemplates: [] }, 36);
const pods = [podSourceOfPod(podObject({ containers: [{ name: 'c', image: 'x', resources: { limits: { [GPU]: '1' } } }] }))];

// The DRA-backed extended resources are checked (dynamic-resources.ts); the finding stays where they cannot be.
describe('uncheckedExtendedResources', () => {
  it('no finding where the slices and the class are modelled', () => {
    expect(uncheckedExtendedResources(pods, backed, catalogOf(slice({})))).toEqual([]);
  });

  it('a finding with the reason where a slice uses what kubefit does not model (from 1.36)', () => {
    const findings = uncheckedExtendedResources(pods, backed, catalogOf(slice({ sharedCounters: [{ name: 'mem', counters: { memory: { value: '1Gi' } } }] })));
    expect(findings.map((f) => [f.path, f.message])).toEqual([
      [
        'spec.containers[0].resources.limits["example.com/gpu"]',
        'resource claims were not checked: kubefit did not run the DynamicResources filter: ResourceSlice "node-a-gpus" sets spec.sharedCounters, which kubefit does not model, so the nodes it names may lack the devices of DeviceClass "gpu.example.com", which backs the extended resource "example.com/gpu" on nodes that do not advertise it',
      ],
    ]);
  });
});
