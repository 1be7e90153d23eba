import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './duplicate-default-priority-class.js';

// upstream: plugin/pkg/admission/priority/admission_test.go TestPriorityClassAdmission ("create second default class")
new RuleTester({ describe, it }).run(rule, {
  valid: [
    {
      name: 'one default class among others',
      code: `
        apiVersion: scheduling.k8s.io/v1
        kind: PriorityClass
        metadata: {name: normal}
        value: 100
        globalDefault: true
        ---
        apiVersion: scheduling.k8s.io/v1
        kind: PriorityClass
        metadata: {name: high}
        value: 1000
        globalDefault: false
      `,
    },
    {
      name: 'the same default class written twice (a base and its overlay copy) is one class',
      code: `
        apiVersion: scheduling.k8s.io/v1
        kind: PriorityClass
        metadata: {name: normal}
        value: 100
        globalDefault: true
        ---
        apiVersion: scheduling.k8s.io/v1
        kind: PriorityClass
        metadata: {name: normal}
        value: 100
        globalDefault: true
        description: overlay
      `,
    },
    {
      name: 'default classes of sibling projects are applied apart',
      fixture: ['fixtures/rules/duplicate-default-priority-class/team-a/classes.yaml', 'fixtures/rules/duplicate-default-priority-class/team-b/classes.yaml'],
    },
  ],
  invalid: [
    {
      name: 'the second and third default classes are refused, naming the first',
      code: `
        apiVersion: scheduling.k8s.io/v1
        kind: PriorityClass
        metadata: {name: normal}
        value: 100
        globalDefault: true
        ---
        apiVersion: scheduling.k8s.io/v1
        kind: PriorityClass
        metadata: {name: batch}
        value: 10
        globalDefault: true
        ---
        apiVersion: scheduling.k8s.io/v1
        kind: PriorityClass
        metadata: {name: low}
        value: 1
        globalDefault: true
      `,
      errors: [
        { messageId: 'second', line: 11, column: 16, data: { first: 'normal' } },
        { messageId: 'second', line: 17, column: 16, data: { first: 'normal' } },
      ],
    },
  ],
});
