import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './missing-secret-or-configmap.js';

const FIXTURES = 'fixtures/rules/missing-secret-or-configmap';

/** A pod reading the missing Secret app-secrets next to another Secret of its namespace, after `evidence`. */
function withMissingSecret(evidence: string): string {
  const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: app, image: "app:1", envFrom: [{secretRef: {name: app-secrets}}]}]';
  return [evidence, 'apiVersion: v1\nkind: Secret\nmetadata: {name: other}', pod].join('\n---\n');
}

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'names and labels a substitution variable stands for', fixture: 'fixtures/rules/substituted-references/valid-substituted.yaml' },
    { name: 'no Secret of the namespace in the inputs: they are managed elsewhere', fixture: `${FIXTURES}/valid-no-secrets-in-inputs.yaml` },
    { name: 'a SealedSecret in the namespace may create the Secret', code: withMissingSecret('apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata: {name: app-secrets}') },
    {
      name: 'a Role that may create Secrets: a Job or controller may make the missing one',
      code: withMissingSecret('apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: secret-init}\nrules: [{apiGroups: [""], resources: [secrets], verbs: [get, create]}]'),
    },
    {
      name: 'a ConfigMap kubeadm keeps in kube-system (a Windows kube-proxy DaemonSet reads it)',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: logger, namespace: kube-system}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: kube-proxy-windows, namespace: kube-system}\nspec:\n  containers: [{name: proxy, image: "proxy:1", volumeMounts: [{name: c, mountPath: /config}]}]\n  volumes: [{name: c, configMap: {name: kube-proxy}}]',
    },
  ],
  invalid: [
    {
      name: 'the same ConfigMap name outside kube-system',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: logger}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: kube-proxy-windows}\nspec:\n  containers: [{name: proxy, image: "proxy:1", volumeMounts: [{name: c, mountPath: /config}]}]\n  volumes: [{name: c, configMap: {name: kube-proxy}}]',
      errors: [{ messageId: 'missingObject', line: 10, column: 41 }],
    },
    { name: 'the same pod and Secret without the evidence', code: withMissingSecret('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: unrelated}'), errors: [{ messageId: 'missingObject', line: 13, column: 73 }] },
    {
      name: 'a wrong key, a missing Secret, a misspelt ConfigMap, a missing volume Secret; optional and published ones pass',
      fixture: `${FIXTURES}/invalid-references.yaml`,
      errors: [
        { messageId: 'missingKey', line: 26, column: 69, data: { key: 'pasword', kind: 'Secret', name: 'db-credentials' } },
        { messageId: 'missingObject', line: 28, column: 48, data: { kind: 'Secret', name: 'api-token', namespace: 'shop' } },
        { messageId: 'missingObject', line: 33, column: 36, data: { kind: 'ConfigMap', name: 'setings', namespace: 'shop' } },
        { messageId: 'missingObject', line: 37, column: 25, data: { kind: 'Secret', name: 'api-tls', namespace: 'shop' } },
      ],
    },
  ],
});
