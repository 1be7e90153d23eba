import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './rbac-privilege-escalation.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [{ name: 'least-privilege roles, per-namespace and resourceNames grants, aggregated roles', fixture: 'fixtures/rules/rbac/valid-least-privilege.yaml' }],
  invalid: [
    {
      name: 'an operator with broad rules bound cluster-wide',
      fixture: 'fixtures/rules/rbac/invalid-risky-rbac.yaml',
      errors: [
        { messageId: 'escalation', line: 16, column: 13, data: { kind: 'ClusterRole', verb: 'escalate' } },
        { messageId: 'escalation', line: 16, column: 23, data: { kind: 'ClusterRole', verb: 'bind' } },
        { messageId: 'escalation', line: 19, column: 13, data: { kind: 'ClusterRole', verb: 'impersonate' } },
      ],
    },
  ],
});
