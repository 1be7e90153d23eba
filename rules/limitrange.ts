// LimitRange objects in the inputs: the LimitRanger admission plugin rejects containers outside min, max and ratio.
import { containerLabel, containerNamePath } from '../src/lint/container.js';
import { defineRule } from '../src/lint/define-rule.js';
import { effectiveValues, limitItems, limitViolations, quantities } from '../src/lint/limit-range.js';
import { itemDefaults } from '../src/model/limit-range-item.js';
import { containerResources } from '../src/lint/resources.js';

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
      const defaults = [itemDefaults(item)];
      const values = { request: effectiveValues(resources, defaults, 'requests'), limit: effectiveValues(resources, defaults, 'limits') };
      const at = (field: 'request' | 'limit', name: string) => {
        const [own, path] = field === 'request' ? [resources.requests, resources.requestsPath] : [resources.limits, resources.limitsPath];
        return Object.hasOwn(own, name) ? path.concat(name) : containerNamePath(container);
      };
      for (const { constraint, kind, field, resource, bound } of limitViolations(item, quantities(values.request), quantities(values.limit))) {
        const value = String(values[field][resource]);
        if (kind === 'outside' && constraint === 'maxLimitRequestRatio') report({ messageId: 'ratio', data: { resource, value, bound, limitRange }, at: at(field, resource) });
        else if (kind === 'outside') report({ messageId: constraint === 'min' ? 'belowMin' : 'aboveMax', data: { field, resource, value, bound, limitRange }, at: at(field, resource) });
        // min and max always have a value to check (the item's defaults fill them): only a ratio can miss one
        else if (constraint === 'maxLimitRequestRatio') report({ messageId: 'ratioMissing', data: { container: containerLabel(container), resource, field, bound, limitRange }, at: containerNamePath(container) });
      }
    }
  },
});
