import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './privileged-container.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    {
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - {name: a, image: "a:1", securityContext: {privileged: false}}
            - {name: b, image: "b:1"}
      `,
    },
  ],
  invalid: [
    {
      code: `
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent}
        spec:
          template:
            spec:
              containers:
                - name: agent
                  image: agent:1
                  securityContext:
                    privileged: true
      `,
      errors: [{ messageId: 'privileged', line: 11, column: 25, data: { container: 'agent' } }],
    },
  ],
});
