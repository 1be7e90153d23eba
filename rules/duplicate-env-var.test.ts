import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './duplicate-env-var.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    {
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - {name: a, image: "a:1", env: [{name: A, value: "1"}, {name: B, value: "2"}]}
            - {name: b, image: "b:1", env: [{name: A, value: "1"}]}
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
              image: a:1
              env:
                - {name: MODE, value: fast}
                - {name: OTHER, value: x}
                - {name: MODE, value: safe}
      `,
      errors: [{ messageId: 'duplicate', line: 11, column: 18, data: { name: 'MODE', container: 'a', first: 0 } }],
    },
  ],
});
