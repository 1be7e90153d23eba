import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import { RBAC_VALID, rbacInvalid } from '../test/rbac-cases.js';
import rule from './rbac-privilege-escalation.js';

new RuleTester({ describe, it }).run(rule, {
  valid: RBAC_VALID,
  invalid: rbacInvalid([
    { messageId: 'escalation', line: 16, column: 13, data: { kind: 'ClusterRole', verb: 'escalate' } },
    { messageId: 'escalation', line: 16, column: 23, data: { kind: 'ClusterRole', verb: 'bind' } },
    { messageId: 'escalation', line: 19, column: 13, data: { kind: 'ClusterRole', verb: 'impersonate' } },
  ]),
});
