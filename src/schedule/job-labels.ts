// The labels the Job API adds to a Job's pod template when it generates the selector (registry/batch/job/strategy.go
// generateSelector, with the batch.kubernetes.io/ names since v1.27): a pod (anti-)affinity or spread constraint that
// selects `job-name` matches the Job's own pods.
import { asRecord, type KubeObject } from '../model/object.js';
import type { Labels } from '../model/labels.js';

/**
 * The pod labels of a Job's pods: the template's, with the job-name and controller-uid labels it lacks (the uid is
 * the object's, or a stand-in that only `Exists` can match) unless the Job sets `manualSelector: true`.
 */
export function jobPodLabels(job: KubeObject, labels: Labels): Labels {
  const spec = asRecord(job.value['spec']);
  if (spec?.['manualSelector'] === true || job.ref.name === '') return labels;
  const uid = asRecord(job.value['metadata'])?.['uid'];
  const generated: Labels = {
    'batch.kubernetes.io/controller-uid': typeof uid === 'string' ? uid : `uid-of-${job.ref.namespace}-${job.ref.name}`,
    'batch.kubernetes.io/job-name': job.ref.name,
    'controller-uid': typeof uid === 'string' ? uid : `uid-of-${job.ref.namespace}-${job.ref.name}`,
    'job-name': job.ref.name,
  };
  return { ...generated, ...labels };
}
