import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './dangling-hpa.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'names and labels a substitution variable stands for', fixture: 'fixtures/rules/substituted-references/valid-substituted.yaml' },
    {
      name: 'no workload of the namespace in the directory: the target lives elsewhere',
      code: `
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
          maxReplicas: 3
      `,
    },
  ],
  invalid: [
    {
      name: 'a typo in the target name; a custom resource target is not checked',
      fixture: 'fixtures/rules/dangling-hpa/invalid-typo-in-target.yaml',
      errors: [{ messageId: 'noTarget', line: 14, column: 65, data: { kind: 'Deployment', name: 'check-out', namespace: 'default' } }],
    },
  ],
});
