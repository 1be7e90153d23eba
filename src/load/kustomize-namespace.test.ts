import { describe, expect, it } from 'vitest';
import { lint } from '../check.js';
import { asRecord } from '../model/object.js';
import { loadManifests } from './load-manifests.js';
import { fieldSpecsOf } from './kustomize-field-specs.js';
import { withNamespace, withSubjectReferences } from './kustomize-namespace.js';

describe('kustomize namespace transformer (api/filters/namespace, builtinpluginconsts/namespace.go)', () => {
  it.each([
    ['a namespaced object gets metadata.namespace, replacing its own', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default' } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'shop' } }],
    ['a custom resource kustomize does not know is taken for namespaced', { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } },
      { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', namespace: 'shop' } }],
    ['a cluster-scoped object keeps its metadata', { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'r' } },
      { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'r' } }],
    ['a Namespace is renamed', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: '_' } },
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } }],
    ['an APIService gets its service namespace, created', { apiVersion: 'apiregistration.k8s.io/v1', kind: 'APIService', metadata: { name: 'v1.example.com' }, spec: {} },
      { apiVersion: 'apiregistration.k8s.io/v1', kind: 'APIService', metadata: { name: 'v1.example.com' }, spec: { service: { namespace: 'shop' } } }],
    ['a CRD\'s conversion webhook service namespace is replaced, not created', { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'a.example.com' }, spec: { conversion: { strategy: 'None' } } },
      { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'a.example.com' }, spec: { conversion: { strategy: 'None' } } }],
    ['a RoleBinding\'s subject named default gets the namespace (defaultOnly), others keep theirs', { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'b' }, subjects: [{ kind: 'ServiceAccount', name: 'default' }, { kind: 'ServiceAccount', name: 'ci', namespace: 'ci' }] },
      { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'b', namespace: 'shop' }, subjects: [{ kind: 'ServiceAccount', name: 'default', namespace: 'shop' }, { kind: 'ServiceAccount', name: 'ci', namespace: 'ci' }] }],
    ['a ServiceAccount subject not named default is left to the nameReference transformer', { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'b' }, subjects: [{ kind: 'ServiceAccount', name: 'controller' }] },
      { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'b' }, subjects: [{ kind: 'ServiceAccount', name: 'controller' }] }],
  ])('%s', (_name, value, expected) => {
    expect(withNamespace(value, 'shop')).toEqual(expected);
  });

  // upstream: api/filters/nameref/nameref.go setMapping, selectReferral (previousNameMatches)
  it.each([
    ['the build holds its ServiceAccount', new Map([['controller', new Set(['default'])]]), [{ kind: 'ServiceAccount', name: 'controller', namespace: 'shop' }, { kind: 'ServiceAccount', name: 'robot' }, { kind: 'User', name: 'jane' }]],
    ['kubefit cannot tell (a resource not among the inputs): taken to', undefined, [{ kind: 'ServiceAccount', name: 'controller', namespace: 'shop' }, { kind: 'ServiceAccount', name: 'robot', namespace: 'shop' }, { kind: 'User', name: 'jane' }]],
  ])('gives a ServiceAccount subject without namespace the build\'s where it names one of the build: %s', (_name, serviceAccounts, subjects) => {
    const binding = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'b' }, subjects: [{ kind: 'ServiceAccount', name: 'controller' }, { kind: 'ServiceAccount', name: 'robot' }, { kind: 'User', name: 'jane' }] };
    expect(withSubjectReferences(binding, 'shop', serviceAccounts)['subjects']).toEqual(subjects);
  });

  // upstream: api/filters/nameref/nameref.go filterMapCandidatesByNamespace (GroupedByOriginalNamespace: a ServiceAccount
  // written without namespace is in default), setMapping (the subject takes the referral's name and namespace)
  it('moves a ServiceAccount subject that names the namespace the build\'s ServiceAccount is written in (none is default)', () => {
    const binding = {
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'b' },
      subjects: [{ kind: 'ServiceAccount', name: 'controller', namespace: 'default' }, { kind: 'ServiceAccount', name: 'robot', namespace: 'ci' }, { kind: 'ServiceAccount', name: 'other', namespace: 'default' }],
    };
    const serviceAccounts = new Map([['controller', new Set(['default'])], ['robot', new Set(['default'])]]);
    expect(withSubjectReferences(binding, 'shop', serviceAccounts)['subjects']).toEqual([
      { kind: 'ServiceAccount', name: 'controller', namespace: 'shop' },
      { kind: 'ServiceAccount', name: 'robot', namespace: 'ci' },
      { kind: 'ServiceAccount', name: 'other', namespace: 'default' },
    ]);
  });

  it('checks a binding whose ServiceAccount subject names none of the build as the build writes it: without namespace', async () => {
    const report = await lint(['kustomize-subject-namespace'], { cwd: 'fixtures', configFile: false });
    expect(report.findings.filter((finding) => finding.severity === 'error').map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId}: ${finding.message}`)).toEqual([
      'kustomize-subject-namespace/bindings.yaml:7:3 api-validation: subjects[0].namespace: Required value',
    ]);
  });

  it('leaves an object already in the namespace as it is (the same value)', () => {
    const value = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'shop' } };
    expect(withNamespace(value, 'shop')).toBe(value);
  });

  it('checks what the build writes: the shared Namespace "_" is the app\'s, its objects are in it', async () => {
    const loaded = await loadManifests(['kustomize-namespace/apps', 'kustomize-namespace/components'], { cwd: 'fixtures' });
    expect(loaded.findings).toEqual([]);
    expect(loaded.objects.map((object) => `${object.ref.kind} ${object.ref.namespace}/${object.ref.name} ${object.file}:${object.rangeOf(['metadata', 'name']).line}`)).toEqual([
      'ClusterRoleBinding /shop-view kustomize-namespace/apps/shop/rbac.yaml:4',
      'Service shop/web kustomize-namespace/apps/shop/service.yaml:4',
      'Namespace /shop kustomize-namespace/components/namespace/namespace.yaml:5',
    ]);
    expect(loaded.objects[0]?.value['subjects']).toEqual([{ kind: 'ServiceAccount', name: 'default', namespace: 'shop' }, { kind: 'ServiceAccount', name: 'builder', namespace: 'ci' }]);
  });

  it('writes the namespace of the outermost kustomization, and leaves a file alone when the builds that reach it disagree', async () => {
    const loaded = await loadManifests(['kustomize-namespace/bases', 'kustomize-namespace/overlays'], { cwd: 'fixtures' });
    expect(loaded.findings).toEqual([]);
    // web is built by prod only; db by prod and by staging, into two namespaces: it keeps its own
    expect(loaded.objects.map((object) => `${object.ref.namespace}/${object.ref.name}`)).toEqual(['data/db-config', 'prod/web-config']);
  });

  it('gives a binding\'s subjects without namespace one when the builds that reach it set different ones (kuberay\'s rbac in two overlays)', async () => {
    const loaded = await loadManifests(['kustomize-two-namespaces'], { cwd: 'fixtures' });
    expect(loaded.findings).toEqual([]);
    // every build gives the subject a namespace (the first build's stands for them); the objects go where each build puts them
    expect(loaded.objects.map((object) => `${object.ref.kind} ${object.ref.namespace}/${object.ref.name} ${JSON.stringify(asRecord(object.value['metadata'])?.['namespace'])}`)).toEqual(['ClusterRoleBinding /operator undefined', 'ServiceAccount default/operator undefined']);
    expect(loaded.objects[0]?.value['subjects']).toEqual([{ kind: 'ServiceAccount', name: 'operator', namespace: 'default' }]);
  });

  it('reads an escaped slash in a field spec path as part of a key (types.FieldSpec.PathSlice)', () => {
    const specs = fieldSpecsOf({ namespace: [{ kind: 'ValidatingWebhookConfiguration', path: 'webhooks/namespaceSelector/matchLabels/kubernetes.io\\/metadata.name', create: true }] }, 'namespace');
    const webhook = { apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingWebhookConfiguration', metadata: { name: 'v' }, webhooks: [{ name: 'a.example.com', namespaceSelector: { matchLabels: {} } }] };
    expect(withNamespace(webhook, 'leader', specs)['webhooks']).toEqual([{ name: 'a.example.com', namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'leader' } } }]);
  });
});
