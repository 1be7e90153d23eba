// A container's resources.requests and resources.limits as plain maps, with the paths rules report at.
import type { Path } from '../model/document.js';
import { asRecord } from '../model/object.js';
import type { ContainerView } from '../model/workload.js';

export interface ContainerResources {
  readonly requests: Readonly<Record<string, unknown>>;
  readonly limits: Readonly<Record<string, unknown>>;
  readonly requestsPath: Path;
  readonly limitsPath: Path;
}

export function containerResources(container: ContainerView): ContainerResources {
  const resources = asRecord(container.value['resources']);
  return {
    requests: asRecord(resources?.['requests']) ?? {},
    limits: asRecord(resources?.['limits']) ?? {},
    requestsPath: [...container.path, 'resources', 'requests'],
    limitsPath: [...container.path, 'resources', 'limits'],
  };
}

/** True when the value is set (the API server treats an explicit null like an absent field). */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}
