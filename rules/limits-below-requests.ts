// A limit below its request is rejected by the API server at deploy time; catch it before.
import { defineRule } from '../src/lint/define-rule.js';
import { containerResources } from '../src/lint/resources.js';
import { compareQuantities, parseQuantity } from '../src/model/quantity.js';

export default defineRule({
  meta: {
    id: 'limits-below-requests',
    severity: 'error',
    category: 'resources',
    description: 'a resource limit is lower than the request of the same resource',
    rationale:
      'The API server rejects a container whose limit is below its request (validation requires request <= limit for cpu, memory, ephemeral-storage and extended resources), so the manifest cannot be applied. Quantities are compared exactly, so "1" equals "1000m" and "0.5" is below "600m".',
    remediation: 'Raise the limit to at least the request, or lower the request.',
    defaultOn: true,
    appliesTo: { target: 'container' },
    messages: { belowRequest: 'limit {{resource}} "{{limit}}" is below request "{{request}}"' },
  },
  check(container, { report }) {
    const { requests, limits, limitsPath } = containerResources(container);
    for (const [resource, limitValue] of Object.entries(limits)) {
      const limit = parseQuantity(limitValue);
      const request = parseQuantity(requests[resource]);
      if (!limit || !request || compareQuantities(limit, request) >= 0) continue;
      report({
        messageId: 'belowRequest',
        data: { resource, limit: String(limitValue), request: String(requests[resource]) },
        at: [...limitsPath, resource],
      });
    }
  },
});
