import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './privileged-ports.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    {
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers: [{name: a, image: "a:1", ports: [{containerPort: 8080}, {containerPort: 1024}]}]
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
              ports: [{containerPort: 8080}, {containerPort: 443}]
      `,
      errors: [{ messageId: 'privileged', line: 8, column: 54, data: { container: 'a', port: 443 } }],
    },
  ],
});
