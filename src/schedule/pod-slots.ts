// Nodes the dry-run filled to its ceiling of pods per node (MAX_NODE_PODS) while they claim more: replicas it turned
// away there with "Too many pods" might have fit.
import { findingAt, type Finding } from '../model/finding.js';
import { asRecord } from '../model/object.js';
import { allocatableFieldOf, type NodeInfo } from './node-info.js';
import { finalNodes } from './node-usage.js';
import { PODS } from './resources.js';
import { MAX_NODE_PODS, NODE_PODS_CAPPED } from './scheduling-checks.js';

/** `before`: the snapshot's nodes; `after`: the same nodes, in the same order, once the dry-run placed its replicas. */
export function podSlotsCappedFindings(before: readonly NodeInfo[], after: readonly NodeInfo[]): Finding[] {
  const finalOf = finalNodes(after);
  return before.flatMap((node, index) => {
    const declared = node.allocatable[PODS] ?? 0n;
    if (declared <= MAX_NODE_PODS || finalOf(node, index).pods.length < Number(MAX_NODE_PODS)) return [];
    const field = allocatableFieldOf(asRecord(node.object.value['status']));
    return [
      findingAt(node.object, ['status', field, PODS], {
        ruleId: NODE_PODS_CAPPED.id,
        severity: NODE_PODS_CAPPED.severity,
        message: `the node claims ${declared} allocatable pods and the dry-run runs at most ${MAX_NODE_PODS} on one node: it filled them, so replicas it found no room for may fit here`,
      }),
    ];
  });
}
