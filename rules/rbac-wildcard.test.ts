import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import { RBAC_VALID, rbacInvalid } from '../test/rbac-cases.js';
import rule from './rbac-wildcard.js';

new RuleTester({ describe, it }).run(rule, {
  valid: RBAC_VALID,
  invalid: rbacInvalid([
    { messageId: 'wildcard', line: 9, column: 17, data: { rule: 1, kind: 'ClusterRole', field: 'resources' } },
    { messageId: 'wildcard', line: 10, column: 13, data: { rule: 1, kind: 'ClusterRole', field: 'verbs' } },
  ]),
});
