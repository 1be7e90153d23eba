import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './non-existent-priority-class.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    {
      name: 'defined in the inputs; the system classes every cluster has',
      code: `
        apiVersion: scheduling.k8s.io/v1
        kind: PriorityClass
        metadata: {name: high}
        value: 1000
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: a}
        spec: {priorityClassName: high, containers: [{name: a, image: "a:1"}]}
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent, namespace: kube-system}
        spec:
          selector: {matchLabels: {app: agent}}
          template:
            metadata: {labels: {app: agent}}
            spec: {priorityClassName: system-node-critical, containers: [{name: a, image: "a:1"}]}
      `,
    },
    {
      name: 'no PriorityClass in the inputs: the cluster may define it',
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: a}
        spec: {priorityClassName: batch-low, containers: [{name: a, image: "a:1"}]}
      `,
    },
    {
      name: 'a PriorityClass of a sibling project is no evidence for this one',
      fixture: ['fixtures/rules/non-existent-priority-class/platform/priority-classes.yaml', 'fixtures/rules/non-existent-priority-class/app/deployment.yaml'],
    },
    {
      name: 'template placeholders are not names',
      code: `
        apiVersion: scheduling.k8s.io/v1
        kind: PriorityClass
        metadata: {name: high}
        value: 1000
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: a}
        spec: {priorityClassName: "\${PRIORITY_CLASS}", containers: [{name: a, image: "a:1"}]}
      `,
    },
  ],
  invalid: [
    {
      code: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              priorityClassName: hgih
              containers: [{name: c, image: "c:1"}]
        ---
        apiVersion: scheduling.k8s.io/v1
        kind: PriorityClass
        metadata: {name: high}
        value: 1000
      `,
      errors: [{ messageId: 'missing', line: 9, column: 26, data: { name: 'hgih' } }],
    },
  ],
});
