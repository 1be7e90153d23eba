import { describe, expect, it } from 'vitest';
import { check } from '../check.js';
import { loadManifests } from './load-manifests.js';

// fixtures/kustomize-vars: kubeflow/manifests' way with vars and configurations (see its README.md)
describe('kustomize vars and configurations (refvartransformer.go, builtinpluginconsts/varreference.go)', () => {
  it('writes a declared var in a field its build lists as a substitution variable; the rest stays as written', async () => {
    const loaded = await loadManifests(['kustomize-vars'], { cwd: 'fixtures' });
    const byName = new Map(loaded.objects.map((object) => [object.ref.name, object.value]));
    expect(byName.get('mutating-webhook-configuration')).toMatchObject({
      // metadata/annotations and webhooks/name are the configuration's varReference fields
      metadata: { annotations: { 'example.com/owner': '${appDeploymentName}' } },
      webhooks: [{ name: '${webhookServiceName}.${appDeploymentName}.kubeflow.org', clientConfig: { service: { name: 'service', namespace: 'platform' } } }],
    });
    // the container args are a builtin varReference field: the build's var is replaced, Kubernetes' $(POD_NAME) is not
    expect(byName.get('app')).toMatchObject({ spec: { template: { spec: { containers: [{ args: ['--name=$(POD_NAME)', '--webhook=${webhookServiceName}'] }] } } } });
    // no build declares it: kustomize leaves it
    expect(byName.get('alone')).toMatchObject({ webhooks: [{ name: '$(undeclared).example.com' }] });
  });

  it('judges what the build writes: only the undeclared var is the API server\'s error', async () => {
    const report = await check(['kustomize-vars'], { cwd: 'fixtures' });
    expect(report.findings.filter((finding) => finding.severity === 'error').map((finding) => `${finding.file}:${finding.line} ${finding.message.slice(0, 60)}`)).toEqual([
      'kustomize-vars/alone/webhook.yaml:10 webhooks[0].name: Invalid value: "$(undeclared).example.com"',
    ]);
  });
});
