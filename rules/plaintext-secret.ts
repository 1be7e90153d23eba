// A private key or cloud credential pasted into an env value or a ConfigMap is readable by anyone who can read the manifest.
import { containerLabel } from '../src/lint/container.js';
import { defineRule, type ObjectContext } from '../src/lint/define-rule.js';
import { secretShapeOf } from '../src/lint/secret-shapes.js';
import { asArray, asRecord, type KubeObject } from '../src/model/object.js';

export default defineRule({
  meta: {
    id: 'plaintext-secret',
    severity: 'error',
    category: 'security',
    description: 'env value or ConfigMap data holds a private key or a cloud credential',
    rationale:
      'A value shaped like a private key (-----BEGIN ... PRIVATE KEY-----), an AWS access key id, a Google API key, or a GitHub, Slack or Stripe token is a credential whatever the variable is called. In an env value or a ConfigMap it is stored in the repository, shown by kubectl get and describe, readable by anyone allowed to read ConfigMaps, and kept in audit logs. Documentation examples (AKIAIOSFODNN7EXAMPLE) and key blocks with a placeholder body are not reported. Secrets are not checked: that is where credentials belong (though a Secret in Git needs encryption, such as SealedSecrets or SOPS).',
    remediation: 'Rotate the credential, since it has leaked, then keep it in a Secret (referenced with secretKeyRef or mounted as a file) that is not committed in clear text.',
    defaultOn: true,
    appliesTo: { target: 'object' },
    messages: {
      envValue: 'env {{name}} of container "{{container}}" holds {{shape}}',
      configMapData: 'ConfigMap key "{{key}}" holds {{shape}}',
    },
  },
  check(object, context) {
    const { index, report } = context;
    if (object.ref.kind === 'ConfigMap' && object.ref.apiVersion === 'v1') checkConfigMap(object, context);
    const workload = index.workloadOf(object);
    for (const container of workload?.containers ?? []) {
      asArray(container.value['env']).forEach((entry, index) => {
        const env = asRecord(entry);
        const value = env?.['value'];
        const shape = typeof value === 'string' ? secretShapeOf(value) : undefined;
        if (shape) report({ messageId: 'envValue', data: { name: String(env?.['name']), container: containerLabel(container), shape }, at: container.path.concat('env', index, 'value') });
      });
    }
  },
});

function checkConfigMap(configMap: KubeObject, { report }: ObjectContext<'envValue' | 'configMapData'>): void {
  for (const [key, value] of Object.entries(asRecord(configMap.value['data']) ?? {})) {
    const shape = typeof value === 'string' ? secretShapeOf(value) : undefined;
    if (shape) report({ messageId: 'configMapData', data: { key, shape }, at: ['data', key], on: 'key' });
  }
}
