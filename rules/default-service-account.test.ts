import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './default-service-account.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    {
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          serviceAccountName: app
          containers: [{name: c, image: "c:1"}]
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
          containers: [{name: c, image: "c:1"}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: q}
        spec:
          serviceAccountName: default
          containers: [{name: c, image: "c:1"}]
      `,
      errors: [
        { messageId: 'implicit', line: 4, column: 1 },
        { messageId: 'explicit', line: 11, column: 23 },
      ],
    },
  ],
});
