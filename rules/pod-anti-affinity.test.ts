import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './pod-anti-affinity.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    {
      name: 'spread by constraint or anti-affinity; single replica',
      code: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: a}
        spec:
          replicas: 3
          template:
            spec:
              topologySpreadConstraints: [{maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: ScheduleAnyway}]
              containers: [{name: c, image: "c:1"}]
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: b}
        spec:
          replicas: 2
          template:
            spec:
              affinity: {podAntiAffinity: {preferredDuringSchedulingIgnoredDuringExecution: []}}
              containers: [{name: c, image: "c:1"}]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: c}
        spec:
          template: {spec: {containers: [{name: c, image: "c:1"}]}}
      `,
    },
  ],
  invalid: [
    {
      code: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: a}
        spec:
          replicas: 3
          template: {spec: {containers: [{name: c, image: "c:1"}]}}
      `,
      errors: [{ messageId: 'notSpread', line: 5, column: 13, data: { kind: 'Deployment', replicas: 3 } }],
    },
  ],
});
