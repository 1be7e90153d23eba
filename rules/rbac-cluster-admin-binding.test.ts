import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './rbac-cluster-admin-binding.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [{ name: 'least-privilege roles, per-namespace and resourceNames grants, aggregated roles', fixture: 'fixtures/rules/rbac/valid-least-privilege.yaml' }],
  invalid: [
    {
      name: 'an operator with broad rules bound cluster-wide',
      fixture: 'fixtures/rules/rbac/invalid-risky-rbac.yaml',
      errors: [
        { messageId: 'clusterAdmin', line: 24, column: 73, data: { kind: 'ClusterRoleBinding', scope: 'in the whole cluster' } },
        { messageId: 'clusterAdmin', line: 30, column: 73, data: { kind: 'RoleBinding', scope: 'in namespace "team"' } },
      ],
    },
  ],
});
