import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './liveness-probe.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    {
      name: 'probe on the container; init containers, Jobs and run-to-completion Pods are not checked',
      code: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              initContainers:
                - {name: init, image: "busybox:1"}
              containers:
                - name: app
                  image: nginx:1
                  livenessProbe: {httpGet: {path: /healthz, port: 80}}
        ---
        apiVersion: batch/v1
        kind: Job
        metadata: {name: once}
        spec:
          template:
            spec:
              containers: [{name: run, image: "busybox:1"}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: task}
        spec:
          restartPolicy: Never
          containers: [{name: run, image: "busybox:1"}]
      `,
    },
  ],
  invalid: [
    {
      name: 'regular containers of a StatefulSet and a Pod',
      code: `
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db}
        spec:
          template:
            spec:
              containers:
                - name: db
                  image: postgres:16
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers: [{name: app, image: "nginx:1"}]
      `,
      errors: [
        { messageId: 'missing', line: 8, column: 17, data: { container: 'db' } },
        { messageId: 'missing', line: 15, column: 23, data: { container: 'app' } },
      ],
    },
  ],
});
