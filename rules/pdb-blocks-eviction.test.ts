import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './pdb-blocks-eviction.js';

const FIXTURES = 'fixtures/rules/pdb-blocks-eviction';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'budgets that leave room; a budget for pods outside the inputs', fixture: `${FIXTURES}/valid-budgets.yaml` },
    { name: 'a budget over replicas a substitution variable stands for', fixture: `${FIXTURES}/valid-substituted-replicas.yaml` },
  ],
  invalid: [
    {
      name: 'maxUnavailable 0, minAvailable at the replicas or the HPA floor, 100%, and no budget at all',
      fixture: `${FIXTURES}/invalid-budgets.yaml`,
      errors: [
        { messageId: 'maxUnavailableZero', line: 32, column: 19, data: { value: '0' } },
        { messageId: 'minAvailableReplicas', line: 39, column: 17, data: { value: '3', pods: '3 pods' } },
        { messageId: 'minAvailableHpa', line: 46, column: 17, data: { value: '2', pods: '2 pods' } },
        { messageId: 'minAvailableAll', line: 53, column: 17, data: { value: '100%' } },
        { messageId: 'noBudget', line: 59, column: 1 },
      ],
    },
    {
      name: 'a budget that keeps the one pod an autoscaler may scale to',
      fixture: `${FIXTURES}/invalid-one-pod.yaml`,
      errors: [{ messageId: 'minAvailableHpa', line: 23, column: 17, data: { value: '80%', pods: '1 pod' } }],
    },
  ],
});
