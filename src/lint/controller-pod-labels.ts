// The labels the API server and the controllers give a workload's pods beyond its template's: a Service that selects one
// StatefulSet pod (`statefulset.kubernetes.io/pod-name: web-0`), a Job's pods (`job-name: pi`) or an OpenShift
// DeploymentConfig's (`deploymentconfig: web`) selects pods that will exist.
import { generatesJobSelector, JOB_COMPLETION_INDEX_LABEL, JOB_NAME_LABELS, JOB_UID_LABELS } from '../model/job-labels.js';
import { POD_INDEX_LABEL, STATEFUL_SET_POD_NAME_LABEL, startOrdinal } from '../model/stateful-set-labels.js';
import { jobSpecOf, type Workload } from '../model/workload.js';
import { ROLLOUTS_POD_TEMPLATE_HASH } from '../model/rollout-labels.js';

/** Whether a pod of the workload may carry `value` for the label. */
export type LabelValues = (value: string) => boolean;

const ANY: LabelValues = () => true;

/** Labels named after a generated hash or uid: any value may be the one a pod gets. */
const HASH_LABELS: readonly string[] = ['pod-template-hash', 'controller-revision-hash', 'pod-template-generation', ROLLOUTS_POD_TEMPLATE_HASH];

/**
 * The controller-added labels of the workload's pods, each with the values it may take (the template's own labels
 * aside). Upstream: deployment/sync.go (pod-template-hash), statefulset/stateful_set_utils.go initIdentity and
 * updateIdentity (pod-name, pod-index, controller-revision-hash), daemon/util (controller-revision-hash,
 * pod-template-generation), registry/batch/job/strategy.go generateSelector (job-name, controller-uid, both with and
 * without the batch.kubernetes.io/ prefix, added where the template lacks them), job/indexed_job_utils.go
 * (job-completion-index), cronjob/utils.go getJobFromTemplate2 (its Jobs are named `<cronjob>-<minutes>`), and
 * OpenShift's MakeDeployment (deploymentconfig, deployment), Argo Rollouts' replicaset.go (rollouts-pod-template-hash).
 */
export function controllerPodLabels(workload: Workload): ReadonlyMap<string, LabelValues> {
  const labels = new Map<string, LabelValues>();
  const { name } = workload.object.ref;
  switch (workload.kind) {
    case 'Deployment':
      labels.set('pod-template-hash', ANY);
      break;
    case 'Rollout':
      labels.set(ROLLOUTS_POD_TEMPLATE_HASH, ANY);
      break;
    case 'StatefulSet': {
      const first = startOrdinal(workload.object);
      const replicas = typeof workload.replicas === 'number' ? workload.replicas : 1;
      const isOrdinal = (value: string) => isIndexBelow(value, first + replicas) && Number(value) >= first;
      labels.set('controller-revision-hash', ANY);
      labels.set(STATEFUL_SET_POD_NAME_LABEL, (value) => value.startsWith(`${name}-`) && isOrdinal(value.slice(name.length + 1)));
      labels.set(POD_INDEX_LABEL, isOrdinal);
      break;
    }
    case 'DaemonSet':
      labels.set('controller-revision-hash', ANY);
      labels.set('pod-template-generation', ANY);
      break;
    case 'Job':
      addJobLabels(labels, workload, jobSpecOf(workload), (value) => value === name);
      break;
    case 'CronJob':
      addJobLabels(labels, workload, jobSpecOf(workload), isNumbered(name));
      break;
    case 'DeploymentConfig':
      labels.set('deploymentconfig', (value) => value === name);
      labels.set('deployment', isNumbered(name));
      break;
    default:
      break;
  }
  return labels;
}

/** The label keys controllerPodLabels may give, of any workload (a pod template's labels cannot stand in for them). */
export const CONTROLLER_LABEL_KEYS: ReadonlySet<string> = new Set([
  ...HASH_LABELS,
  STATEFUL_SET_POD_NAME_LABEL,
  POD_INDEX_LABEL,
  ...JOB_NAME_LABELS,
  ...JOB_UID_LABELS,
  JOB_COMPLETION_INDEX_LABEL,
  'deploymentconfig',
  'deployment',
]);

/** A Job's (or a CronJob's Jobs') labels: the generated selector's unless manualSelector, and the completion index. */
function addJobLabels(labels: Map<string, LabelValues>, workload: Workload, jobSpec: Readonly<Record<string, unknown>> | undefined, isJobName: LabelValues): void {
  if (generatesJobSelector(jobSpec)) {
    for (const key of JOB_NAME_LABELS) if (!Object.hasOwn(workload.podLabels, key)) labels.set(key, isJobName);
    for (const key of JOB_UID_LABELS) if (!Object.hasOwn(workload.podLabels, key)) labels.set(key, ANY);
  }
  const completions = jobSpec?.['completions'];
  if (jobSpec?.['completionMode'] === 'Indexed' && typeof completions === 'number') labels.set(JOB_COMPLETION_INDEX_LABEL, (value) => isIndexBelow(value, completions));
}

/** Names of the form `<name>-<number>` (a CronJob's Jobs, a DeploymentConfig's ReplicationControllers). */
function isNumbered(name: string): LabelValues {
  return (value) => value.startsWith(`${name}-`) && /^\d+$/.test(value.slice(name.length + 1));
}

/** Whether `value` is an index as strconv.Itoa writes it (no sign, no leading zero) below `end`. */
function isIndexBelow(value: string, end: number): boolean {
  return /^(?:0|[1-9]\d{0,8})$/.test(value) && Number(value) < end;
}
