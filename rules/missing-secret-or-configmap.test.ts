import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './missing-secret-or-configmap.js';

const FIXTURES = 'fixtures/rules/missing-secret-or-configmap';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    { name: 'no Secret of the namespace in the inputs: they are managed elsewhere', fixture: `${FIXTURES}/valid-no-secrets-in-inputs.yaml` },
    {
      name: 'a SealedSecret in the namespace may create the Secret',
      code: `
        apiVersion: bitnami.com/v1alpha1
        kind: SealedSecret
        metadata: {name: app-secrets}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: other}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers: [{name: app, image: "app:1", envFrom: [{secretRef: {name: app-secrets}}]}]
      `,
    },
    {
      name: 'a Role that may create Secrets: a Job or controller may make the missing one',
      code: `
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: secret-init}
        rules: [{apiGroups: [""], resources: [secrets], verbs: [get, create]}]
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: other}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers: [{name: app, image: "app:1", envFrom: [{secretRef: {name: generated}}]}]
      `,
    },
  ],
  invalid: [
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
