import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import { RBAC_VALID, rbacInvalid } from '../test/rbac-cases.js';
import rule from './rbac-pod-exec.js';

new RuleTester({ describe, it }).run(rule, {
  valid: RBAC_VALID,
  invalid: rbacInvalid([
    { messageId: 'exec', line: 12, column: 17, data: { kind: 'ClusterRole', verb: 'create', resource: 'pods/exec' } },
    { messageId: 'exec', line: 38, column: 17, data: { kind: 'Role', verb: 'create', resource: '*/attach' } },
  ]),
});
