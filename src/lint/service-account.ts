// The service account a pod runs as: serviceAccountName, else the deprecated serviceAccount, else "default".
import type { Path } from '../model/document.js';
import type { Workload } from '../model/workload.js';

export interface PodServiceAccount {
  readonly name: string;
  /** Where the name is written, or the pod spec when it is implied. */
  readonly at: Path;
  readonly isExplicit: boolean;
}

// upstream: pkg/apis/core/v1/defaults... the API server copies serviceAccount into serviceAccountName when only it is set
export function podServiceAccount(workload: Workload): PodServiceAccount {
  for (const field of ['serviceAccountName', 'serviceAccount']) {
    const value = workload.podSpec[field];
    if (typeof value === 'string' && value !== '') return { name: value, at: workload.podSpecPath.concat(field), isExplicit: true };
  }
  return { name: 'default', at: workload.podSpecPath, isExplicit: false };
}
