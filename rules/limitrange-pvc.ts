// LimitRange objects in the inputs: the LimitRanger admission plugin rejects claims that request storage outside min and max.
import { defineRule } from '../src/lint/define-rule.js';
import { isBelow, limitItems } from '../src/lint/limit-range.js';
import { asRecord } from '../src/model/object.js';

// upstream: plugin/pkg/admission/limitranger/admission.go PersistentVolumeClaimValidateLimitFunc (minConstraint on the
// requests, maxRequestConstraint: a claim's limits are not checked)
export default defineRule({
  meta: {
    id: 'limitrange-pvc',
    severity: 'error',
    category: 'resources',
    description: 'PersistentVolumeClaim requests storage outside the min or max of a LimitRange in its namespace',
    rationale:
      'The LimitRanger admission plugin rejects a PersistentVolumeClaim whose request is below min or above max of a PersistentVolumeClaim-type LimitRange item in its namespace, or that requests nothing the item bounds; the claim is never created and the pods that mount it stay Pending.',
    remediation: 'Request an amount within the LimitRange bounds, or change the LimitRange.',
    defaultOn: true,
    queries: ['LimitRange'],
    appliesTo: { target: 'object', kinds: ['PersistentVolumeClaim'] },
    messages: {
      belowMin: 'request {{resource}} "{{value}}" is below the minimum "{{bound}}" of LimitRange "{{limitRange}}"',
      aboveMax: 'request {{resource}} "{{value}}" is above the maximum "{{bound}}" of LimitRange "{{limitRange}}"',
      noRequest: 'no {{resource}} request, which LimitRange "{{limitRange}}" bounds ({{bound}})',
    },
  },
  check(claim, { index, report }) {
    const requestsPath = ['spec', 'resources', 'requests'];
    const requests = asRecord(asRecord(asRecord(claim.value['spec'])?.['resources'])?.['requests']) ?? {};
    for (const { object, item } of limitItems(index.nearby('LimitRange', claim), 'PersistentVolumeClaim')) {
      const limitRange = object.ref.name;
      for (const [bounds, messageId, outside] of [['min', 'belowMin', isBelow], ['max', 'aboveMax', (value: unknown, bound: unknown) => isBelow(bound, value)]] as const) {
        for (const [resource, bound] of Object.entries(asRecord(item[bounds]) ?? {})) {
          const value = requests[resource];
          if (value === undefined) report({ messageId: 'noRequest', data: { resource, bound: `${bounds} "${String(bound)}"`, limitRange }, at: ['spec'] });
          else if (outside(value, bound)) report({ messageId, data: { resource, value: String(value), bound: String(bound), limitRange }, at: [...requestsPath, resource] });
        }
      }
    }
  },
});
