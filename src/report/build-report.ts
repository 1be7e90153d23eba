// Assembles the versioned Report: sorted findings, scheduling results, summary counts.
import { compareFindings, type Finding } from '../model/finding.js';
import type { NodeRoom } from '../schedule/capacity.js';
import type { NodeUsage } from '../schedule/node-usage.js';
import type { SchedulingResult } from '../schedule/scheduling-result.js';
import { countSeverity, type Report } from './report.js';

export interface ReportParts {
  readonly toolVersion: string;
  readonly files: number;
  readonly objects: number;
  readonly findings: readonly Finding[];
  readonly scheduling: readonly SchedulingResult[];
  readonly nodeRoom?: Readonly<Record<string, NodeRoom>> | undefined;
  readonly nodeGroups?: Readonly<Record<string, readonly string[]>> | undefined;
  readonly nodes?: readonly NodeUsage[] | undefined;
}

export function buildReport(parts: ReportParts): Report {
  const findings = withoutRepeats([...parts.findings].sort(compareFindings));
  return {
    version: 2,
    tool: { name: 'kubefit', version: parts.toolVersion },
    summary: {
      files: parts.files,
      objects: parts.objects,
      errors: countSeverity(findings, 'error'),
      warnings: countSeverity(findings, 'warning'),
      infos: countSeverity(findings, 'info'),
      workloads: parts.scheduling.length,
      unschedulable: parts.scheduling.filter(isUnschedulable).length,
    },
    findings,
    scheduling: parts.scheduling,
    ...(parts.nodeGroups !== undefined && { nodeGroups: parts.nodeGroups }),
    ...(parts.nodes !== undefined && { nodes: parts.nodes }),
    ...(parts.nodeRoom !== undefined && { capacity: { nodes: parts.nodeRoom } }),
  };
}

/**
 * Sorted findings without a finding that says what the one before it says at the same place: a kustomize patch's
 * mistake is found in the patch and again in each object it is merged into, located in the patch both times.
 */
function withoutRepeats(sorted: readonly Finding[]): Finding[] {
  return sorted.filter((finding, index) => {
    const before = sorted[index - 1];
    return !before || compareFindings(before, finding) !== 0 || before.severity !== finding.severity || before.endLine !== finding.endLine || before.endColumn !== finding.endColumn;
  });
}

/** A workload with at least one replica that fits on no node. */
export function isUnschedulable(result: SchedulingResult): boolean {
  return result.placement.unschedulable > 0;
}
