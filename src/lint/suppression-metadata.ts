// Where suppression annotations are read: the object's metadata and, for workloads, each template's.
import type { Path } from '../model/document.js';
import { POD_KINDS, podKindOf } from '../model/kinds.js';
import type { ObjectRef } from '../model/object-ref.js';

/** ['metadata'], then a workload's template metadata: a CronJob's job template and its pod template. */
export function suppressionMetadataPaths(ref: Pick<ObjectRef, 'apiVersion' | 'kind'>): Path[] {
  const kind = podKindOf(ref.apiVersion, ref.kind);
  const metadataPaths: Path[] = [['metadata']];
  (kind ? POD_KINDS[kind].templatePath : []).forEach((step, index, templatePath) => {
    if (step === 'template' || step === 'jobTemplate') metadataPaths.push([...templatePath.slice(0, index + 1), 'metadata']);
  });
  return metadataPaths;
}
