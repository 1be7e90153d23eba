// hostPath volumes of a pod spec, with the path of each `hostPath.path` value for reports.
import type { Path } from '../model/document.js';
import { asArray, asRecord } from '../model/object.js';
import type { Workload } from '../model/workload.js';

export interface HostPathVolume {
  readonly name: string;
  /** The host path as written, without trailing slashes ("/" stays "/"). */
  readonly hostPath: string;
  readonly at: Path;
}

export function hostPathVolumes(workload: Workload): HostPathVolume[] {
  const out: HostPathVolume[] = [];
  asArray(workload.podSpec['volumes']).forEach((entry, index) => {
    const volume = asRecord(entry);
    const path = asRecord(volume?.['hostPath'])?.['path'];
    if (typeof path !== 'string') return;
    const name = typeof volume?.['name'] === 'string' ? volume['name'] : `#${index}`;
    out.push({ name, hostPath: path.replace(/(.)\/+$/, '$1'), at: [...workload.podSpecPath, 'volumes', index, 'hostPath', 'path'] });
  });
  return out;
}
