import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './probe-port-not-exposed.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    {
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: a
              image: a:1
              ports: [{name: http, containerPort: 8080}]
              livenessProbe: {httpGet: {path: /healthz, port: http}}
              readinessProbe: {tcpSocket: {port: 9090}}
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
              ports: [{name: web, containerPort: 8080}]
              readinessProbe:
                httpGet: {path: /ready, port: http}
              startupProbe:
                tcpSocket:
                  port: metrics
      `,
      errors: [
        { messageId: 'unknownName', line: 10, column: 39, data: { probe: 'readinessProbe', container: 'a', port: 'http' } },
        { messageId: 'unknownName', line: 13, column: 17, data: { probe: 'startupProbe', container: 'a', port: 'metrics' } },
      ],
    },
  ],
});
