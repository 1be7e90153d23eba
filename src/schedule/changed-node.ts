// The filters' verdict on a what-if version of one node (pods removed for a preemption's dry run, nominated pods
// added), as upstream's PreFilter extensions (RemovePod, AddPod) give it: the plugins whose PreFilter state counts pods
// elsewhere (spreading, affinity, ReadWriteOncePod, volume bindings) are prepared again on the changed cluster.
// upstream: pkg/scheduler/framework/runtime/framework.go RunPreFilterExtensionAddPod, RunPreFilterExtensionRemovePod
import type { ClusterState } from './framework.js';
import { NodeClasses } from './node-classes.js';
import type { NodeInfo } from './node-info.js';
import { filterNode, runPreFilters, type NodeStatus, type PreparedPod } from './run-filters.js';

/** The status of the first plugin that rejects `node` standing in for node `index` of `nodes`, or undefined. */
export function filterChangedNode(prepared: PreparedPod, index: number, node: NodeInfo, nodes: NodeClasses, cluster: ClusterState): NodeStatus | undefined {
  const before = nodes.nodes[index];
  if (!prepared.tracksPods || before === node) return filterNode(prepared, node);
  // Each plugin that tracks pods works its state out for the changed node: a copy updated for the pods that differ.
  if (before && prepared.active.every(({ plugin }) => !plugin.addPod || plugin.changedNode)) {
    const active = prepared.active.map((entry) => (entry.plugin.changedNode ? { plugin: entry.plugin, state: entry.plugin.changedNode(entry.state, prepared.pod, before, node) } : entry));
    return filterNode({ ...prepared, active }, node);
  }
  // The plugins before the first one that tracks pods read the node alone: they decide first, in upstream's order.
  const first = prepared.active.findIndex(({ plugin }) => plugin.addPod);
  const local = filterNode({ ...prepared, active: prepared.active.slice(0, first) }, node);
  if (local) return local;
  const changed = new NodeClasses(nodes.nodes.map((n, i) => (i === index ? node : n)));
  const { namespaceLabels, minor, storage } = cluster;
  // only the plugins the pod's own PreFilter kept: upstream's extensions never run a plugin its PreFilter skipped
  const plugins = prepared.active.map(({ plugin }) => plugin);
  const again = runPreFilters(prepared.pod, changed.clusterState(namespaceLabels, minor, storage), plugins);
  if (again.rejection) return { plugin: again.rejection.plugin, code: 'UnschedulableAndUnresolvable', reasons: [again.rejection.reason] };
  if (again.nodeNames && again.outside && !again.nodeNames.has(node.name)) return again.outside;
  return filterNode(again, node);
}
