// Port of pkg/scheduler/framework/plugins/noderesources/fit_test.go TestIsFit (kubernetes/kubernetes, a stored
// version with the DRAExtendedResource cases; the index does not name its commit): isFit(pod, node) is
// Fits on an empty node, the same check NodeResourcesFit's Filter makes, so a fit is a Success of the filter here and a
// misfit any rejection. Nodes are upstream's st.MakeNode().Capacity(...), whose allocatable is the capacity given plus
// 32 pods. The pod-level cases run with PodLevelResources, on by default since v1.34 (beta). Skipped: "nil node" (a
// node object is always present here).
import { describe, expect, it } from 'vitest';
import { nodeInfoOf, podInfoOf, runFilter } from '../test-support.js';
import plugin from './node-resources-fit.js';

type Requests = Readonly<Record<string, string>>;
/** st.MakePod().Req(requests): one container requesting them. */
const containerLevel = (requests: Requests) => podInfoOf({ containers: [{ name: 'c', resources: { requests } }] });
/** st.MakePod().Resources({Requests: requests}): pod-level requests, one container without any. */
const podLevel = (requests: Requests) => podInfoOf({ containers: [{ name: 'c' }], resources: { requests } });
const capacity = (resources: Requests) => nodeInfoOf({ allocatable: { pods: '32', ...resources } });

describe('TestIsFit (upstream fit_test.go)', () => {
  it.each<{ name: string; pod: ReturnType<typeof podLevel>; node: Requests; expected: boolean }>([
    { name: 'insufficient resource', pod: containerLevel({ cpu: '2' }), node: { cpu: '1' }, expected: false },
    { name: 'sufficient resource', pod: containerLevel({ cpu: '1' }), node: { cpu: '2' }, expected: true },
    { name: 'insufficient pod-level resource', pod: podLevel({ cpu: '2' }), node: { cpu: '1' }, expected: false },
    { name: 'sufficient pod-level resource', pod: podLevel({ cpu: '2' }), node: { cpu: '2' }, expected: true },
    { name: 'sufficient pod-level resource hugepages', pod: podLevel({ 'hugepages-2Mi': '2Mi' }), node: { 'hugepages-2Mi': '2Mi' }, expected: true },
    { name: 'insufficient pod-level resource hugepages', pod: podLevel({ 'hugepages-2Mi': '4Mi' }), node: { 'hugepages-2Mi': '2Mi' }, expected: false },
  ])('$name', ({ pod, node, expected }) => {
    expect(runFilter(plugin, pod, capacity(node)).code === 'Success').toBe(expected);
  });
});
