// HorizontalPodAutoscalers of the inputs and the workloads they scale (scaleTargetRef kind + name, same namespace).
import { asRecord, isKnownAs, type KubeObject } from '../model/object.js';
import type { Workload } from '../model/workload.js';
import type { LintIndex } from './lint-index.js';

/** The HPA of the inputs that scales the workload, if any. */
export function hpaScaling(index: LintIndex, workload: Workload): KubeObject | undefined {
  const { object } = workload;
  return index.nearby('HorizontalPodAutoscaler', object).find((hpa) => {
    const target = asRecord(asRecord(hpa.value['spec'])?.['scaleTargetRef']);
    const name = target?.['name'];
    return target?.['kind'] === object.ref.kind && typeof name === 'string' && isKnownAs(object, name);
  });
}

/** The HPA's minReplicas (1 when unset, as the API defaults it). */
export function hpaMinReplicas(hpa: KubeObject): number {
  const min = asRecord(hpa.value['spec'])?.['minReplicas'];
  return typeof min === 'number' ? min : 1;
}
