import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './plaintext-secret.js';

const FIXTURES = 'fixtures/rules/plaintext-secret';

new RuleTester({ describe, it }).run(rule, {
  valid: [{ name: 'a key in a Secret, a placeholder key block, the AWS documentation key', fixture: `${FIXTURES}/valid-examples-and-secrets.yaml` }],
  invalid: [
    {
      name: 'a private key in a ConfigMap, an AWS access key id and a Google API key in env values',
      fixture: `${FIXTURES}/invalid-leaked-credentials.yaml`,
      errors: [
        { messageId: 'configMapData', line: 6, column: 3, data: { key: 'tls.key', shape: 'a private key' } },
        { messageId: 'envValue', line: 25, column: 38, data: { name: 'AWS_KEY', container: 'uploader', shape: 'an AWS access key id' } },
        { messageId: 'envValue', line: 26, column: 35, data: { name: 'MAPS', container: 'uploader', shape: 'a Google API key' } },
      ],
    },
  ],
});
