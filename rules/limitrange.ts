// LimitRange objects in the inputs: the LimitRanger admission plugin rejects containers outside min, max and ratio.
import { containerLabel, containerNamePath } from '../src/lint/container.js';
import { defineRule } from '../src/lint/define-rule.js';
import { isBelow, itemDefaults, limitItems } from '../src/lint/limit-range.js';
import { containerResources } from '../src/lint/resources.js';
import { asRecord } from '../src/model/object.js';
import { compareQuantities, parseQuantity, type Quantity } from '../src/model/quantity.js';

// upstream: plugin/pkg/admission/limitranger/admission.go minConstraint, maxConstraint, limitRequestRatioConstraint
export default defineRule({
  meta: {
    id: 'limitrange',
    severity: 'error',
    category: 'resources',
    description: 'container violates the min, max or maxLimitRequestRatio of a LimitRange in its namespace',
    rationale:
      'The LimitRanger admission plugin rejects pods whose containers ask for less than min, more than max, or a limit more than maxLimitRequestRatio times the request of a Container-type LimitRange item in their namespace; the controller then fails to create pods and the workload never starts. Values are compared as exact quantities after the defaults are applied as the API server does: a container\'s limit is its request when it sets none, then the item\'s default (or else max) fills missing limits and its defaultRequest (or else the default, or else min) fills missing requests.',
    remediation: 'Bring the container\'s requests and limits within the LimitRange bounds, or change the LimitRange.',
    defaultOn: true,
    queries: ['LimitRange'],
    appliesTo: { target: 'container', containerTypes: ['container', 'initContainer'] },
    messages: {
      belowMin: '{{field}} {{resource}} "{{value}}" is below the minimum "{{bound}}" of LimitRange "{{limitRange}}"',
      aboveMax: '{{field}} {{resource}} "{{value}}" is above the maximum "{{bound}}" of LimitRange "{{limitRange}}"',
      ratio: 'limit {{resource}} "{{value}}" is more than {{bound}} times the request, the maxLimitRequestRatio of LimitRange "{{limitRange}}"',
      ratioMissing: 'container "{{container}}" has no {{resource}} {{field}} (or it is 0), which the maxLimitRequestRatio {{bound}} of LimitRange "{{limitRange}}" needs',
    },
  },
  check(container, { workload, index, report }) {
    const resources = containerResources(container);
    for (const { object, item } of limitItems(index.nearby('LimitRange', workload.object), 'Container')) {
      const limitRange = object.ref.name;
      const defaults = itemDefaults(item);
      const limitOf = (name: string) => resources.limits[name] ?? defaults.limits[name];
      // a container's own limit is its request when it sets none (SetDefaults_Pod), before LimitRanger fills the rest
      const requestOf = (name: string) => resources.requests[name] ?? resources.limits[name] ?? defaults.requests[name];
      const at = (field: 'requests' | 'limits', name: string) =>
        Object.hasOwn(field === 'requests' ? resources.requests : resources.limits, name) ? [...(field === 'requests' ? resources.requestsPath : resources.limitsPath), name] : containerNamePath(container);
      for (const [name, bound] of Object.entries(asRecord(item['min']) ?? {})) {
        for (const field of ['requests', 'limits'] as const) {
          const value = field === 'requests' ? requestOf(name) : limitOf(name);
          if (isBelow(value, bound)) report({ messageId: 'belowMin', data: { field: field.slice(0, -1), resource: name, value: String(value), bound: String(bound), limitRange }, at: at(field, name) });
        }
      }
      for (const [name, bound] of Object.entries(asRecord(item['max']) ?? {})) {
        const limit = limitOf(name);
        const request = requestOf(name);
        if (isBelow(bound, limit)) report({ messageId: 'aboveMax', data: { field: 'limit', resource: name, value: String(limit), bound: String(bound), limitRange }, at: at('limits', name) });
        else if (isBelow(bound, request)) report({ messageId: 'aboveMax', data: { field: 'request', resource: name, value: String(request), bound: String(bound), limitRange }, at: at('requests', name) });
      }
      for (const [name, bound] of Object.entries(asRecord(item['maxLimitRequestRatio']) ?? {})) {
        const limit = parseQuantity(limitOf(name));
        const request = parseQuantity(requestOf(name));
        const ratio = parseQuantity(bound);
        if (!ratio) continue;
        // upstream limitRequestRatioConstraint: a ratio needs both a request and a limit, neither zero
        const missing = !request || request.numerator === 0n ? 'request' : !limit || limit.numerator === 0n ? 'limit' : undefined;
        if (missing || !request || !limit) report({ messageId: 'ratioMissing', data: { container: containerLabel(container), resource: name, field: missing ?? 'limit', bound: String(bound), limitRange }, at: containerNamePath(container) });
        else if (compareQuantities(limit, times(request, ratio)) > 0) report({ messageId: 'ratio', data: { resource: name, value: String(limitOf(name)), bound: String(bound), limitRange }, at: at('limits', name) });
      }
    }
  },
});


function times(a: Quantity, b: Quantity): Quantity {
  return { numerator: a.numerator * b.numerator, denominator: a.denominator * b.denominator };
}
