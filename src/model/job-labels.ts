// The labels the Job API adds to a Job's pod template when it generates the selector (registry/batch/job/strategy.go
// generateSelector, with the batch.kubernetes.io/ names since v1.27, each added where the template lacks it): a pod
// (anti-)affinity, spread constraint, Service or NetworkPolicy that selects `job-name` matches the Job's own pods.
import { asRecord, type KubeObject } from './object.js';
import type { Labels } from './labels.js';

/** The labels that carry the Job's name. */
export const JOB_NAME_LABELS: readonly string[] = ['batch.kubernetes.io/job-name', 'job-name'];
/** The label of an Indexed Job's pod that carries its completion index (PodIndexLabel). */
export const JOB_COMPLETION_INDEX_LABEL = 'batch.kubernetes.io/job-completion-index';
/** The labels that carry the Job's uid. */
export const JOB_UID_LABELS: readonly string[] = ['batch.kubernetes.io/controller-uid', 'controller-uid'];

/** Whether the API server generates the Job's selector and these labels (the Job does not set `manualSelector: true`). */
export function generatesJobSelector(jobSpec: Readonly<Record<string, unknown>> | undefined): boolean {
  return jobSpec?.['manualSelector'] !== true;
}

/**
 * The pod labels of a Job's pods: the template's, with the job-name and controller-uid labels it lacks (the uid is
 * the object's, or a stand-in that only `Exists` can match) unless the Job sets `manualSelector: true`.
 */
export function jobPodLabels(job: KubeObject, labels: Labels): Labels {
  if (!generatesJobSelector(asRecord(job.value['spec'])) || job.ref.name === '') return labels;
  const metadataUid = asRecord(job.value['metadata'])?.['uid'];
  const uid = typeof metadataUid === 'string' ? metadataUid : `uid-of-${job.ref.namespace}-${job.ref.name}`;
  const generated: Record<string, string> = {};
  JOB_UID_LABELS.forEach((key, index) => {
    generated[key] = uid;
    generated[JOB_NAME_LABELS[index] ?? key] = job.ref.name;
  });
  return { ...generated, ...labels };
}
