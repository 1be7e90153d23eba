import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './privilege-escalation.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    {
      name: 'false, unset, or required by privileged / SYS_ADMIN',
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - {name: a, image: "a:1", securityContext: {allowPrivilegeEscalation: false}}
            - {name: b, image: "b:1"}
            - {name: c, image: "c:1", securityContext: {allowPrivilegeEscalation: true, privileged: true}}
            - {name: d, image: "d:1", securityContext: {allowPrivilegeEscalation: true, capabilities: {add: [SYS_ADMIN]}}}
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
                allowPrivilegeEscalation: true
      `,
      errors: [{ messageId: 'allowed', line: 9, column: 35, data: { container: 'a' } }],
    },
  ],
});
