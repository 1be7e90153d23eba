import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './sensitive-host-mounts.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'the kubelet plugin directories of a CSI node plugin are kubelet-plugin-mounts notes', fixture: 'fixtures/rules/kubelet-plugin-mounts/invalid-csi-node-plugin.yaml' },
    {
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers: [{name: a, image: "a:1"}]
          volumes: [{name: v, hostPath: {path: /var/log}}, {name: e, emptyDir: {}}]
      `,
    },
  ],
  invalid: [
    {
      name: 'the pods directory without Bidirectional propagation',
      fixture: 'fixtures/rules/kubelet-plugin-mounts/valid-pods-dir-without-bidirectional.yaml',
      errors: [{ messageId: 'mounted', line: 12, column: 24, data: { volume: 'pods', path: '/var/lib/kubelet/pods' } }],
    },
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
                  hostPath: {path: /etc/}
                - name: two
                  hostPath:
                    path: /proc/sys
                    type: ""
      `,
      errors: [
        { messageId: 'mounted', line: 10, column: 28, data: { volume: 'one', path: '/etc' } },
        { messageId: 'mounted', line: 13, column: 19, data: { volume: 'two', path: '/proc/sys' } },
      ],
    },
  ],
});
