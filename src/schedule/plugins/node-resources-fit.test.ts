import { describe, expect, it } from 'vitest';
import type { FilterResult } from '../framework.js';
import { SUCCESS } from '../framework.js';
import { clusterOf, nodeInfoOf, podInfoOf, runFilter } from '../test-support.js';
import plugin from './node-resources-fit.js';

type Requests = Readonly<Record<string, string>>;
const container = (requests: Requests, extra: Readonly<Record<string, unknown>> = {}) => ({ name: 'c', resources: { requests }, ...extra });
const podOf = (containers: unknown[], extra: Readonly<Record<string, unknown>> = {}, minor?: number) =>
  podInfoOf({ containers, ...extra }, {}, minor);
const unschedulable = (...reasons: string[]): FilterResult => ({ code: 'Unschedulable', reasons });
const unresolvable = (...reasons: string[]): FilterResult => ({ code: 'UnschedulableAndUnresolvable', reasons });

// node: 10 cpu, 20 memory, 32 pods, 5 example.com/aaa, 5 ephemeral-storage (upstream's makeAllocatableResources(10, 20, 32, 5, 0, 5)),
// with one bound pod using 5 cpu and 19 memory unless said otherwise.
const allocatable = { cpu: '10m', memory: '20', pods: '32', 'example.com/aaa': '5', 'ephemeral-storage': '5' };
const existing = podOf([container({ cpu: '5m', memory: '19' })]);
const node = nodeInfoOf({ allocatable }, [existing]);

interface Case {
  readonly name: string;
  readonly pod: ReturnType<typeof podOf>;
  readonly want: FilterResult;
}

// Names from pkg/scheduler/framework/plugins/noderesources/fit_test.go TestEnoughRequests where ported.
const cases: Case[] = [
  { name: 'no resources requested always fits', pod: podOf([{ name: 'c' }]), want: SUCCESS },
  { name: 'too many resources fails', pod: podOf([container({ cpu: '6m', memory: '20' })]), want: unschedulable('Insufficient cpu', 'Insufficient memory') },
  { name: 'too many resources fails due to init container cpu', pod: podOf([container({ cpu: '1m', memory: '1' })], { initContainers: [container({ cpu: '6m', memory: '1' })] }), want: unschedulable('Insufficient cpu') },
  { name: 'too many resources fails due to highest init container cpu', pod: podOf([container({ cpu: '1m', memory: '1' })], { initContainers: [container({ cpu: '3m', memory: '1' }), container({ cpu: '6m', memory: '1' })] }), want: unschedulable('Insufficient cpu') },
  { name: 'init container fits because it\'s the max, not sum, of containers and init containers', pod: podOf([container({ cpu: '1m', memory: '1' })], { initContainers: [container({ cpu: '1m', memory: '1' }), container({ cpu: '5m', memory: '1' })] }), want: SUCCESS },
  { name: 'both resources fit', pod: podOf([container({ cpu: '1m', memory: '1' })]), want: SUCCESS },
  { name: 'one resource memory fits', pod: podOf([container({ cpu: '6m', memory: '1' })]), want: unschedulable('Insufficient cpu') },
  { name: 'one resource cpu fits', pod: podOf([container({ cpu: '1m', memory: '2' })]), want: unschedulable('Insufficient memory') },
  { name: 'equal edge case', pod: podOf([container({ cpu: '5m', memory: '1' })]), want: SUCCESS },
  { name: 'extended resource fits', pod: podOf([container({ 'example.com/aaa': '1' })]), want: SUCCESS },
  { name: 'extended resource capacity enforced', pod: podOf([container({ 'example.com/aaa': '10' })]), want: unresolvable('Insufficient example.com/aaa') },
  { name: 'extended resource missing from the node is zero', pod: podOf([container({ 'nvidia.com/gpu': '1' })]), want: unresolvable('Insufficient nvidia.com/gpu') },
  { name: 'hugepages are scalar resources', pod: podOf([container({ 'hugepages-2Mi': '2Mi' })]), want: unresolvable('Insufficient hugepages-2Mi') },
  { name: 'ephemeral-storage is checked', pod: podOf([container({ 'ephemeral-storage': '10' })]), want: unresolvable('Insufficient ephemeral-storage') },
  { name: 'requests default to limits', pod: podOf([{ name: 'c', resources: { limits: { cpu: '6m' } } }]), want: unschedulable('Insufficient cpu') },
  { name: 'restartable init containers add to the containers', pod: podOf([container({ cpu: '3m' })], { initContainers: [container({ cpu: '3m' }, { restartPolicy: 'Always' })] }), want: unschedulable('Insufficient cpu') },
  { name: 'an init container after a sidecar runs alongside it', pod: podOf([container({ cpu: '1m' })], { initContainers: [container({ cpu: '2m' }, { restartPolicy: 'Always' }), container({ cpu: '4m' })] }), want: unschedulable('Insufficient cpu') },
  { name: 'overhead is added', pod: podOf([container({ cpu: '4m' })], { overhead: { cpu: '2m' } }), want: unschedulable('Insufficient cpu') },
  { name: 'pod-level requests replace the container aggregate (v1.34+)', pod: podOf([container({ cpu: '9m' })], { resources: { requests: { cpu: '2m' } } }), want: SUCCESS },
  { name: 'pod-level requests are ignored before v1.34', pod: podOf([container({ cpu: '9m' })], { resources: { requests: { cpu: '2m' } } }, 33), want: unschedulable('Insufficient cpu') },
  { name: 'memory fractions are summed exactly and rounded once per pod', pod: podOf([container({ memory: '500m' }), container({ memory: '500m' })]), want: SUCCESS },
];

describe('NodeResourcesFit', () => {
  it.each(cases)('$name', ({ pod, want }) => {
    expect(runFilter(plugin, pod, node)).toEqual(want);
  });

  it('reports Too many pods even for a pod requesting nothing, never as unresolvable', () => {
    const full = nodeInfoOf({ allocatable: { cpu: '1', memory: '1Gi', pods: '1' } }, [podOf([{ name: 'c' }])]);
    expect(runFilter(plugin, podOf([{ name: 'c' }]), full)).toEqual(unschedulable('Too many pods'));
    expect(runFilter(plugin, podOf([container({ cpu: '2' })]), full)).toEqual(unresolvable('Too many pods', 'Insufficient cpu'));
  });

  it('keeps Unschedulable for requests beyond the node before v1.34', () => {
    const pod = podOf([container({ 'nvidia.com/gpu': '1' })]);
    expect(runFilter(plugin, pod, node, clusterOf([node], 33))).toEqual(unschedulable('Insufficient nvidia.com/gpu'));
  });

  it('falls back to capacity only when allocatable is absent', () => {
    const pod = podOf([container({ cpu: '1' })]);
    expect(runFilter(plugin, pod, nodeInfoOf({ allocatable: {} }))).toEqual(unresolvable('Too many pods', 'Insufficient cpu'));
  });
});
