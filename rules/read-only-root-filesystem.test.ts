import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './read-only-root-filesystem.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'a Windows pod, where the API server forbids the field', fixture: 'fixtures/rules/read-only-root-filesystem/valid-windows-pod.yaml' },
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
    { fixture: 'fixtures/rules/read-only-root-filesystem/invalid-linux-pod.yaml', errors: [{ messageId: 'unset', line: 14, column: 17, data: { container: 'web' } }] },
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
