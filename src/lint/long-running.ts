// Which workloads run until stopped (and so need probes, replicas, disruption budgets), as opposed to run-to-completion.
import type { Workload } from '../model/workload.js';

export const LONG_RUNNING_KINDS: readonly string[] = ['Pod', 'Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet', 'DaemonSet', 'DeploymentConfig', 'Rollout'];

/** A long-running kind, except a bare Pod whose restartPolicy says it runs to completion. */
export function isLongRunning(workload: Workload): boolean {
  if (!LONG_RUNNING_KINDS.includes(workload.kind)) return false;
  const restartPolicy = workload.podSpec['restartPolicy'];
  return !(workload.kind === 'Pod' && (restartPolicy === 'Never' || restartPolicy === 'OnFailure'));
}
