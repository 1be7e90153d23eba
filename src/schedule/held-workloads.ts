// Workloads whose controllers create no pods yet: suspended Jobs and CronJobs (until spec.suspend is false again) and
// new paused Deployments (until spec.paused is false).
import { findingAt, type Finding } from '../model/finding.js';
import { asRecord } from '../model/object.js';
import { jobSpecOf, jobSpecPath, type Workload } from '../model/workload.js';
import { DEPLOYMENT_PAUSED, JOB_SUSPENDED } from './scheduling-checks.js';

type WorkloadLike = Pick<Workload, 'kind' | 'object'>;

/** What keeps the workload's pods from being created; undefined when nothing. */
function holder({ kind, object }: WorkloadLike): 'CronJob' | 'Job' | 'Deployment' | undefined {
  const spec = asRecord(object.value['spec']);
  if (kind === 'CronJob' && spec?.['suspend'] === true) return 'CronJob';
  // upstream: pkg/controller/deployment/deployment_controller.go syncDeployment: a paused Deployment only syncs
  // (sync.go getAllReplicaSetsAndSyncRevision with createIfNotExisted false), so a new one gets no ReplicaSet, no pods
  if (kind === 'Deployment') return spec?.['paused'] === true ? 'Deployment' : undefined;
  return jobSpecOf({ kind, object })?.['suspend'] === true ? 'Job' : undefined;
}

/**
 * PlacementRequest.held for the pods of a suspended Job or CronJob or a paused Deployment: not created until it is
 * resumed, they take no room from the other pods; they are tried after them, as they will run once resumed.
 */
export function heldByController(workload: WorkloadLike): { readonly held?: true } {
  return holder(workload) ? { held: true } : {};
}

/**
 * A job-suspended finding at each suspended Job's or CronJob's `suspend`, a deployment-paused one at a paused
 * Deployment's `paused`. The dry-run still places their pods (after the others: heldByController), as they will run
 * once resumed (Kueue and other queue controllers create Jobs
 * suspended and resume the ones they admit): where they would land is what the user asks; that nothing runs yet is
 * what this says.
 */
export function heldWorkloadFindings(workloads: readonly Workload[]): Finding[] {
  return workloads.flatMap((workload) => {
    const { kind, object } = workload;
    const suspended = holder(workload);
    if (suspended === 'Deployment') {
      return findingAt(object, ['spec', 'paused'], {
        ruleId: DEPLOYMENT_PAUSED.id,
        severity: DEPLOYMENT_PAUSED.severity,
        message: 'the Deployment is paused: the deployment controller creates no ReplicaSet for a new paused Deployment, so no pods run until spec.paused is false; the dry-run places them as they will run then',
      });
    }
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
