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
