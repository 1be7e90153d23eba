// The run's verdict from its report: the exit code, which the text report's summary mark follows too.
import type { FailOn } from '../config/config.js';
import { severityRank, type Severity } from '../model/finding.js';
import type { Report } from './report.js';

/** 2 for internal errors, 1 for findings at or above the threshold or unschedulable replicas, else 0. */
export function exitCode(report: Report, failOn: FailOn): number {
  if (report.findings.some((finding) => finding.ruleId === 'internal-error')) return 2;
  if (report.summary.unschedulable > 0) return 1;
  return report.findings.some((finding) => failsRun(finding.severity, failOn)) ? 1 : 0;
}

/** Whether a finding of this severity fails the run under --fail-on (none: no finding does). */
export function failsRun(severity: Severity, failOn: FailOn): boolean {
  return failOn !== 'none' && severityRank(severity) >= severityRank(failOn);
}
