// Which nodes one pod could land on, and why every other node cannot (one filter run per class of equal nodes).
import { fitErrorMessage } from './fit-error.js';
import type { NodeClasses } from './node-classes.js';
import { filterNode, nodeClassSpec, outsideNodeNamesStatus, type NodeStatus, type PreparedPod } from './run-filters.js';

/** A set of nodes (indices into NodeClasses.nodes) and their common verdict (undefined: feasible). */
export interface Verdict {
  readonly members: readonly number[];
  readonly status: NodeStatus | undefined;
}

export interface Feasibility {
  readonly numAllNodes: number;
  readonly verdicts: readonly Verdict[];
  /** The status of every node not listed in `verdicts` (a PreFilter narrowed the nodes). */
  readonly others: NodeStatus | undefined;
  readonly preFilterMessage: string | undefined;
}

export function findNodesThatFit(prepared: PreparedPod, nodes: NodeClasses): Feasibility {
  const numAllNodes = nodes.nodes.length;
  if (prepared.rejection) return { numAllNodes, verdicts: [], others: undefined, preFilterMessage: prepared.rejection.reason };
  const verdicts: Verdict[] = [];
  if (prepared.nodeNames && prepared.narrowedBy) {
    for (const name of prepared.nodeNames) {
      const index = nodes.indexOf(name);
      const node = index === undefined ? undefined : nodes.nodes[index];
      if (node && index !== undefined) verdicts.push({ members: [index], status: filterNode(prepared, node) });
    }
    return { numAllNodes, verdicts, others: outsideNodeNamesStatus(prepared.narrowedBy), preFilterMessage: undefined };
  }
  for (const nodeClass of nodes.classes(nodeClassSpec(prepared))) {
    const node = nodes.nodes[nodeClass.members[0] ?? -1];
    if (node) verdicts.push({ members: nodeClass.members, status: filterNode(prepared, node) });
  }
  return { numAllNodes, verdicts, others: undefined, preFilterMessage: undefined };
}

/** Feasible node indices, ascending. */
export function feasibleIndices(feasibility: Feasibility): number[] {
  const out: number[] = [];
  for (const verdict of feasibility.verdicts) if (!verdict.status) out.push(...verdict.members);
  return out.sort((a, b) => a - b);
}

/** The status of every rejected node, by index. */
export function rejectedStatuses(feasibility: Feasibility): Map<number, NodeStatus> {
  const out = new Map<number, NodeStatus>();
  const listed = new Set<number>();
  for (const verdict of feasibility.verdicts) {
    for (const index of verdict.members) {
      listed.add(index);
      if (verdict.status) out.set(index, verdict.status);
    }
  }
  if (feasibility.others) {
    for (let index = 0; index < feasibility.numAllNodes; index++) if (!listed.has(index)) out.set(index, feasibility.others);
  }
  return out;
}

/** kube-scheduler's message when no node is feasible; null otherwise. */
export function fitMessage(feasibility: Feasibility): string | null {
  if (feasibility.preFilterMessage !== undefined) return fitErrorMessage(feasibility.numAllNodes, [], feasibility.preFilterMessage);
  let listed = 0;
  const reasons = [];
  for (const verdict of feasibility.verdicts) {
    if (!verdict.status) return null;
    listed += verdict.members.length;
    reasons.push({ reasons: verdict.status.reasons, nodes: verdict.members.length });
  }
  if (feasibility.others) reasons.push({ reasons: feasibility.others.reasons, nodes: feasibility.numAllNodes - listed });
  return fitErrorMessage(feasibility.numAllNodes, reasons);
}
