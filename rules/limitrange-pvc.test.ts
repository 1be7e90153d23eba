import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './limitrange-pvc.js';

const LIMIT_RANGE = `
  ---
  apiVersion: v1
  kind: LimitRange
  metadata: {name: storagelimits, namespace: team}
  spec:
    limits: [{type: PersistentVolumeClaim, max: {storage: 2Gi}, min: {storage: 1Gi}}]
`;

const claim = (storage: string, namespace = 'team') => `
  apiVersion: v1
  kind: PersistentVolumeClaim
  metadata: {name: data, namespace: ${namespace}}
  spec:
    accessModes: [ReadWriteOnce]
    resources:
      requests: {storage: ${storage}}
`;

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'within min and max', code: claim('1500Mi') + LIMIT_RANGE },
    { name: 'a LimitRange of another namespace does not apply', code: claim('5Gi', 'other') + LIMIT_RANGE },
  ],
  invalid: [
    {
      name: 'above max (kubernetes/website pvc-limit-greater with storagelimits)',
      code: claim('5Gi') + LIMIT_RANGE,
      errors: [{ messageId: 'aboveMax', line: 7, column: 25, data: { resource: 'storage', value: '5Gi', bound: '2Gi', limitRange: 'storagelimits' } }],
    },
    {
      name: 'below min (kubernetes/website pvc-limit-lower with storagelimits)',
      code: claim('500Mi') + LIMIT_RANGE,
      errors: [{ messageId: 'belowMin', line: 7, column: 25, data: { resource: 'storage', value: '500Mi', bound: '1Gi', limitRange: 'storagelimits' } }],
    },
  ],
});
