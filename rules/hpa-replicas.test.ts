import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './hpa-replicas.js';

const HPA = `
  ---
  apiVersion: autoscaling/v2
  kind: HorizontalPodAutoscaler
  metadata: {name: web-hpa}
  spec:
    scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
    minReplicas: 2
    maxReplicas: 10
`;

new RuleTester({ describe, it }).run(rule, {
  valid: [
    {
      name: 'of two Deployments of one name (alternative renders), the HPA scales the one closest to it',
      fixture: ['fixtures/rules/hpa-replicas/renders/with-autoscaling.yaml', 'fixtures/rules/hpa-replicas/renders/without-autoscaling.yaml'],
    },
    {
      name: 'no replicas under an HPA; replicas without an HPA',
      code: `
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web}
  spec:
    template: {spec: {containers: [{name: c, image: "c:1"}]}}
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: other}
  spec:
    replicas: 2
    template: {spec: {containers: [{name: c, image: "c:1"}]}}
${HPA}`,
    },
  ],
  invalid: [
    { name: 'an Argo Rollout', fixture: 'fixtures/rules/rollout/invalid-replicated-rollout.yaml', errors: [{ messageId: 'fixed', line: 7, column: 3, data: { scaler: 'HorizontalPodAutoscaler', hpa: 'checkout', kind: 'Rollout' } }] },
    {
      code: `
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web}
  spec:
    replicas: 3
    template: {spec: {containers: [{name: c, image: "c:1"}]}}
${HPA}`,
      errors: [{ messageId: 'fixed', line: 5, column: 3, data: { scaler: 'HorizontalPodAutoscaler', hpa: 'web-hpa', kind: 'Deployment' } }],
    },
  ],
});
