import { describe, expect, it } from 'vitest';
import { lint } from '../check.js';
import { loadManifests } from './load-manifests.js';

// fixtures/kustomize-generators: elastic-agent's kustomize layout (a DaemonSet reading generated ConfigMap and Secret)
describe('kustomize configMapGenerator and secretGenerator', () => {
  it('knows the objects generators make by name and namespace, beside the objects of the files', async () => {
    const loaded = await loadManifests(['kustomize-generators'], { cwd: 'fixtures' });
    expect(loaded.generated.map((object) => `${object.ref.kind}/${object.ref.namespace}/${object.ref.name}`)).toEqual(['ConfigMap/agents/agent-config', 'Secret/agents/agent-credentials']);
    expect(loaded.objects.map((object) => object.ref.name)).not.toContain('agent-config');
  });

  it('finds a reference to a generated object, and still reports a name nothing defines', async () => {
    const report = await lint(['kustomize-generators'], { cwd: 'fixtures', configFile: false });
    expect(report.findings.filter((finding) => finding.ruleId === 'missing-secret-or-configmap').map((finding) => `${finding.file}:${finding.line} ${finding.message}`)).toEqual([
      'kustomize-generators/daemonset.yaml:15 ConfigMap "agent-datastream" is not defined in namespace "agents" of the inputs',
    ]);
  });

  it('places generated objects in the namespace of the outermost build that sets one (an overlay over its base)', async () => {
    const loaded = await loadManifests(['kustomize-generators-overlay'], { cwd: 'fixtures' });
    expect(loaded.generated.map((object) => `${object.ref.kind}/${object.ref.namespace}/${object.ref.name}`)).toEqual(['ConfigMap/prod/app-config']);
    const report = await lint(['kustomize-generators-overlay'], { cwd: 'fixtures', configFile: false });
    expect(report.findings.filter((finding) => finding.ruleId === 'missing-secret-or-configmap')).toEqual([]);
  });

  it('knows a generated object by the names the builds\' namePrefix and nameSuffix give it', async () => {
    const loaded = await loadManifests(['kustomize-generators-prefix'], { cwd: 'fixtures' });
    expect(loaded.generated.map((object) => [object.ref.name, object.aliases])).toEqual([['config', ['wi-webhook-config']]]);
    const report = await lint(['kustomize-generators-prefix'], { cwd: 'fixtures', configFile: false });
    expect(report.findings.filter((finding) => finding.ruleId === 'missing-secret-or-configmap')).toEqual([]);
  });
});
