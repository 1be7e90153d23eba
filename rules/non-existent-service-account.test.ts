import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './non-existent-service-account.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    {
      name: 'a pod without metadata.namespace may be applied where the inputs define its ServiceAccount, in another namespace',
      fixture: [
        'fixtures/rules/non-existent-service-account/install/serviceaccount.yaml',
        'fixtures/rules/non-existent-service-account/examples/custom-serviceaccount.yaml',
        'fixtures/rules/non-existent-service-account/examples/operator-with-tracing.yaml',
      ],
    },
    {
      name: 'a ServiceAccount of the same declared namespace in a sibling directory is no evidence either',
      fixture: ['fixtures/rules/non-existent-service-account/declared-a/serviceaccount.yaml', 'fixtures/rules/non-existent-service-account/declared-b/deployment.yaml'],
    },
    {
      name: 'a namespace-less ServiceAccount of a sibling project is no evidence for this one',
      fixture: ['fixtures/rules/non-existent-service-account/sample-a/serviceaccount.yaml', 'fixtures/rules/non-existent-service-account/sample-b/deployment.yaml'],
    },
    {
      name: 'kube-system holds ServiceAccounts the cluster creates (kubeadm\'s kube-proxy and coredns, the controllers\' own)',
      code: `
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: cloud-node-manager, namespace: kube-system}
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: kube-proxy-windows, namespace: kube-system}
        spec:
          selector: {matchLabels: {k8s-app: kube-proxy-windows}}
          template:
            metadata: {labels: {k8s-app: kube-proxy-windows}}
            spec: {serviceAccountName: kube-proxy, containers: [{name: kube-proxy, image: "kube-proxy:1"}]}
      `,
    },
    {
      name: 'template placeholders are not ServiceAccount names',
      code: `
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: app}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: a}
        spec: {serviceAccountName: $KSA_NAME, containers: [{name: a, image: "a:1"}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: b}
        spec: {serviceAccountName: "<KSA_NAME>", containers: [{name: b, image: "b:1"}]}
      `,
    },
    {
      name: 'defined in the namespace; no ServiceAccounts in the namespace at all',
      code: `
        apiVersion: v1
        kind: Pod
        metadata: {name: p, namespace: a}
        spec:
          serviceAccountName: app
          containers: [{name: c, image: "c:1"}]
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: app, namespace: a}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: p, namespace: b}
        spec:
          serviceAccountName: external
          containers: [{name: c, image: "c:1"}]
      `,
    },
  ],
  invalid: [
    {
      code: `
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: a}
        spec:
          template:
            spec:
              serviceAccountName: ap
              containers: [{name: c, image: "c:1"}]
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: app, namespace: a}
      `,
      errors: [{ messageId: 'missing', line: 7, column: 27, data: { name: 'ap', namespace: 'a' } }],
    },
  ],
});
