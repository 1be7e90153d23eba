import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './host-ipc.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    {
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          hostIPC: false
          containers: [{name: a, image: "a:1"}]
      `,
    },
  ],
  invalid: [
    {
      code: `
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent}
        spec:
          template:
            spec:
              hostIPC: true
              containers: [{name: a, image: "a:1"}]
      `,
      errors: [{ messageId: 'shared', line: 7, column: 16 }],
    },
  ],
});
