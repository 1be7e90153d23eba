import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './dangling-network-policy.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    {
      name: 'no workload of the namespace in the directory: the pods live elsewhere',
      code: `
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: db}
        spec:
          podSelector: {matchLabels: {app: db}}
      `,
    },
    {
      name: 'the pods of a Job carry its job-name, those of a StatefulSet their pod names (the controllers add them)',
      code: `
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate}
        spec:
          template:
            metadata: {labels: {app: migrate}}
            spec: {restartPolicy: Never, containers: [{name: c, image: "c:1"}]}
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db}
        spec:
          replicas: 2
          template:
            metadata: {labels: {app: db}}
            spec: {containers: [{name: c, image: "c:1"}]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: migrate-egress}
        spec:
          podSelector: {matchLabels: {job-name: migrate}}
          egress: [{to: [{podSelector: {matchExpressions: [{key: statefulset.kubernetes.io/pod-name, operator: In, values: [db-0]}]}}]}]
      `,
    },
  ],
  invalid: [
    {
      name: 'a peer typo and a policy for pods that do not exist; default-deny and cross-namespace peers pass',
      fixture: 'fixtures/rules/dangling-network-policy/invalid-label-typos.yaml',
      errors: [
        { messageId: 'noPeerPods', line: 26, column: 11, data: { selector: 'app=apii', namespace: 'shop' } },
        { messageId: 'noPods', line: 35, column: 3, data: { selector: 'app In (cache)', namespace: 'shop' } },
      ],
    },
  ],
});
