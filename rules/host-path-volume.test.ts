import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './host-path-volume.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    {
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers: [{name: a, image: "a:1"}]
          volumes: [{name: e, emptyDir: {}}]
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
              containers: [{name: a, image: "a:1"}]
              volumes:
                - name: one
                  hostPath: {path: /data}
                - name: two
                  hostPath:
                    path: /var/log
                    type: ""
      `,
      errors: [
        { messageId: 'hostPath', line: 10, column: 28, data: { volume: 'one', path: '/data' } },
        { messageId: 'hostPath', line: 13, column: 19, data: { volume: 'two', path: '/var/log' } },
      ],
    },
  ],
});
