import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './single-replica.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'an Argo Rollout of 3 replicas', fixture: 'fixtures/rules/rollout/invalid-replicated-rollout.yaml' },
    { name: 'two replicas meet the default minReplicas', fixture: 'fixtures/rules/single-replica/invalid-below-min-replicas.yaml' },
    { name: 'replicas and an HPA minReplicas a substitution variable stands for', fixture: 'fixtures/rules/single-replica/valid-substituted-replicas.yaml' },
    {
      name: 'several replicas; scaled to zero; HPA with minReplicas 2',
      code: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: a}
        spec:
          replicas: 3
          template: {spec: {containers: [{name: c, image: "c:1"}]}}
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: b}
        spec:
          replicas: 0
          template: {spec: {containers: [{name: c, image: "c:1"}]}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: c}
        spec:
          template: {spec: {containers: [{name: c, image: "c:1"}]}}
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: c}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: c}
          minReplicas: 2
          maxReplicas: 5
      `,
    },
    {
      name: 'a KEDA ScaledObject with minReplicaCount 2 (KEDA makes the HPA; its scaleTargetRef kind defaults to Deployment)',
      code: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: distributor}
        spec:
          template: {spec: {containers: [{name: c, image: "c:1"}]}}
        ---
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata: {name: distributor}
        spec:
          scaleTargetRef: {name: distributor}
          minReplicaCount: 2
          maxReplicaCount: 10
          triggers: [{type: cpu, metricType: Utilization, metadata: {value: "80"}}]
      `,
    },
  ],
  invalid: [
    {
      name: 'a KEDA ScaledObject without minReplicaCount: its HPA scales down to one replica',
      code: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: querier}
        spec:
          template: {spec: {containers: [{name: c, image: "c:1"}]}}
        ---
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata: {name: querier}
        spec:
          scaleTargetRef: {name: querier}
          triggers: [{type: cpu, metricType: Utilization, metadata: {value: "80"}}]
      `,
      errors: [{ messageId: 'hpa', line: 4, column: 1, data: { kind: 'Deployment', minimum: 'minReplicaCount of its KEDA ScaledObject' } }],
    },
    {
      name: 'minReplicas 3 (a quorum) reports two replicas',
      fixture: 'fixtures/rules/single-replica/invalid-below-min-replicas.yaml',
      config: { ruleOptions: { 'single-replica': { minReplicas: 3 } } },
      errors: [{ messageId: 'fewReplicas', line: 5, column: 13, data: { kind: 'StatefulSet', replicas: 2, minReplicas: 3 } }],
    },
    { name: 'an OpenShift DeploymentConfig', fixture: 'fixtures/rules/single-replica/invalid-deploymentconfig.yaml', errors: [{ messageId: 'single', line: 5, column: 13, data: { kind: 'DeploymentConfig' } }] },
    { name: 'an Argo Rollout', fixture: 'fixtures/rules/single-replica/invalid-rollout.yaml', errors: [{ messageId: 'single', line: 5, column: 13, data: { kind: 'Rollout' } }] },
    {
      code: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: a}
        spec:
          replicas: 1
          template: {spec: {containers: [{name: c, image: "c:1"}]}}
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: b}
        spec:
          template: {spec: {containers: [{name: c, image: "c:1"}]}}
      `,
      errors: [
        { messageId: 'single', line: 5, column: 13, data: { kind: 'Deployment' } },
        { messageId: 'defaulted', line: 11, column: 1, data: { kind: 'StatefulSet' } },
      ],
    },
  ],
});
