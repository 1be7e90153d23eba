import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './ephemeral-storage.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'a pod-level limit covers the containers', fixture: 'fixtures/rules/ephemeral-storage/valid-pod-level.yaml' },
  ],
  invalid: [
    {
      fixture: 'fixtures/rules/ephemeral-storage/invalid-no-ephemeral-storage.yaml',
      errors: [
        { messageId: 'missing', line: 6, column: 13, data: { container: 'none', fields: 'request or limit' } },
        { messageId: 'missing', line: 8, column: 13, data: { container: 'request-only', fields: 'limit' } },
      ],
    },
  ],
});
