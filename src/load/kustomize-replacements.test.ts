import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { lint } from '../check.js';
import { loadManifests } from './load-manifests.js';
import { REPLACED } from './kustomize-replacements.js';

describe('kustomize replacements (api/filters/replacement)', () => {
  it('writes the fields the targets select as values only the build knows: inline and file replacements, list items by field, every item, bracketed keys, rejects', async () => {
    const loaded = await loadManifests(['kustomize-replacements'], { cwd: 'fixtures' });
    const value = (kind: string, name: string) => loaded.objects.find((object) => object.ref.kind === kind && object.ref.name === name)?.value;
    expect(value('Deployment', 'manager')).toMatchObject({ spec: { template: { spec: { serviceAccountName: REPLACED } } } });
    expect(value('RoleBinding', 'manager')?.['subjects']).toEqual([{ kind: 'ServiceAccount', name: REPLACED, namespace: 'serving' }]);
    expect(value('RoleBinding', 'untouched')?.['subjects']).toEqual([{ kind: 'ServiceAccount', name: '$(sa-name)' }]);
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

  it('does not create a field path deeper than any document (hostile input: 200,000 steps with create took 4 GB and crashed)', async () => {
    const root = await mkdtemp(join(tmpdir(), 'kubefit-replacements-'));
    onTestFinished(() => rm(root, { recursive: true, force: true }));
    const path = (steps: number) => Array.from({ length: steps }, () => 'a').join('.');
    const target = (steps: number) => `      - select: {kind: ConfigMap}\n        fieldPaths: ["data.${path(steps)}"]\n        options: {create: true}\n`;
    await writeFile(join(root, 'kustomization.yaml'), `resources: [cm.yaml]\nreplacements:\n  - source: {kind: ConfigMap, name: c}\n    targets:\n${target(300)}${target(1)}`);
    await writeFile(join(root, 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n');
    const loaded = await loadManifests([root]);
    expect(loaded.objects[0]?.value['data']).toEqual({ a: REPLACED });
  });
});
