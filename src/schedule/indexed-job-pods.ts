// An Indexed Job's pods (a CronJob's Jobs' too) as the job controller makes them: one per completion index, each
// labelled with its index (PodIndexLabel), so a pod affinity or spread selector that names one index (a training job's
// workers beside index 0) selects the pod that will exist. Before the label, the pods differ in nothing the scheduler
// reads.
// upstream: pkg/controller/job/job_controller.go manageJob, indexed_job_utils.go addCompletionIndexLabel.
import { JOB_COMPLETION_INDEX_LABEL } from '../model/job-labels.js';
import { jobSpecOf, type Workload } from '../model/workload.js';
import type { PodSource } from './pod-info.js';
import { POD_INDEX_LABEL_SINCE } from './version.js';

/**
 * One pod source per index below `count` (the pods the Job runs at once); undefined for a Job that is not Indexed and
 * for any other workload.
 */
export function indexedJobPodSources(workload: Workload, base: PodSource, count: number, minor: number): PodSource[] | undefined {
  if (minor < POD_INDEX_LABEL_SINCE || jobSpecOf(workload)?.['completionMode'] !== 'Indexed') return undefined;
  return Array.from({ length: count }, (_, index) => ({
    ...base,
    name: `${workload.object.ref.name}-${index}`,
    labels: { ...base.labels, [JOB_COMPLETION_INDEX_LABEL]: String(index) },
  }));
}
