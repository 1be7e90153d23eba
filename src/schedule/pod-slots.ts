// Where the dry-run's ceilings cut it short: nodes it filled to its most pods per node (MAX_NODE_PODS) while they
// claim more, where replicas it turned away with "Too many pods" might have fit; and the run that placed its most pods
// (MAX_PLACED_PODS) and left replicas untried.
import { findingAt, type Finding } from '../model/finding.js';
import { asRecord, type KubeObject } from '../model/object.js';
import { allocatableFieldOf, type NodeInfo } from './node-info.js';
import { finalNodes } from './node-usage.js';
import { PODS } from './resources.js';
import type { PlacementRun } from './placement.js';
import { MAX_NODE_PODS, NODE_PODS_CAPPED, PLACEMENT_STOPPED } from './scheduling-checks.js';

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

/** The run's finding when it stopped placing, at the first workload (in queue order) it left replicas of untried. */
export function placementStoppedFindings(run: PlacementRun, workloads: readonly { readonly object: KubeObject }[]): Finding[] {
  const object = run.stopped && workloads[run.stopped.request]?.object;
  if (!run.stopped || !object) return [];
  const replicas = asRecord(object.value['spec'])?.['replicas'] === undefined ? [] : ['spec', 'replicas'];
  return [
    findingAt(object, replicas, {
      ruleId: PLACEMENT_STOPPED.id,
      severity: PLACEMENT_STOPPED.severity,
      message: `the dry-run stopped after placing ${run.stopped.placed} pods, the most it places in one run: the replicas of this workload it had not placed by then, and those of every workload queued after it, were not tried and count as unschedulable`,
    }),
  ];
}
