import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './non-existent-runtime-class.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    {
      name: 'defined in the inputs',
      code: `
        apiVersion: node.k8s.io/v1
        kind: RuntimeClass
        metadata: {name: gvisor}
        handler: runsc
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: a}
        spec: {runtimeClassName: gvisor, containers: [{name: a, image: "a:1"}]}
      `,
    },
    {
      name: 'no RuntimeClass in the inputs: the cluster may define it',
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: a}
        spec: {runtimeClassName: kata, containers: [{name: a, image: "a:1"}]}
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
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              runtimeClassName: gviser
              containers: [{name: c, image: "c:1"}]
        ---
        apiVersion: node.k8s.io/v1
        kind: RuntimeClass
        metadata: {name: gvisor}
        handler: runsc
      `,
      errors: [{ messageId: 'missing', line: 9, column: 25, data: { name: 'gviser' } }],
    },
  ],
});
