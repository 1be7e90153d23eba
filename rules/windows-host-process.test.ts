import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './windows-host-process.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'hostProcess false, other windowsOptions', fixture: 'fixtures/rules/windows-host-process/valid-regular-windows.yaml' },
  ],
  invalid: [
    {
      fixture: 'fixtures/rules/windows-host-process/invalid-host-process.yaml',
      errors: [
        { messageId: 'hostProcess', line: 11, column: 39, data: { container: 'agent' } },
        { messageId: 'hostProcess', line: 11, column: 39, data: { container: 'logger' } },
      ],
    },
  ],
});
