import fg from 'fast-glob';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadManifests, type LoadResult } from './load-manifests.js';

const load = (paths: string[], options = {}) => loadManifests(paths, { cwd: 'fixtures/load', ...options });
const names = (result: Awaited<ReturnType<typeof load>>) => result.objects.map((object) => object.ref.name);
const brief = (result: Awaited<ReturnType<typeof load>>) =>
  result.findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.severity} ${finding.ruleId}: ${finding.message}`);

describe('loadManifests', () => {
  it('maps nested values, keys and quoted scalars to their exact positions', async () => {
    const { objects } = await load(['positions.yaml']);
    const deployment = objects[0];
    expect(deployment?.rangeOf(['spec', 'template', 'spec', 'containers', 0, 'image'])).toEqual({
      file: 'positions.yaml', line: 10, column: 18, endLine: 10, endColumn: 30,
    });
    expect(deployment?.keyRangeOf(['spec', 'template', 'spec', 'containers', 0, 'resources'])).toEqual({
      file: 'positions.yaml', line: 11, column: 11, endLine: 11, endColumn: 20,
    });
    expect(deployment?.rangeOf(['spec', 'template', 'spec', 'containers', 0, 'resources', 'limits', 'cpu'])).toMatchObject({ line: 12, column: 27 });
  });

  it('points a missing path at its nearest existing ancestor', async () => {
    const { objects } = await load(['positions.yaml']);
    const container = ['spec', 'template', 'spec', 'containers', 0];
    expect(objects[0]?.rangeOf([...container, 'livenessProbe', 'httpGet'])).toMatchObject({ line: 9, column: 11 });
    expect(objects[0]?.has([...container, 'livenessProbe'])).toBe(false);
    expect(objects[0]?.has([...container, 'image'])).toBe(true);
  });

  it('reads multi-document files and flattens Lists, each item keeping its own position', async () => {
    const result = await load(['multi-doc.yaml']);
    expect(names(result)).toEqual(['first', 'second', 'third']);
    expect(result.objects.map((object) => object.basePath)).toEqual([[], ['items', 0], ['items', 1]]);
    expect(result.objects[2]?.rangeOf(['metadata', 'name'])).toMatchObject({ line: 16, column: 22 });
    expect(result.findings).toEqual([]);
  });

  // upstream: apimachinery unstructured.go decodeToList sets an item's kind (the List's without "List") and apiVersion
  // (the List's) when GetKind and GetAPIVersion both read "" (absent, empty or not a string): the API server's typed
  // Lists (`kubectl get --raw /api/v1/pods`) carry neither on their items.
  it('gives the items of a typed List its kind and apiVersion when they have neither, as kubectl decodes them', async () => {
    const result = await load(['lists/typed-list-items.json', 'lists/untyped-list-items.yaml']);
    expect(result.objects.map((object) => `${object.ref.apiVersion} ${object.ref.kind} ${object.ref.namespace}/${object.ref.name}`)).toEqual([
      'v1 Pod shop/from-the-api',
      'v1 Pod default/neither-a-string',
      'v1 ConfigMap default/its-own-kind',
      'v1 ConfigMap default/a-configmap-from-the-api',
    ]);
    expect(result.objects[0]?.value).toMatchObject({ kind: 'Pod', apiVersion: 'v1', spec: { containers: [{ image: 'shop:1.0' }] } });
    expect(result.objects[0]?.rangeOf(['spec', 'containers', 0, 'image'])).toMatchObject({ line: 6, column: 114 });
    expect(brief(result)).toEqual([
      // an object but for one of the two: kubectl rejects it
      'lists/typed-list-items.json:7:5 error type-meta-missing: apiVersion not set: kubectl rejects the document',
      'lists/typed-list-items.json:8:5 error type-meta-missing: kind not set: kubectl rejects the document',
      'lists/untyped-list-items.yaml:5:3 error type-meta-missing: kind not set: kubectl rejects the document',
    ]);
  });

  // kubectl decodes a document with `items` as an UnstructuredList (apimachinery unstructuredJSONScheme decodeToList):
  // items that are not an array, or an item that is not an object, fail the whole List with encoding/json's error
  // (expected strings from Go's encoding/json on the same types); `items: null` is an empty List.
  it('rejects a List whose items is not a sequence, or holds a non-mapping item, with the error kubectl decodes it with', async () => {
    const result = await load(['list-items.yaml']);
    expect(names(result)).toEqual(['after']);
    expect(brief(result)).toEqual([
      'list-items.yaml:4:3 error yaml-syntax: json: cannot unmarshal object into Go struct field decodeList.items of type []json.RawMessage (kubectl cannot decode this List)',
      'list-items.yaml:10:8 error yaml-syntax: json: cannot unmarshal string into Go struct field decodeList.items of type []json.RawMessage (kubectl cannot decode this List)',
      'list-items.yaml:14:8 error yaml-syntax: json: cannot unmarshal number into Go struct field decodeList.items of type []json.RawMessage (kubectl cannot decode this List)',
      'list-items.yaml:18:8 error yaml-syntax: json: cannot unmarshal bool into Go struct field decodeList.items of type []json.RawMessage (kubectl cannot decode this List)',
      'list-items.yaml:28:5 error yaml-syntax: json: cannot unmarshal number into Go value of type map[string]interface {} (kubectl cannot decode this List)',
      // an empty node has no text: the finding points at its tag
      'list-items.yaml:33:8 error yaml-syntax: json: cannot unmarshal string into Go struct field decodeList.items of type []json.RawMessage (kubectl cannot decode this List)',
    ]);
  });

  // upstream: apimachinery unstructured helpers.go unstructuredJSONScheme.decode (a `items` key, null included, makes an
  // UnstructuredList of any kind; decodeToList: item kind strings.TrimSuffix(kind, "List")), and cli-runtime
  // visitor.go FlattenListVisitor.Visit (a nested item whose items is an array fails meta.ExtractList: the whole List)
  it('flattens any kind with top-level items and fails a List holding a List, as kubectl does', async () => {
    const result = await load(['lists/items-of-any-kind.yaml', 'lists/nested-lists.yaml']);
    expect(result.objects.map((object) => `${object.ref.apiVersion} ${object.ref.kind} ${object.ref.name}`)).toEqual([
      'v1 ConfigMap listed-configmap',
      'example.com/v1 Inventory an-inventory-item',
      'v1 ConfigMap kept',
      'v1 ConfigMap first',
      'v1 ConfigMap with-null-items',
    ]);
    expect(brief(result)).toEqual([
      ...[[6, 'Inventory'], [15, 'ConfigMap'], [20, 'Secret']].map(([line, kind]) =>
        `lists/items-of-any-kind.yaml:${line}:1 info not-kubernetes: ${kind} has a top-level items, so kubectl reads it as a List: it applies the items, not the ${kind} itself; skipped`),
      'lists/items-of-any-kind.yaml:25:8 error yaml-syntax: json: cannot unmarshal object into Go struct field decodeList.items of type []json.RawMessage (kubectl cannot decode this List)',
      'lists/nested-lists.yaml:8:3 error yaml-syntax: *unstructured.Unstructured is not a list: no Items field in this object (kubectl cannot flatten a List nested in a List, so none of its items is applied)',
    ]);
  });

  it('reads JSON files and *List kinds', async () => {
    const result = await load(['data.json']);
    expect(names(result)).toEqual(['from-json']);
    expect(result.objects[0]?.rangeOf(['metadata', 'name'])).toMatchObject({ line: 8, column: 29 });
  });

  it('reports a syntax error at its position and keeps the documents around it', async () => {
    const result = await load(['broken.yaml']);
    expect(names(result)).toEqual(['before', 'after']);
    expect(brief(result)).toEqual(['broken.yaml:9:9 error yaml-syntax: found unexpected end of stream']);
  });

  it('reports duplicate keys and keeps the last value, as the API server does', async () => {
    const result = await load(['duplicate-key.yaml']);
    expect(names(result)).toEqual(['second']);
    expect(brief(result)).toEqual(['duplicate-key.yaml:5:3 error duplicate-key: duplicate key "name"']);
  });

  // go-yaml v2 decode.go: a key is already set when its Go type and value are equal (the oracle's verdicts)
  it('reports keys of one name as duplicates only when go-yaml decodes them to the same type', async () => {
    const result = await load(['duplicate-key-types.yaml']);
    expect(names(result)).toEqual(['key-types', 'boolean-keys']);
    expect(brief(result)).toEqual(['duplicate-key-types.yaml:18:3 error duplicate-key: duplicate key "true"']);
  });

  // sigs.k8s.io/yaml yaml.go convertToJSONableObject: keys go-yaml keeps apart are named in Go's (random) map order
  it('warns where keys go-yaml keeps apart become one JSON key with different values, which kubectl keeps at random', async () => {
    const result = await load(['go-yaml/duplicate-key-json-names.yaml']);
    expect(names(result)).toEqual(['int-and-float', 'string-then-int', 'float32-names', 'nested', 'merged']);
    expect(brief(result)).toEqual([
      'go-yaml/duplicate-key-json-names.yaml:10:3 warning duplicate-key: a float64 key and an int key before it both become the JSON key "1", with different values: kubectl keeps one of them at random',
      'go-yaml/duplicate-key-json-names.yaml:18:3 warning duplicate-key: an int key and a string key before it both become the JSON key "80", with different values: kubectl keeps one of them at random',
      'go-yaml/duplicate-key-json-names.yaml:28:3 warning duplicate-key: a float64 key and a float64 key before it both become the JSON key ".inf", with different values: kubectl keeps one of them at random',
      'go-yaml/duplicate-key-json-names.yaml:30:3 warning duplicate-key: a float64 key and a float64 key before it both become the JSON key ".nan", with different values: kubectl keeps one of them at random',
      'go-yaml/duplicate-key-json-names.yaml:41:3 error duplicate-key: duplicate key "true"',
      'go-yaml/duplicate-key-json-names.yaml:41:3 warning duplicate-key: a bool key and a string key before it both become the JSON key "true", with different values: kubectl keeps one of them at random',
      'go-yaml/duplicate-key-json-names.yaml:48:3 warning duplicate-key: the merge key (<<) sets a string key beside a float64 key, which both become the JSON key "1", with different values: kubectl keeps one of them at random',
      'go-yaml/duplicate-key-json-names.yaml:50:3 warning duplicate-key: the merge key (<<) sets an int key beside a string key, which both become the JSON key "2", with different values: kubectl keeps one of them at random',
      // a string key a merge key set, then an int key written (the oracle's verdict)
      'go-yaml/duplicate-key-json-names.yaml:56:3 warning duplicate-key: an int key and a string key before it both become the JSON key "5", with different values: kubectl keeps one of them at random',
    ]);
  });

  it('reports a key written twice with a merge key between them, and not one a merge key set before', async () => {
    const result = await load(['duplicate-key-merged.yaml']);
    expect(brief(result)).toEqual(['duplicate-key-merged.yaml:11:3 error duplicate-key: duplicate key "a"']);
  });

  it('does not report duplicate keys in a document that is no object (a Helm values file), only that it is skipped', async () => {
    const result = await load(['values-duplicate-key.yaml']);
    expect(brief(result)).toEqual(['values-duplicate-key.yaml:2:1 info not-kubernetes: document has no apiVersion and kind; skipped']);
  });

  // a manifest with trailing commas is YAML to kubectl 1.33 and later, once encoding/json fails on it (apimachinery
  // decoder.go YAMLOrJSONDecoder.Decode, v0.33.0)
  it('skips a JSONC file with trailing commas that holds no object (a tsconfig.json), and reads a manifest with them as YAML', async () => {
    const result = await load(['typescript-app-jsonc']);
    expect(brief(result)).toEqual(['typescript-app-jsonc/tsconfig.json:1:1 info not-kubernetes: document has no apiVersion and kind; skipped']);
    expect(result.objects.map((object) => object.value['data'])).toEqual([{ mode: 'fast' }]);
  });

  it('says a document of JSON patch operations no kustomization names is a JSON patch', async () => {
    const result = await load(['operations.yaml']);
    expect(brief(result)).toEqual(['operations.yaml:2:1 info not-kubernetes: document is a JSON patch (a list of operations), not an object; skipped']);
  });

  it('does not report the comments of a JSON file that holds no object (a tsconfig.json), only that it is skipped', async () => {
    const result = await load(['typescript-app/tsconfig.json']);
    expect(brief(result)).toEqual(['typescript-app/tsconfig.json:1:1 info not-kubernetes: document has no apiVersion and kind; skipped']);
  });

  it('recognises a Helm template and says how to render it, once per file', async () => {
    const result = await load(['helm-chart.yaml']);
    expect(brief(result)).toEqual([
      'helm-chart.yaml:4:9 error helm-template: this is a Helm template, not a manifest: render it first (helm template RELEASE CHART | kubefit check -)',
    ]);
  });

  it('says a ytt template holding objects is a template to render (its values are comments: name: #@ data.values.namespace), and a data values file holds no object', async () => {
    const result = await load(['ytt-template.yml', 'ytt-values.yml']);
    expect(result.objects).toEqual([]);
    expect(brief(result)).toEqual([
      'ytt-template.yml:1:1 error helm-template: this is a ytt template, not a manifest: render it first (ytt -f DIR | kubefit check -)',
      'ytt-values.yml:4:1 info not-kubernetes: document has no apiVersion and kind; skipped',
    ]);
  });

  it('takes a file that parses for a chart template only in a chart\'s templates folder: elsewhere Helm actions in strings are values', async () => {
    const result = await load(['helm-actions-in-values.yaml', 'chart/templates/configmap.yaml', 'prow-monitoring/templates/alertmanager-secret.yaml']);
    expect(result.objects.map((object) => `${object.file} ${object.ref.name}`)).toEqual(['helm-actions-in-values.yaml app-values', 'prow-monitoring/templates/alertmanager-secret.yaml alertmanager-prow']);
    expect(brief(result)).toEqual([
      'chart/Chart.yaml:1:1 warning helm-chart: Helm chart chart: its template file is not checked (kubefit does not render Helm); render the chart and check its output: helm template RELEASE chart | kubefit check -',
    ]);
  });

  it('skips a Go module\'s vendor folder met below a walked folder, once said, and checks it when named', async () => {
    const walked = await load(['go-vendor']);
    expect(walked.objects.map((object) => `${object.ref.kind}/${object.ref.name}`)).toEqual(['Pod/operator']);
    expect(brief(walked)).toEqual([
      "go-vendor/vendor:1:1 info vendored-dependencies: this is a Go module's vendor folder (go mod vendor): its files are third-party dependencies, not checked; name the folder to check it",
    ]);
    const named = await load(['go-vendor/vendor']);
    expect(named.objects.map((object) => `${object.ref.kind}/${object.ref.name}`)).toEqual(['Node/node-from-a-test']);
  });

  it('quotes a chart path the shell would split in the command it suggests', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kubefit-chart-'));
    await mkdir(join(dir, "team's chart", 'templates'), { recursive: true });
    await writeFile(join(dir, "team's chart", 'Chart.yaml'), 'apiVersion: v2\nname: x\nversion: 1.0.0\n');
    await writeFile(join(dir, "team's chart", 'templates', 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n');
    const result = await loadManifests(['.'], { cwd: dir });
    expect(result.findings.map((finding) => finding.message)).toEqual([
      `Helm chart team's chart: its template file is not checked (kubefit does not render Helm); render the chart and check its output: helm template RELEASE 'team'\\''s chart' | kubefit check -`,
    ]);
  });

  it('reports the templates of a chart met in a folder once, at its Chart.yaml, with its subcharts; so do templates named on their own (a pre-commit hook\'s), their Chart.yaml found on disk', async () => {
    const whole = await load(['helm-chart-folder']);
    // (its crds/ are manifests Helm applies as they are; its values file, a placeholder in it, goes with the chart)
    expect(whole.objects.map((object) => `${object.file} ${object.ref.kind}`)).toEqual(['helm-chart-folder/crds/widgets.yaml CustomResourceDefinition', 'helm-chart-folder/templates/limits.yaml LimitRange']);
    // (Chart.yaml and values.yaml, no manifests, are said with the chart)
    expect(brief(whole)).toEqual([
      'helm-chart-folder/Chart.yaml:1:1 warning helm-chart: Helm chart helm-chart-folder: its 5 template files are not checked (kubefit does not render Helm); render the chart and check its output: helm template RELEASE helm-chart-folder | kubefit check -',
    ]);
    const subchart = await load(['helm-chart-folder/charts/cache']);
    expect(brief(subchart).filter((line) => !line.includes('not-kubernetes'))).toEqual([
      'helm-chart-folder/charts/cache/Chart.yaml:1:1 warning helm-chart: Helm chart helm-chart-folder/charts/cache: its template file is not checked (kubefit does not render Helm); render the chart and check its output: helm template RELEASE helm-chart-folder/charts/cache | kubefit check -',
    ]);
    const named = await load(['helm-chart-folder/templates/configmap.yaml', 'helm-chart-folder/templates/service.yaml']);
    expect(brief(named)).toEqual([
      'helm-chart-folder/Chart.yaml:1:1 warning helm-chart: Helm chart helm-chart-folder: its 2 template files are not checked (kubefit does not render Helm); render the chart and check its output: helm template RELEASE helm-chart-folder | kubefit check -',
    ]);
    // a subchart's template belongs to the chart that renders it
    const nested = await load(['helm-chart-folder/charts/cache/templates/statefulset.yaml']);
    expect(brief(nested).map((line) => line.split(': ').slice(0, 2).join(': '))).toEqual(['helm-chart-folder/Chart.yaml:1:1 warning helm-chart: Helm chart helm-chart-folder']);
  });

  it('reads helm template output written under CHART/templates/ (its # Source: headers) as manifests', async () => {
    const result = await load(['chart-output']);
    expect(result.objects.map((object) => `${object.ref.kind}/${object.ref.name}`)).toEqual(['ConfigMap/shop-alertmanager-templates']);
    expect(brief(result)).toEqual([]);
  });

  it('reports the syntax error a document has besides a quoted Go template, not the template', async () => {
    const result = await load(['go-template-elsewhere.yaml']);
    expect(brief(result)).toEqual(['go-template-elsewhere.yaml:11:22 error yaml-syntax: did not find expected alphabetic or numeric character']);
  });

  it('blames a Go template with an unquoted action, even when blanking it leaves the document broken', async () => {
    const GO_TEMPLATE = 'error helm-template: this is a Go template, not a manifest: render it with the program that fills it in, then check the output';
    expect(brief(await load(['go-template-key.yaml']))).toEqual([`go-template-key.yaml:8:3 ${GO_TEMPLATE}`]);
    expect(brief(await load(['go-template-block.yaml']))).toEqual([`go-template-block.yaml:7:3 ${GO_TEMPLATE}`]);
  });

  it('calls a Go template in a templates folder with no Chart.yaml a Go template, not a Helm chart\'s', async () => {
    const GO_TEMPLATE = 'error helm-template: this is a Go template, not a manifest: render it with the program that fills it in, then check the output';
    expect(brief(await load(['go-template-folder']))).toEqual([`go-template-folder/templates/worker.template.yaml:6:9 ${GO_TEMPLATE}`]);
  });

  it('blames a Go template comment, {{/* and {{- /*, like any other action', async () => {
    const GO_TEMPLATE = 'error helm-template: this is a Go template, not a manifest: render it with the program that fills it in, then check the output';
    expect(brief(await load(['go-template-comment.yaml']))).toEqual([`go-template-comment.yaml:3:1 ${GO_TEMPLATE}`]);
    expect(brief(await load(['go-template-comment-trimmed.yaml']))).toEqual([`go-template-comment-trimmed.yaml:1:1 ${GO_TEMPLATE}`]);
  });

  it('calls a Go template that defines a named template a Go template: define is text/template\'s own action, not Helm\'s', async () => {
    const GO_TEMPLATE = 'error helm-template: this is a Go template, not a manifest: render it with the program that fills it in, then check the output';
    expect(brief(await load(['go-template-define.yaml']))).toEqual([`go-template-define.yaml:2:1 ${GO_TEMPLATE}`]);
  });

  it('says a Helm template in a chart\'s crds folder is applied unrendered, not that rendering the chart would fill it in', async () => {
    const result = await load(['helm-chart-crds/crds/redisfailovers.yaml']);
    expect(brief(result)).toEqual([
      "helm-chart-crds/crds/redisfailovers.yaml:6:5 error helm-template: this is a Helm template in a chart's crds folder, which Helm applies as it is, without rendering it: move it to the chart's templates folder or write it without template actions",
    ]);
  });

  it('says a chart template that starts with an action is a Helm template, not JSON kubectl cannot read', async () => {
    const result = await load(['helm-chart-json-start.yaml']);
    expect(brief(result)).toEqual([
      'helm-chart-json-start.yaml:1:1 error helm-template: this is a Helm template, not a manifest: render it first (helm template RELEASE CHART | kubefit check -)',
    ]);
  });

  it('takes a document that kubectl rejects for a {{ placeholder }} (not Go template syntax) for a template, naming the placeholder', async () => {
    const result = await load(['placeholder-template.yaml']);
    expect(result.objects).toEqual([]);
    expect(brief(result)).toEqual([
      `placeholder-template.yaml:6:13 error helm-template: this is a template, not a manifest: {{replicas}} is a placeholder kubectl cannot read; render the template first, or quote it if a controller fills it in later (Argo's {{args.name}})`,
    ]);
  });

  it('reports a syntax error as it is when the only {{ placeholder }} is elsewhere (a dashboard\'s legend in a string)', async () => {
    const result = await load(['placeholder-elsewhere.yaml']);
    expect(brief(result)).toEqual(['placeholder-elsewhere.yaml:8:11 error yaml-syntax: found unexpected end of stream']);
  });

  it('rejects an object without its apiVersion or kind or with an apiVersion ParseGroupVersion refuses, as kubectl does, and skips what is no object or a tool\'s own file', async () => {
    const result = await load(['type-meta-missing.yaml']);
    expect(result.objects).toEqual([]);
    expect(brief(result)).toEqual([
      'type-meta-missing.yaml:2:1 error type-meta-missing: apiVersion not set: kubectl rejects the document',
      'type-meta-missing.yaml:7:1 error type-meta-missing: kind not set: kubectl rejects the document',
      'type-meta-missing.yaml:13:1 info not-kubernetes: document has no kind; skipped',
      'type-meta-missing.yaml:18:1 error type-meta-missing: apiVersion not set (the key is written "apiversion"; kubectl reads keys by their exact case): kubectl rejects the document',
      'type-meta-missing.yaml:25:1 info not-kubernetes: scorecard.operatorframework.io/v1alpha3 Configuration is a file of operator-sdk scorecard, read from disk, not an API object: not validated',
      'type-meta-missing.yaml:32:13 error type-meta-missing: unexpected GroupVersion string: example.com/v1/beta: kubectl rejects the document',
      'type-meta-missing.yaml:37:13 error type-meta-missing: unexpected GroupVersion string: apps/v1/beta: kubectl rejects the document',
    ]);
  });

  it('skips documents without apiVersion/kind with an info, and empty documents silently', async () => {
    const result = await load(['not-kubernetes.yaml', 'empty.yaml', 'dashes-only.yaml']);
    expect(result.objects).toEqual([]);
    expect(brief(result)).toEqual(['not-kubernetes.yaml:1:1 info not-kubernetes: document has no apiVersion and kind; skipped']);
  });

  it('reads scalars as YAML 1.1, like the API server (yes is a boolean, 0755 is octal)', async () => {
    const { objects } = await load(['yaml11-scalars.yaml']);
    expect(objects[0]?.value['data']).toEqual({
      enabled: true, disabled: false, quoted: 'yes', mode: 493, count: 1000, version: 1.1, date: '2024-01-02', nothing: null,
    });
  });

  it('resolves anchors, aliases and merge keys', async () => {
    const { objects } = await load(['anchors.yaml']);
    expect(objects[0]?.value['metadata']).toMatchObject({ labels: { app: 'web' }, annotations: { app: 'web', team: 'shop' } });
    expect(objects[0]?.value['data']).toEqual({ copy: 'shared', again: 'shared' });
    expect(objects[1]?.value['metadata']).toMatchObject({ annotations: { app: 'web', team: 'shop' } });
    expect(objects[1]?.value['data']).toEqual({ copy: 'shared', again: 'shared' });
  });

  it('reads standard input as <stdin>', async () => {
    const result = await load(['-'], { readStdin: async () => Buffer.from('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: from-stdin\n') });
    expect(names(result)).toEqual(['from-stdin']);
    expect(result.objects[0]?.rangeOf(['metadata', 'name'])).toMatchObject({ file: '<stdin>', line: 4, column: 9 });
  });

  it('walks directories for yaml, yml and json files in sorted order', async () => {
    const result = await loadManifests(['fixtures/load'], {});
    // every manifest file below the folder, counted independently of the walker (hidden entries and Go vendor folders are skipped)
    const expected = fg.sync('fixtures/load/**/*.{yaml,yml,json}', { ignore: ['**/vendor/**'] }).length;
    expect(result.files).toBe(expected);
    expect(result.paths).toEqual([...result.paths].sort());
    expect(result.objects[0]?.file).toBe('fixtures/load/anchors.yaml');
  });
});

describe('loadManifests on bad input', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kubefit-load-'));
    await writeFile(join(dir, 'binary.yaml'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]));
    await writeFile(join(dir, 'latin1.yaml'), Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: caf\xe9\n', 'latin1'));
    await writeFile(join(dir, 'bom-crlf.yaml'), '\uFEFFapiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: bom\r\n');
    await writeFile(join(dir, 'bom-utf8.yaml'), '\uFEFFapiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: café\n');
    await writeFile(join(dir, 'big.yaml'), 'a: 1\n'.repeat(300));
    await writeFile(join(dir, 'bomb.yaml'), billionLaughs());
    await writeFile(join(dir, 'good.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: good\n');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a file with no size (a device, a pipe) and standard input only up to the size limit: endless input stops there', async () => {
    const device = await loadManifests(['/dev/zero'], { limits: { maxFileSize: 1000 } });
    expect(brief(device as never)).toEqual(['/dev/zero:1:1 error too-large: file is over the 1000 bytes limit']);
    let asked = 0;
    const stdin = await loadManifests(['-'], { limits: { maxFileSize: 1000 }, readStdin: async (maxBytes) => Buffer.alloc((asked = maxBytes) + 1, 0x61) });
    expect(asked).toBe(1000);
    expect(brief(stdin as never)).toEqual(['<stdin>:1:1 error too-large: input is over the 1000 bytes limit']);
  });

  it('reports binary, missing and oversized files, warns of non-UTF-8 ones, and goes on with the rest', async () => {
    const result = await loadManifests(['binary.yaml', 'latin1.yaml', 'missing.yaml', 'big.yaml', 'good.yaml', 'bom-crlf.yaml', 'bom-utf8.yaml'], { cwd: dir, limits: { maxFileSize: 1000 } });
    expect(names(result as never)).toEqual(['bom', 'café', 'good', 'caf\uFFFD']);
    expect(brief(result as never)).toEqual([
      'missing.yaml:1:1 error file-unreadable: no such file or directory',
      'big.yaml:1:1 error too-large: file is 1.5 KiB, over the 1000 bytes limit',
      'binary.yaml:1:1 error binary-file: file is binary (it contains NUL bytes)',
      'latin1.yaml:4:12 warning invalid-utf8: file is not valid UTF-8 text: kubectl reads each invalid byte sequence as U+FFFD',
    ]);
    expect(result.objects.find((object) => object.ref.name === 'bom')?.rangeOf(['metadata', 'name'])).toMatchObject({ line: 4, column: 9, endColumn: 12 });
    expect(result.objects.find((object) => object.ref.name === 'café')?.rangeOf(['metadata', 'name'])).toMatchObject({ line: 4, column: 9, endColumn: 13 });
  });

  it('stops an alias bomb without expanding it', async () => {
    const result = await loadManifests(['bomb.yaml', 'good.yaml'], { cwd: dir });
    expect(names(result as never)).toEqual(['good']);
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(['too-large']);
    expect(result.findings[0]?.message).toBe('document has more than 1,000,000 values once aliases are expanded');
  });

  it('counts each value once: a deep document without aliases under the value limit is read (a CRD of 2.6 MB had too-large)', async () => {
    await writeFile(join(dir, 'deep.json'), `{"apiVersion": "example.com/v1", "kind": "Deep", "metadata": {"name": "json"}, "spec": ${deepJson(20)}}`);
    await writeFile(join(dir, 'deep.yaml'), deepYaml(20, '"v"'));
    await writeFile(join(dir, 'deep-plain.yaml'), deepYaml(20, 'v'));
    const result = await loadManifests(['deep.json', 'deep.yaml', 'deep-plain.yaml'], { cwd: dir, limits: { maxExpandedNodes: 200 } });
    expect([result.findings, result.objects.length]).toEqual([[], 3]);
  });

  it('reads a cluster snapshot over the value limit of manifests (one kubectl List of a large cluster)', async () => {
    const cidrs = Array.from({ length: 1_100_000 }, () => 'a').join(',');
    await writeFile(join(dir, 'snapshot.yaml'), `apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: Node, metadata: {name: n1}, spec: {podCIDRs: [${cidrs}]}}\n`);
    const asManifest = await loadManifests(['snapshot.yaml'], { cwd: dir });
    expect(asManifest.findings.map((finding) => finding.ruleId)).toEqual(['too-large']);
    const asCluster = await loadManifests(['snapshot.yaml'], { cwd: dir, fromCluster: true });
    expect([asCluster.findings, asCluster.objects.map((object) => object.ref.name)]).toEqual([[], ['n1']]);
  });

  it('shares equal values across the small files of a snapshot written one Node per file (and a file read alone keeps its own)', async () => {
    const files = Array.from({ length: 4 }, (_, index) => `node-${index}.yaml`);
    for (const [index, file] of files.entries()) {
      await writeFile(join(dir, file), `apiVersion: v1\nkind: Node\nmetadata:\n  name: n${index}\nstatus:\n  capacity:\n    cpu: "4"\n    memory: 16Gi\n    pods: "110"\n`);
    }
    const capacities = (result: LoadResult) => result.objects.map((object) => (object.value as { status: { capacity: object } }).status.capacity);
    const together = capacities(await loadManifests(files, { cwd: dir, fromCluster: true }));
    expect(together.every((capacity) => capacity === together[0])).toBe(true);
    const alone = await Promise.all(files.map(async (file) => capacities(await loadManifests([file], { cwd: dir, fromCluster: true }))[0]));
    expect(alone[0]).toEqual(alone[1]);
    expect(alone[0] === alone[1]).toBe(false);
  });

  it('reads a cluster snapshot over the file size limit of manifests (kubectl get -o json of 5,000 nodes is 37 MiB)', async () => {
    const nodes = Array.from({ length: 20 }, (_, index) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name: `node-${index}` } }));
    await writeFile(join(dir, 'snapshot.json'), JSON.stringify({ apiVersion: 'v1', kind: 'List', items: nodes }, null, 4));
    const limits = { maxFileSize: 1000 };
    const asManifest = await loadManifests(['snapshot.json'], { cwd: dir, limits });
    expect(asManifest.findings.map((finding) => finding.message)).toEqual([expect.stringMatching(/^file is 3\.\d KiB, over the 1000 bytes limit$/)]);
    const asCluster = await loadManifests(['snapshot.json'], { cwd: dir, limits, fromCluster: true });
    expect([asCluster.findings, asCluster.objects.length]).toEqual([[], 20]);
  });

  it.skipIf(process.getuid?.() === 0)('reports an unreadable file', async () => {
    await writeFile(join(dir, 'secret.yaml'), 'a: 1\n');
    await chmod(join(dir, 'secret.yaml'), 0o000);
    const result = await loadManifests(['secret.yaml'], { cwd: dir });
    expect(brief(result as never)).toEqual(['secret.yaml:1:1 error file-unreadable: permission denied']);
  });
});

/** 100 leaves under `depth` nested mappings: about 130 values, each counted once however deep. */
function deepJson(depth: number): string {
  let value = `{"leaf": [${Array.from({ length: 100 }, () => '"v"').join(', ')}]}`;
  for (let level = 0; level < depth; level++) value = `{"l${level}": ${value}}`;
  return value;
}

function deepYaml(depth: number, leaf: string): string {
  const lines = ['apiVersion: example.com/v1', 'kind: Deep', 'metadata:', `  name: yaml-${leaf.length}`, 'spec:'];
  const indent = (level: number) => '  '.repeat(level + 1);
  for (let level = 0; level < depth; level++) lines.push(`${indent(level)}l${level}:`);
  lines.push(`${indent(depth)}leaf:`, ...Array.from({ length: 100 }, () => `${indent(depth)}- ${leaf}`));
  return `${lines.join('\n')}\n`;
}

function billionLaughs(): string {
  const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let level = 1; level < 10; level++) {
    const previous = `*a${level - 1}`;
    lines.push(`a${level}: &a${level} [${Array.from({ length: 10 }, () => previous).join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}
