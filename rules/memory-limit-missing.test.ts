import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './memory-limit-missing.js';

/** A pod of namespace team, one container with a memory limit and one without, and a LimitRange with one item. */
const teamPodWith = (item: string) => `
  apiVersion: v1
  kind: Pod
  metadata: {name: p, namespace: team}
  spec:
    containers:
      - {name: a, image: "a:1", resources: {limits: {memory: 64Mi}}}
      - {name: b, image: "b:1"}
  ---
  apiVersion: v1
  kind: LimitRange
  metadata: {name: defaults, namespace: team}
  spec:
    limits: [${item}]
`;

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { fixture: 'fixtures/rules/memory-limit-missing/valid-pod-level-limit.yaml' },
    { name: 'a container limit of 0 under a pod-level limit', fixture: 'fixtures/rules/memory-limit-missing/valid-zero-limit-pod-level.yaml' },
    {
      name: 'limit set, or defaulted by a LimitRange in the same namespace',
      code: teamPodWith('{type: Container, default: {memory: 128Mi}}'),
    },
    {
      name: 'the API server defaults a LimitRange item\'s missing default limit to its max',
      code: teamPodWith('{type: Container, max: {memory: 1Gi}}'),
    },
  ],
  invalid: [
    { fixture: 'fixtures/rules/memory-limit-missing/invalid-pod-level-request-only.yaml', errors: [{ messageId: 'missing', line: 8, column: 13, data: { container: 'web' } }] },
    // kube-score score/container/container.go containerResources (Limits.Memory().IsZero(): "Memory limit is not set")
    { name: 'a memory limit of 0, which no LimitRange default replaces', fixture: 'fixtures/rules/memory-limit-missing/invalid-zero-limit.yaml', errors: [{ messageId: 'missing', line: 12, column: 17, data: { container: 'api' } }] },
    {
      name: 'no limit; a LimitRange in another namespace does not count',
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: a
              image: a:1
              resources: {limits: {cpu: "1"}}
        ---
        apiVersion: v1
        kind: LimitRange
        metadata: {name: defaults, namespace: other}
        spec:
          limits: [{type: Container, default: {memory: 128Mi}}]
      `,
      errors: [{ messageId: 'missing', line: 6, column: 13, data: { container: 'a' } }],
    },
  ],
});
