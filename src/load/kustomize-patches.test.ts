import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../check.js';
import { kustomizationPatches, type PatchSources } from './kustomize-patches.js';
import { loadManifests } from './load-manifests.js';

const noPositions = { rangeOf: () => ({ file: 'patch.yaml', line: 1, column: 1, endLine: 1, endColumn: 1 }), keyRangeOf: () => ({ file: 'patch.yaml', line: 1, column: 1, endLine: 1, endColumn: 1 }), has: () => true };
const sources = (files: Record<string, unknown[]> = {}): PatchSources => ({ file: (path) => files[path]?.map((value) => ({ value, index: noPositions })), inline: () => [] });
const deployment = (name: string, namespace?: string, labels: Record<string, string> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, labels, ...(namespace !== undefined && { namespace }) },
  spec: { template: { spec: { containers: [{ name: 'app', image: 'app:1' }] } } },
});
const retag = (image: string) => ({ spec: { template: { spec: { containers: [{ name: 'app', image }] } } } });
const imageOf = (value: Readonly<Record<string, unknown>>) => JSON.stringify(value).match(/"image":"([^"]*)"/)?.[1];

describe('kustomize patches (PatchStrategicMergeTransformer, PatchTransformer, PatchJson6902Transformer)', () => {
  it.each([
    ['a strategic-merge patch names its object by kind and name', deployment('web'), 'app:2'],
    ['an empty namespace is "default" (ResId.EffectiveNamespace)', deployment('web', 'default'), 'app:2'],
    ['another name is left alone', deployment('api'), 'app:1'],
    ['another namespace is left alone', deployment('web', 'shop'), 'app:1'],
  ])('%s', (_name, value, image) => {
    const { first } = kustomizationPatches('k.yaml', { patchesStrategicMerge: ['patch.yaml'] }, sources({ 'patch.yaml': [{ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, ...retag('app:2') }] }), (entry) => entry);
    expect(imageOf(first.reduce((current, patch) => patch.apply(current, value), value as Readonly<Record<string, unknown>>))).toBe(image);
  });

  it.each([
    ['a name that is a regular expression of the whole name', { kind: 'Deployment', name: 'web-.*' }, ['web-a', 'web-b']],
    ['a label selector', { labelSelector: 'tier in (front)' }, ['web-a']],
    ['a version and a group', { group: 'apps', version: 'v1', kind: 'Deployment' }, ['web-a', 'web-b', 'webx']],
    ['a namespace', { namespace: 'shop' }, ['web-b']],
    ['an invalid expression selects nothing', { name: 'web-(' }, []],
    ['a group repeated without repetition inside is fine', { name: '(web-)?[ab]' }, ['web-a', 'web-b']],
  ])('a target selects by %s', (_name, target, patched) => {
    const { first } = kustomizationPatches('k.yaml', { patches: [{ target, path: 'p.yaml' }] }, sources({ 'p.yaml': [[{ op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'app:2' }]] }), (entry) => entry);
    const objects = [deployment('web-a', undefined, { tier: 'front' }), deployment('web-b', 'shop'), deployment('webx')];
    const names = objects.filter((value) => imageOf(first.reduce((current, patch) => patch.apply(current, value), value as Readonly<Record<string, unknown>>)) === 'app:2');
    expect(names.map((value) => value.metadata.name)).toEqual(patched);
  });

  it('runs an expression that backtracks exponentially in JavaScript in linear time, as Go\'s regexp does, instead of hanging', () => {
    const { first } = kustomizationPatches('k.yaml', { patches: [{ target: { name: '(a|a)*' }, path: 'p.yaml' }] }, sources({ 'p.yaml': [[{ op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'app:2' }]] }), (entry) => entry);
    const value = deployment(`${'a'.repeat(5000)}-`);
    expect(imageOf(first.reduce((current, patch) => patch.apply(current, value), value as Readonly<Record<string, unknown>>))).toBe('app:1');
  });

  it('keeps the name and namespace a patch would change, unless its options allow it', () => {
    const patch = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'renamed', namespace: 'elsewhere' } };
    const apply = (options: Record<string, unknown>) => {
      const { first } = kustomizationPatches('k.yaml', { patches: [{ path: 'p.yaml', target: { name: 'web' }, options }] }, sources({ 'p.yaml': [patch] }), (entry) => entry);
      const value = deployment('web', 'shop');
      return first[0]?.apply(value, value)['metadata'];
    };
    expect(apply({})).toMatchObject({ name: 'web', namespace: 'shop' });
    expect(apply({ allowNameChange: true })).toMatchObject({ name: 'renamed', namespace: 'shop' });
  });

  it('builds the kubebuilder scaffold: the webhook port, image and args the patches add are the Deployment\'s', async () => {
    const loaded = await loadManifests(['kustomize-patches'], { cwd: 'fixtures' });
    const manager = loaded.objects.find((object) => object.ref.kind === 'Deployment');
    expect(manager?.value).toMatchObject({
      metadata: { name: 'controller-manager', namespace: 'project-system' },
      spec: { template: { spec: {
        containers: [{
          name: 'manager',
          image: 'registry.example.com/project/controller:v1.2.4',
          args: ['--leader-elect'],
          env: [],
          ports: [{ containerPort: 9443, name: 'webhook-server' }],
          volumeMounts: [{ name: 'cert' }, { name: 'socket' }],
        }],
        volumes: [{ name: 'cert' }, { name: 'socket' }],
      } } },
    });
    // the patch files are fragments, not objects
    expect(loaded.patches.map((patch) => patch.file)).toEqual(['kustomize-patches/config/default/manager_image_patch.yaml', 'kustomize-patches/config/default/manager_webhook_patch.yaml']);
  });

  it('leaves out patches kustomize cannot read or apply, with no stack trace, and checks the object as its file has it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'kubefit-patches-'));
    writeFileSync(join(root, 'deployment.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: web:latest\n');
    writeFileSync(join(root, 'scalar-patch.yaml'), '5\n');
    writeFileSync(join(root, 'mismatch-patch.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers: {web: 1}\n');
    writeFileSync(join(root, 'kustomization.yaml'), [
      'resources: [deployment.yaml]',
      'patchesStrategicMerge: [5, {}, missing.yaml, scalar-patch.yaml, mismatch-patch.yaml, "a: [\\n"]',
      'patches:',
      '  - 5',
      '  - null',
      '  - {path: 7}',
      '  - {patch: 12}',
      '  - {patch: "[[["}',
      '  - {target: x, patch: "- op: add"}',
      '  - {target: {name: "("}, patch: "[{\\"op\\": \\"remove\\", \\"path\\": \\"/spec\\"}]"}',
      '  - {target: {kind: Deployment}, patch: "[{\\"op\\": \\"move\\", \\"from\\": \\"/spec\\", \\"path\\": \\"/spec/x\\"}]"}',
      '  - {target: {kind: Deployment}, patch: "[{\\"op\\": \\"add\\", \\"path\\": \\"/a/-/b\\", \\"value\\": 1}]"}',
      'patchesJson6902: [{target: {kind: Deployment}, patch: "$patch: delete"}, 3]',
      '',
    ].join('\n'));
    const report = await lint([root]);
    expect(report.findings.filter((finding) => finding.ruleId === 'latest-tag').map((finding) => finding.line)).toEqual([10]);
    expect(report.findings.filter((finding) => finding.ruleId === 'kustomize-build').map((finding) => `${finding.line}:${finding.column} ${finding.message.replace(/ \(.*/, '')}`)).toEqual([
      // kustomize's strict decoding stops at the first entry that is no string (upstream: Kustomization.Unmarshal)
      '2:25 kustomize build fails: invalid Kustomization: json: cannot unmarshal number into Go struct field Kustomization.patchesStrategicMerge of type types.PatchStrategicMerge',
      '2:32 kustomize build fails: patch file "missing.yaml" does not exist',
      '2:86 kustomize build fails: the patch written here does not parse',
      '8:6 kustomize build fails: the patch written here does not parse',
    ]);
  });

  it('applies a component\'s patches to what the kustomization that includes it builds, and no JSON patch without a target', async () => {
    const loaded = await loadManifests(['kustomize'], { cwd: 'fixtures' });
    expect(loaded.objects.map((object) => object.value)).toEqual([{
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      // labels.yaml, a builtin LabelTransformer `transformers:` names, at its one field spec
      metadata: { name: 'web', labels: { team: 'web' } },
      spec: {
        // replicas.yaml; the inline `replace /spec/replicas` has no target (kustomize's error): not applied
        replicas: 3,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: {
            // components/debug adds the args, replicas.yaml the limit (and a misspelt field, reported in the patch)
            containers: [{ name: 'web', image: 'nginx:1.27', args: ['--debug'], resources: { limits: { memory: '256Mi' } }, imagePullPolcy: 'Always' }],
            // ops.yaml, a JSON patch with a target
            nodeSelector: { disktype: 'ssd' },
          },
        },
      },
    }]);
  });

  it('checks the built objects at their places in the files: no unknown webhook port, no :latest, the socket still where the file mounts it, what a patch brings in the patch', async () => {
    const report = await lint(['kustomize-patches'], { cwd: 'fixtures' });
    expect(report.findings.filter((finding) => ['error', 'warning'].includes(finding.severity)).map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId}`)).toEqual([
      // a patch written in the kustomization: its entry
      'kustomize-patches/config/default/kustomization.yaml:19:1 privileged-container',
      'kustomize-patches/config/default/manager_webhook_patch.yaml:15:25 host-port',
      'kustomize-patches/config/manager/manager.yaml:6:1 single-replica',
      'kustomize-patches/config/manager/manager.yaml:16:17 liveness-probe',
      'kustomize-patches/config/manager/manager.yaml:16:17 readiness-probe',
      'kustomize-patches/config/manager/manager.yaml:34:19 docker-socket',
    ]);
  });

  // upstream: kyaml/yaml/walk/associative_sequence.go elementValues, setAssociativeSequenceElements (kustomize v5.5)
  it('checks an object a strategic-merge patch touches with one list element per merge key, as the build writes it; a JSON patch leaves the repeated ones', async () => {
    const report = await lint(['kustomize-repeated-keys'], { cwd: 'fixtures', configFile: false });
    const rules = ['duplicate-container-name', 'duplicate-env-var', 'api-warning', 'service-target-port'];
    expect(report.findings.filter((finding) => rules.includes(finding.ruleId)).map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId}: ${finding.message}`)).toEqual([
      'kustomize-repeated-keys/service.yaml:10:17 service-target-port: targetPort "http" is not the name of any container port of the selected pods (Deployment ports)',
      'kustomize-repeated-keys/workloads.yaml:80:15 duplicate-container-name: spec.template.spec.containers[1].name: Duplicate value: "op"',
    ]);
  });
});
