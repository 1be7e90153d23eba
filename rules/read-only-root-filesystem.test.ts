import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './read-only-root-filesystem.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    {
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - {name: a, image: "a:1", securityContext: {readOnlyRootFilesystem: true}}
          ephemeralContainers:
            - {name: debug, image: "busybox:1"}
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
              securityContext: {readOnlyRootFilesystem: false}
      `,
      errors: [
        { messageId: 'unset', line: 6, column: 13, data: { container: 'a' } },
        { messageId: 'writable', line: 10, column: 49, data: { container: 'b' } },
      ],
    },
  ],
});
