import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './host-port.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    {
      name: 'no hostPort; hostNetwork pods repeat containerPort',
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers: [{name: a, image: "a:1", ports: [{containerPort: 80}]}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: q}
        spec:
          hostNetwork: true
          containers: [{name: a, image: "a:1", ports: [{containerPort: 80, hostPort: 80}]}]
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
              ports:
                - containerPort: 80
                  hostPort: 8080
      `,
      errors: [{ messageId: 'hostPort', line: 10, column: 21, data: { container: 'a', port: 8080 } }],
    },
  ],
});
