// Port of pkg/scheduler/framework/plugins/nodeports/node_ports_test.go TestNodePorts (kubernetes/kubernetes
// @008b3652959ca58af8be3fb5b6ecfe9ae7638282), the case node-ports.test.ts does not name: "skip filter", a pod
// without host ports, whose PreFilter returns Skip (upstream wantPreFilterStatus fwk.NewStatus(fwk.Skip)), so the
// framework never runs this plugin's Filter for it. Skipped: TestPreFilterDisabled (Filter without PreFilter's state is
// an internal error upstream; kubefit always runs PreFilter first) and Test_isSchedulableAfterAssignedPodDeleted
// (queueing hints of the running scheduler).
import { describe, expect, it } from 'vitest';
import { SUCCESS } from '../framework.js';
import { clusterOf, nodeInfoOf, podInfoOf, runFilter } from '../test-support.js';
import plugin from './node-ports.js';

describe('TestNodePorts (upstream node_ports_test.go), extra cases', () => {
  it('skip filter', () => {
    // upstream: pod &v1.Pod{}, nodeInfo framework.NewNodeInfo() (no pods, no node).
    const pod = podInfoOf({ containers: [{ name: 'c' }] });
    const node = nodeInfoOf({});
    expect(plugin.preFilter?.(pod, clusterOf([node]))).toEqual({ kind: 'skip' });
    expect(runFilter(plugin, pod, node)).toEqual(SUCCESS);
  });
});
