import { describe, expect, it } from 'vitest';
import { lint } from '../check.js';
import { kustomizeNameAffixes } from './kustomize.js';
import { loadManifests } from './load-manifests.js';

// fixtures/kustomize-name-prefix: openkruise/kruise's namePrefix over a base, nested overlays (see its README.md)
describe('kustomize namePrefix and nameSuffix (PrefixTransformer.go, SuffixTransformer.go)', () => {
  it('knows each object by the names every build that reaches its file gives it, outer prefix first; not a CRD or a Namespace', async () => {
    const loaded = await loadManifests(['kustomize-name-prefix'], { cwd: 'fixtures' });
    // in the order of the builds' kustomizations: overlays/prod, then overlays/staging
    const names = Object.fromEntries(loaded.objects.map((object) => [`${object.ref.kind}/${object.ref.name}`, object.aliases]));
    expect(names).toMatchObject({
      'ServiceAccount/manager': ['kruise-manager-prod', 'kruise-manager'],
      'ConfigMap/settings': ['kruise-settings-prod', 'kruise-settings'],
      'ServiceAccount/extra': ['extra-prod'],
      'CustomResourceDefinition/widgets.example.com': [],
      'Namespace/system': [],
    });
  });

  it('finds a reference written with a built name or the written one, and still reports a name no build gives', async () => {
    const report = await lint(['kustomize-name-prefix'], { cwd: 'fixtures' });
    const byName = report.findings.filter((finding) => NAME_LOOKUPS.has(finding.ruleId));
    expect(byName.map((finding) => `${finding.file}:${finding.line} ${finding.ruleId}: ${finding.message}`)).toEqual([
      // the autoscaler names the Deployment as the builds do: it scales it
      'kustomize-name-prefix/base/app.yaml:11 hpa-replicas: replicas is set, but HorizontalPodAutoscaler "manager" scales this Deployment',
      'kustomize-name-prefix/base/app.yaml:44 non-existent-service-account: no ServiceAccount "kruise-manager-staging" is defined in namespace "default" of the inputs',
      'kustomize-name-prefix/overlays/prod/extra.yaml:51 non-existent-service-account: no ServiceAccount "manager-prod" is defined in namespace "default" of the inputs',
    ]);
  });

  it('puts a component\'s pair inside its kustomization\'s, on what was built before it', () => {
    const kustomization = (file: string, value: unknown) => ({ file, value });
    const affixes = kustomizeNameAffixes([
      kustomization('app/kustomization.yaml', { namePrefix: 'outer-', resources: ['app.yaml'], components: ['../first', '../second'] }),
      kustomization('first/kustomization.yaml', { kind: 'Component', namePrefix: 'first-', resources: ['first.yaml'] }),
      kustomization('second/kustomization.yaml', { kind: 'Component', nameSuffix: '-second', resources: ['second.yaml'] }),
      kustomization('helm/kustomization.yaml', { namePrefix: '{{ .Release.Name }}-', resources: ['chart.yaml'] }),
    ]);
    expect(Object.fromEntries(affixes)).toEqual({
      'app/app.yaml': [{ prefix: 'outer-first-', suffix: '-second' }],
      'first/first.yaml': [{ prefix: 'outer-first-', suffix: '-second' }],
      'second/second.yaml': [{ prefix: 'outer-', suffix: '-second' }],
    });
  });
});

const NAME_LOOKUPS = new Set(['non-existent-service-account', 'missing-secret-or-configmap', 'statefulset-service-name', 'dangling-hpa', 'hpa-replicas']);
