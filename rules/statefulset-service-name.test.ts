import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './statefulset-service-name.js';

const DB = `
  apiVersion: apps/v1
  kind: StatefulSet
  metadata: {name: db}
  spec:
    serviceName: db
    template: {spec: {containers: [{name: c, image: "c:1"}]}}
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
  ],
  invalid: [
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
