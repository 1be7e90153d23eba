import { describe, expect, it } from 'vitest';
import { lint } from '../check.js';
import type { PositionIndex } from '../model/document.js';
import { kustomizeNameAffixes } from './kustomize.js';
import type { PatchSources } from './kustomize-patches.js';
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
      // serviceName kruise-db-prod finds base's Service db by the name the prod build gives it; that Service selects the db pods, not cache's
      'kustomize-name-prefix/overlays/prod/extra.yaml:21 statefulset-service-name: Service "kruise-db-prod" named by serviceName does not select the pods of this StatefulSet, so they get no per-pod DNS names',
      'kustomize-name-prefix/overlays/prod/extra.yaml:51 non-existent-service-account: no ServiceAccount "manager-prod" is defined in namespace "default" of the inputs',
    ]);
  });

  it('puts the pairs of the builtin PrefixSuffixTransformer, PrefixTransformer and SuffixTransformer configurations `transformers:` names around the namePrefix, in order', () => {
    const configs: Readonly<Record<string, unknown>>[] = [
      { apiVersion: 'builtin', kind: 'PrefixSuffixTransformer', metadata: { name: 'both' }, prefix: 'team-', suffix: '-v2', fieldSpecs: [{ path: 'metadata/name' }] },
      { apiVersion: 'builtin', kind: 'PrefixTransformer', metadata: { name: 'env' }, prefix: 'prod-', fieldSpecs: [{ path: 'metadata/name' }] },
    ];
    const sources: PatchSources = { file: (path) => (path === 'app/names.yaml' ? configs.map((value) => ({ value, index: EMPTY_INDEX })) : undefined), inline: () => [] };
    const affixes = kustomizeNameAffixes([{ file: 'app/kustomization.yaml', value: { namePrefix: 'own-', resources: ['app.yaml'], transformers: ['names.yaml'] } }], sources);
    // (the kustomization's own file: the names its generators' objects get)
    expect(Object.fromEntries(affixes)).toEqual({ 'app/kustomization.yaml': [{ prefix: 'prod-team-own-', suffix: '-v2' }], 'app/app.yaml': [{ prefix: 'prod-team-own-', suffix: '-v2' }] });
  });

  it('puts a component\'s pair inside its kustomization\'s, on what was built before it', () => {
    const kustomization = (file: string, value: unknown) => ({ file, value });
    const affixes = kustomizeNameAffixes([
      kustomization('app/kustomization.yaml', { namePrefix: 'outer-', resources: ['app.yaml'], components: ['../first', '../second'] }),
      kustomization('first/kustomization.yaml', { kind: 'Component', namePrefix: 'first-', resources: ['first.yaml'] }),
      kustomization('second/kustomization.yaml', { kind: 'Component', nameSuffix: '-second', resources: ['second.yaml'] }),
      kustomization('helm/kustomization.yaml', { namePrefix: '{{ .Release.Name }}-', resources: ['chart.yaml'] }),
    ], NO_SOURCES);
    expect(Object.fromEntries(affixes)).toEqual({
      // its generators run after its components: their objects get its own pair only
      'app/kustomization.yaml': [{ prefix: 'outer-', suffix: '' }],
      'app/app.yaml': [{ prefix: 'outer-first-', suffix: '-second' }],
      'first/first.yaml': [{ prefix: 'outer-first-', suffix: '-second' }],
      'second/second.yaml': [{ prefix: 'outer-', suffix: '-second' }],
    });
  });
});

const NO_SOURCES: PatchSources = { file: () => undefined, inline: () => [] };

const NAME_LOOKUPS = new Set(['non-existent-service-account', 'missing-secret-or-configmap', 'statefulset-service-name', 'dangling-hpa', 'hpa-replicas']);

const EMPTY_RANGE = { file: 'app/names.yaml', line: 1, column: 1, endLine: 1, endColumn: 1 };
const EMPTY_INDEX: PositionIndex = { rangeOf: () => EMPTY_RANGE, keyRangeOf: () => EMPTY_RANGE, has: () => false };
