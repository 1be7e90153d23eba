// kube-scheduler's aggregated message when no node fits (pkg/scheduler/framework/types.go FitError.Error, v1.35).
import { compareStrings } from '../model/finding.js';

export const NO_NODES_AVAILABLE = 'no nodes available to schedule pods';

/** The reasons of a node's status, and how many nodes share that status. */
export interface NodeReasons {
  readonly reasons: readonly string[];
  readonly nodes: number;
}

/**
 * `0/N nodes are available: <count> <reason>, ....`: each reason of each rejected node counted once, the
 * "<count> <reason>" strings sorted as Go's sort.Strings does (by code unit, counts not compared as numbers).
 * A PreFilter rejection replaces the histogram. The PostFilter's message follows (withPostFilterMessage).
 */
export function fitErrorMessage(
  numAllNodes: number,
  nodeReasons: Iterable<NodeReasons>,
  preFilterMessage?: string,
): string {
  if (numAllNodes === 0) return NO_NODES_AVAILABLE;
  const head = `0/${numAllNodes} nodes are available:`;
  if (preFilterMessage !== undefined) return `${head} ${preFilterMessage}.`;
  const histogram = new Map<string, number>();
  for (const { reasons, nodes } of nodeReasons) {
    for (const reason of reasons) histogram.set(reason, (histogram.get(reason) ?? 0) + nodes);
  }
  const entries = [...histogram].map(([reason, count]) => `${count} ${reason}`).sort(compareStrings);
  return entries.length === 0 ? head : `${head} ${entries.join(', ')}.`;
}

/**
 * FitError.Error's last part, the PostFilter message (" preemption: ..."): appended with " %v" since v1.30, with
 * " %v." before, which doubled the period of messages that end with one.
 */
export function withPostFilterMessage(message: string, postFilterMessage: string | undefined, minor: number): string {
  if (postFilterMessage === undefined || postFilterMessage === '') return message;
  return minor >= 30 ? `${message} ${postFilterMessage}` : `${message} ${postFilterMessage}.`;
}
