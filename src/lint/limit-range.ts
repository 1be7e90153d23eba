// What the LimitRanger admission plugin would inject into a container: defaults from LimitRange objects in the inputs.
// upstream: plugin/pkg/admission/limitranger/admission.go defaultContainerResourceRequirements
import { asArray, asRecord, type KubeObject } from '../model/object.js';
import { compareQuantities, parseQuantity } from '../model/quantity.js';
import type { LintIndex } from './lint-index.js';

export interface ContainerDefaults {
  /** Resource names that get a default limit (`default`). */
  readonly limits: ReadonlySet<string>;
  /** Resource names that get a default request (`defaultRequest`, or `default` when no request default is given). */
  readonly requests: ReadonlySet<string>;
}

/** What a LimitRange item constrains: each container, the pod's total, or a PersistentVolumeClaim's request. */
export type LimitType = 'Container' | 'Pod' | 'PersistentVolumeClaim';

/** The items of one type in the LimitRanges of a namespace. */
export function limitItems(limitRanges: readonly KubeObject[], type: LimitType): { object: KubeObject; index: number; item: Readonly<Record<string, unknown>> }[] {
  const out: { object: KubeObject; index: number; item: Readonly<Record<string, unknown>> }[] = [];
  for (const object of limitRanges) {
    asArray(asRecord(object.value['spec'])?.['limits']).forEach((entry, index) => {
      const item = asRecord(entry);
      if (item && item['type'] === type) out.push({ object, index, item });
    });
  }
  return out;
}

/** A Container item's default limits and requests. */
export interface ItemDefaults {
  readonly limits: Readonly<Record<string, unknown>>;
  readonly requests: Readonly<Record<string, unknown>>;
}

// upstream: pkg/apis/core/v1/defaults.go SetDefaults_LimitRangeItem: the API server stores a Container item with max
// filling the missing defaults, then default and min filling the missing default requests
export function itemDefaults(item: Readonly<Record<string, unknown>>): ItemDefaults {
  const limits = { ...asRecord(item['max']), ...asRecord(item['default']) };
  return { limits, requests: { ...asRecord(item['min']), ...limits, ...asRecord(item['defaultRequest']) } };
}

/** Defaults from the LimitRanges that share the workload's namespace (LintIndex.nearby). */
export function containerDefaults(index: LintIndex, object: KubeObject): ContainerDefaults {
  const limits = new Set<string>();
  const requests = new Set<string>();
  for (const { item } of limitItems(index.nearby('LimitRange', object), 'Container')) {
    const defaults = itemDefaults(item);
    for (const name of Object.keys(defaults.limits)) limits.add(name);
    for (const name of Object.keys(defaults.requests)) requests.add(name);
  }
  return { limits, requests };
}

/** True when both are quantities and value < bound, compared exactly. */
export function isBelow(value: unknown, bound: unknown): boolean {
  const a = parseQuantity(value);
  const b = parseQuantity(bound);
  return a !== undefined && b !== undefined && compareQuantities(a, b) < 0;
}
