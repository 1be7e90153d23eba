import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './run-as-non-root.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'a pod in its own user namespace', fixture: 'fixtures/rules/run-as-non-root/valid-user-namespace.yaml' },
    // kube-linter pkg/templates/runasnonroot/template_test.go TestContainerRunAsGroupOverridesPodRunAsGroup,
    // TestMissingRunAsGroupAllowedWhenRunAsUserNonRoot
    { name: 'a non-zero runAsGroup overrides the pod\'s 0; no runAsGroup at all', fixture: 'fixtures/rules/run-as-non-root/valid-run-as-group.yaml' },
    {
      name: 'pod-level runAsNonRoot is inherited by every container',
      code: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              securityContext: {runAsNonRoot: true}
              initContainers: [{name: init, image: "init:1"}]
              containers: [{name: app, image: "app:1"}]
      `,
    },
    {
      name: 'a non-zero runAsUser at pod or container level; Windows pods',
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          securityContext: {runAsUser: 1000}
          containers:
            - {name: a, image: "a:1"}
            - {name: b, image: "b:1", securityContext: {runAsNonRoot: false, runAsUser: 10001}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: win}
        spec:
          os: {name: windows}
          containers: [{name: w, image: "w:1"}]
      `,
    },
  ],
  invalid: [
    {
      // kube-linter pkg/templates/runasnonroot/template_test.go TestContainerRunAsGroupZero, TestPodRunAsGroupZero
      name: 'runAsGroup 0 of the container, or of the pod for every container that sets none',
      fixture: 'fixtures/rules/run-as-non-root/invalid-run-as-group-zero.yaml',
      errors: [
        { messageId: 'runAsRootGroup', line: 18, column: 25, data: { container: 'app' } },
        { messageId: 'runAsRootGroup', line: 32, column: 21, data: { container: 'init' } },
        { messageId: 'runAsRootGroup', line: 32, column: 21, data: { container: 'app' } },
      ],
    },
    {
      name: 'hostUsers: false before 1.33, which drops it',
      fixture: 'fixtures/rules/run-as-non-root/invalid-user-namespace-before-1.33.yaml',
      config: { kubernetesVersion: '1.32' },
      errors: [{ messageId: 'unset', line: 13, column: 17, data: { container: 'buildkit' } }],
    },
    {
      name: 'unset, runAsUser 0 overriding the pod, runAsNonRoot false',
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: a
              image: a:1
            - name: b
              image: b:1
              securityContext: {runAsUser: 0}
            - name: c
              image: c:1
              securityContext:
                runAsNonRoot: false
      `,
      errors: [
        { messageId: 'unset', line: 6, column: 13, data: { container: 'a' } },
        { messageId: 'runAsRoot', line: 10, column: 36, data: { container: 'b' } },
        { messageId: 'nonRootDisabled', line: 14, column: 23, data: { container: 'c' } },
      ],
    },
    {
      name: 'container runAsUser 0 wins over pod-level runAsNonRoot',
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          securityContext: {runAsNonRoot: true}
          containers:
            - {name: a, image: "a:1", securityContext: {runAsUser: 0}}
      `,
      errors: [{ messageId: 'runAsRoot', line: 7, column: 60 }],
    },
  ],
});
