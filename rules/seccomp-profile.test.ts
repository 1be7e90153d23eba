import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './seccomp-profile.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'a Windows pod, where the API server forbids the field', fixture: 'fixtures/rules/seccomp-profile/valid-windows-pod.yaml' },
    {
      name: 'pod-level RuntimeDefault is inherited',
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          securityContext: {seccompProfile: {type: RuntimeDefault}}
          containers: [{name: a, image: "a:1"}]
      `,
    },
  ],
  invalid: [
    { fixture: 'fixtures/rules/seccomp-profile/invalid-linux-pod.yaml', errors: [{ messageId: 'unset', line: 14, column: 17, data: { container: 'web' } }] },
    {
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          securityContext: {seccompProfile: {type: RuntimeDefault}}
          containers:
            - name: a
              image: a:1
              securityContext:
                seccompProfile: {type: Unconfined}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: q}
        spec:
          containers: [{name: b, image: "b:1"}]
      `,
      errors: [
        { messageId: 'unconfined', line: 10, column: 32, data: { container: 'a' } },
        { messageId: 'unset', line: 16, column: 23, data: { container: 'b' } },
      ],
    },
  ],
});
