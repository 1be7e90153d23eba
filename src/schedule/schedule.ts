// The scheduling dry-run: filter plugins per workload, then placement of all replicas (issue #5 fills this in).
import type { ClusterSnapshot } from '../model/cluster.js';
import type { Finding } from '../model/finding.js';
import type { RuleMeta } from '../model/rule-meta.js';
import type { Workload } from '../model/workload.js';
import type { SchedulingResult } from './scheduling-result.js';

export interface ScheduleOptions {
  /** "1.35", "v1.34", ...: picks upstream's wording of that release; newest when absent. */
  readonly kubernetesVersion: string | undefined;
  /** Node names to remove before placing (their bound pods are re-placed). */
  readonly drain: readonly string[];
}

export interface ScheduleOutput {
  readonly results: SchedulingResult[];
  /** Problems met while scheduling (e.g. a malformed quantity), with positions. */
  readonly findings: Finding[];
}

export function scheduleWorkloads(
  workloads: readonly Workload[],
  cluster: ClusterSnapshot,
  options: ScheduleOptions,
): ScheduleOutput {
  void workloads;
  void cluster;
  void options;
  return { results: [], findings: [] };
}

export const SCHEDULING_CHECKS: readonly RuleMeta[] = [];
