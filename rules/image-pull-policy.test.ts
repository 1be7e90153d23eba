import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './image-pull-policy.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
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
      errors: [{ messageId: 'notAlways', line: 8, column: 24, data: { image: 'a:latest', policy: 'IfNotPresent' } }],
    },
  ],
});
