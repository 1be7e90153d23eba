// LimitRange objects in the inputs: the LimitRanger admission plugin rejects claims that request storage outside min and max.
import { defineRule } from '../src/lint/define-rule.js';
import { isBelow, limitItems } from '../src/lint/limit-range.js';
import type { Path } from '../src/model/document.js';
import { asArray, asRecord, type KubeObject } from '../src/model/object.js';

/** The claim specs the LimitRanger sees: a PersistentVolumeClaim's own, or those a StatefulSet's controller creates. */
function claimSpecs(object: KubeObject): { spec: Readonly<Record<string, unknown>>; path: Path; template?: string }[] {
  const spec = asRecord(object.value['spec']) ?? {};
  if (object.ref.kind === 'PersistentVolumeClaim') return [{ spec, path: ['spec'] }];
  return asArray(spec['volumeClaimTemplates']).flatMap((entry, index) => {
    const template = asRecord(entry);
    const name = asRecord(template?.['metadata'])?.['name'];
    return template ? [{ spec: asRecord(template['spec']) ?? {}, path: ['spec', 'volumeClaimTemplates', index, 'spec'], template: typeof name === 'string' ? name : String(index) }] : [];
  });
}

const TEMPLATE_MESSAGE = { belowMin: 'templateBelowMin', aboveMax: 'templateAboveMax', noRequest: 'templateNoRequest' } as const;

// upstream: plugin/pkg/admission/limitranger/admission.go PersistentVolumeClaimValidateLimitFunc (minConstraint on the
// requests, maxRequestConstraint: a claim's limits are not checked); a StatefulSet's claims come from its
// volumeClaimTemplates (pkg/controller/statefulset/stateful_set_utils.go getPersistentVolumeClaims)
export default defineRule({
  meta: {
    id: 'limitrange-pvc',
    severity: 'error',
    category: 'resources',
    description: 'PersistentVolumeClaim or StatefulSet volumeClaimTemplate requests storage outside the min or max of a LimitRange in its namespace',
    rationale:
      'The LimitRanger admission plugin rejects a PersistentVolumeClaim whose request is below min or above max of a PersistentVolumeClaim-type LimitRange item in its namespace, or that requests nothing the item bounds; the claim is never created and the pods that mount it stay Pending. A StatefulSet\'s controller creates one claim per pod from each volumeClaimTemplate, so a template outside the bounds leaves every pod of the StatefulSet Pending.',
    remediation: 'Request an amount within the LimitRange bounds, or change the LimitRange.',
    defaultOn: true,
    queries: ['LimitRange'],
    appliesTo: { target: 'object', kinds: ['PersistentVolumeClaim', 'StatefulSet'] },
    messages: {
      belowMin: 'request {{resource}} "{{value}}" is below the minimum "{{bound}}" of LimitRange "{{limitRange}}"',
      aboveMax: 'request {{resource}} "{{value}}" is above the maximum "{{bound}}" of LimitRange "{{limitRange}}"',
      noRequest: 'no {{resource}} request, which LimitRange "{{limitRange}}" bounds ({{bound}})',
      templateBelowMin: 'request {{resource}} "{{value}}" of volumeClaimTemplate "{{template}}" is below the minimum "{{bound}}" of LimitRange "{{limitRange}}": the claims the StatefulSet creates from it are rejected',
      templateAboveMax: 'request {{resource}} "{{value}}" of volumeClaimTemplate "{{template}}" is above the maximum "{{bound}}" of LimitRange "{{limitRange}}": the claims the StatefulSet creates from it are rejected',
      templateNoRequest: 'volumeClaimTemplate "{{template}}" has no {{resource}} request, which LimitRange "{{limitRange}}" bounds ({{bound}}): the claims the StatefulSet creates from it are rejected',
    },
  },
  check(object, { index, report }) {
    const items = limitItems(index.nearby('LimitRange', object), 'PersistentVolumeClaim');
    if (items.length === 0) return;
    for (const { spec, path, template } of claimSpecs(object)) {
      const requestsPath = path.concat('resources', 'requests');
      const requests = asRecord(asRecord(spec['resources'])?.['requests']) ?? {};
      const named: Record<string, string> = template === undefined ? {} : { template };
      const id = (messageId: keyof typeof TEMPLATE_MESSAGE) => (template === undefined ? messageId : TEMPLATE_MESSAGE[messageId]);
      for (const { object: limitRange, item } of items) {
        for (const [bounds, messageId, outside] of [['min', 'belowMin', isBelow], ['max', 'aboveMax', (value: unknown, bound: unknown) => isBelow(bound, value)]] as const) {
          for (const [resource, bound] of Object.entries(asRecord(item[bounds]) ?? {})) {
            const value = requests[resource];
            if (value === undefined) report({ messageId: id('noRequest'), data: { ...named, resource, bound: `${bounds} "${String(bound)}"`, limitRange: limitRange.ref.name }, at: path });
            else if (outside(value, bound)) report({ messageId: id(messageId), data: { ...named, resource, value: String(value), bound: String(bound), limitRange: limitRange.ref.name }, at: requestsPath.concat(resource) });
          }
        }
      }
    }
  },
});
