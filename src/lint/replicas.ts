// How many pods a Deployment or StatefulSet runs, as the manifest states it (an HPA, if any, decides instead).
import type { Path } from '../model/document.js';
import { asRecord, type KubeObject } from '../model/object.js';
import { holdsSubstitution } from '../model/substitution.js';
import type { Workload } from '../model/workload.js';
import { hpaMinReplicas, hpaScaling, minReplicasField } from './hpa.js';
import type { LintIndex } from './lint-index.js';

export interface ReplicaCount {
  /** The lowest number of pods the workload runs. */
  readonly count: number;
  /** Where the count is written (spec.replicas, or the spec when it defaults to 1). */
  readonly at: Path;
  readonly source: 'replicas' | 'default' | 'hpa';
  /** The autoscaler whose minimum the count is (source 'hpa'): a HorizontalPodAutoscaler or a KEDA ScaledObject. */
  readonly scaler?: KubeObject;
}

/**
 * The workload's lowest pod count, or undefined when a substitution variable stands for it (`replicas: ${REPLICAS}`,
 * an HPA's `minReplicas: ${MIN:=3}`): envsubst or Flux writes the count applied, unknown here.
 */
export function replicaCount(workload: Workload, index: LintIndex): ReplicaCount | undefined {
  const hpa = hpaScaling(index, workload);
  if (hpa) return holdsSubstitution(asRecord(hpa.value['spec'])?.[minReplicasField(hpa)]) ? undefined : { count: hpaMinReplicas(hpa), at: ['spec'], source: 'hpa', scaler: hpa };
  if (holdsSubstitution(asRecord(workload.object.value['spec'])?.['replicas'])) return undefined;
  const written = workload.object.has(['spec', 'replicas']);
  return { count: typeof workload.replicas === 'number' ? workload.replicas : 1, at: written ? ['spec', 'replicas'] : ['spec'], source: written ? 'replicas' : 'default' };
}
