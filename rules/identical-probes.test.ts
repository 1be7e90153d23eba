import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './identical-probes.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    {
      name: 'different failureThreshold; only one probe',
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: a
              image: a:1
              livenessProbe: {httpGet: {path: /healthz, port: 80}, failureThreshold: 6}
              readinessProbe: {httpGet: {path: /healthz, port: 80}}
            - name: b
              image: b:1
              readinessProbe: {httpGet: {path: /healthz, port: 80}}
      `,
    },
  ],
  invalid: [
    {
      name: 'same probe with keys in another order',
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: a
              image: a:1
              livenessProbe:
                httpGet: {path: /healthz, port: 80}
                periodSeconds: 5
              readinessProbe:
                periodSeconds: 5
                httpGet: {port: 80, path: /healthz}
      `,
      errors: [{ messageId: 'identical', line: 8, column: 7, data: { container: 'a' } }],
    },
  ],
});
