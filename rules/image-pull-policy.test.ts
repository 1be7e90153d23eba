import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './image-pull-policy.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'a DeploymentConfig container whose image an ImageChange trigger sets', fixture: 'fixtures/rules/latest-tag/valid-deploymentconfig-image-trigger.yaml' },
    { name: 'image volumes pulled Always, or pinned', fixture: 'fixtures/rules/image-pull-policy/valid-image-volume.yaml' },
    { name: 'template placeholders and ko:// references', fixture: 'fixtures/rules/image-pull-policy/valid-placeholders.yaml' },
    {
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - {name: a, image: "a:1.2", imagePullPolicy: IfNotPresent}
            - {name: b, image: "b:latest", imagePullPolicy: Always}
            - {name: c, image: "c"}
      `,
    },
  ],
  invalid: [
    {
      fixture: 'fixtures/rules/image-pull-policy/invalid-image-volume.yaml',
      errors: [{ messageId: 'notAlways', line: 14, column: 21, data: { image: 'quay.io/org/model:latest', field: 'pullPolicy', policy: 'IfNotPresent' } }],
    },
    {
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: a
              image: a:latest
              imagePullPolicy: IfNotPresent
      `,
      errors: [{ messageId: 'notAlways', line: 8, column: 24, data: { image: 'a:latest', field: 'imagePullPolicy', policy: 'IfNotPresent' } }],
    },
  ],
});
