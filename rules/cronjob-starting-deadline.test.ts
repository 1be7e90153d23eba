import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './cronjob-starting-deadline.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { fixture: 'fixtures/rules/cronjob-starting-deadline/valid-deadline.yaml' },
  ],
  invalid: [
    {
      fixture: 'fixtures/rules/cronjob-starting-deadline/invalid-no-deadline.yaml',
      errors: [{ messageId: 'missing', line: 4, column: 1 }],
    },
  ],
});
