// LimitRange objects in the inputs: the LimitRanger admission plugin rejects pods whose totals break a Pod item.
import { defineRule } from '../src/lint/define-rule.js';
import { itemDefaults, limitItems, podTotals } from '../src/lint/limit-range.js';
import { asRecord } from '../src/model/object.js';
import { compareQuantities, formatQuantity, parseQuantity, type Quantity } from '../src/model/quantity.js';

// upstream: plugin/pkg/admission/limitranger/admission.go PodValidateLimitFunc (the Pod-type branch: minConstraint,
// maxConstraint and limitRequestRatioConstraint on podRequests and podLimits)
export default defineRule({
  meta: {
    id: 'limitrange-pod',
    severity: 'error',
    category: 'resources',
    description: "pod's total requests or limits break the min, max or maxLimitRequestRatio of a Pod-type LimitRange item",
    rationale:
      'The LimitRanger admission plugin sums the requests and limits of a pod\'s containers (sidecars included, after the Container items\' defaults) and rejects the pod when a total is outside min or max of a Pod-type LimitRange item in its namespace, when the total the item bounds is missing, or when the limit is more than maxLimitRequestRatio times the request; the controller then fails to create pods and the workload never starts.',
    remediation: 'Bring the containers\' requests and limits within the per-pod bounds, or change the LimitRange.',
    defaultOn: true,
    queries: ['LimitRange'],
    appliesTo: { target: 'podSpec' },
    messages: {
      belowMin: 'pod {{field}} {{resource}} "{{value}}" is below the minimum "{{bound}}" of LimitRange "{{limitRange}}"',
      aboveMax: 'pod {{field}} {{resource}} "{{value}}" is above the maximum "{{bound}}" of LimitRange "{{limitRange}}"',
      missing: 'no container of the pod sets a {{resource}} {{field}}, which LimitRange "{{limitRange}}" bounds per pod',
      ratio: 'pod limit {{resource}} "{{value}}" is more than {{bound}} times the pod request "{{request}}", the maxLimitRequestRatio of LimitRange "{{limitRange}}"',
    },
  },
  check(workload, { index, report }) {
    const limitRanges = index.nearby('LimitRange', workload.object);
    const podItems = limitItems(limitRanges, 'Pod');
    if (podItems.length === 0) return;
    const defaults = limitItems(limitRanges, 'Container').map(({ item }) => itemDefaults(item));
    const requests = podTotals(workload, defaults, 'requests');
    const limits = podTotals(workload, defaults, 'limits');
    const at = workload.podSpecPath;
    for (const { object, item } of podItems) {
      const limitRange = object.ref.name;
      const bounds = (name: string) => Object.entries(asRecord(item[name]) ?? {}).flatMap(([resource, value]) => {
        const bound = parseQuantity(value);
        return bound ? [{ resource, bound, text: String(value) }] : [];
      });
      const outside = (field: 'request' | 'limit', value: Quantity | undefined, bound: { resource: string; bound: Quantity; text: string }, sign: 1 | -1) =>
        value !== undefined && sign * compareQuantities(value, bound.bound) > 0
          ? { field, resource: bound.resource, value: formatQuantity(value), bound: bound.text, limitRange }
          : undefined;
      for (const bound of bounds('min')) {
        const request = requests.get(bound.resource);
        if (!request) report({ messageId: 'missing', data: { resource: bound.resource, field: 'request', limitRange }, at });
        const found = request && (outside('request', request, bound, -1) ?? outside('limit', limits.get(bound.resource), bound, -1));
        if (found) report({ messageId: 'belowMin', data: found, at });
      }
      for (const bound of bounds('max')) {
        const limit = limits.get(bound.resource);
        if (!limit) report({ messageId: 'missing', data: { resource: bound.resource, field: 'limit', limitRange }, at });
        const found = outside('limit', limit, bound, 1) ?? (limit ? outside('request', requests.get(bound.resource), bound, 1) : undefined);
        if (found) report({ messageId: 'aboveMax', data: found, at });
      }
      for (const bound of bounds('maxLimitRequestRatio')) {
        const request = requests.get(bound.resource);
        const limit = limits.get(bound.resource);
        if (!request || request.numerator === 0n) report({ messageId: 'missing', data: { resource: bound.resource, field: 'request', limitRange }, at });
        else if (!limit || limit.numerator === 0n) report({ messageId: 'missing', data: { resource: bound.resource, field: 'limit', limitRange }, at });
        else if (compareQuantities(limit, { numerator: request.numerator * bound.bound.numerator, denominator: request.denominator * bound.bound.denominator }) > 0) {
          report({ messageId: 'ratio', data: { resource: bound.resource, value: formatQuantity(limit), bound: bound.text, request: formatQuantity(request), limitRange }, at });
        }
      }
    }
  },
});
