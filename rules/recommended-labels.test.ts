import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './recommended-labels.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    {
      code: `
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          labels: {app.kubernetes.io/name: shop, app.kubernetes.io/instance: shop-eu}
        spec: {containers: [{name: c, image: "c:1"}]}
      `,
    },
  ],
  invalid: [
    {
      code: `
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          labels: {app.kubernetes.io/name: shop}
        spec: {containers: [{name: c, image: "c:1"}]}
      `,
      errors: [{ messageId: 'missing', line: 5, column: 3, data: { kind: 'Pod', labels: 'app.kubernetes.io/instance' } }],
    },
  ],
});
