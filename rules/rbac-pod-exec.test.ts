import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './rbac-pod-exec.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [{ name: 'least-privilege roles, per-namespace and resourceNames grants, aggregated roles', fixture: 'fixtures/rules/rbac/valid-least-privilege.yaml' }],
  invalid: [
    {
      name: 'an operator with broad rules bound cluster-wide',
      fixture: 'fixtures/rules/rbac/invalid-risky-rbac.yaml',
      errors: [{ messageId: 'exec', line: 12, column: 17, data: { kind: 'ClusterRole', verb: 'create', resource: 'pods/exec' } }],
    },
  ],
});
