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

/** A StatefulSet in namespace team with one volumeClaimTemplate "d" that requests the given storage. */
const statefulSet = (storage: string) => `
  apiVersion: apps/v1
  kind: StatefulSet
  metadata: {name: s, namespace: team}
  spec:
    serviceName: s
    selector: {matchLabels: {app: s}}
    template:
      metadata: {labels: {app: s}}
      spec:
        containers: [{name: a, image: "a:1"}]
    volumeClaimTemplates:
      - metadata: {name: d}
        spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: ${storage}}}}
`;

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'within min and max', code: claim('1500Mi') + LIMIT_RANGE },
    { name: 'a LimitRange of another namespace does not apply', code: claim('5Gi', 'other') + LIMIT_RANGE },
    { name: 'a StatefulSet volumeClaimTemplate within min and max', code: statefulSet('1Gi') + LIMIT_RANGE },
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
    {
      name: 'a StatefulSet volumeClaimTemplate above max: the claims its controller creates are rejected (review pvc-sts.yaml)',
      code: statefulSet('50Gi') + LIMIT_RANGE,
      errors: [{ messageId: 'templateAboveMax', line: 13, column: 76, data: { template: 'd', resource: 'storage', value: '50Gi', bound: '2Gi', limitRange: 'storagelimits' } }],
    },
    {
      name: 'a StatefulSet volumeClaimTemplate below min',
      code: statefulSet('500Mi') + LIMIT_RANGE,
      errors: [{ messageId: 'templateBelowMin', line: 13, column: 76, data: { template: 'd', resource: 'storage', value: '500Mi', bound: '1Gi', limitRange: 'storagelimits' } }],
    },
  ],
});
