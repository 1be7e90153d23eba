import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './hpa-min-equals-max.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    {
      name: 'room to scale',
      code: `
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web}
        spec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}, minReplicas: 2, maxReplicas: 5}
      `,
    },
  ],
  invalid: [
    {
      fixture: 'fixtures/rules/hpa-min-equals-max/invalid-fixed-autoscalers.yaml',
      errors: [
        { messageId: 'fixed', line: 7, column: 16, data: { replicas: 3 } },
        { messageId: 'fixed', line: 14, column: 16, data: { replicas: 1 } },
      ],
    },
  ],
});
