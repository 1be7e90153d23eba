import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './capabilities-not-dropped.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    {
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - {name: a, image: "a:1", securityContext: {capabilities: {drop: [ALL]}}}
            - {name: b, image: "b:1", securityContext: {capabilities: {drop: [CAP_NET_RAW]}}}
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
            - name: b
              image: b:1
              securityContext:
                capabilities: {drop: [CHOWN]}
      `,
      errors: [
        { messageId: 'notDropped', line: 6, column: 13, data: { container: 'a' } },
        { messageId: 'notDropped', line: 11, column: 23, data: { container: 'b' } },
      ],
    },
  ],
});
