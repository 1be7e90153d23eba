// ResourceClaimTemplates, ResourceClaims and ResourceSlices written in resource.k8s.io/v1beta1 or v1beta2 are read as
// the API server stores them (v1), as in the DRA examples that still use the beta versions.
// upstream: pkg/apis/resource/v1beta1/conversion.go Convert_v1beta1_DeviceRequest_To_resource_DeviceRequest (a request
// without firstAvailable becomes `exactly`), Convert_v1beta1_Device_To_resource_Device (`basic` flattened) (v1.36)
import { describe, expect, it } from 'vitest';
import { node, pod, schedule, type Value } from '../integration-test-support.js';

const DRIVER = 'gpu.example.com';
const deviceClass: Value = { apiVersion: 'resource.k8s.io/v1beta1', kind: 'DeviceClass', metadata: { name: 'gpu' }, spec: { selectors: [{ cel: { expression: `device.driver == "${DRIVER}"` } }] } };
const nodes = [node({ name: 'worker-a' }), node({ name: 'worker-b' })];

/** A v1beta1 slice on the node: one device whose `basic` holds a model attribute. */
function v1beta1Slice(nodeName: string, model: string): Value {
  return {
    apiVersion: 'resource.k8s.io/v1beta1',
    kind: 'ResourceSlice',
    metadata: { name: `${nodeName}-gpus` },
    spec: { driver: DRIVER, nodeName, pool: { name: nodeName, generation: 1, resourceSliceCount: 1 }, devices: [{ name: 'gpu-0', basic: { attributes: { model: { string: model } } } }] },
  };
}

const slices = [v1beta1Slice('worker-a', 'small'), v1beta1Slice('worker-b', 'large')];
const large = [{ cel: { expression: `device.attributes["${DRIVER}"].model == "large"` } }];
const claimingPod = pod({ name: 'trainer', spec: { resourceClaims: [{ name: 'gpu', resourceClaimTemplateName: 'large-gpu' }] } });

function template(apiVersion: string, request: Value): Value {
  return { apiVersion, kind: 'ResourceClaimTemplate', metadata: { name: 'large-gpu', namespace: 'default' }, spec: { spec: { devices: { requests: [request] } } } };
}

describe('resource.k8s.io/v1beta1 and v1beta2 objects in the scheduling dry-run', () => {
  it('a v1beta1 request names its class inline; a v1beta1 device keeps its attributes under basic', () => {
    const result = schedule([...nodes, deviceClass, ...slices, template('resource.k8s.io/v1beta1', { name: 'gpu', deviceClassName: 'gpu', selectors: large }), claimingPod])[0];
    expect(result?.placement.nodes).toEqual({ 'worker-b': 1 });
    expect(result?.rejected).toEqual({ 'worker-a': ['cannot allocate all claims'] });
  });

  it('a v1beta1 request with firstAvailable keeps its subrequests', () => {
    const request = { name: 'gpu', firstAvailable: [{ name: 'large', deviceClassName: 'gpu', selectors: large }] };
    expect(schedule([...nodes, deviceClass, ...slices, template('resource.k8s.io/v1beta1', request), claimingPod])[0]?.placement.nodes).toEqual({ 'worker-b': 1 });
  });

  it('v1beta2 has the v1 shape', () => {
    const request = { name: 'gpu', exactly: { deviceClassName: 'gpu', selectors: large } };
    expect(schedule([...nodes, deviceClass, ...slices, template('resource.k8s.io/v1beta2', request), claimingPod])[0]?.placement.nodes).toEqual({ 'worker-b': 1 });
  });

  it('a v1beta1 ResourceClaim the pod names', () => {
    const claim: Value = { apiVersion: 'resource.k8s.io/v1beta1', kind: 'ResourceClaim', metadata: { name: 'shared-gpu', namespace: 'default' }, spec: { devices: { requests: [{ name: 'gpu', deviceClassName: 'gpu', selectors: large }] } } };
    const named = pod({ name: 'trainer', spec: { resourceClaims: [{ name: 'gpu', resourceClaimName: 'shared-gpu' }] } });
    expect(schedule([...nodes, deviceClass, ...slices, claim, named])[0]?.placement.nodes).toEqual({ 'worker-b': 1 });
  });
});
