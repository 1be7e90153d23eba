import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './docker-socket.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'a Windows named pipe that is not the runtime\'s', fixture: 'fixtures/rules/docker-socket/valid-windows-other-pipes.yaml' },
    {
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers: [{name: a, image: "a:1"}]
          volumes: [{name: v, hostPath: {path: /var/run/docker-data}}, {name: e, emptyDir: {}}]
      `,
    },
  ],
  invalid: [
    {
      name: 'the Windows runtimes\' named pipes',
      fixture: 'fixtures/rules/docker-socket/invalid-windows-named-pipes.yaml',
      errors: [
        { messageId: 'mounted', line: 20, column: 28, data: { volume: 'docker', path: '\\\\.\\pipe\\docker_engine' } },
        { messageId: 'mounted', line: 22, column: 28, data: { volume: 'containerd', path: '//./pipe/containerd-containerd' } },
      ],
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
                  hostPath: {path: /var/run/docker.sock}
                - name: two
                  hostPath:
                    path: /run/containerd/containerd.sock
                    type: ""
                - name: three
                  hostPath: {path: /run/podman/podman.sock, type: Socket}
      `,
      errors: [
        { messageId: 'mounted', line: 10, column: 28, data: { volume: 'one', path: '/var/run/docker.sock' } },
        { messageId: 'mounted', line: 13, column: 19, data: { volume: 'two', path: '/run/containerd/containerd.sock' } },
        { messageId: 'mounted', line: 16, column: 28, data: { volume: 'three', path: '/run/podman/podman.sock' } },
      ],
    },
  ],
});
