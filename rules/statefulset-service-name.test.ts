import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './statefulset-service-name.js';

const DB = `
  apiVersion: apps/v1
  kind: StatefulSet
  metadata: {name: db}
  spec:
    serviceName: db
    template: {metadata: {labels: {app: db}}, spec: {containers: [{name: c, image: "c:1"}]}}
  ---
`;

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'names and labels a substitution variable stands for', fixture: 'fixtures/rules/substituted-references/valid-substituted.yaml' },
    {
      name: 'headless Service present',
      code: `${DB}
  apiVersion: v1
  kind: Service
  metadata: {name: db}
  spec: {clusterIP: None, selector: {app: db}}
`,
    },
    { name: 'no Services in the inputs at all', code: DB },
    { name: 'headless Services selecting the pods, one pod by its pod-name label, or none (endpoints kept by hand)', fixture: 'fixtures/rules/statefulset-service-name/valid-service-selects-pods.yaml' },
  ],
  invalid: [
    // kube-score score/apps_test.go TestStatefulsetHasServiceNameDifferentLabel (statefulset-service-name-different-label.yaml)
    {
      name: 'a headless Service that selects other pods',
      fixture: 'fixtures/rules/statefulset-service-name/invalid-service-selects-other-pods.yaml',
      errors: [{ messageId: 'notSelecting', line: 15, column: 16, data: { name: 'db' } }],
    },
    {
      code: `${DB}
  apiVersion: v1
  kind: Service
  metadata: {name: db}
  spec: {selector: {app: db}, ports: [{port: 5432}]}
  ---
  apiVersion: apps/v1
  kind: StatefulSet
  metadata: {name: cache}
  spec:
    serviceName: cache
    template: {spec: {containers: [{name: c, image: "c:1"}]}}
`,
      errors: [
        { messageId: 'notHeadless', line: 5, column: 16, data: { name: 'db' } },
        { messageId: 'missing', line: 18, column: 16, data: { name: 'cache', namespace: 'default' } },
      ],
    },
  ],
});
