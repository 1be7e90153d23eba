import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './unsafe-proc-mount.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    {
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers: [{name: a, image: "a:1", securityContext: {procMount: Default}}]
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
          containers: [{name: a, image: "a:1", securityContext: {procMount: Unmasked}}]
      `,
      errors: [{ messageId: 'unmasked', line: 5, column: 69, data: { container: 'a' } }],
    },
  ],
});
