// upstream: pkg/scheduler/framework/plugins/dynamicresources/dynamicresources_test.go TestPlugin, the extended-resource
// cases (DRAExtendedResource, v1.36), through the whole scheduler: each pod's filter verdict on the one worker node and,
// where it does not fit, the message with DynamicResources' PostFilter reason. Not mirrored: the binding-cycle cases
// (-fail-patch, -bind-failure, -skip-bind, -claim-creation-failure) and -has-claim / -delete-claim (a claim left from an
// earlier scheduling cycle), which a dry run of pending pods does not have.
import { describe, expect, it } from 'vitest';
import { node, pod, schedule, type Value } from '../integration-test-support.js';

const GPU = 'example.com/gpu';
const GPU2 = 'example.com/gpu2';
const IMPLICIT = 'deviceclass.resource.kubernetes.io/my-resource-class';

const deviceClass = (name: string, extendedResourceName?: string): Value => ({
  apiVersion: 'resource.k8s.io/v1',
  kind: 'DeviceClass',
  metadata: { name },
  spec: { ...(extendedResourceName && { extendedResourceName }) },
});
/** workerNodeSlice (one device) or largeWorkerNodeSlice. */
const slice = (devices: number): Value => ({
  apiVersion: 'resource.k8s.io/v1',
  kind: 'ResourceSlice',
  metadata: { name: 'worker-slice' },
  spec: { driver: 'some-driver', nodeName: 'worker', pool: { name: 'worker', generation: 1, resourceSliceCount: 1 }, devices: Array.from({ length: devices }, (_, i) => ({ name: `instance-${i}` })) },
});
const classWithExtendedResourceName = deviceClass('my-resource-class', GPU);
const worker = (allocatable: Readonly<Record<string, string>> = {}) => node({ name: 'worker', capacity: allocatable });
/** One container per entry of `containers`, each with those limits (extended resources: requests default to them). */
const podRequesting = (name: string, containers: readonly Readonly<Record<string, string>>[]): Value =>
  pod({ name, spec: { containers: containers.map((limits, i) => ({ name: `c${i}`, image: 'registry.k8s.io/pause:3.10', resources: { limits } })) } });

interface Case {
  readonly name: string;
  readonly objects: readonly Value[];
  readonly pods: readonly Value[];
  /** The last pod's verdict on the worker: undefined when it fits there, else its reasons and message. */
  readonly want?: { readonly reasons?: readonly string[]; readonly message: string };
}

describe('dynamicresources_test.go TestPlugin (upstream), the extended-resource cases', () => {
  it.each<Case>([
    { name: 'extended-resource-name-with-node-resource', objects: [worker({ [GPU]: '1' }), classWithExtendedResourceName], pods: [podRequesting('p', [{ [GPU]: '1' }])] },
    {
      name: 'extended-resource-one-device-plugin-one-dra',
      objects: [worker({ [GPU]: '1' }), classWithExtendedResourceName, deviceClass('my-resource-class-2', GPU2), slice(1)],
      pods: [podRequesting('p', [{ [GPU]: '1', [GPU2]: '1' }])],
    },
    { name: 'extended-resource-name-with-zero-allocatable', objects: [worker({ [GPU]: '0' }), classWithExtendedResourceName, slice(1)], pods: [podRequesting('p', [{ [GPU]: '1' }])] },
    {
      // no class names the resource: no special claim, NodeResourcesFit keeps it (allocatable 0)
      name: 'non-DRA-extended-resource-name-with-zero-allocatable',
      objects: [worker({ [GPU]: '0' }), deviceClass('my-resource-class'), slice(1)],
      pods: [podRequesting('p', [{ [GPU]: '1' }])],
      want: { reasons: [`Insufficient ${GPU}`], message: `0/1 nodes are available: 1 Insufficient ${GPU}. no new claims to deallocate, preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.` },
    },
    {
      name: 'extended-resource-name-no-resource',
      objects: [worker(), classWithExtendedResourceName],
      pods: [podRequesting('p', [{ [GPU]: '1' }])],
      want: { reasons: ['cannot allocate all claims'], message: '0/1 nodes are available: 1 cannot allocate all claims. still not schedulable, preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.' },
    },
    { name: 'extended-resource-name-with-resources', objects: [worker(), classWithExtendedResourceName, slice(1)], pods: [podRequesting('p', [{ [GPU]: '1' }])] },
    { name: 'implicit-extended-resource-name-with-resources', objects: [worker(), classWithExtendedResourceName, slice(4)], pods: [podRequesting('p', [{ [IMPLICIT]: '1' }])] },
    { name: 'implicit-extended-resource-name-two-containers-with-resources', objects: [worker(), classWithExtendedResourceName, slice(4)], pods: [podRequesting('p', [{ [IMPLICIT]: '1' }, { [IMPLICIT]: '2' }])] },
    {
      name: '(kubefit) the same with two devices: each container has its own request (three devices)',
      objects: [worker(), classWithExtendedResourceName, slice(2)],
      pods: [podRequesting('p', [{ [IMPLICIT]: '1' }, { [IMPLICIT]: '2' }])],
      want: { reasons: ['cannot allocate all claims'], message: '0/1 nodes are available: 1 cannot allocate all claims. still not schedulable, preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.' },
    },
    {
      // rejected lists the verdicts on the cluster as given; the message is the one of its turn, after the first pod
      name: '(kubefit) a pod placed earlier holds its devices (Reserve)',
      objects: [worker(), classWithExtendedResourceName, slice(1)],
      pods: [podRequesting('first', [{ [GPU]: '1' }]), podRequesting('second', [{ [GPU]: '1' }])],
      want: { message: '0/1 nodes are available: 1 cannot allocate all claims. still not schedulable, preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.' },
    },
    {
      name: '(kubefit) an extended resource neither advertised nor backed beside a backed one: NodeResourcesFit says so first',
      objects: [worker(), classWithExtendedResourceName, slice(1)],
      pods: [podRequesting('p', [{ [GPU]: '1', 'example.com/tpu': '1' }])],
      want: { reasons: ['Insufficient example.com/tpu'], message: '0/1 nodes are available: 1 Insufficient example.com/tpu. still not schedulable, preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.' },
    },
  ])('$name', ({ objects, pods, want }) => {
    const results = schedule([...objects, ...pods]);
    const last = results[results.length - 1];
    if (!want) {
      expect(last?.feasibleNodes).toEqual(['worker']);
      return;
    }
    if (want.reasons) expect(last?.rejected?.['worker']).toEqual(want.reasons);
    expect(last?.placement.message).toBe(want.message);
  });
});
