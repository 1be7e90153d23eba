// A scheduling result's verdicts as lines of nodes, the same for per-node detail and for grouped (large) clusters.
import { countText } from '../model/count-text.js';
import type { NodeVerdict } from '../schedule/node-groups.js';
import type { SchedulingResult } from '../schedule/scheduling-result.js';
import type { Report } from './report.js';

export interface NodesVerdict {
  /** The nodes' names (all of them; formatters shorten). */
  readonly nodes: readonly string[];
  /** null where one pod fits. */
  readonly reasons: readonly string[] | null;
  readonly hint: string | undefined;
}

interface Verdicts {
  readonly rejected?: Readonly<Record<string, readonly string[]>> | undefined;
  readonly hints?: Readonly<Record<string, string>> | undefined;
  readonly nodeVerdicts?: readonly NodeVerdict[] | undefined;
}

/**
 * Rejected nodes, one line per verdict: over node groups, or over the nodes of per-node detail that got the same
 * reasons and hint (so a cluster of 50 nodes, or --all-nodes, reads as the grouped results of a larger one do).
 */
export function rejectedVerdicts(verdicts: Verdicts, nodeGroups: Report['nodeGroups']): NodesVerdict[] {
  if (verdicts.nodeVerdicts) {
    return verdicts.nodeVerdicts
      .filter((v) => v.reasons !== null)
      .map((v) => ({ nodes: v.nodeGroups.flatMap((id) => nodeGroups?.[id] ?? []), reasons: v.reasons, hint: v.hint }));
  }
  const alike = new Map<string, { nodes: string[]; reasons: readonly string[]; hint: string | undefined }>();
  for (const [node, reasons] of Object.entries(verdicts.rejected ?? {})) {
    const hint = verdicts.hints?.[node];
    const key = `${reasons.join('\n')}\u0000${hint ?? ''}`;
    const verdict = alike.get(key);
    if (verdict) verdict.nodes.push(node);
    else alike.set(key, { nodes: [node], reasons, hint });
  }
  return [...alike.values()];
}

/**
 * One pod of the workload fits no node and no replica was placed, so every replica waits for the reasons one pod alone
 * meets. A replica placed all the same (by preempting, or once a pod it needs was placed) leaves the others waiting
 * for the reasons the placement met when the first of them failed.
 */
export function isPlacedNowhere(result: SchedulingResult): result is SchedulingResult & { readonly message: string } {
  return result.message !== null && result.placement.unschedulable === result.replicas;
}

/**
 * The nodes that reject the workload's unschedulable replicas: for one pod alone when it is placed nowhere, else as
 * they stood when the first replica failed (when the result carries that), else for one pod alone.
 */
export function unschedulableVerdicts(result: SchedulingResult, nodeGroups: Report['nodeGroups']): NodesVerdict[] {
  const { placement } = result;
  const afterPlacement = !isPlacedNowhere(result) && (placement.rejected !== undefined || placement.nodeVerdicts !== undefined);
  return rejectedVerdicts(afterPlacement ? placement : result, nodeGroups);
}

/** How many nodes one pod of the workload fits on, of how many. */
export function feasibleCount(result: SchedulingResult): { feasible: number; total: number } {
  if (result.nodeVerdicts) {
    let feasible = 0;
    let total = 0;
    for (const verdict of result.nodeVerdicts) {
      total += verdict.nodes;
      if (verdict.reasons === null) feasible += verdict.nodes;
    }
    return { feasible, total };
  }
  const feasible = result.feasibleNodes?.length ?? 0;
  return { feasible, total: feasible + Object.keys(result.rejected ?? {}).length };
}

/** Where the placed replicas went: "a: 2, b: 1", the first `limit` nodes and how many more. */
export function placedNodesText(result: SchedulingResult, limit: number): string {
  const entries = Object.entries(result.placement.nodes);
  const shown = entries.slice(0, limit).map(([node, count]) => `${node}: ${count}`);
  if (entries.length > limit) shown.push(`and ${entries.length - limit} more nodes`);
  return shown.join(', ');
}

const NODE_NAMES_SHOWN = 3;

/** "node-a", or "3 nodes (node-a, node-b, node-c)", or "1,200 nodes (node-a, node-b, node-c, ...)". */
export function nodesText(nodes: readonly string[]): string {
  if (nodes.length === 1) return nodes[0] ?? '';
  const names = nodes.slice(0, NODE_NAMES_SHOWN).join(', ');
  return `${countText(nodes.length)} nodes (${names}${nodes.length > NODE_NAMES_SHOWN ? ', ...' : ''})`;
}
