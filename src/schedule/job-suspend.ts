// Suspended Jobs and CronJobs: their controllers create no pods (no Jobs) until spec.suspend is false again.
import { findingAt, type Finding } from '../model/finding.js';
import { asRecord } from '../model/object.js';
import { jobSpecOf, jobSpecPath, type Workload } from '../model/workload.js';
import { JOB_SUSPENDED } from './scheduling-checks.js';

type JobLike = Pick<Workload, 'kind' | 'object'>;

/** What keeps the workload's pods from being created: its CronJob's or its Job's `suspend`; undefined when nothing. */
function suspension({ kind, object }: JobLike): 'CronJob' | 'Job' | undefined {
  if (kind === 'CronJob' && asRecord(object.value['spec'])?.['suspend'] === true) return 'CronJob';
  return jobSpecOf({ kind, object })?.['suspend'] === true ? 'Job' : undefined;
}

/**
 * PlacementRequest.held for a suspended Job's or CronJob's pods: not created until it is resumed, they take no room
 * from the other pods; they are tried after them, as they will run once resumed.
 */
export function heldWhileSuspended(workload: JobLike): { readonly held?: true } {
  return suspension(workload) ? { held: true } : {};
}

/**
 * A job-suspended finding at each suspended Job's or CronJob's `suspend`. The dry-run still places their pods (after
 * the others: heldWhileSuspended), as they will run once resumed (Kueue and other queue controllers create Jobs
 * suspended and resume the ones they admit): where they would land is what the user asks; that nothing runs yet is
 * what this says.
 */
export function suspendedJobFindings(workloads: readonly Workload[]): Finding[] {
  return workloads.flatMap((workload) => {
    const { kind, object } = workload;
    const suspended = suspension(workload);
    if (suspended === 'CronJob') {
      return findingAt(object, ['spec', 'suspend'], { ...meta(), message: 'the CronJob is suspended: the cronjob controller creates no Jobs until spec.suspend is false; the dry-run places their pods as they will run then' });
    }
    const path = jobSpecPath(kind);
    if (!path || suspended !== 'Job') return [];
    return findingAt(object, [...path, 'suspend'], { ...meta(), message: 'Job suspended: the job controller creates no pods until spec.suspend is false (a queue controller such as Kueue resumes the Jobs it admits); the dry-run places them as they will run then' });
  });
}

function meta(): Pick<Finding, 'ruleId' | 'severity'> {
  return { ruleId: JOB_SUSPENDED.id, severity: JOB_SUSPENDED.severity };
}
