import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './automount-service-account-token.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    {
      name: 'off on the pod, or on its ServiceAccount in the inputs',
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          automountServiceAccountToken: false
          containers: [{name: c, image: "c:1"}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: q}
        spec:
          serviceAccountName: quiet
          containers: [{name: c, image: "c:1"}]
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: quiet}
        automountServiceAccountToken: false
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
          containers: [{name: c, image: "c:1"}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: q}
        spec:
          automountServiceAccountToken: true
          containers: [{name: c, image: "c:1"}]
      `,
      errors: [
        { messageId: 'mounted', line: 4, column: 1 },
        { messageId: 'mounted', line: 11, column: 33 },
      ],
    },
  ],
});
