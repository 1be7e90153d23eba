// ValidateLimitRange: the API server's checks of a LimitRange on create, after SetDefaults_LimitRangeItem.
// upstream: pkg/apis/core/validation/validation.go ValidateLimitRange, validateLimitRangeTypeName,
// validateLimitRangeResourceName (v1.36)
import { appendAll } from '../../model/append.js';
import { itemDefaults } from '../../model/limit-range-item.js';
import { qualifiedNameErrors } from '../../model/name-validation.js';
import { ceilMilliValue, compareQuantities, parseQuantity, type Quantity } from '../../model/quantity.js';
import { isOvercommitAllowed } from '../../model/resource-totals.js';
import { duplicate, forbidden, invalid, key, required, type ErrorList, type FieldPath } from './field-error.js';
import { quantityString, quantityValue, RESOURCE_LIST_ENTRY } from './quantity-value.js';
import { containerResourceNameErrors, resourceNameErrors } from './resource-names.js';
import { arrayField, asRecord, recordField, type Fields } from './values.js';

const STANDARD_LIMIT_TYPES = new Set(['Pod', 'Container', 'PersistentVolumeClaim']);

/** The LimitRange's spec.limits errors, item by item. */
export function validateLimitRange(object: Fields): ErrorList {
  const errors: ErrorList = [];
  const seen = new Set<unknown>();
  arrayField(recordField(object, 'spec'), 'limits').forEach((entry, index) => {
    const item = asRecord(entry) ?? {};
    const at: FieldPath = ['spec', 'limits', index];
    const type = typeof item['type'] === 'string' ? item['type'] : '';
    appendAll(errors, limitTypeErrors(type, [...at, 'type']));
    if (seen.has(type)) errors.push(duplicate([...at, 'type'], type));
    seen.add(type);
    appendAll(errors, itemErrors(type === 'Container' ? withDefaults(item) : item, type, at));
  });
  return errors;
}

/** validateLimitRangeTypeName. */
function limitTypeErrors(type: string, field: FieldPath): ErrorList {
  const qualified = qualifiedNameErrors(type).map((message) => invalid(field, type, message));
  if (qualified.length > 0) return qualified;
  return !type.includes('/') && !STANDARD_LIMIT_TYPES.has(type) ? [invalid(field, type, 'must be a standard limit type or fully qualified')] : [];
}

/** A Container item as stored: SetDefaults_LimitRangeItem fills default from max, defaultRequest from default and min. */
function withDefaults(item: Fields): Fields {
  const { limits, requests } = itemDefaults(item);
  return { ...item, default: limits, defaultRequest: requests };
}

type Bound = 'max' | 'min' | 'default' | 'defaultRequest' | 'maxLimitRequestRatio';

function itemErrors(item: Fields, type: string, at: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const names = type === 'Pod' || type === 'Container' ? containerResourceNameErrors : resourceNameErrors;
  const values = new Map<Bound, Map<string, { text: unknown; quantity: Quantity }>>();
  const read = (bound: Bound): void => {
    const found = new Map<string, { text: unknown; quantity: Quantity }>();
    for (const [name, text] of Object.entries(recordField(item, bound) ?? {})) {
      appendAll(errors, names(name, [...at, bound, key(name)]));
      const quantity = parseQuantity(text);
      if (quantity) found.set(name, { text, quantity });
    }
    values.set(bound, found);
  };
  read('max');
  read('min');
  if (type === 'Pod') {
    if (Object.keys(recordField(item, 'default') ?? {}).length > 0) errors.push(forbidden([...at, 'default'], "may not be specified when `type` is 'Pod'"));
    if (Object.keys(recordField(item, 'defaultRequest') ?? {}).length > 0) errors.push(forbidden([...at, 'defaultRequest'], "may not be specified when `type` is 'Pod'"));
  } else {
    read('default');
    read('defaultRequest');
  }
  if (type === 'PersistentVolumeClaim' && recordField(item, 'min')?.['storage'] === undefined && recordField(item, 'max')?.['storage'] === undefined) {
    errors.push(required([...at, 'limits'], 'either minimum or maximum storage value is required, but neither was provided'));
  }
  read('maxLimitRequestRatio');
  // upstream ranges over a set of names (Go map order); kubefit reports them sorted
  const resources = [...new Set([...values.values()].flatMap((found) => [...found.keys()]))].sort();
  for (const name of resources) appendAll(errors, boundErrors(name, values, at));
  return errors;
}

/** The comparisons of one resource's bounds, in upstream's order. */
function boundErrors(name: string, values: ReadonlyMap<Bound, ReadonlyMap<string, { text: unknown; quantity: Quantity }>>, at: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const get = (bound: Bound) => values.get(bound)?.get(name);
  const [min, max, def, defaultRequest, ratio] = [get('min'), get('max'), get('default'), get('defaultRequest'), get('maxLimitRequestRatio')];
  const field = (bound: Bound): FieldPath => [...at, bound, key(name)];
  // Quantity.String() of the defaulted entry
  const text = (value: { text: unknown }): string => quantityString(value.text, RESOURCE_LIST_ENTRY) ?? '';
  // the resource.Quantity as the bad value, after the detail's String() call on it cached its text (gc reads a plain
  // argument after the calls among the arguments)
  const shown = (value: { text: unknown }) => quantityValue(value.text, { resourceList: true, stringCalled: true });
  const above = (a: { quantity: Quantity } | undefined, b: { quantity: Quantity } | undefined): boolean => a !== undefined && b !== undefined && compareQuantities(a.quantity, b.quantity) > 0;
  if (min && max && above(min, max)) errors.push(invalid(field('min'), shown(min), `min value ${text(min)} is greater than max value ${text(max)}`));
  if (defaultRequest && min && above(min, defaultRequest)) errors.push(invalid(field('defaultRequest'), shown(defaultRequest), `min value ${text(min)} is greater than default request value ${text(defaultRequest)}`));
  if (defaultRequest && max && above(defaultRequest, max)) errors.push(invalid(field('defaultRequest'), shown(defaultRequest), `default request value ${text(defaultRequest)} is greater than max value ${text(max)}`));
  if (defaultRequest && def && above(defaultRequest, def)) errors.push(invalid(field('defaultRequest'), shown(defaultRequest), `default request value ${text(defaultRequest)} is greater than default limit value ${text(def)}`));
  if (def && min && above(min, def)) errors.push(invalid(field('default'), shown(min), `min value ${text(min)} is greater than default value ${text(def)}`));
  if (def && max && above(def, max)) errors.push(invalid(field('default'), shown(max), `default value ${text(def)} is greater than max value ${text(max)}`));
  if (ratio && compareQuantities(ratio.quantity, ONE) < 0) errors.push(invalid(field('maxLimitRequestRatio'), shown(ratio), `ratio ${text(ratio)} is less than 1`));
  if (ratio && min && max) {
    // float64(MilliValue())/1000 against float64(max.MilliValue())/float64(min.MilliValue()), as upstream divides them
    const limit = Number(ceilMilliValue(max.quantity)) / Number(ceilMilliValue(min.quantity));
    if (Number(ceilMilliValue(ratio.quantity)) / 1000 > limit) {
      errors.push(invalid(field('maxLimitRequestRatio'), shown(ratio), `ratio ${text(ratio)} is greater than max/min = ${limit.toFixed(6)}`));
    }
  }
  if (!isOvercommitAllowed(name) && def && defaultRequest && compareQuantities(def.quantity, defaultRequest.quantity) !== 0) {
    errors.push(invalid(field('defaultRequest'), shown(defaultRequest), `default value ${text(def)} must equal to defaultRequest value ${text(defaultRequest)} in ${name}`));
  }
  return errors;
}

const ONE: Quantity = { numerator: 1n, denominator: 1n };
