import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './pdb-missing.js';

const DEPLOYMENT = `
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: shop}
  spec:
    replicas: 3
    template:
      metadata: {labels: {app: web, tier: front}}
      spec: {containers: [{name: c, image: "c:1"}]}
`;

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'no PodDisruptionBudget in the namespace and the rule not configured', code: `${DEPLOYMENT}
  ---
  apiVersion: policy/v1
  kind: PodDisruptionBudget
  metadata: {name: other, namespace: elsewhere}
  spec: {maxUnavailable: 1, selector: {matchLabels: {app: other}}}
` },
    {
      name: 'a budget selects the pods',
      code: `${DEPLOYMENT}
  ---
  apiVersion: policy/v1
  kind: PodDisruptionBudget
  metadata: {name: web, namespace: shop}
  spec:
    maxUnavailable: 1
    selector: {matchLabels: {app: web}}
`,
    },
  ],
  invalid: [
    { name: 'an Argo Rollout', fixture: 'fixtures/rules/rollout/invalid-replicated-rollout.yaml', errors: [{ messageId: 'missing', line: 6, column: 1, data: { kind: 'Rollout', replicas: 3 } }] },
    {
      name: 'the only budget selects other pods',
      code: `${DEPLOYMENT}
  ---
  apiVersion: policy/v1
  kind: PodDisruptionBudget
  metadata: {name: db, namespace: shop}
  spec:
    maxUnavailable: 1
    selector: {matchExpressions: [{key: app, operator: In, values: [db]}]}
`,
      errors: [{ messageId: 'missing', line: 5, column: 13, data: { kind: 'Deployment', replicas: 3 } }],
    },
    {
      name: 'configured explicitly, without budgets in the inputs',
      code: DEPLOYMENT,
      config: { rules: { 'pdb-missing': 'warning' } },
      errors: [{ messageId: 'missing', line: 5, column: 13 }],
    },
  ],
});
