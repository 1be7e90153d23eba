// upstream: test/integration/dra/dra_test.go testInvalidResourceSlices (v1.36): eight workers, a claim of one device of
// the class, and ResourceSlices whose pool repeats a device name; each case's outcome and PodScheduled message. Then
// pkg/scheduler/framework/plugins/dynamicresources/dynamicresources_test.go TestPlugin's admin-access cases.
import { describe, expect, it } from 'vitest';
import { node, pod, schedule, type Value } from '../integration-test-support.js';

const CLASS = 'my-resource-class';
const deviceClass: Value = { apiVersion: 'resource.k8s.io/v1', kind: 'DeviceClass', metadata: { name: CLASS }, spec: {} };
const claim: Value = {
  apiVersion: 'resource.k8s.io/v1',
  kind: 'ResourceClaim',
  metadata: { name: 'my-pod-my-resource', namespace: 'default' },
  spec: { devices: { requests: [{ name: 'req-1', exactly: { deviceClassName: CLASS } }] } },
};
const myPod = pod({ name: 'my-pod', spec: { resourceClaims: [{ name: 'my-resource', resourceClaimName: 'my-pod-my-resource' }] } });
const workers = Array.from({ length: 8 }, (_, i) => node({ name: `worker-${i}`, capacity: { cpu: '100', memory: '1000' } }));

/** st.MakeResourceSlice(node, driver).Devices("device-1"), named with `suffix`, in a pool of `count` slices. */
function slice(nodeName: string, suffix: string, count: number): Value {
  return {
    apiVersion: 'resource.k8s.io/v1',
    kind: 'ResourceSlice',
    metadata: { name: `${nodeName}-driver${suffix}` },
    spec: { driver: 'driver', nodeName, pool: { name: nodeName, generation: 1, resourceSliceCount: count }, devices: [{ name: 'device-1' }] },
  };
}
/** Two slices of one pool, each with device-1: the pool is complete and invalid (validateDeviceNames). */
const invalidPool = (nodeName: string): Value[] => [slice(nodeName, '-1', 2), slice(nodeName, '-2', 2)];

const run = (slices: readonly Value[], kubernetesVersion?: string) => schedule([...workers, deviceClass, ...slices, claim, myPod], undefined, kubernetesVersion)[0];
const notHelpful = 'still not schedulable, preemption: 0/8 nodes are available: 8 Preemption is not helpful for scheduling.';

describe('dra_test.go testInvalidResourceSlices (upstream)', () => {
  it('invalid-one-node-and-valid-other: the devices of the valid pool are allocated', () => {
    expect(run([...invalidPool('worker-0'), slice('worker-1', '', 1)])?.placement.nodes).toEqual({ 'worker-1': 1 });
  });

  it('only-invalid-for-one-node: that node says so, the others cannot allocate all claims', () => {
    expect(run(invalidPool('worker-0'))?.placement.message).toBe(`0/8 nodes are available: 1 invalid resource pools were encountered, 7 cannot allocate all claims. ${notHelpful}`);
  });

  it('invalid-for-all-nodes', () => {
    expect(run(workers.flatMap((_, i) => invalidPool(`worker-${i}`)))?.placement.message).toBe(`0/8 nodes are available: 8 invalid resource pools were encountered. ${notHelpful}`);
  });

  it('1.35 passes over an invalid pool as 1.36 does (v0.35.6 allocator_stable.go Allocate: ErrFailedAllocationOnNode)', () => {
    expect(run(invalidPool('worker-0'), '1.35')?.placement.message).toBe(`0/8 nodes are available: 1 invalid resource pools were encountered, 7 cannot allocate all claims. ${notHelpful}`);
  });

  it('1.34 fails the node whose search reaches the invalid pool (v0.34.9 allocateOne: "pool <pool> is invalid")', () => {
    expect(run(invalidPool('worker-0'), '1.34')?.rejected?.['worker-0']).toEqual(['pool worker-0 is invalid: duplicate device name device-1']);
  });
});

describe('dynamicresources_test.go TestPlugin (upstream), admin access (DRAAdminAccess on from 1.34)', () => {
  const workerSlice = slice('worker-0', '', 1);
  /** A claim of one device of the class, pending or allocated device-1, with admin access or not. */
  const claimOf = (name: string, options: { adminAccess: boolean; allocated: boolean }): Value => ({
    ...claim,
    metadata: { name, namespace: 'default' },
    spec: { devices: { requests: [{ name: 'req-1', exactly: { deviceClassName: CLASS, ...(options.adminAccess && { adminAccess: true }) } }] } },
    ...(options.allocated && { status: { allocation: { devices: { results: [{ request: 'req-1', driver: 'driver', pool: 'worker-0', device: 'device-1', ...(options.adminAccess && { adminAccess: true }) }] } } } }),
  });
  const run = (claims: readonly Value[]) => schedule([node({ name: 'worker-0' }), deviceClass, workerSlice, ...claims, myPod])[0];

  it('request-admin-access-with-DRAAdminAccess-featuregate: the pending claim asks for admin access, so it gets the device another claim holds', () => {
    const result = run([claimOf('my-pod-my-resource', { adminAccess: true, allocated: false }), claimOf('not-my-claim', { adminAccess: false, allocated: true })]);
    expect(result).toMatchObject({ feasibleNodes: ['worker-0'], rejected: {} });
  });

  it('exhausted-resources: without admin access the device another claim holds is in use', () => {
    const result = run([claimOf('my-pod-my-resource', { adminAccess: false, allocated: false }), claimOf('not-my-claim', { adminAccess: false, allocated: true })]);
    expect(result?.rejected).toEqual({ 'worker-0': ['cannot allocate all claims'] });
  });

  it('structured-ignore-allocated-admin-access: a device an admin-access claim holds stays free', () => {
    const result = run([claimOf('my-pod-my-resource', { adminAccess: false, allocated: false }), claimOf('not-my-claim', { adminAccess: true, allocated: true })]);
    expect(result).toMatchObject({ feasibleNodes: ['worker-0'], rejected: {} });
  });

  it('an admin-access request still needs a device of the class on the node', () => {
    const result = schedule([node({ name: 'worker-0' }), deviceClass, claimOf('my-pod-my-resource', { adminAccess: true, allocated: false }), myPod])[0];
    expect(result?.rejected).toEqual({ 'worker-0': ['cannot allocate all claims'] });
  });
});

describe('dynamicresources_test.go TestPlugin (upstream), reservations', () => {
  const allocated = (reservedFor: readonly string[]): Value => ({
    ...claim,
    status: {
      allocation: { devices: { results: [{ request: 'req-1', driver: 'driver', pool: 'worker-0', device: 'device-1' }] } },
      reservedFor: reservedFor.map((name) => ({ resource: 'pods', name, uid: name })),
    },
  });
  const run = (reservedFor: readonly string[]) => schedule([node({ name: 'worker-0' }), deviceClass, slice('worker-0', '', 1), allocated(reservedFor), myPod])[0];
  const others = Array.from({ length: 256 }, (_, i) => `other-${i}`);

  it('reserved-okay: a claim reserved for the pod itself', () => {
    expect(run(['my-pod', ...others.slice(1)])?.placement.nodes).toEqual({ 'worker-0': 1 });
  });

  it('a claim reserved for ResourceClaimReservedForMaxSize other pods is in use (PreFilter)', () => {
    expect(run(others)?.placement.message).toBe('0/1 nodes are available: resourceclaim in use. no new claims to deallocate, preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.');
  });
});

describe('dynamicresources_test.go TestPlugin (upstream), binding conditions of allocated claims (1.36)', () => {
  /** allocatedClaim whose result has bindingConditions ["condition"], bindingFailureConditions ["failed"], and their status. */
  const boundClaim = (name: string, conditions: Readonly<Record<string, 'True' | 'False'>>): Value => {
    const result = { request: 'req-1', driver: 'driver', pool: 'worker-0', device: 'device-1', bindingConditions: ['condition'], bindingFailureConditions: ['failed'] };
    const selector = { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['worker-0'] }] }] };
    const statusConditions = Object.entries(conditions).map(([type, status]) => ({ type, status, reason: 'Test', message: '', lastTransitionTime: '2026-01-01T00:00:00Z' }));
    return { ...claim, metadata: { name, namespace: 'default' }, status: { allocation: { devices: { results: [result] }, nodeSelector: selector }, devices: [{ driver: 'driver', pool: 'worker-0', device: 'device-1', conditions: statusConditions }] } };
  };
  const twoClaims = pod({ name: 'my-pod', spec: { resourceClaims: [{ name: 'my-resource', resourceClaimName: 'my-pod-my-resource' }, { name: 'my-resource-2', resourceClaimName: 'my-pod-my-resource-2' }] } });
  const run = (claims: readonly Value[], pending: Value, kubernetesVersion?: string) => schedule([node({ name: 'worker-0' }), deviceClass, slice('worker-0', '', 1), ...claims, pending], undefined, kubernetesVersion)[0];
  const failed = boundClaim('my-pod-my-resource', { condition: 'False', failed: 'True' });

  it('bound-claim-with-failed-binding: the claim is available on no node', () => {
    expect(run([failed], myPod)?.rejected).toEqual({ 'worker-0': ['resourceclaim not available on the node'] });
  });

  it('bound-claim-with-succeeded-binding-conditions', () => {
    expect(run([boundClaim('my-pod-my-resource', { condition: 'True', failed: 'False' })], myPod)?.placement.nodes).toEqual({ 'worker-0': 1 });
  });

  it('multi-claims-binding-conditions-one-fail', () => {
    const claims = [boundClaim('my-pod-my-resource', { condition: 'True', failed: 'False' }), boundClaim('my-pod-my-resource-2', { condition: 'False', failed: 'True' })];
    expect(run(claims, twoClaims)?.rejected).toEqual({ 'worker-0': ['resourceclaim not available on the node'] });
  });

  it('before 1.36 (DRADeviceBindingConditions off) the conditions are not read', () => {
    expect(run([failed], myPod, '1.35')?.placement.nodes).toEqual({ 'worker-0': 1 });
  });
});

describe('dynamicresources.go PreFilter validateDeviceClass (upstream)', () => {
  it('a request without a device class is an unsupported request type', () => {
    const classless: Value = { ...claim, spec: { devices: { requests: [{ name: 'req-1', exactly: {} }] } } };
    const result = schedule([node({ name: 'worker-0' }), deviceClass, slice('worker-0', '', 1), classless, myPod])[0];
    expect(result?.placement.message).toMatch(/^0\/1 nodes are available: request req-1: unsupported request type\. /);
  });
});
