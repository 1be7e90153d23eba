// Ports of pkg/scheduler/framework/plugins/noderesources/fit_test.go (kubernetes/kubernetes, newest stored version, the
// v1.35 semantics: requests beyond the node's allocatable are UnschedulableAndUnresolvable): TestEnoughRequests,
// TestNotEnoughRequests, TestStorageRequests, TestRestartableInitContainers. Expected statuses are copied from upstream.
import { describe, expect, it } from 'vitest';
import { SUCCESS, type FilterResult } from '../framework.js';
import type { PodInfo } from '../pod-info.js';
import { nodeInfoOf, podInfoOf, runFilter } from '../test-support.js';
import plugin, { nodeResourcesFitFilter, type IgnoredResources } from './node-resources-fit.js';

/** upstream framework.Resource: milliCPU, memory, ephemeral storage and scalar resources, in base units. */
interface Resource {
  readonly milliCPU?: number;
  readonly memory?: number;
  readonly ephemeralStorage?: number;
  readonly scalar?: Readonly<Record<string, number>>;
}

const EXT_A = 'example.com/aaa';
const EXT_B = 'example.com/bbb';
const K8S_IO_A = 'kubernetes.io/something';
const K8S_IO_B = 'subdomain.kubernetes.io/something';
const HUGEPAGES_A = 'hugepages-2Mi';
const EXT_DRA = 'extended.resource.dra.io/something';

// upstream newResourcePod: every container requests cpu, memory, pods and ephemeral-storage (zero when unset).
function requestsOf(r: Resource): Record<string, string> {
  const scalar = Object.fromEntries(Object.entries(r.scalar ?? {}).map(([name, value]) => [name, String(value)]));
  return { cpu: `${r.milliCPU ?? 0}m`, memory: String(r.memory ?? 0), pods: '0', 'ephemeral-storage': String(r.ephemeralStorage ?? 0), ...scalar };
}

const containersOf = (usage: readonly Resource[]) => usage.map((r, i) => ({ name: `c${i}`, resources: { requests: requestsOf(r) } }));

interface PodShape {
  readonly containers?: readonly Resource[];
  readonly initContainers?: readonly Resource[];
  readonly overhead?: Readonly<Record<string, string>>;
  readonly podLevel?: Readonly<Record<string, string>>;
}

function podOf(shape: PodShape): PodInfo {
  return podInfoOf({
    containers: containersOf(shape.containers ?? []),
    ...(shape.initContainers ? { initContainers: containersOf(shape.initContainers) } : {}),
    ...(shape.overhead ? { overhead: shape.overhead } : {}),
    ...(shape.podLevel ? { resources: { requests: shape.podLevel } } : {}),
  });
}

// upstream makeAllocatableResources(10, 20, 32, 5, 20, 5)
const ALLOCATABLE = { cpu: '10m', memory: '20', pods: '32', [EXT_A]: '5', 'ephemeral-storage': '20', [HUGEPAGES_A]: '5' };

/** A node with upstream's allocatable and one bound pod using `used` (framework.NewNodeInfo(newResourcePod(used))). */
const nodeUsing = (used: Resource | undefined, allocatable: Readonly<Record<string, string>> = ALLOCATABLE) =>
  nodeInfoOf({ allocatable }, used === undefined ? [] : [podOf({ containers: [used] })]);

const unschedulable = (...reasons: string[]): FilterResult => ({ code: 'Unschedulable', reasons });
const unresolvable = (...reasons: string[]): FilterResult => ({ code: 'UnschedulableAndUnresolvable', reasons });
const insufficient = (name: string) => `Insufficient ${name}`;

interface Case {
  readonly name: string;
  readonly pod: PodShape;
  /** What the node's one bound pod requests; undefined: the node has no pod. */
  readonly used: Resource | undefined;
  readonly want: FilterResult;
}

const c = (milliCPU: number, memory: number, scalar?: Readonly<Record<string, number>>): Resource => ({ milliCPU, memory, ...(scalar ? { scalar } : {}) });

// "skip checking ignored extended resource" and "... via resource groups" run nodeResourcesFitFilter with the
// NodeResourcesFitArgs they set (ignoredResources / ignoredResourceGroups, empty in the default profile). The
// DRAExtendedResource cases with the gate on and a DeviceClass naming the resource follow the table.
const enoughRequests: Case[] = [
  { name: 'no resources requested always fits', pod: {}, used: c(10, 20), want: SUCCESS },
  { name: 'too many resources fails', pod: { containers: [c(1, 1)] }, used: c(10, 20), want: unschedulable(insufficient('cpu'), insufficient('memory')) },
  { name: 'too many resources fails due to init container cpu', pod: { containers: [c(1, 1)], initContainers: [c(3, 1)] }, used: c(8, 19), want: unschedulable(insufficient('cpu')) },
  { name: 'too many resources fails due to highest init container cpu', pod: { containers: [c(1, 1)], initContainers: [c(3, 1), c(2, 1)] }, used: c(8, 19), want: unschedulable(insufficient('cpu')) },
  { name: 'too many resources fails due to init container memory', pod: { containers: [c(1, 1)], initContainers: [c(1, 3)] }, used: c(9, 19), want: unschedulable(insufficient('memory')) },
  { name: 'too many resources fails due to highest init container memory', pod: { containers: [c(1, 1)], initContainers: [c(1, 3), c(1, 2)] }, used: c(9, 19), want: unschedulable(insufficient('memory')) },
  { name: "init container fits because it's the max, not sum, of containers and init containers", pod: { containers: [c(1, 1)], initContainers: [c(1, 1)] }, used: c(9, 19), want: SUCCESS },
  { name: "multiple init containers fit because it's the max, not sum, of containers and init containers", pod: { containers: [c(1, 1)], initContainers: [c(1, 1), c(1, 1)] }, used: c(9, 19), want: SUCCESS },
  { name: 'both resources fit', pod: { containers: [c(1, 1)] }, used: c(5, 5), want: SUCCESS },
  { name: 'one resource memory fits', pod: { containers: [c(2, 1)] }, used: c(9, 5), want: unschedulable(insufficient('cpu')) },
  { name: 'one resource cpu fits', pod: { containers: [c(1, 2)] }, used: c(5, 19), want: unschedulable(insufficient('memory')) },
  { name: 'equal edge case', pod: { containers: [c(5, 1)] }, used: c(5, 19), want: SUCCESS },
  { name: 'equal edge case for init container', pod: { containers: [c(4, 1)], initContainers: [c(5, 1)] }, used: c(5, 19), want: SUCCESS },
  { name: 'extended resource fits', pod: { containers: [c(0, 0, { [EXT_A]: 1 })] }, used: c(0, 0), want: SUCCESS },
  { name: 'extended resource fits for init container', pod: { containers: [], initContainers: [c(0, 0, { [EXT_A]: 1 })] }, used: c(0, 0), want: SUCCESS },
  { name: 'extended resource capacity enforced', pod: { containers: [c(1, 1, { [EXT_A]: 10 })] }, used: c(0, 0, { [EXT_A]: 0 }), want: unresolvable(insufficient(EXT_A)) },
  { name: 'extended resource capacity enforced for init container', pod: { containers: [], initContainers: [c(1, 1, { [EXT_A]: 10 })] }, used: c(0, 0, { [EXT_A]: 0 }), want: unresolvable(insufficient(EXT_A)) },
  { name: 'extended resource allocatable enforced', pod: { containers: [c(1, 1, { [EXT_A]: 1 })] }, used: c(0, 0, { [EXT_A]: 5 }), want: unschedulable(insufficient(EXT_A)) },
  { name: 'extended resource allocatable enforced for init container', pod: { containers: [], initContainers: [c(1, 1, { [EXT_A]: 1 })] }, used: c(0, 0, { [EXT_A]: 5 }), want: unschedulable(insufficient(EXT_A)) },
  { name: 'extended resource allocatable enforced for multiple containers', pod: { containers: [c(1, 1, { [EXT_A]: 3 }), c(1, 1, { [EXT_A]: 3 })] }, used: c(0, 0, { [EXT_A]: 2 }), want: unresolvable(insufficient(EXT_A)) },
  { name: 'extended resource allocatable admits multiple init containers', pod: { containers: [], initContainers: [c(1, 1, { [EXT_A]: 3 }), c(1, 1, { [EXT_A]: 3 })] }, used: c(0, 0, { [EXT_A]: 2 }), want: SUCCESS },
  { name: 'extended resource allocatable enforced for multiple init containers', pod: { containers: [], initContainers: [c(1, 1, { [EXT_A]: 6 }), c(1, 1, { [EXT_A]: 3 })] }, used: c(0, 0, { [EXT_A]: 2 }), want: unresolvable(insufficient(EXT_A)) },
  { name: 'extended resource allocatable enforced for unknown resource', pod: { containers: [c(1, 1, { [EXT_B]: 1 })] }, used: c(0, 0), want: unresolvable(insufficient(EXT_B)) },
  { name: 'extended resource allocatable enforced for unknown resource for init container', pod: { containers: [], initContainers: [c(1, 1, { [EXT_B]: 1 })] }, used: c(0, 0), want: unresolvable(insufficient(EXT_B)) },
  { name: 'kubernetes.io resource capacity enforced', pod: { containers: [c(1, 1, { [K8S_IO_A]: 10 })] }, used: c(0, 0), want: unresolvable(insufficient(K8S_IO_A)) },
  { name: 'kubernetes.io resource capacity enforced for init container', pod: { containers: [], initContainers: [c(1, 1, { [K8S_IO_B]: 10 })] }, used: c(0, 0), want: unresolvable(insufficient(K8S_IO_B)) },
  { name: 'hugepages resource capacity enforced', pod: { containers: [c(1, 1, { [HUGEPAGES_A]: 10 })] }, used: c(0, 0, { [HUGEPAGES_A]: 0 }), want: unresolvable(insufficient(HUGEPAGES_A)) },
  { name: 'hugepages resource capacity enforced for init container', pod: { containers: [], initContainers: [c(1, 1, { [HUGEPAGES_A]: 10 })] }, used: c(0, 0, { [HUGEPAGES_A]: 0 }), want: unresolvable(insufficient(HUGEPAGES_A)) },
  { name: 'hugepages resource allocatable enforced for multiple containers', pod: { containers: [c(1, 1, { [HUGEPAGES_A]: 3 }), c(1, 1, { [HUGEPAGES_A]: 3 })] }, used: c(0, 0, { [HUGEPAGES_A]: 2 }), want: unresolvable(insufficient(HUGEPAGES_A)) },
  { name: 'resources + pod overhead fits', pod: { containers: [c(1, 1)], overhead: { cpu: '3m', memory: '13' } }, used: c(5, 5), want: SUCCESS },
  { name: 'requests + overhead does not fit for memory', pod: { containers: [c(1, 1)], overhead: { cpu: '1m', memory: '15' } }, used: c(5, 5), want: unschedulable(insufficient('memory')) },
  { name: 'skip checking extended resource request with quantity zero via resource groups', pod: { containers: [c(1, 1, { [EXT_A]: 0 })] }, used: c(0, 0, { [EXT_A]: 6 }), want: SUCCESS },
  { name: 'skip checking resource request with quantity zero', pod: { containers: [c(0, 0, { [EXT_A]: 1 })] }, used: c(20, 30, { [EXT_A]: 1 }), want: SUCCESS },
  { name: 'both pod-level and container-level resources fit', pod: { containers: [c(1, 1)], podLevel: { cpu: '1m', memory: '2' } }, used: c(5, 5), want: SUCCESS },
  { name: 'pod-level cpu resource not fit', pod: { containers: [c(1, 1)], podLevel: { cpu: '7m', memory: '2' } }, used: c(5, 5), want: unschedulable(insufficient('cpu')) },
  { name: 'pod-level memory resource not fit', pod: { containers: [c(1, 1)], podLevel: { cpu: '3m', memory: '2' } }, used: c(5, 19), want: unschedulable(insufficient('memory')) },
  { name: 'pod-level hugepages resource fit', pod: { containers: [], podLevel: { cpu: '3m', memory: '2', [HUGEPAGES_A]: '5' } }, used: undefined, want: SUCCESS },
  { name: 'both pod-level and container-level hugepages resource fit', pod: { containers: [c(1, 1, { [HUGEPAGES_A]: 3 })], podLevel: { cpu: '3m', memory: '2', [HUGEPAGES_A]: '5' } }, used: undefined, want: SUCCESS },
  { name: 'pod-level hugepages resource not fit', pod: { containers: [], podLevel: { cpu: '3m', memory: '2', [HUGEPAGES_A]: '10' } }, used: undefined, want: unresolvable(insufficient(HUGEPAGES_A)) },
  { name: 'one pod-level cpu resource fits and all init and non-init containers resources fit', pod: { containers: [c(1, 1)], initContainers: [c(1, 1)], podLevel: { cpu: '3m', memory: '2' } }, used: c(5, 19), want: unschedulable(insufficient('memory')) },
  // Two DRAExtendedResource cases whose outcome does not depend on the gate: no DeviceClass names the resource.
  { name: 'extended resource backed by DRA not enabled', pod: { containers: [c(1, 1, { [EXT_DRA]: 1 })] }, used: c(0, 0), want: unresolvable(insufficient(EXT_DRA)) },
  { name: 'extended resource NOT backed by DRA', pod: { containers: [c(1, 1, { [EXT_B]: 1 })] }, used: c(0, 0), want: unresolvable(insufficient(EXT_B)) },
];

describe('TestEnoughRequests (upstream fit_test.go)', () => {
  it.each(enoughRequests)('$name', ({ pod, used, want }) => {
    expect(runFilter(plugin, podOf(pod), nodeUsing(used))).toEqual(want);
  });

  // draExtendedResourceEnabled (on by default from v1.36), with a DeviceClass mapping EXT_DRA: the pod's
  // draExtendedResources holds what the class backs (dra-extended-resources.ts builds it from the DeviceClasses).
  // `used`: what the node's one pod requests, c(0, 0) unless given.
  it.each<{ name: string; request: Resource; backed: readonly string[]; used?: Resource; want: FilterResult }>([
    { name: 'extended resource backed by device plugin', request: c(0, 0, { [EXT_A]: 1 }), backed: [], want: SUCCESS },
    { name: 'extended resource backed by DRA', request: c(1, 1, { [EXT_DRA]: 1 }), backed: [EXT_DRA], want: SUCCESS },
    // the kubelet's admission check (no DRA manager): the node advertises the resource, so it is checked and fits
    { name: 'extended resource backed by DRA, nil draManager', request: c(1, 1, { [EXT_A]: 1 }), backed: [], want: SUCCESS },
    { name: 'extended resource was backed by Device Plugin (Allocatable: 0)', request: c(0, 0, { [EXT_DRA]: 1 }), backed: [EXT_DRA], used: c(0, 0, { [EXT_DRA]: 0 }), want: SUCCESS },
    { name: 'extended resource was backed by Device Plugin (Allocatable: 0), global cache', request: c(0, 0, { [EXT_A]: 1 }), backed: [], used: c(0, 0, { [EXT_A]: 0 }), want: SUCCESS },
    // a class naming a resource the node advertises leaves it to the device plugin: NodeResourcesFit checks it
    { name: '(kubefit) extended resource a DeviceClass names, advertised by the node', request: c(1, 1, { [EXT_A]: 6 }), backed: [EXT_A], want: unresolvable(insufficient(EXT_A)) },
  ])('$name', ({ request, backed, used = c(0, 0), want }) => {
    const pod = { ...podOf({ containers: [request] }), draExtendedResources: new Map(backed.map((name) => [name, { deviceClassName: 'device-class-name', requests: [] }])) };
    expect(runFilter(plugin, pod, nodeUsing(used))).toEqual(want);
  });

  it.each<{ name: string; scalar: Readonly<Record<string, number>>; ignored: IgnoredResources; want: FilterResult }>([
    { name: 'skip checking ignored extended resource', scalar: { [EXT_B]: 1 }, ignored: { names: new Set([EXT_B]), groups: new Set<string>() }, want: SUCCESS },
    {
      name: 'skip checking ignored extended resource via resource groups',
      scalar: { [EXT_B]: 1, [K8S_IO_A]: 1 },
      ignored: { names: new Set<string>(), groups: new Set(['example.com']) },
      want: unresolvable(insufficient(K8S_IO_A)),
    },
  ])('$name', ({ scalar, ignored, want }) => {
    expect(runFilter(nodeResourcesFitFilter(ignored), podOf({ containers: [c(1, 1, scalar)] }), nodeUsing(c(0, 0)))).toEqual(want);
  });
});

// upstream: node allocatable makeAllocatableResources(10, 20, 1, 0, 0, 0), one pod already bound.
const ONE_POD = { cpu: '10m', memory: '20', pods: '1', [EXT_A]: '0', 'ephemeral-storage': '0', [HUGEPAGES_A]: '0' };
const notEnoughRequests: Case[] = [
  { name: "even without specified resources, predicate fails when there's no space for additional pod", pod: {}, used: c(10, 20), want: unschedulable('Too many pods') },
  { name: "even if both resources fit, predicate fails when there's no space for additional pod", pod: { containers: [c(1, 1)] }, used: c(5, 5), want: unschedulable('Too many pods') },
  { name: "even for equal edge case, predicate fails when there's no space for additional pod", pod: { containers: [c(5, 1)] }, used: c(5, 19), want: unschedulable('Too many pods') },
  { name: "even for equal edge case, predicate fails when there's no space for additional pod due to init container", pod: { containers: [c(5, 1)], initContainers: [c(5, 1)] }, used: c(5, 19), want: unschedulable('Too many pods') },
];

describe('TestNotEnoughRequests (upstream fit_test.go)', () => {
  it.each(notEnoughRequests)('$name', ({ pod, used, want }) => {
    expect(runFilter(plugin, podOf(pod), nodeUsing(used, ONE_POD))).toEqual(want);
  });
});

const storageRequests: Case[] = [
  { name: 'empty storage requested, and pod fits', pod: { containers: [c(1, 1)] }, used: c(2, 10), want: SUCCESS },
  { name: 'storage ephemeral local storage request exceeds allocatable', pod: { containers: [{ ephemeralStorage: 25 }] }, used: c(2, 2), want: unresolvable(insufficient('ephemeral-storage')) },
  { name: 'ephemeral local storage is sufficient', pod: { containers: [{ ephemeralStorage: 5 }], initContainers: [] }, used: { milliCPU: 2, memory: 2, ephemeralStorage: 10 }, want: SUCCESS },
  { name: 'pod fits', pod: { containers: [{ ephemeralStorage: 10 }] }, used: c(2, 2), want: SUCCESS },
];

describe('TestStorageRequests (upstream fit_test.go)', () => {
  it.each(storageRequests)('$name', ({ pod, used, want }) => {
    expect(runFilter(plugin, podOf(pod), nodeUsing(used))).toEqual(want);
  });
});

// upstream: node allocatable makeAllocatableResources(2, 0, 1, 0, 0, 0), no pods. Skipped: the cases with the
// SidecarContainers gate disabled (GA and locked on since v1.33).
describe('TestRestartableInitContainers (upstream fit_test.go)', () => {
  const node = nodeUsing(undefined, { cpu: '2m', memory: '0', pods: '1', [EXT_A]: '0', 'ephemeral-storage': '0', [HUGEPAGES_A]: '0' });
  const withSidecar = (request?: string, sidecarRequest?: string) => podInfoOf({
    containers: [{ name: 'regular', ...(request ? { resources: { requests: { cpu: request } } } : {}) }],
    initContainers: [{ name: 'restartable-init', restartPolicy: 'Always', ...(sidecarRequest ? { resources: { requests: { cpu: sidecarRequest } } } : {}) }],
  });
  const cases: { name: string; pod: PodInfo; want: FilterResult }[] = [
    { name: 'allow pod without restartable init containers if sidecar containers is enabled', pod: podInfoOf({ containers: [{ name: 'regular' }] }), want: SUCCESS },
    { name: 'allow pod with restartable init containers if sidecar containers is enabled', pod: withSidecar(), want: SUCCESS },
    { name: "allow pod if the total requested resources do not exceed the node's allocatable resources", pod: withSidecar('1m', '1m'), want: SUCCESS },
    { name: "not allow pod if the total requested resources do exceed the node's allocatable resources", pod: withSidecar('1m', '2m'), want: unresolvable(insufficient('cpu')) },
  ];
  it.each(cases)('$name', ({ pod, want }) => {
    expect(runFilter(plugin, pod, node)).toEqual(want);
  });
});
