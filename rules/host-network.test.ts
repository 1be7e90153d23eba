import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './host-network.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    // HostProcess containers need hostNetwork (validateWindowsHostProcessPod); windows-host-process reports them
    { name: 'a pod of Windows HostProcess containers', fixture: 'fixtures/rules/windows-host-process/invalid-host-process.yaml' },
    {
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          hostNetwork: false
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
              hostNetwork: true
              containers: [{name: a, image: "a:1"}]
      `,
      errors: [{ messageId: 'shared', line: 7, column: 20 }],
    },
  ],
});
