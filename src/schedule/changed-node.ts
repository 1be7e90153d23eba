// The filters' verdict on a what-if version of one node (pods removed for a preemption's dry run, nominated pods
// added), as upstream's PreFilter extensions give it: each plugin whose PreFilter state counts pods (spreading,
// inter-pod affinity, ReadWriteOncePod) works out a copy of its state for the changed node (FilterPlugin.changedNode),
// where running PreFilter over the whole cluster again for every candidate and every reprieve took minutes.
// upstream: pkg/scheduler/framework/runtime/framework.go RunPreFilterExtensionAddPod, RunPreFilterExtensionRemovePod
import type { NodeClasses } from './node-classes.js';
import type { NodeInfo } from './node-info.js';
import { filterNode, type NodeStatus, type PreparedPod } from './run-filters.js';

/** The status of the first plugin that rejects `node` standing in for node `index` of `nodes`, or undefined. */
export function filterChangedNode(prepared: PreparedPod, index: number, node: NodeInfo, nodes: NodeClasses): NodeStatus | undefined {
  const before = nodes.nodes[index];
  if (!prepared.tracksPods || !before || before === node) return filterNode(prepared, node);
  const active = prepared.active.map((entry) => (entry.plugin.changedNode ? { plugin: entry.plugin, state: entry.plugin.changedNode(entry.state, prepared.pod, before, node) } : entry));
  return filterNode({ ...prepared, active }, node);
}
