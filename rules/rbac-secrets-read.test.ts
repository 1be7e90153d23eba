import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import { RBAC_VALID, rbacInvalid } from '../test/rbac-cases.js';
import rule from './rbac-secrets-read.js';

new RuleTester({ describe, it }).run(rule, {
  valid: RBAC_VALID,
  invalid: rbacInvalid([{ messageId: 'readSecrets', line: 7, column: 13, data: { verb: 'get' } }]),
});
