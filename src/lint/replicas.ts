// How many pods a Deployment or StatefulSet runs, as the manifest states it (an HPA, if any, decides instead).
import type { Path } from '../model/document.js';
import type { Workload } from '../model/workload.js';
import { hpaMinReplicas, hpaScaling } from './hpa.js';
import type { LintIndex } from './lint-index.js';

export interface ReplicaCount {
  /** The lowest number of pods the workload runs. */
  readonly count: number;
  /** Where the count is written (spec.replicas, or the spec when it defaults to 1). */
  readonly at: Path;
  readonly source: 'replicas' | 'default' | 'hpa';
}

export function replicaCount(workload: Workload, index: LintIndex): ReplicaCount {
  const hpa = hpaScaling(index, workload);
  if (hpa) return { count: hpaMinReplicas(hpa), at: ['spec'], source: 'hpa' };
  const written = workload.object.has(['spec', 'replicas']);
  return { count: typeof workload.replicas === 'number' ? workload.replicas : 1, at: written ? ['spec', 'replicas'] : ['spec'], source: written ? 'replicas' : 'default' };
}
