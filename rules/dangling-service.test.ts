import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule, { isNamedAfter } from './dangling-service.js';

const WEB = `
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web}
  spec:
    template:
      metadata: {labels: {app: web, tier: front}}
      spec: {containers: [{name: c, image: "c:1"}]}
  ---
`;

/** An Argo Rollout with a pod template: a workload of the inputs. */
const ROLLOUT = `
  apiVersion: argoproj.io/v1alpha1
  kind: Rollout
  metadata: {name: checkout}
  spec:
    selector: {matchLabels: {app: checkout}}
    template:
      metadata: {labels: {app: checkout}}
      spec: {containers: [{name: c, image: "c:1"}]}
    strategy: {canary: {}}
  ---
`;

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'names and labels a substitution variable stands for', fixture: 'fixtures/rules/substituted-references/valid-substituted.yaml' },
    {
      name: 'selects the Deployment; no selector; other namespace without workloads',
      code: `${WEB}
  apiVersion: v1
  kind: Service
  metadata: {name: web}
  spec: {selector: {app: web}, ports: [{port: 80}]}
  ---
  apiVersion: v1
  kind: Service
  metadata: {name: external}
  spec: {ports: [{port: 80}]}
  ---
  apiVersion: v1
  kind: Service
  metadata: {name: elsewhere, namespace: other}
  spec: {selector: {app: api}, ports: [{port: 80}]}
`,
    },
    {
      name: 'a per-pod Service of a StatefulSet selects the controller-added pod-name label',
      code: `
  apiVersion: apps/v1
  kind: StatefulSet
  metadata: {name: redis}
  spec:
    template:
      metadata: {labels: {app: redis}}
      spec: {containers: [{name: c, image: "c:1"}]}
  ---
  apiVersion: v1
  kind: Service
  metadata: {name: redis-0}
  spec: {selector: {app: redis, statefulset.kubernetes.io/pod-name: redis-0}, ports: [{port: 6379}]}
`,
    },
    {
      name: 'no workload is the Service\'s evident target: its pods are defined outside the inputs',
      code: `${WEB}
  apiVersion: v1
  kind: Service
  metadata: {name: vtgate}
  spec: {selector: {app: web, component: vtgate}, ports: [{port: 80}]}
`,
    },
    {
      name: 'custom resources in the namespace may create the pods',
      code: `${WEB}
  apiVersion: argoproj.io/v1alpha1
  kind: Rollout
  metadata: {name: api}
  ---
  apiVersion: v1
  kind: Service
  metadata: {name: api}
  spec: {selector: {app: api}, ports: [{port: 80}]}
`,
    },
    {
      name: 'an Argo Rollout\'s pods, the hash label Argo Rollouts adds to them included',
      code: `${WEB}${ROLLOUT}  apiVersion: v1
  kind: Service
  metadata: {name: checkout-canary}
  spec: {selector: {app: checkout, rollouts-pod-template-hash: 6cf78c66c5}, ports: [{port: 80}]}
`,
    },
  ],
  invalid: [
    {
      name: 'labels controllers add: StatefulSet pod names within its ordinals, a Job\'s job-name',
      fixture: 'fixtures/rules/dangling-service/controller-labels/stateful-and-jobs.yaml',
      errors: [{ messageId: 'noPods', line: 31, column: 3, data: { selector: 'statefulset.kubernetes.io/pod-name=kafka-3', namespace: 'streams' } }],
    },
    {
      name: 'the pods of a sibling directory count; a typo is still reported',
      fixture: ['fixtures/rules/dangling-service/tests/test-client.yaml', 'fixtures/rules/dangling-service/base/deployment.yaml'],
      errors: [{ messageId: 'noPods', line: 21, column: 3, data: { selector: 'app=apii', namespace: 'shop' } }],
    },
    {
      code: `${WEB}
  apiVersion: v1
  kind: Service
  metadata: {name: web}
  spec:
    selector: {app: web, tier: back}
    ports: [{port: 80}]
`,
      errors: [{ messageId: 'noPods', line: 14, column: 3, data: { selector: 'app=web,tier=back', namespace: 'default' } }],
    },
    {
      name: "a tool's file (a kind Cluster, read from disk) is no custom resource that could make the pods",
      code: `${WEB}
  kind: Cluster
  apiVersion: kind.x-k8s.io/v1alpha4
  nodes: [{role: control-plane}]
  ---
  apiVersion: v1
  kind: Service
  metadata: {name: web}
  spec: {selector: {app: wbe}, ports: [{port: 80}]}
`,
      errors: [{ messageId: 'noPods', line: 17, column: 8, data: { selector: 'app=wbe', namespace: 'default' } }],
    },
    {
      name: 'an OpenShift DeploymentConfig is a workload of the inputs, not a custom resource that could make the pods',
      code: `${WEB}
  apiVersion: apps.openshift.io/v1
  kind: DeploymentConfig
  metadata: {name: worker}
  spec:
    template:
      metadata: {labels: {app: worker}}
      spec: {containers: [{name: c, image: "c:1"}]}
  ---
  apiVersion: v1
  kind: Service
  metadata: {name: web}
  spec: {selector: {app: wbe}, ports: [{port: 80}]}
`,
      errors: [{ messageId: 'noPods', line: 21, column: 8, data: { selector: 'app=wbe', namespace: 'default' } }],
    },
    {
      name: 'an Argo Rollout with a template is a workload of the inputs, not a custom resource that could make the pods',
      code: `${WEB}${ROLLOUT}  apiVersion: v1
  kind: Service
  metadata: {name: checkout}
  spec: {selector: {app: chekout}, ports: [{port: 80}]}
`,
      errors: [{ messageId: 'noPods', line: 23, column: 8, data: { selector: 'app=chekout', namespace: 'default' } }],
    },
  ],
});

describe('isNamedAfter', () => {
  it('agrees with comparing the name to every candidate (equal, or a prefix followed by a dash)', () => {
    const word = fc.stringMatching(/^[ab-]{0,6}$/);
    fc.assert(fc.property(word, fc.array(word, { maxLength: 6 }), (name, candidates) => {
      const simple = candidates.some((candidate) => candidate !== '' && (name === candidate || name.startsWith(`${candidate}-`)));
      expect(isNamedAfter(name, new Set(candidates.filter((candidate) => candidate !== '')))).toBe(simple);
    }), { numRuns: 2000 });
  });
});
