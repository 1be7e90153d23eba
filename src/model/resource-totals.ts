// A pod's containers' requests or limits added up as upstream does, each total keeping the format Quantity prints it in,
// and the pod-level requests the API server defaults from them.
import { addQuantities, maxQuantity, parseQuantity, quantityFormat, type Quantity, type QuantityFormat } from './quantity.js';

/** A quantity with the format upstream prints it in. */
export interface FormattedQuantity extends Quantity {
  readonly format: QuantityFormat;
}

export type Totals = Map<string, FormattedQuantity>;

/** Parsed quantities of a resource map; values that are not quantities are left out (the schema check reports them). */
export function quantities(values: Readonly<Record<string, unknown>>): Totals {
  const out: Totals = new Map();
  for (const [name, value] of Object.entries(values)) {
    const quantity = parseQuantity(value);
    if (quantity) out.set(name, { ...quantity, format: quantityFormat(value) });
  }
  return out;
}

/** A regular container, a restartable init container (a sidecar) or an ordinary init container. */
export type ContainerRole = 'container' | 'sidecar' | 'init';

/**
 * Regular containers and sidecars add up; an init container runs beside the sidecars started before it, and the
 * largest of those moments is the floor.
 */
// upstream: staging/src/k8s.io/component-helpers/resource/helpers.go AggregateContainerRequests, AggregateContainerLimits (v1.36)
export function aggregateContainerTotals(containers: Iterable<{ readonly role: ContainerRole; readonly values: Totals }>): Totals {
  const total: Totals = new Map();
  const sidecars: Totals = new Map();
  const initMax: Totals = new Map();
  for (const { role, values } of containers) {
    if (role === 'container') addInto(total, values);
    else if (role === 'sidecar') {
      addInto(total, values);
      addInto(sidecars, values);
      maxInto(initMax, sidecars);
    } else maxInto(initMax, addInto(new Map(sidecars), values));
  }
  maxInto(total, initMax);
  return total;
}

// upstream: Quantity.Add keeps the format of the first addend unless it is zero
function addInto(target: Totals, values: Totals): Totals {
  for (const [name, value] of values) {
    const current = target.get(name);
    const format = current && current.numerator !== 0n ? current.format : value.format;
    target.set(name, current ? { ...addQuantities(current, value), format } : value);
  }
  return target;
}

function maxInto(target: Totals, values: Totals): void {
  for (const [name, value] of values) {
    const current = target.get(name);
    target.set(name, current ? maxQuantity(current, value) : value);
  }
}

/** Native resources other than hugepages can be overcommitted: their request may be below their limit. */
// upstream: pkg/apis/core/v1/helper/helpers.go IsOvercommitAllowed, IsNativeResource
export function isOvercommitAllowed(name: string): boolean {
  const native = !name.includes('/') || name.includes('kubernetes.io/');
  return native && !name.startsWith('hugepages-');
}

// upstream: staging/src/k8s.io/component-helpers/resource/helpers.go IsSupportedPodLevelResource
export const isSupportedPodLevelResource = (name: string): boolean => name === 'cpu' || name === 'memory' || name.startsWith('hugepages-');

/**
 * A Pod's pod-level requests after SetDefaults_Pod: with pod-level limits set, a missing cpu or memory request is the
 * containers' total request when they request it, and any missing request of a pod-level resource is its limit.
 */
// upstream: pkg/apis/core/v1/defaults.go defaultPodRequests (v1.34 to v1.36; SetDefaults_Pod, so Pods only, never templates)
export function defaultPodRequests<Q extends Quantity>(requests: Map<string, Q>, limits: ReadonlyMap<string, Q>, containerRequests: ReadonlyMap<string, Q>): Map<string, Q> {
  if (limits.size === 0) return requests;
  const defaulted = new Map(requests);
  for (const [name, value] of containerRequests) {
    if (!defaulted.has(name) && isSupportedPodLevelResource(name) && isOvercommitAllowed(name)) defaulted.set(name, value);
  }
  for (const [name, value] of limits) if (!defaulted.has(name) && isSupportedPodLevelResource(name)) defaulted.set(name, value);
  return defaulted;
}
