import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './limits-below-requests.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    {
      name: 'equal quantities in different notations, limits above requests, extended resources',
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: app
              image: app:1
              resources:
                requests: {cpu: "1", memory: 1Gi, nvidia.com/gpu: 1}
                limits: {cpu: 1000m, memory: 1073741824, nvidia.com/gpu: "1"}
            - name: side
              image: side:1
              resources:
                requests: {cpu: 0.5}
                limits: {cpu: 600m, memory: 64Mi}
      `,
    },
  ],
  invalid: [
    {
      name: 'cpu, memory and ephemeral-storage below their requests',
      code: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              containers:
                - name: app
                  image: app:1
                  resources:
                    requests: {cpu: 600m, memory: 1Gi, ephemeral-storage: 2G}
                    limits:
                      cpu: 0.5
                      memory: 1000Mi
                      ephemeral-storage: 1Gi
      `,
      errors: [
        { messageId: 'belowRequest', line: 13, column: 20, data: { resource: 'cpu', limit: '0.5', request: '600m' } },
        { messageId: 'belowRequest', line: 14, column: 23, data: { resource: 'memory', limit: '1000Mi', request: '1Gi' } },
        { messageId: 'belowRequest', line: 15, column: 34, data: { resource: 'ephemeral-storage', limit: '1Gi', request: '2G' } },
      ],
    },
  ],
});
