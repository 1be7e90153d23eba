// Port of test/integration/scheduler/scheduler_test.go (kubernetes/kubernetes, newest stored version) as far as a
// snapshot shows it: TestUnschedulableNodes (spec.unschedulable, then not), TestMultipleSchedulers and
// TestMultipleSchedulingProfiles (a pod is placed only by the profile its schedulerName names), TestAllocatable (a
// node without status.allocatable is read by its capacity, as the API server's defaulting copies it; then an
// allocatable below the request). Skipped: the parts that wait on API events.
import { describe, expect, it } from 'vitest';
import { node, pod, schedule, type Value } from './integration-test-support.js';
import { readSchedulerConfiguration } from './profile/scheduler-configuration.js';
import { NEWEST_MINOR } from './version.js';

const placed = (docs: readonly Value[], profiles?: Parameters<typeof schedule>[1]) =>
  Object.fromEntries(schedule(docs, profiles).map((result) => [result.object.name, Object.keys(result.placement.nodes)[0] ?? '']));

describe('TestUnschedulableNodes (upstream test/integration/scheduler)', () => {
  it.each([
    [true, ''],
    [false, 'node-scheduling-test-node'],
  ])('spec.unschedulable %s', (unschedulable, want) => {
    expect(placed([node({ name: 'node-scheduling-test-node', unschedulable }), pod({ name: 'node-scheduling-test-pod' })])).toEqual({ 'node-scheduling-test-pod': want });
  });
});

describe('TestMultipleSchedulers, TestMultipleSchedulingProfiles (upstream test/integration/scheduler)', () => {
  const testNode = node({ name: 'node-multi-scheduler-test-node' });
  const named = (name: string, schedulerName?: string) => pod({ name, ...(schedulerName && { spec: { schedulerName } }) });

  it('TestMultipleSchedulers: the default scheduler alone leaves the foo-scheduler pod pending', () => {
    const results = placed([testNode, named('pod-without-scheduler-name'), named('pod-fits-default', 'default-scheduler'), named('pod-fits-foo', 'foo-scheduler')]);
    expect(results).toEqual({ 'pod-without-scheduler-name': 'node-multi-scheduler-test-node', 'pod-fits-default': 'node-multi-scheduler-test-node' });
  });

  it('TestMultipleSchedulingProfiles: default-scheduler and custom-scheduler place theirs, unknown-scheduler none', () => {
    const config = { apiVersion: 'kubescheduler.config.k8s.io/v1', kind: 'KubeSchedulerConfiguration', profiles: [{ schedulerName: 'default-scheduler' }, { schedulerName: 'custom-scheduler' }] };
    const { profiles } = readSchedulerConfiguration(JSON.stringify(config), 'test.json', NEWEST_MINOR);
    const results = placed([testNode, named('foo'), named('bar', 'unknown-scheduler'), named('baz', 'default-scheduler'), named('zet', 'custom-scheduler')], profiles);
    expect(results).toEqual({ foo: 'node-multi-scheduler-test-node', baz: 'node-multi-scheduler-test-node', zet: 'node-multi-scheduler-test-node' });
  });
});

describe('TestAllocatable (upstream test/integration/scheduler)', () => {
  const nodeWith = (status: Value): Value => ({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-allocatable-scheduler-test-node' }, status });
  const capacity = { pods: '32', cpu: '30m', memory: '30' };
  const incoming = pod({ name: 'pod-test-allocatable', requests: { cpu: '20m', memory: '20' } });

  it('a node without allocatable is read by its capacity: the pod fits', () => {
    expect(placed([nodeWith({ capacity }), incoming])).toEqual({ 'pod-test-allocatable': 'node-allocatable-scheduler-test-node' });
  });

  it('an allocatable below the request leaves the pod unschedulable', () => {
    const [result] = schedule([nodeWith({ capacity, allocatable: { pods: '32', cpu: '10m', memory: '10' } }), incoming]);
    expect(result?.placement.nodes).toEqual({});
    expect(result?.placement.message).toBe(
      '0/1 nodes are available: 1 Insufficient cpu, 1 Insufficient memory. no new claims to deallocate, preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
    );
  });
});

// Port of test/integration/scheduler/node_capacity_test.go TestNodeCapacityMutationInvalidatesCache: the node's
// allocatable memory before and after its status update, each a snapshot; the pod (8Gi, pinned by nodeSelector) fits
// only the node as it is now. Downscale: a 1Gi primer pod is bound before the node shrinks to 4Gi.
describe('TestNodeCapacityMutationInvalidatesCache (upstream test/integration/scheduler)', () => {
  const testNode = (name: string, memory: string) => node({ name, labels: { 'test-node': name }, capacity: { pods: '10', memory } });
  const pinned = (name: string, nodeName: string, memory: string, bound = false) =>
    pod({ name, requests: { memory }, ...(bound ? { node: nodeName } : { spec: { nodeSelector: { 'test-node': nodeName } } }) });
  const unschedulable = '0/1 nodes are available: 1 Insufficient memory. no new claims to deallocate, preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.';

  it.each([
    ['upscale: 4Gi, the pod stays pending', '4Gi', ''],
    ['upscale: allocatable raised to 10Gi, the pod is scheduled', '10Gi', 'upscale-node'],
  ])('%s', (_name, memory, want) => {
    expect(placed([testNode('upscale-node', memory), pinned('upscale-pod', 'upscale-node', '8Gi')])).toEqual({ 'upscale-pod': want });
  });

  it('downscale: pod stays Pending after node allocatable shrinks below request', () => {
    const [result] = schedule([testNode('downscale-node', '4Gi'), pinned('downscale-primer', 'downscale-node', '1Gi', true), pinned('downscale-target', 'downscale-node', '8Gi')]);
    expect(result?.placement.nodes).toEqual({});
    expect(result?.placement.message).toBe(unschedulable);
  });
});
