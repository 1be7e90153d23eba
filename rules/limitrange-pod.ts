// LimitRange objects in the inputs: the LimitRanger admission plugin rejects pods whose totals break a Pod item.
import { defineRule } from '../src/lint/define-rule.js';
import { containerItemDefaults, limitItems, limitViolations, podTotals } from '../src/lint/limit-range.js';
import { formatQuantity } from '../src/model/quantity.js';

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
    const defaults = containerItemDefaults(index, workload.object);
    const totals = { request: podTotals(workload, defaults, 'requests'), limit: podTotals(workload, defaults, 'limits') };
    const at = workload.podSpecPath;
    for (const { object, item } of podItems) {
      const limitRange = object.ref.name;
      for (const { constraint, kind, field, resource, bound } of limitViolations(item, totals.request, totals.limit)) {
        const value = (name: 'request' | 'limit') => {
          const total = totals[name].get(resource);
          return total ? formatQuantity(total, total.format) : '';
        };
        if (kind === 'missing') report({ messageId: 'missing', data: { resource, field, limitRange }, at });
        else if (constraint === 'maxLimitRequestRatio') report({ messageId: 'ratio', data: { resource, value: value('limit'), bound, request: value('request'), limitRange }, at });
        else report({ messageId: constraint === 'min' ? 'belowMin' : 'aboveMax', data: { field, resource, value: value(field), bound, limitRange }, at });
      }
    }
  },
});
