import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import { podWithLimitRange } from '../test/limit-range-cases.js';
import rule from './limitrange.js';

const LIMIT_RANGE = `
  ---
  apiVersion: v1
  kind: LimitRange
  metadata: {name: bounds, namespace: team}
  spec:
    limits:
      - type: Container
        min: {cpu: 50m}
        max: {memory: 1Gi}
        maxLimitRequestRatio: {cpu: "4"}
        default: {memory: 256Mi}
`;

/** A pod named p with one container and one LimitRange of the given items. */
const podWith = (container: string, items: string, name?: string) => podWithLimitRange(`    containers: [${container}]`, items, name);

new RuleTester({ describe, it }).run(rule, {
  valid: [
    {
      name: 'within bounds, the default limit fills the missing memory limit; other namespaces are not affected',
      code: `
  apiVersion: v1
  kind: Pod
  metadata: {name: p, namespace: team}
  spec:
    containers:
      - {name: a, image: "a:1", resources: {requests: {cpu: 100m}, limits: {cpu: 400m}}}
      - {name: b, image: "b:1", resources: {requests: {cpu: "1", memory: 128Mi}, limits: {cpu: "2"}}}
  ---
  apiVersion: v1
  kind: Pod
  metadata: {name: q, namespace: other}
  spec:
    containers: [{name: a, image: "a:1", resources: {requests: {cpu: 1m}}}]
${LIMIT_RANGE}`,
    },
    {
      name: 'no limit under a max: the API server defaults the item\'s limit to max and its request to min (kubernetes/website cpu-constraints-pod-4)',
      code: `
  apiVersion: v1
  kind: Pod
  metadata: {name: constraints-cpu-demo-4}
  spec:
    containers: [{name: a, image: "vish/stress:1"}]
  ---
  apiVersion: v1
  kind: LimitRange
  metadata: {name: cpu-min-max-demo-lr}
  spec:
    limits: [{type: Container, max: {cpu: 800m}, min: {cpu: 200m}}]
`,
    },
    {
      name: 'a limit without a request is the request too, before the defaultRequest applies',
      code: podWith('{name: a, image: "a:1", resources: {limits: {cpu: "1"}}}', '{type: Container, defaultRequest: {cpu: 100m}, maxLimitRequestRatio: {cpu: "4"}}', 'ratio'),
    },
  ],
  invalid: [
    {
      name: 'a request and a limit both below min: upstream minConstraint reports the request only',
      code: podWith('{name: a, image: "a:1", resources: {requests: {cpu: 10m}, limits: {cpu: 20m}}}', '{type: Container, min: {cpu: 50m}}'),
      errors: [{ messageId: 'belowMin', line: 5, column: 68, data: { field: 'request', resource: 'cpu', value: '10m', bound: '50m', limitRange: 'lr' } }],
    },
    {
      name: 'a request above max is rejected even when the default limit is within it (review reqmax.yaml)',
      code: podWith('{name: a, image: "a:1", resources: {requests: {memory: 2Gi}}}', '{type: Container, max: {memory: 1Gi}}'),
      errors: [{ messageId: 'aboveMax', line: 5, column: 71, data: { field: 'request', resource: 'memory', value: '2Gi', bound: '1Gi', limitRange: 'lr' } }],
    },
    {
      name: 'a ratio needs a request and a limit: nothing sets the cpu limit',
      code: podWith('{name: a, image: "a:1", resources: {requests: {cpu: 100m}}}', '{type: Container, maxLimitRequestRatio: {cpu: "4"}}', 'ratio'),
      errors: [{ messageId: 'ratioMissing', line: 5, column: 23, data: { container: 'a', resource: 'cpu', field: 'limit', bound: '4', limitRange: 'ratio' } }],
    },
    {
      code: `
  apiVersion: v1
  kind: Pod
  metadata: {name: p, namespace: team}
  spec:
    containers:
      - name: a
        image: a:1
        resources:
          requests: {cpu: 10m}
          limits: {cpu: 2, memory: 2Gi}
${LIMIT_RANGE}`,
      errors: [
        { messageId: 'belowMin', line: 9, column: 25, data: { field: 'request', resource: 'cpu', value: '10m', bound: '50m', limitRange: 'bounds' } },
        { messageId: 'ratio', line: 10, column: 23, data: { resource: 'cpu', value: '2', bound: '4', limitRange: 'bounds' } },
        { messageId: 'aboveMax', line: 10, column: 34, data: { field: 'limit', resource: 'memory', value: '2Gi', bound: '1Gi', limitRange: 'bounds' } },
      ],
    },
  ],
});
