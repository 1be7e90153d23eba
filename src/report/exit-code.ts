// The run's verdict from its report: the exit code, which the text report's summary mark follows too.
import type { FailOn } from '../config/config.js';
import { severityRank } from '../model/finding.js';
import type { Report } from './report.js';

/** 2 for internal errors, 1 for findings at or above the threshold or unschedulable replicas, else 0. */
export function exitCode(report: Report, failOn: FailOn): number {
  if (report.findings.some((finding) => finding.ruleId === 'internal-error')) return 2;
  if (report.summary.unschedulable > 0) return 1;
  if (failOn === 'none') return 0;
  const threshold = severityRank(failOn);
  return report.findings.some((finding) => severityRank(finding.severity) >= threshold) ? 1 : 0;
}
