// Resource names in ResourceLists (pod-level resources, LimitRange items): standard, or fully qualified.
// upstream: pkg/apis/core/validation/validation.go validateResourceName, validateContainerResourceName;
// pkg/apis/core/helper/helpers.go standardResources, IsStandardContainerResourceName, IsExtendedResourceName (v1.36)
import { qualifiedNameErrors } from '../../model/name-validation.js';
import { GoStringer, invalid, type ErrorList, type FieldError, type FieldPath } from './field-error.js';
import type { Quantity } from '../../model/quantity.js';
import { quantityValue, RESOURCE_LIST_ENTRY } from './quantity-value.js';

const STANDARD_RESOURCES = new Set([
  'cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage', 'limits.cpu',
  'limits.memory', 'limits.ephemeral-storage', 'pods', 'resourcequotas', 'services', 'replicationcontrollers', 'secrets',
  'configmaps', 'persistentvolumeclaims', 'storage', 'requests.storage', 'services.nodeports', 'services.loadbalancers',
]);

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

export const isHugePages = (name: string): boolean => name.startsWith('hugepages-');
/** A quota's hugepages request (requests.hugepages-2Mi). */
export const isHugePagesRequest = (name: string): boolean => name.startsWith('requests.hugepages-');

/** IsStandardResourceName: a standard resource, or hugepages (requests.hugepages- for quotas). */
const isStandardResourceName = (name: string): boolean => STANDARD_RESOURCES.has(name) || isHugePages(name) || isHugePagesRequest(name);

/**
 * A core.ResourceName as a bad value: a named string type with a String method, printed unquoted up to 1.33
 * ("Invalid value: pids: must be a standard resource for containers") and quoted from 1.34 (json.Marshal first).
 */
export const resourceNameValue = (name: string): GoStringer => new GoStringer(name);

/** validateResourceName: a qualified name, and a standard one unless it has a prefix. */
export function resourceNameErrors(name: string, field: FieldPath): ErrorList {
  const value = resourceNameValue(name);
  const qualified = qualifiedNameErrors(name).map((message) => invalid(field, value, message));
  if (qualified.length > 0) return qualified;
  return !name.includes('/') && !isStandardResourceName(name) ? [invalid(field, value, 'must be a standard resource type or fully qualified')] : [];
}

/** validateContainerResourceName: as resourceNameErrors, then cpu, memory, ephemeral-storage or hugepages, or an extended resource. */
export function containerResourceNameErrors(name: string, field: FieldPath): ErrorList {
  const errors = resourceNameErrors(name, field);
  if (!name.includes('/')) {
    if (!STANDARD_CONTAINER_RESOURCES.has(name) && !isHugePages(name)) errors.push(invalid(field, resourceNameValue(name), 'must be a standard resource for containers'));
  } else if (!name.includes('kubernetes.io/') && !isExtendedResourceName(name)) {
    errors.push(invalid(field, resourceNameValue(name), "doesn't follow extended resource name standard"));
  }
  return errors;
}

// upstream: helpers.go IsExtendedResourceName: not native, and "requests." + name a qualified name
export function isExtendedResourceName(name: string): boolean {
  if (!name.includes('/') || name.includes('kubernetes.io/') || name.startsWith('requests.')) return false;
  return qualifiedNameErrors(`requests.${name}`).length === 0;
}

/** Resources counted in whole units: the quota's object counts and every extended resource. */
// upstream: pkg/apis/core/helper IsIntegerResourceName
const INTEGER_RESOURCES = new Set([
  'pods', 'resourcequotas', 'services', 'replicationcontrollers', 'secrets', 'configmaps', 'persistentvolumeclaims',
  'services.nodeports', 'services.loadbalancers',
]);

/**
 * ValidateResourceQuantityValue's integer rule: a quantity of a counted resource whose value in thousandths (rounded
 * up, as Quantity.MilliValue) is not whole, as the error (the resource.Quantity itself as the bad value).
 */
export function notIntegerError(name: string, quantity: Quantity, raw: unknown, fieldOf: () => FieldPath): FieldError | undefined {
  if (!INTEGER_RESOURCES.has(name) && !isExtendedResourceName(name)) return undefined;
  const milli = (quantity.numerator * 1000n + quantity.denominator - 1n) / quantity.denominator;
  return milli % 1000n === 0n ? undefined : invalid(fieldOf(), quantityValue(raw, RESOURCE_LIST_ENTRY), 'must be an integer');
}
