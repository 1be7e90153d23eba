import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './unsafe-proc-mount.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    // pod-security-admission policy check_procMount_test.go (user namespace pods are allowed)
    { name: 'a user-namespaced pod (hostUsers: false), which baseline admits from 1.35', fixture: 'fixtures/rules/unsafe-proc-mount/valid-user-namespace.yaml' },
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
      name: 'a user-namespaced pod before 1.35',
      fixture: 'fixtures/rules/unsafe-proc-mount/invalid-user-namespace-before-1.35.yaml',
      config: { kubernetesVersion: '1.34' },
      errors: [{ messageId: 'unmasked', line: 16, column: 24, data: { container: 'buildkitd' } }],
    },
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
