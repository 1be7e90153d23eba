// The versioned Report every command produces and every formatter renders (JSON contract version 2).
import type { Finding, Severity } from '../model/finding.js';
import type { NodeRoom } from '../schedule/capacity.js';
import type { NodeUsage } from '../schedule/node-usage.js';
import type { SchedulingResult } from '../schedule/scheduling-result.js';

export interface ReportSummary {
  readonly files: number;
  readonly objects: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly workloads: number;
  readonly unschedulable: number;
}

export interface Report {
  readonly version: 2;
  readonly tool: { readonly name: 'kubefit'; readonly version: string };
  readonly summary: ReportSummary;
  readonly findings: readonly Finding[];
  readonly scheduling: readonly SchedulingResult[];
  /** Above 100 nodes (without --all-nodes): the node groups that scheduling results' `nodeVerdicts` name. */
  readonly nodeGroups?: Readonly<Record<string, readonly string[]>>;
  /** When the scheduling dry-run ran: every node's allocatable amounts and the requests of bound pods and placed replicas. */
  readonly nodes?: readonly NodeUsage[];
  /** With --capacity: the room every node has left after placement (allocatable minus requests). */
  readonly capacity?: { readonly nodes: Readonly<Record<string, NodeRoom>> };
}

export function countSeverity(findings: readonly Finding[], severity: Severity): number {
  let count = 0;
  for (const finding of findings) if (finding.severity === severity) count++;
  return count;
}
