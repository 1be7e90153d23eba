// What the LimitRanger admission plugin would inject into a container: defaults from LimitRange objects in the inputs.
// upstream: plugin/pkg/admission/limitranger/admission.go defaultContainerResourceRequirements
import { asArray, asRecord, type KubeObject } from '../model/object.js';
import type { LintIndex } from './lint-index.js';

export interface ContainerDefaults {
  /** Resource names that get a default limit (`default`). */
  readonly limits: ReadonlySet<string>;
  /** Resource names that get a default request (`defaultRequest`, or `default` when no request default is given). */
  readonly requests: ReadonlySet<string>;
}

/** Container-type items of the LimitRanges in a namespace. */
export function containerLimitItems(limitRanges: readonly KubeObject[]): { object: KubeObject; index: number; item: Readonly<Record<string, unknown>> }[] {
  const out: { object: KubeObject; index: number; item: Readonly<Record<string, unknown>> }[] = [];
  for (const object of limitRanges) {
    asArray(asRecord(object.value['spec'])?.['limits']).forEach((entry, index) => {
      const item = asRecord(entry);
      if (item && item['type'] === 'Container') out.push({ object, index, item });
    });
  }
  return out;
}

/** What a namespace without LimitRanges defaults: nothing (shared, as most namespaces of the inputs have none). */
const NO_DEFAULTS: ContainerDefaults = { limits: new Set(), requests: new Set() };

/** Defaults from the LimitRanges that share the workload's namespace (LintIndex.nearby). */
export function containerDefaults(index: LintIndex, object: KubeObject): ContainerDefaults {
  const limitRanges = index.nearby('LimitRange', object);
  if (limitRanges.length === 0) return NO_DEFAULTS;
  const limits = new Set<string>();
  const requests = new Set<string>();
  for (const { item } of containerLimitItems(limitRanges)) {
    for (const name of Object.keys(asRecord(item['default']) ?? {})) {
      limits.add(name);
      requests.add(name);
    }
    for (const name of Object.keys(asRecord(item['defaultRequest']) ?? {})) requests.add(name);
  }
  return { limits, requests };
}
