import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import { podWithLimitRange } from '../test/limit-range-cases.js';
import rule from './limitrange-pod.js';

// kubernetes/website admin/resource/limit-mem-cpu-container.yaml and limit-mem-cpu-pod.yaml
const PER_CONTAINER_AND_POD = `
  ---
  apiVersion: v1
  kind: LimitRange
  metadata: {name: limit-mem-cpu-per-container}
  spec:
    limits:
      - type: Container
        max: {cpu: 800m, memory: 1Gi}
        min: {cpu: 100m, memory: 99Mi}
        default: {cpu: 700m, memory: 900Mi}
        defaultRequest: {cpu: 110m, memory: 111Mi}
  ---
  apiVersion: v1
  kind: LimitRange
  metadata: {name: limit-mem-cpu-per-pod}
  spec:
    limits: [{type: Pod, max: {cpu: "2", memory: 2Gi}}]
`;

/** A pod named p whose one container sets nothing, with one LimitRange of the given items. */
const bareContainer = (name: string, items: string) => podWithLimitRange('    containers: [{name: a, image: "a:1"}]', items, name);

new RuleTester({ describe, it }).run(rule, {
  valid: [
    {
      name: 'two defaulted containers fit the per-pod max; an init container runs alone, after the others would',
      code: `
  apiVersion: v1
  kind: Pod
  metadata: {name: p}
  spec:
    initContainers: [{name: setup, image: "a:1", resources: {limits: {cpu: 800m, memory: 1Gi}}}]
    containers:
      - {name: a, image: "a:1"}
      - {name: b, image: "b:1", resources: {limits: {cpu: 500m, memory: 200Mi}}}
${PER_CONTAINER_AND_POD}`,
    },
    {
      name: 'a LimitRange without Pod items is the limitrange rule\'s business',
      code: bareContainer('c', '{type: Container, max: {cpu: 100m}}'),
    },
    {
      name: 'pod-level limits without requests: the pod request defaults to the pod limit, not to the LimitRange default (review podlevel.yaml)',
      code: podWithLimitRange(
        '    resources:\n      limits: {memory: 1Gi}\n    containers: [{name: a, image: "a:1"}]',
        '{type: Container, defaultRequest: {memory: 100Mi}}, {type: Pod, maxLimitRequestRatio: {memory: 2}}',
      ),
    },
  ],
  invalid: [
    {
      name: 'kubernetes/website limit-range-pod-1: four containers, two of them defaulted, exceed the per-pod max',
      code: `
  apiVersion: v1
  kind: Pod
  metadata: {name: busybox1}
  spec:
    containers:
      - {name: cnt01, image: "busybox:1", resources: {requests: {memory: 100Mi, cpu: 100m}, limits: {memory: 200Mi, cpu: 500m}}}
      - {name: cnt02, image: "busybox:1", resources: {requests: {memory: 100Mi, cpu: 100m}}}
      - {name: cnt03, image: "busybox:1", resources: {limits: {memory: 200Mi, cpu: 500m}}}
      - {name: cnt04, image: "busybox:1"}
${PER_CONTAINER_AND_POD}`,
      errors: [
        { messageId: 'aboveMax', line: 5, column: 3, data: { field: 'limit', resource: 'cpu', value: '2400m', bound: '2', limitRange: 'limit-mem-cpu-per-pod' } },
        { messageId: 'aboveMax', line: 5, column: 3, data: { field: 'limit', resource: 'memory', value: '2200Mi', bound: '2Gi', limitRange: 'limit-mem-cpu-per-pod' } },
      ],
    },
    {
      name: 'kubernetes/website limit-range-pod-3 with limit-memory-ratio-pod: limit three times the request',
      code: `
  apiVersion: v1
  kind: Pod
  metadata: {name: busybox3}
  spec:
    containers: [{name: cnt01, image: "busybox:1.28", resources: {limits: {memory: 300Mi}, requests: {memory: 100Mi}}}]
  ---
  apiVersion: v1
  kind: LimitRange
  metadata: {name: limit-memory-ratio-pod}
  spec:
    limits: [{type: Pod, maxLimitRequestRatio: {memory: 2}}]
`,
      errors: [{ messageId: 'ratio', line: 5, column: 3, data: { resource: 'memory', value: '300Mi', bound: '2', request: '100Mi', limitRange: 'limit-memory-ratio-pod' } }],
    },
    {
      name: 'pod-level limits without requests: the pod request defaults to the containers\' own requests when they set one',
      code: podWithLimitRange(
        '    resources:\n      limits: {memory: 1Gi}\n    containers: [{name: a, image: "a:1", resources: {requests: {memory: 100Mi}}}, {name: b, image: "b:1"}]',
        '{type: Container, defaultRequest: {memory: 400Mi}}, {type: Pod, maxLimitRequestRatio: {memory: 2}}',
      ),
      errors: [{ messageId: 'ratio', line: 5, column: 3, data: { resource: 'memory', value: '1Gi', bound: '2', request: '100Mi', limitRange: 'lr' } }],
    },
    {
      name: 'a sidecar runs beside the regular containers and beside each later init container (review sidecar.yaml)',
      code: podWithLimitRange(
        [
          '    initContainers:',
          '      - {name: side, image: "a:1", restartPolicy: Always, resources: {limits: {memory: 300Mi}}}',
          '      - {name: init, image: "a:1", resources: {limits: {memory: 500Mi}}}',
          '    containers: [{name: a, image: "a:1", resources: {limits: {memory: 200Mi}}}]',
        ].join('\n'),
        '{type: Pod, max: {memory: 600Mi}}',
      ),
      errors: [{ messageId: 'aboveMax', line: 5, column: 3, data: { field: 'limit', resource: 'memory', value: '800Mi', bound: '600Mi', limitRange: 'lr' } }],
    },
    {
      name: 'a Pod min needs a request, a Pod max a limit',
      code: bareContainer('bounds', '{type: Pod, min: {cpu: 100m}, max: {memory: 1Gi}}'),
      errors: [
        { messageId: 'missing', line: 5, column: 3, data: { resource: 'cpu', field: 'request', limitRange: 'bounds' } },
        { messageId: 'missing', line: 5, column: 3, data: { resource: 'memory', field: 'limit', limitRange: 'bounds' } },
      ],
    },
  ],
});
