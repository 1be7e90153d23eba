import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './capabilities-not-dropped.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'a Windows pod, where the API server forbids the field', fixture: 'fixtures/rules/capabilities-not-dropped/valid-windows-pod.yaml' },
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
    { fixture: 'fixtures/rules/capabilities-not-dropped/invalid-linux-pod.yaml', errors: [{ messageId: 'notDropped', line: 14, column: 17, data: { container: 'web' } }] },
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
