import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './pod-anti-affinity.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'constraints that count the own pods (a matching selector, matchLabelKeys)', fixture: 'fixtures/rules/pod-anti-affinity/valid-constraints-select-own-pods.yaml' },
    { name: 'one term selects the pod itself in its own namespace', fixture: 'fixtures/rules/pod-anti-affinity/valid-term-selects-own-pods.yaml' },
    { name: 'replicas claiming a host port never share a node (NodePorts)', fixture: 'fixtures/rules/pod-anti-affinity/valid-host-ports.yaml' },
    { name: 'minReplicas 4 leaves three replicas alone', fixture: 'fixtures/rules/pod-anti-affinity/invalid-terms-that-do-not-spread.yaml', config: { ruleOptions: { 'pod-anti-affinity': { minReplicas: 4 } } } },
    {
      name: 'spread by constraint or anti-affinity; single replica',
      code: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: a}
        spec:
          replicas: 3
          template:
            metadata: {labels: {app: a}}
            spec:
              topologySpreadConstraints: [{maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: ScheduleAnyway, labelSelector: {matchLabels: {app: a}}}]
              containers: [{name: c, image: "c:1"}]
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: b}
        spec:
          replicas: 2
          template:
            spec:
              affinity: {podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{topologyKey: kubernetes.io/hostname, labelSelector: {}}]}}
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
    { name: 'an Argo Rollout', fixture: 'fixtures/rules/rollout/invalid-replicated-rollout.yaml', errors: [{ messageId: 'notSpread', line: 6, column: 1, data: { kind: 'Rollout', replicas: 3 } }] },
    {
      name: 'constraints without a selector, with an empty one or another application\'s; anti-affinity without terms',
      fixture: 'fixtures/rules/pod-anti-affinity/invalid-constraints-that-do-not-spread.yaml',
      errors: [
        { messageId: 'constraintMissesOwnPods', line: 14, column: 11, data: { kind: 'Deployment', replicas: 3 } },
        { messageId: 'constraintMissesOwnPods', line: 20, column: 11, data: { kind: 'Deployment', replicas: 3 } },
        { messageId: 'constraintMissesOwnPods', line: 21, column: 95, data: { kind: 'Deployment', replicas: 3 } },
        { messageId: 'notSpread', line: 29, column: 13, data: { kind: 'StatefulSet', replicas: 2 } },
      ],
    },
    {
      name: 'a containerPort without hostNetwork, and a host port of an init container that runs to completion, do not spread',
      fixture: 'fixtures/rules/pod-anti-affinity/invalid-ports-without-host-port.yaml',
      errors: [{ messageId: 'notSpread', line: 8, column: 13, data: { kind: 'Deployment', replicas: 2 } }],
    },
    {
      name: 'a term against another application and a term in another namespace do not spread the replicas',
      fixture: 'fixtures/rules/pod-anti-affinity/invalid-terms-that-do-not-spread.yaml',
      errors: [
        { messageId: 'termMissesOwnPods', line: 13, column: 15, data: { kind: 'Deployment', replicas: 3 } },
        { messageId: 'termExcludesNamespace', line: 19, column: 17, data: { kind: 'Deployment', replicas: 3, namespace: 'shop' } },
      ],
    },
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
