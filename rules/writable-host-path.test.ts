import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './writable-host-path.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    {
      name: 'a read-only hostPath mount',
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers: [{name: c, image: "c:1", volumeMounts: [{name: logs, mountPath: /logs, readOnly: true}]}]
          volumes: [{name: logs, hostPath: {path: /var/log}}]
      `,
    },
  ],
  invalid: [
    {
      fixture: 'fixtures/rules/writable-host-path/invalid-writable-mount.yaml',
      errors: [{ messageId: 'writable', line: 14, column: 22, data: { container: 'agent', volume: 'state', path: '/var/lib/log-agent' } }],
    },
  ],
});
