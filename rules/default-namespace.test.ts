import { describe, it } from 'vitest';
import { RuleTester } from '../src/lint/rule-tester.js';
import rule from './default-namespace.js';

new RuleTester({ describe, it }).run(rule, {
  valid: [
    {
      name: 'own namespace; cluster-scoped kinds',
      code: `
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: c, namespace: shop}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: reader}
      `,
    },
  ],
  invalid: [
    {
      code: `
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: c}
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: s
          namespace: default
      `,
      errors: [
        { messageId: 'unset', line: 3, column: 1, data: { kind: 'ConfigMap' } },
        { messageId: 'defaultNamespace', line: 9, column: 14, data: { kind: 'Service' } },
      ],
    },
  ],
});
