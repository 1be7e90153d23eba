import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './dangerous-capabilities.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    {
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - {name: a, image: "a:1", securityContext: {capabilities: {add: [NET_BIND_SERVICE], drop: [ALL]}}}
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
              securityContext:
                capabilities:
                  add: [NET_BIND_SERVICE, CAP_SYS_ADMIN, ALL]
      `,
      errors: [
        { messageId: 'added', line: 10, column: 35, data: { container: 'a', capability: 'CAP_SYS_ADMIN' } },
        { messageId: 'added', line: 10, column: 50, data: { container: 'a', capability: 'ALL' } },
      ],
    },
  ],
});
