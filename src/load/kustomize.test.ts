import { describe, expect, it } from 'vitest';
import { lint } from '../check.js';
import { validateObjects } from '../schema/validate.js';
import { loadManifests } from './load-manifests.js';
import { listContext } from './expand-inputs.js';

describe('kustomize inputs', () => {
  it('reads no object from the files a ConfigMap or Secret generator takes as data (kubebuilder\'s controller_manager_config.yaml), and says so for one holding named objects (a ClusterResourceSet payload)', async () => {
    const loaded = await loadManifests(['kustomize-generator-data'], { cwd: 'fixtures' });
    expect(loaded.findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId}`)).toEqual(['kustomize-generator-data/addons/calico.yaml:4:1 kustomize-generator-data']);
    expect(loaded.objects.map((object) => `${object.ref.kind}/${object.ref.name}`)).toEqual(['Deployment/manager']);
  });

  it('treats kustomizations, configuration files and builtin configs as configuration, and patch-only files as fragments', async () => {
    const loaded = await loadManifests(['kustomize'], { cwd: 'fixtures' });
    expect(loaded.findings).toEqual([]);
    expect(loaded.objects.map((object) => `${object.file} ${object.ref.kind} ${object.ref.name}`)).toEqual(['kustomize/base/deployment.yaml Deployment web']);
    expect(loaded.patches.map((object) => `${object.file} ${object.ref.kind} ${object.ref.name}`)).toEqual([
      'kustomize/components/debug/debug-patch.yaml Deployment web',
      'kustomize/overlay/remove-sidecar.yaml Deployment web',
      'kustomize/overlay/remove-sidecar.yaml Service web-debug',
      'kustomize/overlay/replicas.yaml Deployment web',
    ]);
  });

  it('applies commonAnnotations and the builtin transformer configurations `transformers:` names: labels and annotations at their field specs, namespace, replicas and patches (inline, and files named from the kustomization\'s directory)', async () => {
    const loaded = await loadManifests(['kustomize-builtin-transformers'], { cwd: 'fixtures' });
    expect(loaded.findings).toEqual([]);
    expect(loaded.objects.map((object) => object.value)).toEqual([
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: {
          name: 'web',
          annotations: { team: 'shop', 'kubefit.dev/ignore': "pod-anti-affinity=spread by the cluster's default constraints" },
          labels: { 'app.kubernetes.io/part-of': 'shop' },
          namespace: 'shop',
        },
        spec: {
          replicas: 3,
          selector: { matchLabels: { app: 'web' } },
          template: {
            metadata: { labels: { app: 'web', 'app.kubernetes.io/part-of': 'shop' }, annotations: { team: 'shop' } },
            spec: {
              containers: [{
                name: 'web',
                image: 'registry.example.com/web:1.0.0',
                resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '128Mi' } },
                readinessProbe: { httpGet: { path: '/ready', port: 8080 } },
              }],
              priorityClassName: 'high',
            },
          },
        },
      },
    ]);
    // the overlay's annotation suppresses pod-anti-affinity on the base's Deployment
    const report = await lint(['kustomize-builtin-transformers'], { cwd: 'fixtures' });
    expect(report.findings.map((finding) => `${finding.file}:${finding.line} ${finding.ruleId}`)).toEqual(['kustomize-builtin-transformers/base/deployment.yaml:14 liveness-probe']);
  });

  it('judges a base as its plain builds write it when another build is a Helm chart in the making (a patch writing {{ .Release.Namespace }})', async () => {
    const report = await lint(['kustomize-templated-build'], { cwd: 'fixtures', configFile: false });
    expect(report.findings.filter((finding) => finding.severity === 'error').map((finding) => `${finding.file}:${finding.line} ${finding.ruleId}`)).toEqual([
      'kustomize-templated-build/helm/patch-subjects.yaml:3 helm-template',
    ]);
  });

  it('keeps what every build does to a shared base: the same replacement target, and equal patches from files of their own', async () => {
    const report = await lint(['kustomize-shared-base'], { cwd: 'fixtures', configFile: false });
    expect(report.findings.filter((finding) => finding.severity !== 'info').map((finding) => `${finding.file}:${finding.line} ${finding.ruleId}`)).toEqual([
      'kustomize-shared-base/patches/base/deploy.yaml:6 single-replica',
      'kustomize-shared-base/patches/base/deploy.yaml:14 liveness-probe',
    ]);
  });

  it('checks a field that every build of a shared base writes, each to its own value (replicas, images, a patch of the same fields), as the first build writes it: the base\'s own value is deployed by none', async () => {
    const loaded = await loadManifests(['kustomize-builds-disagree'], { cwd: 'fixtures' });
    expect(loaded.objects.map((object) => object.value)).toMatchObject([
      { spec: { replicas: 3, template: { spec: { containers: [{ image: 'api:v1.4.0', securityContext: { privileged: false, allowPrivilegeEscalation: false } }, { image: 'proxy:latest' }] } } } },
    ]);
    const report = await lint(['kustomize-builds-disagree'], { cwd: 'fixtures', configFile: false });
    // the proxy's own tag is what staging deploys
    expect(report.findings.filter((finding) => ['latest-tag', 'single-replica', 'privileged-container'].includes(finding.ruleId)).map((finding) => `${finding.file}:${finding.line} ${finding.ruleId}`)).toEqual([
      'kustomize-builds-disagree/base/deploy.yaml:21 latest-tag',
    ]);
  });

  it('drops the objects a patch deletes ($patch: delete at the top), in a List too, as kustomize build does', async () => {
    // upstream: kustomize api/filters/patchstrategicmerge Filter, resmap ApplySmPatch (an empty result leaves the build)
    const loaded = await loadManifests(['kustomize-patch-delete'], { cwd: 'fixtures' });
    expect(loaded.objects.map((object) => `${object.ref.kind}/${object.ref.name}`).sort()).toEqual(['ConfigMap/extra', 'ConfigMap/settings']);
    expect(loaded.findings).toEqual([]);
  });

  it('checks only the field names of a patch, against the kind it patches, with $patch directives understood', async () => {
    const loaded = await loadManifests(['kustomize'], { cwd: 'fixtures' });
    const findings = validateObjects([], { kubernetesVersion: undefined, extraSchemas: new Map(), strictKinds: false }, loaded.patches);
    const misspelt = 'kustomize/overlay/replicas.yaml:15:11 schema: unknown field "imagePullPolcy" in spec.template.spec.containers[0] (did you mean "imagePullPolicy"?)';
    expect(findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId}: ${finding.message}`)).toEqual([misspelt]);
    // the base the patch is merged into has the field too, located in the patch: one finding in the report
    const report = await lint(['kustomize'], { cwd: 'fixtures' });
    expect(report.findings.filter((finding) => finding.ruleId === 'schema').map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId}: ${finding.message}`)).toEqual([misspelt]);
  });

  it('takes the patches a kustomization lists commented out (kubebuilder\'s scaffold), and the unnamed files beside patches, for patches; nothing else it comments out', async () => {
    const loaded = await loadManifests(['kustomize-scaffold'], { cwd: 'fixtures' });
    expect(loaded.findings).toEqual([]);
    const listed = (objects: typeof loaded.objects) => objects.map((object) => `${object.file} ${object.ref.kind} ${object.ref.name}`);
    expect(listed(loaded.patches)).toEqual([
      'kustomize-scaffold/crd/patches/cainjection_in_gadgets.yaml CustomResourceDefinition gadgets.example.com',
      'kustomize-scaffold/crd/patches/webhook_in_widgets.yaml CustomResourceDefinition widgets.example.com',
      'kustomize-scaffold/default/manager_auth_proxy_patch.yaml Deployment controller-manager',
      'kustomize-scaffold/default/manager_webhook_patch.yaml Deployment controller-manager',
    ]);
    // a resource commented out under resources: is still an object, checked as one
    expect(listed(loaded.objects)).toEqual([
      'kustomize-scaffold/crd/bases/gadgets.yaml CustomResourceDefinition gadgets.example.com',
      'kustomize-scaffold/crd/bases/widgets.yaml CustomResourceDefinition widgets.example.com',
      'kustomize-scaffold/manager/manager.yaml Deployment controller-manager',
    ]);
    const findings = validateObjects(loaded.objects, { kubernetesVersion: undefined, extraSchemas: new Map(), strictKinds: false }, loaded.patches);
    expect(findings.map((finding) => `${finding.file}:${finding.line} ${finding.message}`)).toEqual([
      'kustomize-scaffold/crd/bases/gadgets.yaml:13 unknown field "preserveUnknownField" in spec (did you mean "preserveUnknownFields"?)',
    ]);
  });

  it('takes the files beside an overlay\'s patches that no kustomization names for patches, unless one holds a whole workload', async () => {
    const loaded = await loadManifests(['kustomize-overlay-fragments'], { cwd: 'fixtures' });
    expect(loaded.findings).toEqual([]);
    expect(loaded.patches.map((object) => object.file)).toEqual(['kustomize-overlay-fragments/overlay/kelvin_deployment.yaml', 'kustomize-overlay-fragments/overlay/kelvin_resources.yaml']);
    expect(loaded.objects.map((object) => `${object.file} ${object.ref.name}`)).toEqual(['kustomize-overlay-fragments/base/deploy.yaml kelvin', 'kustomize-overlay-fragments/overlay/debug.yaml kelvin-debug']);
  });

  it('says that kustomize build fails on a kustomization it cannot decode (strict JSON into its Kustomization type), at the first problem', async () => {
    const loaded = await loadManifests(['kustomize-undecodable'], { cwd: 'fixtures' });
    expect(loaded.findings.filter((finding) => finding.ruleId === 'kustomize-build').map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.message}`)).toEqual([
      'kustomize-undecodable/strings-as-patches/kustomization.yaml:8:5 kustomize build fails: invalid Kustomization: json: cannot unmarshal string into Go struct field Kustomization.patches of type types.Patch',
      'kustomize-undecodable/unknown-field/kustomization.yaml:6:3 kustomize build fails: invalid Kustomization: json: unknown field "resource"',
    ]);
  });

  it('takes a file whose name says patch for a patch unless a kustomization lists it as a resource, or it holds a whole workload', async () => {
    const loaded = await loadManifests(['kustomize-patch-names'], { cwd: 'fixtures' });
    expect(loaded.findings).toEqual([]);
    expect(loaded.patches.map((object) => object.file)).toEqual(['kustomize-patch-names/standalone/patch.json', 'kustomize-patch-names/standalone/replicas-patch.yaml']);
    expect(loaded.objects.map((object) => object.file)).toEqual([
      'kustomize-patch-names/listed/hotfix-patch.yaml',
      'kustomize-patch-names/standalone/deployment-patch.yaml',
      'kustomize-patch-names/standalone/dispatch.yaml',
    ]);
  });

  it('reads a kustomization as YAML even when its strings hold Helm actions for a later helm template, and knows its patches', async () => {
    const loaded = await loadManifests(['kustomize-helmify'], { cwd: 'fixtures' });
    // a patch with Helm actions makes the build's output a chart template: one finding, not its placeholder keys' errors
    expect(loaded.findings.map((finding) => `${finding.file}:${finding.line} ${finding.ruleId}`)).toEqual(['kustomize-helmify/helmsubst-patch.yaml:11 helm-template']);
    expect(loaded.objects.map((object) => object.file)).toEqual(['kustomize-helmify/deployment.yaml']);
    expect(loaded.patches.map((object) => object.file)).toEqual(['kustomize-helmify/helm-values.yaml']);
    // commonLabels `release: "{{ .Release.Name }}"` is for helm template to fill: not applied, so no invalid label
    expect(loaded.objects[0]?.value['metadata']).toEqual({ name: 'web' });
  });

  it('reports the paths a kustomization names that kustomize build cannot read, at the entry, and the remote targets it does not fetch', async () => {
    const loaded = await loadManifests(['kustomize-build'], { cwd: 'fixtures' });
    expect(loaded.findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.severity} ${finding.ruleId}: ${finding.message}`)).toEqual([
      'kustomize-build/overlay/kustomization.yaml:4:5 warning kustomize-build: kustomize build fails: resources entry "missing.yaml" does not exist',
      'kustomize-build/overlay/kustomization.yaml:5:5 warning kustomize-build: kustomize build fails: resources entry "../not-a-package" is a folder without a kustomization.yaml',
      'kustomize-build/overlay/kustomization.yaml:17:5 warning kustomize-build: kustomize build fails: configurations entry "missing-configuration.yaml" does not exist',
      'kustomize-build/overlay/kustomization.yaml:22:9 warning kustomize-build: kustomize build fails: configMapGenerator file "missing-app.conf" does not exist',
      'kustomize-build/overlay/kustomization.yaml:24:9 warning kustomize-build: kustomize build fails: configMapGenerator file "missing.env" does not exist',
      'kustomize-build/overlay/kustomization.yaml:9:11 warning kustomize-build: kustomize build fails: patch file "missing-patch.yaml" does not exist',
      'kustomize-build/overlay/kustomization.yaml:6:5 info kustomize-remote: resources entry "github.com/example/platform/base?ref=v1.2.0" is fetched by kustomize build; kubefit works offline and does not check its objects',
      'kustomize-build/overlay/kustomization.yaml:7:5 info kustomize-remote: resources entry "https://example.com/manifests/app.yaml" is fetched by kustomize build; kubefit works offline and does not check its objects',
    ]);
  });

  it('says that kustomize build stops at a resource that is the kustomization\'s own folder or one above it', async () => {
    // upstream: kustomize api/loader/fileloader.go errIfArgEqualOrHigher
    const loaded = await loadManifests(['kustomize-cycle'], { cwd: 'fixtures' });
    expect(loaded.findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId}: ${finding.message}`)).toEqual([
      'kustomize-cycle/kustomization.yaml:4:5 kustomize-build: kustomize build fails: resources entry "." is this kustomization\'s folder or one above it (cycle detected: candidate root contains visited root)',
      'kustomize-cycle/kustomization.yaml:5:5 kustomize-build: kustomize build fails: resources entry ".." is this kustomization\'s folder or one above it (cycle detected: candidate root contains visited root)',
    ]);
  });

  it('says that the Helm charts a kustomization inflates are not rendered, so their objects are not checked', async () => {
    const loaded = await loadManifests(['kustomize-helm-charts'], { cwd: 'fixtures' });
    expect(loaded.findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.severity} ${finding.ruleId}: ${finding.message}`)).toEqual([
      'kustomize-helm-charts/kustomization.yaml:7:11 info kustomize-remote: helmCharts entry "karpenter" is a Helm chart that kustomize build --enable-helm renders; kubefit renders no chart and does not check its objects',
      'kustomize-helm-charts/kustomization.yaml:12:16 info kustomize-remote: helmChartInflationGenerator entry "minecraft" is a Helm chart that kustomize build --enable-helm renders; kubefit renders no chart and does not check its objects',
    ]);
    expect(loaded.objects.map((object) => object.ref.kind)).toEqual(['Namespace']);
  });

  it('says which local resources, bases and components of a kustomization are not among the checked paths', async () => {
    const unread = async (inputs: string[], contextPaths: string[] = []) => (await loadManifests(inputs, { cwd: 'fixtures', context: await listContext(contextPaths, 'fixtures', []) })).findings.filter((finding) => finding.ruleId === 'kustomize-unread').map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.severity}: ${finding.message}`);
    expect(await unread(['kustomize/overlay'])).toEqual([
      'kustomize/overlay/kustomization.yaml:4:5 info: resources entry "../base" is not among the checked paths: its objects are not checked (check the folder that holds the whole build)',
      'kustomize/overlay/kustomization.yaml:6:5 info: components entry "../components/debug" is not among the checked paths: its objects are not checked (check the folder that holds the whole build)',
    ]);
    expect(await unread(['kustomize'])).toEqual([]);
    expect(await unread(['kustomize/overlay', 'kustomize/base/deployment.yaml', 'kustomize/components'])).toEqual([]);
    // a pre-commit hook passes the staged kustomization and --context .: the rest of the build is in its context
    expect(await unread(['kustomize/overlay/kustomization.yaml'], ['.'])).toEqual([]);
    expect(await unread(['kustomize/overlay'], ['kustomize/base/'])).toEqual([
      'kustomize/overlay/kustomization.yaml:6:5 info: components entry "../components/debug" is not among the checked paths: its objects are not checked (check the folder that holds the whole build)',
    ]);
  });

  it('knows a root $patch document is a patch without its kustomization', async () => {
    const loaded = await loadManifests(['kustomize/overlay/remove-sidecar.yaml'], { cwd: 'fixtures' });
    expect(loaded.objects.map((object) => object.ref.kind)).toEqual(['Deployment']);
    expect(loaded.patches.map((object) => object.ref.kind)).toEqual(['Service']);
  });
});
