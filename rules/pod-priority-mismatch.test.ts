import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './pod-priority-mismatch.js';

// upstream: plugin/pkg/admission/priority/admission_test.go TestPodAdmission (the cases that set spec.priority or
// spec.preemptionPolicy on a pod to be created)
const CLASSES = `
        apiVersion: scheduling.k8s.io/v1
        kind: PriorityClass
        metadata: {name: high}
        value: 1000
        ---
        apiVersion: scheduling.k8s.io/v1
        kind: PriorityClass
        metadata: {name: never-preempting}
        value: 500
        preemptionPolicy: Never`;

new RuleTester({ describe, it }).run(rule, {
  valid: [
    {
      name: 'priority and preemptionPolicy equal to what the class gives (a pod copied from kubectl get -o yaml)',
      code: `${CLASSES}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: a}
        spec: {priorityClassName: high, priority: 1000, preemptionPolicy: PreemptLowerPriority, containers: [{name: a, image: "a:1"}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: b}
        spec: {priorityClassName: system-node-critical, priority: 2000001000, containers: [{name: a, image: "a:1"}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: c}
        spec: {priorityClassName: never-preempting, preemptionPolicy: Never, containers: [{name: a, image: "a:1"}]}
      `,
    },
    {
      name: 'a class the inputs do not define, and no class without a globalDefault one in the inputs: the cluster decides',
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: a}
        spec: {priorityClassName: batch, priority: 7, containers: [{name: a, image: "a:1"}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: b}
        spec: {priority: 7, containers: [{name: a, image: "a:1"}]}
      `,
    },
  ],
  invalid: [
    {
      name: 'priority other than the class value; then preemptionPolicy other than the class policy',
      code: `${CLASSES}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              priorityClassName: high
              priority: 0
              preemptionPolicy: Never
              containers: [{name: c, image: "c:1"}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec: {priorityClassName: never-preempting, preemptionPolicy: PreemptLowerPriority, containers: [{name: a, image: "a:1"}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: q}
        spec: {priorityClassName: system-cluster-critical, priority: 2000001000, containers: [{name: a, image: "a:1"}]}
      `,
      errors: [
        { messageId: 'priority', line: 21, column: 17, data: { given: '0', computed: '1000' } },
        { messageId: 'preemptionPolicy', line: 28, column: 63, data: { given: 'PreemptLowerPriority', computed: 'Never' } },
        { messageId: 'priority', line: 33, column: 62, data: { given: '2000001000', computed: '2000000000' } },
      ],
    },
    {
      name: 'no class: the globalDefault PriorityClass of lowest value gives both',
      code: `
        apiVersion: scheduling.k8s.io/v1
        kind: PriorityClass
        metadata: {name: default-high}
        value: 100
        globalDefault: true
        ---
        apiVersion: scheduling.k8s.io/v1
        kind: PriorityClass
        metadata: {name: default-low}
        value: 10
        globalDefault: true
        preemptionPolicy: Never
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: a}
        spec: {priority: 100, containers: [{name: a, image: "a:1"}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: b}
        spec: {priority: 10, preemptionPolicy: PreemptLowerPriority, containers: [{name: a, image: "a:1"}]}
      `,
      errors: [
        { messageId: 'priority', line: 17, column: 18, data: { given: '100', computed: '10' } },
        { messageId: 'preemptionPolicy', line: 22, column: 40, data: { given: 'PreemptLowerPriority', computed: 'Never' } },
      ],
    },
  ],
});
