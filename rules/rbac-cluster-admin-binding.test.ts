import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import { RBAC_VALID, rbacInvalid } from '../test/rbac-cases.js';
import rule from './rbac-cluster-admin-binding.js';

new RuleTester({ describe, it }).run(rule, {
  valid: RBAC_VALID,
  invalid: rbacInvalid([
    { messageId: 'clusterAdmin', line: 24, column: 73, data: { kind: 'ClusterRoleBinding', scope: 'in the whole cluster' } },
    { messageId: 'clusterAdmin', line: 30, column: 73, data: { kind: 'RoleBinding', scope: 'in namespace "team"' } },
  ]),
});
