// What the LimitRanger admission plugin would inject into a container: defaults from LimitRange objects in the inputs.
// upstream: plugin/pkg/admission/limitranger/admission.go defaultContainerResourceRequirements
import { asArray, asRecord, type KubeObject } from '../model/object.js';
import { compareQuantities, parseQuantity, type Quantity } from '../model/quantity.js';
import { aggregateContainerTotals, defaultPodRequests, quantities, type ContainerRole, type Totals } from '../model/resource-totals.js';
import { itemDefaults, type ItemDefaults } from '../model/limit-range-item.js';
import type { ContainerView, Workload } from '../model/workload.js';
import type { LintIndex } from './lint-index.js';
import { containerResources, isPodLevelResource, podLevelResources, type ContainerResources } from './resources.js';

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

/** The defaults of the Container items of the LimitRanges that share the object's namespace (LintIndex.nearby), in order. */
export function containerItemDefaults(index: LintIndex, object: KubeObject): ItemDefaults[] {
  return limitItems(index.nearby('LimitRange', object), 'Container').map(({ item }) => itemDefaults(item));
}

/** What a namespace without LimitRanges defaults: nothing (shared, as most namespaces of the inputs have none). */
const NO_DEFAULTS: ContainerDefaults = { limits: new Set(), requests: new Set() };

/** Defaults from the LimitRanges that share the workload's namespace (LintIndex.nearby). */
export function containerDefaults(index: LintIndex, object: KubeObject): ContainerDefaults {
  const limitRanges = index.nearby('LimitRange', object);
  if (limitRanges.length === 0) return NO_DEFAULTS;
  const limits = new Set<string>();
  const requests = new Set<string>();
  for (const { item } of limitItems(limitRanges, 'Container')) {
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

/** The field of a LimitRange item a bound comes from. */
export type Constraint = 'min' | 'max' | 'maxLimitRequestRatio';

/** A bound of a LimitRange item that a pair of request and limit maps breaks; the caller words and places it. */
export interface LimitViolation {
  readonly constraint: Constraint;
  /** missing: the value the bound needs is absent (or 0 for a ratio); outside: it breaks the bound. */
  readonly kind: 'missing' | 'outside';
  readonly field: 'request' | 'limit';
  readonly resource: string;
  /** The bound as the LimitRange spells it. */
  readonly bound: string;
}

/** What the LimitRanger rejects of one item, in item order: min, then max, then maxLimitRequestRatio. */
// upstream: plugin/pkg/admission/limitranger/admission.go minConstraint, maxConstraint, limitRequestRatioConstraint:
// at most one violation per bound, exact comparisons
export function limitViolations(item: Readonly<Record<string, unknown>>, requests: ReadonlyMap<string, Quantity>, limits: ReadonlyMap<string, Quantity>): LimitViolation[] {
  const out: LimitViolation[] = [];
  for (const constraint of CONSTRAINTS) {
    for (const [resource, text] of Object.entries(asRecord(item[constraint]) ?? {})) {
      const bound = parseQuantity(text);
      const found = bound && CHECKS[constraint](requests.get(resource), limits.get(resource), bound);
      if (found) out.push({ constraint, ...found, resource, bound: String(text) });
    }
  }
  return out;
}

const CONSTRAINTS: readonly Constraint[] = ['min', 'max', 'maxLimitRequestRatio'];

type Check = (request: Quantity | undefined, limit: Quantity | undefined, bound: Quantity) => Pick<LimitViolation, 'kind' | 'field'> | undefined;

const CHECKS: Readonly<Record<Constraint, Check>> = {
  min: (request, limit, bound) =>
    !request ? { kind: 'missing', field: 'request' }
    : compareQuantities(request, bound) < 0 ? { kind: 'outside', field: 'request' }
    : limit && compareQuantities(limit, bound) < 0 ? { kind: 'outside', field: 'limit' }
    : undefined,
  max: (request, limit, bound) =>
    !limit ? { kind: 'missing', field: 'limit' }
    : compareQuantities(limit, bound) > 0 ? { kind: 'outside', field: 'limit' }
    : request && compareQuantities(request, bound) > 0 ? { kind: 'outside', field: 'request' }
    : undefined,
  maxLimitRequestRatio: (request, limit, ratio) =>
    !request || request.numerator === 0n ? { kind: 'missing', field: 'request' }
    : !limit || limit.numerator === 0n ? { kind: 'missing', field: 'limit' }
    : compareQuantities(limit, { numerator: request.numerator * ratio.numerator, denominator: request.denominator * ratio.denominator }) > 0 ? { kind: 'outside', field: 'limit' }
    : undefined,
};

export { quantities, type FormattedQuantity } from '../model/resource-totals.js';

/** A pod's requests and limits as LimitRanger checks a Pod item, after SetDefaults_Pod and the Container items' defaults. */
// upstream: plugin/pkg/admission/limitranger/admission.go podRequests, podLimits (v1.36): the pod-level cpu and memory
// (after defaultPodRequests) replace the container totals
export function podTotals(workload: Workload, defaults: readonly ItemDefaults[], field: 'requests' | 'limits'): Totals {
  const total = containerTotals(workload, defaults, field);
  for (const [name, value] of podLevelTotals(workload, field)) total.set(name, value);
  return total;
}

// upstream: podRequests, podLimits: regular containers and sidecars add up, a later init container runs beside the
// sidecars started before it
function containerTotals(workload: Workload, defaults: readonly ItemDefaults[], field: 'requests' | 'limits'): Totals {
  const containers = workload.containers.filter((container) => container.type !== 'ephemeralContainer');
  return aggregateContainerTotals(containers.map((container) => ({ role: roleOf(container), values: effectiveResources(container, defaults, field) })));
}

function roleOf(container: ContainerView): ContainerRole {
  return container.type === 'container' ? 'container' : container.isRestartable ? 'sidecar' : 'init';
}

// the pod-level requests after defaultPodRequests, whose container totals come before any LimitRange default
function podLevelTotals(workload: Workload, field: 'requests' | 'limits'): Totals {
  const { requests, limits } = podLevelResources(workload);
  if (field === 'limits') return podLevelValues(quantities(limits));
  return podLevelValues(defaultPodRequests(quantities(requests), quantities(limits), containerTotals(workload, [], 'requests')));
}

/** The cpu and memory of pod-level values (the resources LimitRanger takes from the pod level). */
function podLevelValues(values: Totals): Totals {
  const out = new Map(values);
  for (const name of out.keys()) if (!isPodLevelResource(name)) out.delete(name);
  return out;
}

/** A container's own values (a limit is also its request: SetDefaults_Pod), then the first LimitRange default. */
function effectiveResources(container: ContainerView, defaults: readonly ItemDefaults[], field: 'requests' | 'limits'): Totals {
  return quantities(effectiveValues(containerResources(container), defaults, field));
}

/** The values LimitRanger checks a container by: its own, else the first of the defaults that sets one. */
export function effectiveValues(own: Pick<ContainerResources, 'requests' | 'limits'>, defaults: readonly ItemDefaults[], field: 'requests' | 'limits'): Record<string, unknown> {
  const values: Record<string, unknown> = field === 'requests' ? { ...own.limits, ...own.requests } : { ...own.limits };
  for (const item of defaults) for (const [name, value] of Object.entries(item[field])) values[name] ??= value;
  return values;
}
