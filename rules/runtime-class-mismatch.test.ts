import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './runtime-class-mismatch.js';

// upstream: plugin/pkg/admission/runtimeclass/admission_test.go TestSetOverhead, TestSetScheduling, TestValidate
const CLASSES = `
        apiVersion: node.k8s.io/v1
        kind: RuntimeClass
        metadata: {name: kata}
        handler: kata
        overhead: {podFixed: {cpu: 250m, memory: 120Mi}}
        scheduling: {nodeSelector: {sandbox: kata}}
        ---
        apiVersion: node.k8s.io/v1
        kind: RuntimeClass
        metadata: {name: plain}
        handler: runc`;

new RuleTester({ describe, it }).run(rule, {
  valid: [
    {
      name: "the class's own overhead (1000m is 1) and node selector, or none of them; an empty overhead",
      code: `${CLASSES}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: a}
        spec: {runtimeClassName: kata, overhead: {cpu: 0.25, memory: 120Mi}, nodeSelector: {sandbox: kata, disk: ssd}, containers: [{name: a, image: "a:1"}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: b}
        spec: {runtimeClassName: kata, containers: [{name: a, image: "a:1"}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: c}
        spec: {runtimeClassName: plain, overhead: {}, containers: [{name: a, image: "a:1"}]}
      `,
    },
    {
      name: 'a class the inputs do not define: the cluster decides',
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: a}
        spec: {runtimeClassName: gvisor, overhead: {cpu: 100m}, containers: [{name: a, image: "a:1"}]}
      `,
    },
  ],
  invalid: [
    {
      name: "overhead other than the class's; a node selector key the class sets to another value; overhead with no class, or a class without one",
      code: `${CLASSES}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              runtimeClassName: kata
              overhead: {cpu: 250m}
              containers: [{name: c, image: "c:1"}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec: {runtimeClassName: kata, nodeSelector: {sandbox: gvisor}, containers: [{name: a, image: "a:1"}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: q}
        spec: {overhead: {memory: 1Mi}, containers: [{name: a, image: "a:1"}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: r}
        spec: {runtimeClassName: plain, overhead: {memory: 1Mi}, containers: [{name: a, image: "a:1"}]}
      `,
      errors: [
        { messageId: 'refused', line: 22, column: 17, data: { message: "pod rejected: Pod's Overhead doesn't match RuntimeClass's defined Overhead" } },
        { messageId: 'refused', line: 28, column: 56, data: { message: 'conflict: runtimeClass.scheduling.nodeSelector[sandbox] = kata; pod.spec.nodeSelector[sandbox] = gvisor' } },
        { messageId: 'refused', line: 33, column: 18, data: { message: 'pod rejected: Pod Overhead set without corresponding RuntimeClass defined Overhead' } },
        { messageId: 'refused', line: 38, column: 43, data: { message: 'pod rejected: Pod Overhead set without corresponding RuntimeClass defined Overhead' } },
      ],
    },
    {
      // admission.go setOverhead checks runtimeClass.Overhead != nil before validateOverhead runs: a class whose overhead
      // has no podFixed defines an overhead of nothing, which a pod's own overhead does not match
      name: 'an overhead other than the nothing of a class whose overhead has no podFixed',
      code: `
        apiVersion: node.k8s.io/v1
        kind: RuntimeClass
        metadata: {name: bare}
        handler: runc
        overhead: {}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec: {runtimeClassName: bare, overhead: {cpu: 100m}, containers: [{name: a, image: "a:1"}]}
      `,
      errors: [{ messageId: 'refused', line: 10, column: 42, data: { message: "pod rejected: Pod's Overhead doesn't match RuntimeClass's defined Overhead" } }],
    },
  ],
});
