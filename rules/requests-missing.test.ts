import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './requests-missing.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { fixture: 'fixtures/rules/requests-missing/valid-pod-level-resources.yaml' },
    { name: 'small amounts, a limit copied into the request, a 0 request under a pod-level one', fixture: 'fixtures/rules/requests-missing/valid-non-zero-amounts.yaml' },
    { name: 'a namespace-less LimitRange defaults the pods of its own directory', fixture: ['fixtures/rules/requests-missing/project-a/limitrange.yaml', 'fixtures/rules/requests-missing/project-a/pod.yaml'] },
    {
      name: 'requests set, limits only (defaulted into requests), LimitRange default in the namespace',
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p, namespace: team}
        spec:
          containers:
            - name: a
              image: a:1
              resources: {requests: {cpu: 100m, memory: 64Mi}}
            - name: b
              image: b:1
              resources: {limits: {cpu: 100m, memory: 64Mi}}
            - name: c
              image: c:1
        ---
        apiVersion: v1
        kind: LimitRange
        metadata: {name: defaults, namespace: team}
        spec:
          limits:
            - type: Container
              defaultRequest: {cpu: 100m}
              default: {memory: 128Mi}
      `,
    },
  ],
  invalid: [
    { fixture: 'fixtures/rules/requests-missing/invalid-pod-level-cpu-only.yaml', errors: [{ messageId: 'missing', line: 8, column: 13, data: { container: 'web', resources: 'memory' } }] },
    // kube-score score/container/container.go containerResources (Requests.Cpu().IsZero(): "CPU request is not set")
    {
      name: 'requests of 0, limits of 0 copied into them, a 0 request beside a limit',
      fixture: 'fixtures/rules/requests-missing/invalid-zero-amounts.yaml',
      errors: [
        { messageId: 'missing', line: 8, column: 13, data: { container: 'requests-zero', resources: 'cpu or memory' } },
        { messageId: 'missing', line: 11, column: 13, data: { container: 'limits-zero', resources: 'cpu or memory' } },
        { messageId: 'missing', line: 14, column: 13, data: { container: 'request-zero-limit-set', resources: 'cpu' } },
      ],
    },
    {
      name: 'a namespace-less LimitRange does not default the pods of a sibling project',
      fixture: ['fixtures/rules/requests-missing/project-a/limitrange.yaml', 'fixtures/rules/requests-missing/project-b/pod.yaml'],
      errors: [{ messageId: 'missing', line: 6, column: 13, data: { container: 'app', resources: 'cpu or memory' } }],
    },
    {
      name: 'nothing set; memory only; init container',
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          initContainers:
            - name: init
              image: init:1
          containers:
            - name: a
              image: a:1
              resources: {requests: {memory: 64Mi}}
      `,
      errors: [
        { messageId: 'missing', line: 6, column: 13, data: { container: 'init', resources: 'cpu or memory' } },
        { messageId: 'missing', line: 9, column: 13, data: { container: 'a', resources: 'cpu' } },
      ],
    },
  ],
});
