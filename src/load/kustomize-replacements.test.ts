import { describe, expect, it } from 'vitest';
import { lint } from '../check.js';
import { loadManifests } from './load-manifests.js';
import { REPLACED } from './kustomize-replacements.js';

describe('kustomize replacements (api/filters/replacement)', () => {
  it('writes the fields the targets select as values only the build knows: inline and file replacements, list items by field, every item, bracketed keys, rejects', async () => {
    const loaded = await loadManifests(['kustomize-replacements'], { cwd: 'fixtures' });
    const value = (kind: string, name: string) => loaded.objects.find((object) => object.ref.kind === kind && object.ref.name === name)?.value;
    expect(value('Deployment', 'manager')).toMatchObject({ spec: { template: { spec: { serviceAccountName: REPLACED } } } });
    expect(value('RoleBinding', 'manager')?.['subjects']).toEqual([{ kind: 'ServiceAccount', name: REPLACED, namespace: 'serving' }]);
    expect(value('RoleBinding', 'untouched')?.['subjects']).toEqual([{ kind: 'ServiceAccount', name: '$(sa-name)', namespace: 'serving' }]);
    expect(value('MutatingWebhookConfiguration', 'manager')).toMatchObject({
      metadata: { annotations: { 'cert-manager.io/inject-ca-from': REPLACED } },
      webhooks: [{ clientConfig: { service: { name: 'webhook', namespace: REPLACED, path: '/mutate' } } }],
    });
    expect(loaded.findings).toEqual([]);
  });

  it('leaves what the build overwrites unjudged: only the rejected RoleBinding keeps its placeholder, and its error', async () => {
    const report = await lint(['kustomize-replacements'], { cwd: 'fixtures', configFile: false });
    expect(report.findings.filter((finding) => finding.severity === 'error').map((finding) => `${finding.file}:${finding.line} ${finding.ruleId}`)).toEqual(['kustomize-replacements/rbac.yaml:22 api-validation']);
  });
});
