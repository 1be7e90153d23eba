import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './deprecated-service-account-field.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    {
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          serviceAccountName: app
          containers: [{name: a, image: "a:1"}]
      `,
    },
    {
      name: 'an empty serviceAccount is the zero value, as if absent',
      code: `
        apiVersion: v1
        kind: ReplicationController
        metadata: {name: etcd}
        spec:
          template:
            spec:
              serviceAccount: ''
              containers: [{name: a, image: "a:1"}]
      `,
    },
  ],
  invalid: [
    {
      code: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              serviceAccount: app
              containers: [{name: a, image: "a:1"}]
      `,
      errors: [{ messageId: 'deprecated', line: 7, column: 7 }],
    },
  ],
});
