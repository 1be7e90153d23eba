import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './ephemeral-storage.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'a container request and limit', fixture: 'fixtures/rules/ephemeral-storage/valid-container-limits.yaml' },
  ],
  invalid: [
    {
      fixture: 'fixtures/rules/ephemeral-storage/invalid-no-ephemeral-storage.yaml',
      errors: [
        { messageId: 'missing', line: 6, column: 13, data: { container: 'none', fields: 'request or limit' } },
        { messageId: 'missing', line: 8, column: 13, data: { container: 'request-only', fields: 'limit' } },
      ],
    },
    {
      name: 'pod-level ephemeral-storage does not count: the API server accepts only cpu, memory and hugepages there',
      fixture: 'fixtures/rules/ephemeral-storage/invalid-pod-level.yaml',
      errors: [{ messageId: 'missing', line: 7, column: 13, data: { container: 'app', fields: 'request or limit' } }],
    },
  ],
});
