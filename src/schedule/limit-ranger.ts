// The LimitRanger admission plugin: a container that requests nothing of a resource gets the default request of its
// namespace's LimitRanges when the pod is created (plugin/pkg/admission/limitranger/admission.go).
import { itemDefaults } from '../model/limit-range-item.js';
import { asArray, asRecord, type KubeObject } from '../model/object.js';
import { isQuantityList } from '../model/quantity.js';

/** The fields of a LimitRange item that hold quantities. */
const LIMIT_FIELDS = ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio'] as const;

/** Default requests per resource, by namespace. */
export type LimitRangeDefaults = ReadonlyMap<string, Readonly<Record<string, unknown>>>;

/**
 * Each namespace's default container requests: per LimitRange the defaults of its Container items (a later item's win,
 * as defaultContainerResourceRequirements reads them, with the defaults the API server stores: SetDefaults_LimitRangeItem),
 * and of several LimitRanges the first that defaults a resource (the plugin merges them one by one, filling only what
 * is still missing).
 */
export function limitRangeDefaultsOf(limitRanges: readonly KubeObject[]): LimitRangeDefaults {
  const byNamespace = new Map<string, Record<string, unknown>>();
  for (const limitRange of limitRanges) {
    const items = asArray(asRecord(limitRange.value['spec'])?.['limits']).map(asRecord);
    // the API server refuses a LimitRange whose bounds are no quantities: it defaults nothing
    if (items.some((item) => item && LIMIT_FIELDS.some((field) => item[field] !== undefined && !isQuantityList(item[field])))) continue;
    let requests: Record<string, unknown> = {};
    for (const item of items) if (item?.['type'] === 'Container') requests = { ...requests, ...itemDefaults(item).requests };
    const namespace = limitRange.ref.namespace;
    byNamespace.set(namespace, { ...requests, ...byNamespace.get(namespace) });
  }
  return byNamespace;
}

/**
 * The spec of a pod to be created with its namespace's default requests in every container and init container that
 * neither requests nor limits the resource (API defaulting, which runs first, copies a limit to a missing request).
 */
export function withDefaultRequests(spec: Readonly<Record<string, unknown>>, namespace: string, defaults: LimitRangeDefaults): Readonly<Record<string, unknown>> {
  const requests = defaults.get(namespace);
  if (!requests || Object.keys(requests).length === 0) return spec;
  const defaulted = (containers: unknown) =>
    asArray(containers).map((entry) => {
      const container = asRecord(entry);
      if (!container) return entry;
      const resources = asRecord(container['resources']);
      const own = asRecord(resources?.['requests']) ?? {};
      const limits = asRecord(resources?.['limits']) ?? {};
      const missing = Object.keys(requests).filter((name) => !(name in own) && !(name in limits));
      if (missing.length === 0) return entry;
      return { ...container, resources: { ...resources, requests: { ...own, ...Object.fromEntries(missing.map((name) => [name, requests[name]])) } } };
    });
  return { ...spec, containers: defaulted(spec['containers']), ...(spec['initContainers'] !== undefined && { initContainers: defaulted(spec['initContainers']) }) };
}
