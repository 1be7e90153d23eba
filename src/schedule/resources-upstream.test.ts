// Ports of staging/src/k8s.io/component-helpers/resource/helpers_test.go (kubernetes/kubernetes, newest stored
// version) as far as kube-scheduler counts a pod with PodRequests (framework PodInfo.calculateResource for a node's
// pods, NodeResourcesFit's computePodResourceRequest for the pod to place): TestPodResourceRequests,
// TestPodRequestsAndLimits, TestPodLevelResourceRequests and TestAggregateContainerRequestsAndLimits, the requests.
// Each pod is bound to a node and read as a snapshot holds it; its status counts from v1.33, when
// InPlacePodVerticalScaling is on by default (UseStatusResources), so the "don't use status" cases run on v1.32, and
// SkipPodLevelResources is v1.33 (PodLevelResources off). Skipped: ExcludeOverhead and SkipContainerLevelResources,
// which the scheduler never sets, and the cases whose containers set only limits: the API server's defaulting gives
// the stored pod requests equal to them, which these raw pods lack. The amounts are the scheduler's: cpu in
// millicores, the rest in units.
// Upstream master after v1.36 takes the max of the sums of the desired, actuated and allocated requests instead of
// summing each container's max (kubernetes#140047); this file follows v1.35 and v1.36.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../model/object.js';
import type { ResourceAmounts } from './resources.js';
import { objectOf, podInfoOfObject } from './test-support.js';

type List = Readonly<Record<string, string>>;
interface Container {
  readonly name?: string;
  readonly requests?: List;
  readonly limits?: List;
  readonly sidecar?: boolean;
}
interface ContainerStatus {
  readonly name: string;
  /** status.containerStatuses[].resources.requests; undefined: no resources reported (cs.Resources nil). */
  readonly requests?: List;
  readonly allocated?: List;
}
interface Case {
  readonly name: string;
  readonly containers?: readonly Container[];
  readonly initContainers?: readonly Container[];
  readonly overhead?: List;
  readonly podLevel?: List;
  readonly statuses?: readonly ContainerStatus[];
  readonly initStatuses?: readonly ContainerStatus[];
  /** status.conditions: a PodResizeInProgress, or a PodResizePending with this reason. */
  readonly resize?: 'InProgress' | 'Deferred' | 'Infeasible';
  /** status.resources.requests (pod-level resources, as the kubelet reports them). */
  readonly podLevelStatus?: List;
  readonly minor?: number;
  readonly want: ResourceAmounts;
}

const containerOf = (c: Container, i: number, prefix: string) => ({
  name: c.name ?? `${prefix}${i}`,
  image: 'registry.k8s.io/pause:3.10',
  ...(c.sidecar && { restartPolicy: 'Always' }),
  resources: { ...(c.requests && { requests: c.requests }), ...(c.limits && { limits: c.limits }) },
});

const statusOf = (s: ContainerStatus) => ({
  name: s.name,
  ...(s.allocated && { allocatedResources: s.allocated }),
  ...(s.requests && { resources: { requests: s.requests } }),
});

const resizeConditionOf = (resize: NonNullable<Case['resize']>) =>
  resize === 'InProgress' ? { type: 'PodResizeInProgress', status: 'True' } : { type: 'PodResizePending', status: 'True', reason: resize };

/** The Pod a case describes, bound to a node. */
function podObjectOf(c: Omit<Case, 'want'>): KubeObject {
  return objectOf({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default' },
    spec: {
      nodeName: 'n1',
      containers: (c.containers ?? []).map((container, i) => containerOf(container, i, 'c')),
      ...(c.initContainers && { initContainers: c.initContainers.map((container, i) => containerOf(container, i, 'init')) }),
      ...(c.overhead && { overhead: c.overhead }),
      ...(c.podLevel && { resources: { requests: c.podLevel } }),
    },
    status: {
      phase: 'Running',
      ...(c.resize && { conditions: [resizeConditionOf(c.resize)] }),
      ...(c.podLevelStatus && { resources: { requests: c.podLevelStatus } }),
      ...(c.statuses && { containerStatuses: c.statuses.map(statusOf) }),
      ...(c.initStatuses && { initContainerStatuses: c.initStatuses.map(statusOf) }),
    },
  });
}

const requestsOf = (c: Case): ResourceAmounts => podInfoOfObject(podObjectOf(c), c.minor).requests;

const cpu = (value: string): List => ({ cpu: value });
const MI = 1024n * 1024n;
/** The "don't use status" cases: InPlacePodVerticalScaling is off by default before v1.33. */
const WITHOUT_STATUS = 32;
/** The SkipPodLevelResources cases: PodLevelResources is off by default before v1.34. */
const WITHOUT_POD_LEVEL = 33;

/** container-1 asks 4 cpu, its status reports 2 (a resize from 2 to 4 not yet applied, or one that is infeasible). */
const RESIZED_CONTAINER = { containers: [{ name: 'container-1', requests: cpu('4') }], statuses: [{ name: 'container-1', requests: cpu('2') }] };
/** The same for a restartable init container. */
const RESIZED_SIDECAR = {
  initContainers: [{ name: 'restartable-init-1', sidecar: true, requests: cpu('4') }],
  initStatuses: [{ name: 'restartable-init-1', requests: cpu('2') }],
};

const podResourceRequests: Case[] = [
  { name: 'nil options, larger init container', initContainers: [{ requests: cpu('4') }], containers: [{ requests: cpu('1') }], want: { cpu: 4000n } },
  { name: 'nil options, larger containers', initContainers: [{ requests: cpu('2') }], containers: [{ requests: cpu('2') }, { requests: cpu('3') }], want: { cpu: 5000n } },
  {
    name: 'pod overhead included',
    overhead: { cpu: '1', memory: '1Gi' },
    initContainers: [{ requests: cpu('2'), limits: cpu('2') }],
    containers: [{ requests: cpu('2') }, { requests: cpu('3') }],
    want: { cpu: 6000n, memory: 1024n * MI },
  },
  { name: 'resized, infeasible', resize: 'Infeasible', ...RESIZED_CONTAINER, want: { cpu: 2000n } },
  {
    name: 'resized, infeasible & in-progress',
    resize: 'Infeasible',
    containers: [{ name: 'container-1', requests: cpu('6') }],
    statuses: [{ name: 'container-1', allocated: cpu('4'), requests: cpu('2') }],
    want: { cpu: 4000n },
  },
  { name: 'resized, no resize status', ...RESIZED_CONTAINER, initStatuses: [{ name: 'restartable-init-1', allocated: cpu('2') }], want: { cpu: 4000n } },
  {
    name: 'resized: per-resource 3-way maximum',
    containers: [{ name: 'container-1', requests: { cpu: '30m', memory: '20M', 'ephemeral-storage': '10G' } }],
    statuses: [{ name: 'container-1', allocated: { cpu: '20m', memory: '10M', 'ephemeral-storage': '30G' }, requests: { cpu: '10m', memory: '30M', 'ephemeral-storage': '20G' } }],
    want: { cpu: 30n, memory: 30_000_000n, 'ephemeral-storage': 30_000_000_000n },
  },
  { name: "resized, infeasible, but don't use status", minor: WITHOUT_STATUS, resize: 'Infeasible', ...RESIZED_CONTAINER, want: { cpu: 4000n } },
  { name: 'resized, restartable init container, infeasible', resize: 'Infeasible', ...RESIZED_SIDECAR, want: { cpu: 2000n } },
  { name: 'resized, restartable init container, no resize status', ...RESIZED_SIDECAR, want: { cpu: 4000n } },
  { name: "resized, restartable init container, infeasible, but don't use status", minor: WITHOUT_STATUS, resize: 'Infeasible', ...RESIZED_SIDECAR, want: { cpu: 4000n } },
  {
    name: 'restartable init container',
    initContainers: [{ name: 'restartable-init-1', sidecar: true, requests: cpu('1') }],
    containers: [{ name: 'container-1', requests: cpu('1') }],
    want: { cpu: 2000n },
  },
  {
    name: 'multiple restartable init containers',
    initContainers: [{ requests: cpu('5') }, { sidecar: true, requests: cpu('1') }, { sidecar: true, requests: cpu('2') }, { sidecar: true, requests: cpu('3') }],
    containers: [{ requests: cpu('1') }],
    want: { cpu: 7000n },
  },
  {
    name: 'multiple restartable and regular init containers',
    initContainers: [{ requests: cpu('5') }, { sidecar: true, requests: cpu('1') }, { sidecar: true, requests: cpu('2') }, { requests: cpu('5') }, { sidecar: true, requests: cpu('3') }],
    containers: [{ requests: cpu('1') }],
    want: { cpu: 8000n },
  },
  {
    name: 'restartable-init, init and regular',
    initContainers: [{ sidecar: true, requests: cpu('10') }, { requests: cpu('200') }],
    containers: [{ requests: cpu('100') }],
    want: { cpu: 210_000n },
  },
  {
    name: 'aggregate request resolves max of sums instead of sum of maxes',
    containers: [{ name: 'c1', requests: cpu('1') }, { name: 'c2', requests: cpu('2') }],
    statuses: [{ name: 'c1', allocated: cpu('2') }, { name: 'c2', allocated: cpu('1') }],
    want: { cpu: 3000n },
  },
];

describe('TestPodResourceRequests (upstream helpers_test.go)', () => {
  it.each(podResourceRequests)('$name', (c) => {
    expect(requestsOf(c)).toEqual(c.want);
  });
});

// getPod(name, podResources): one container with the requests and limits given, the overhead on the pod.
describe('TestPodRequestsAndLimits (upstream helpers_test.go), the requests', () => {
  it.each<Case>([
    { name: 'just-overhead', overhead: { cpu: '5', memory: '5' }, containers: [{}], want: { cpu: 5000n, memory: 5n } },
    { name: 'req-and-overhead', overhead: { cpu: '5', memory: '5' }, containers: [{ requests: { cpu: '1', memory: '10' } }], want: { cpu: 6000n, memory: 15n } },
    {
      name: 'all-req-lim-and-overhead',
      overhead: { cpu: '5', memory: '5' },
      containers: [{ requests: { cpu: '1', memory: '10' }, limits: { cpu: '2', memory: '12' } }],
      want: { cpu: 6000n, memory: 15n },
    },
    {
      name: 'req-some-lim-and-overhead',
      overhead: { cpu: '5', memory: '5' },
      containers: [{ requests: { cpu: '1', memory: '10' }, limits: { cpu: '2' } }],
      want: { cpu: 6000n, memory: 15n },
    },
  ])('$name', (c) => {
    expect(requestsOf(c)).toEqual(c.want);
  });
});

describe('TestPodLevelResourceRequests (upstream helpers_test.go)', () => {
  const reqs = (memory: string, milliCPU: string): List => ({ memory, cpu: milliCPU });
  it.each<Case>([
    { name: 'nil', want: {} },
    { name: 'pod level memory resource with SkipPodLevelResources true', minor: WITHOUT_POD_LEVEL, podLevel: { memory: '2Mi' }, want: {} },
    { name: 'pod level memory resource with SkipPodLevelResources false', podLevel: { memory: '2Mi' }, want: { memory: 2n * MI } },
    {
      name: 'pod level memory and container level cpu resources with SkipPodLevelResources false',
      podLevel: { memory: '2Mi' },
      containers: [{ requests: cpu('2m') }],
      want: { memory: 2n * MI, cpu: 2n },
    },
    // storage is no resource the scheduler counts (framework.Resource), whichever level names it
    {
      name: 'pod level unsupported resources set at pod-level with SkipPodLevelResources false',
      podLevel: { storage: '2Mi' },
      containers: [{ requests: { memory: '3Mi' } }],
      want: { memory: 3n * MI },
    },
    {
      name: 'pod level unsupported resources set at both pod-level and container-level with SkipPodLevelResources false',
      podLevel: { storage: '2Mi' },
      containers: [{ requests: { storage: '3Mi' } }],
      want: {},
    },
    { name: 'only container level resources set with SkipPodLevelResources false', containers: [{ requests: reqs('3Mi', '2m') }], want: { memory: 3n * MI, cpu: 2n } },
    {
      name: 'both container-level and pod-level resources set with SkipPodLevelResources false',
      podLevel: reqs('6Mi', '8m'),
      containers: [{ requests: reqs('3Mi', '2m') }],
      want: { memory: 6n * MI, cpu: 8n },
    },
    {
      name: 'container-level resources and init container set with SkipPodLevelResources false',
      containers: [{ requests: reqs('3Mi', '2m') }],
      initContainers: [{ requests: reqs('5Mi', '4m') }],
      want: { memory: 5n * MI, cpu: 4n },
    },
    {
      name: 'container-level resources and sidecar container set with SkipPodLevelResources false',
      containers: [{ requests: reqs('3Mi', '2m') }],
      initContainers: [{ sidecar: true, requests: reqs('5Mi', '4m') }],
      want: { memory: 8n * MI, cpu: 6n },
    },
    {
      name: 'container-level resources, init and sidecar container set with SkipPodLevelResources false',
      containers: [{ requests: reqs('3Mi', '2m') }],
      initContainers: [{ sidecar: true, requests: reqs('5Mi', '4m') }, { requests: reqs('6Mi', '8m') }],
      want: { memory: 11n * MI, cpu: 12n },
    },
    {
      name: 'pod-level resources, container-level resources, init and sidecar container set with SkipPodLevelResources false',
      podLevel: reqs('15Mi', '18m'),
      containers: [{ requests: reqs('3Mi', '2m') }],
      initContainers: [{ sidecar: true, requests: reqs('5Mi', '4m') }, { requests: reqs('6Mi', '8m') }],
      want: { memory: 15n * MI, cpu: 18n },
    },
    // pod-level hugepages replace the containers' (PodLevelResources counts hugepages-* as a pod-level resource)
    { name: 'pod-level resources, hugepage request/limit single page size', podLevel: { memory: '10Mi', 'hugepages-2Mi': '2Mi' }, want: { memory: 10n * MI, 'hugepages-2Mi': 2n * MI } },
    {
      name: 'pod-level resources, hugepage request/limit multiple page sizes',
      podLevel: { cpu: '1', 'hugepages-2Mi': '2Mi', 'hugepages-1Gi': '1Gi' },
      want: { cpu: 1000n, 'hugepages-2Mi': 2n * MI, 'hugepages-1Gi': 1024n * MI },
    },
    {
      name: 'pod-level resources, container-level resources, hugepage request/limit single page size',
      podLevel: { cpu: '1', 'hugepages-2Mi': '10Mi' },
      containers: [{ requests: { 'hugepages-2Mi': '6Mi' }, limits: { 'hugepages-2Mi': '6Mi' } }],
      want: { cpu: 1000n, 'hugepages-2Mi': 10n * MI },
    },
    {
      name: 'pod-level resources, container-level resources, hugepage request/limit multiple page sizes',
      podLevel: { cpu: '1', 'hugepages-2Mi': '10Mi', 'hugepages-1Gi': '2Gi' },
      containers: [{ requests: { cpu: '1', 'hugepages-1Gi': '2Gi' }, limits: { 'hugepages-1Gi': '2Gi' } }],
      want: { cpu: 1000n, 'hugepages-2Mi': 10n * MI, 'hugepages-1Gi': 2048n * MI },
    },
    {
      name: 'pod-level resources, container-level resources, hugepage request/limit multiple page sizes between pod-level and container-level',
      podLevel: { cpu: '1', 'hugepages-2Mi': '10Mi' },
      containers: [{ requests: { memory: '4Mi', 'hugepages-1Gi': '1Gi' }, limits: { 'hugepages-1Gi': '1Gi' } }],
      want: { cpu: 1000n, memory: 4n * MI, 'hugepages-2Mi': 10n * MI, 'hugepages-1Gi': 1024n * MI },
    },
  ])('$name', (c) => {
    expect(requestsOf(c)).toEqual(c.want);
  });
});

describe('TestAggregateContainerRequestsAndLimits (upstream helpers_test.go), the requests', () => {
  it.each<Case>([
    { name: 'one container with requests', containers: [{ requests: cpu('9') }], want: { cpu: 9000n } },
    { name: 'two containers with requests', containers: [{ requests: cpu('9') }, { requests: cpu('9') }], want: { cpu: 18_000n } },
    { name: 'regular and init containers with requests', containers: [{ requests: cpu('9') }], initContainers: [{ requests: cpu('9') }], want: { cpu: 9000n } },
    {
      name: 'regular, init and sidecar containers with requests',
      containers: [{ requests: cpu('9') }],
      initContainers: [{ sidecar: true, requests: cpu('8') }, { requests: cpu('6') }],
      want: { cpu: 17_000n },
    },
    // status.resources counts (UseStatusResources, v1.33+): the max of the spec's, the status' and the allocated requests
    {
      name: 'regularcontainers with empty requests, but status with non-empty requests',
      containers: [{ name: 'container-1' }],
      statuses: [{ name: 'container-1', requests: cpu('2') }],
      want: { cpu: 2000n },
    },
    {
      name: 'always-restart init containers with empty requests, but status with non-empty requests',
      initContainers: [{ name: 'container-1', sidecar: true }],
      initStatuses: [{ name: 'container-1', requests: cpu('2') }],
      want: { cpu: 2000n },
    },
  ])('$name', (c) => {
    expect(requestsOf(c)).toEqual(c.want);
  });
});

// upstream: pkg/scheduler/framework/types_test.go TestCalculatePodResourcesWithResize (v1.35): what PodInfo
// CalculateResource counts for a bound pod being resized (one container c1, init container i1, sidecar s1; 500Mi and
// 800Mi for upstream's mem500M and mem800M). The pod-level cases read the pod-level spec, whatever status.resources says.
describe('TestCalculatePodResourcesWithResize (upstream types_test.go)', () => {
  const c500 = { cpu: '500m', memory: '500Mi' };
  const c700 = { cpu: '700m', memory: '800Mi' };
  const c700m500 = { cpu: '700m', memory: '500Mi' };
  const running = (requests: List, status: List) => ({ containers: [{ name: 'c1', requests }], statuses: [{ name: 'c1', requests: status }] });
  const want500 = { cpu: 500n, memory: 500n * MI };
  const want700 = { cpu: 700n, memory: 800n * MI };
  const podLevel = { podLevel: c700m500, podLevelStatus: c500, ...running(c500, c700m500) };
  it.each<Case>([
    { name: 'Pod with no pending resize', ...running(c500, c500), want: want500 },
    { name: 'Pod with pod-level resources no pending resize', ...podLevel, want: { cpu: 700n, memory: 500n * MI } },
    { name: 'Pod with resize in progress', ...running(c500, c500), resize: 'InProgress', want: want500 },
    { name: 'Pod with pod-level resources and resize in progress', ...podLevel, resize: 'InProgress', want: { cpu: 700n, memory: 500n * MI } },
    { name: 'Pod with deferred resize', ...running(c700, c500), resize: 'Deferred', want: want700 },
    { name: 'Pod with pod-level resources and with deferred resize', podLevel: c700, podLevelStatus: c500, ...running(c500, c500), resize: 'Deferred', want: want700 },
    { name: 'Pod with infeasible resize', ...running(c700, c500), resize: 'Infeasible', want: want500 },
    {
      name: 'Pod with init container and no pending resize',
      ...running(c500, c500),
      initContainers: [{ name: 'i1', requests: c700 }],
      initStatuses: [{ name: 'i1', requests: c700 }],
      want: want700,
    },
    {
      name: 'Pod with sider container and no pending resize',
      ...running(c500, c500),
      initContainers: [{ name: 'i1', requests: c700 }, { name: 's1', sidecar: true, requests: c700 }],
      initStatuses: [{ name: 'i1', requests: c700 }, { name: 's1', requests: c700 }],
      want: { cpu: 1200n, memory: 1300n * MI },
    },
  ])('$name', (c) => {
    expect(requestsOf(c)).toEqual(c.want);
  });
});

// Port of pkg/scheduler/framework/plugins/noderesources/resource_allocation_test.go
// TestResourceAllocationScorerCalculateRequests (newest stored version): the incoming pod's requests as
// NodeResourcesFit's score reads them (calculatePodResourceRequest, NonMissingContainerRequests: every container,
// init containers too, that requests no cpu or memory counts at 100m / 200Mi).
describe('TestResourceAllocationScorerCalculateRequests (upstream resource_allocation_test.go)', () => {
  const DEFAULT_CPU = 100n;
  const DEFAULT_MEMORY = 200n * MI;
  const small = (milliCPU: string, memory: string): Container => ({ requests: { cpu: milliCPU, memory } });
  const oneCPUOneMi = small('1', '1Mi');
  it.each<Omit<Case, 'want'> & { want: { cpu: bigint; memory: bigint } }>([
    { name: 'overhead only', overhead: { cpu: '1', memory: '1Mi' }, want: { cpu: 1000n, memory: MI } },
    { name: '1x requestless container', containers: [{}], want: { cpu: DEFAULT_CPU, memory: DEFAULT_MEMORY } },
    { name: '2x requestless container', containers: [{}, {}], want: { cpu: 2n * DEFAULT_CPU, memory: 2n * DEFAULT_MEMORY } },
    { name: 'request container + requestless container', containers: [oneCPUOneMi, {}], want: { cpu: 1000n + DEFAULT_CPU, memory: MI + DEFAULT_MEMORY } },
    {
      name: 'container + requestless container + overhead',
      overhead: { cpu: '1', memory: '1Mi' },
      containers: [oneCPUOneMi, {}],
      want: { cpu: 2000n + DEFAULT_CPU, memory: 2n * MI + DEFAULT_MEMORY },
    },
    {
      name: 'init container + container + requestless container + overhead',
      overhead: { cpu: '1', memory: '1Mi' },
      initContainers: [{ requests: cpu('3') }],
      containers: [oneCPUOneMi, {}],
      want: { cpu: 4000n, memory: 2n * MI + DEFAULT_MEMORY },
    },
    {
      name: 'requestless init container + small init container + small container ',
      initContainers: [{}, small('1m', '1')],
      containers: [small('3m', '3')],
      want: { cpu: DEFAULT_CPU, memory: DEFAULT_MEMORY },
    },
    {
      name: 'requestless init container + small init container + small container + requestless container ',
      initContainers: [{}, small('1m', '1')],
      containers: [small('3m', '3'), {}],
      want: { cpu: 3n + DEFAULT_CPU, memory: 3n + DEFAULT_MEMORY },
    },
  ])('$name', (c) => {
    const { nonZeroRequests } = podInfoOfObject(podObjectOf(c));
    expect({ cpu: nonZeroRequests['cpu'], memory: nonZeroRequests['memory'] }).toEqual(c.want);
  });
});
