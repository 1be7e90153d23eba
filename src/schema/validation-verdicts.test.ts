import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../check.js';
import { toolVersion } from '../version.js';
import { loadManifests } from '../load/load-manifests.js';
import { validatorCodeStore } from '../load/validator-cache-dir.js';
import { exactJson } from '../model/exact-json.js';
import { verdictKey } from './validation-verdicts.js';
import { validateObjects } from './validate.js';

const FIXTURES = 'fixtures/schema/crd';

async function findings(file: string, dir?: string): Promise<string> {
  const { objects } = await loadManifests([file], { cwd: FIXTURES });
  const validatorStore = dir === undefined ? undefined : validatorCodeStore(dir, 'test');
  const found = validateObjects(objects, { kubernetesVersion: undefined, extraSchemas: new Map(), strictKinds: false, validatorStore });
  return JSON.stringify(found);
}

/** The stored verdicts (none, and no directory, when no custom resource met a schema). */
function verdictsIn(dir: string): string[] {
  const validators = join(dir, 'test', 'validators');
  return existsSync(validators) ? readdirSync(validators).filter((name) => name.startsWith('verdict-')) : [];
}

describe('custom-resource verdicts kept between runs', () => {
  const root = mkdtempSync(join(tmpdir(), 'kubefit-verdicts-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.each(readdirSync(FIXTURES).filter((name) => name.endsWith('.yaml')))('%s: the findings of a run that judges and of one that reads the verdicts equal those without a cache', async (file) => {
    const dir = join(root, file);
    const expected = await findings(file);
    expect(await findings(file, dir)).toBe(expected);
    const verdicts = verdictsIn(dir);
    expect(await findings(file, dir)).toBe(expected);
    // the second run judged nothing anew
    expect(verdictsIn(dir)).toEqual(verdicts);
  });

  it('keys only values JSON carries exactly, and tells values apart that JSON would not', () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, -0, 1n, { a: undefined }, [Number.NaN]]) expect(exactJson(value)).toBeUndefined();
    expect(verdictKey('digest', { spec: { replicas: Number.NaN } })).toBeUndefined();
    expect(verdictKey('digest', { spec: { replicas: 1 } })).toMatch(/^verdict-[0-9a-f]{64}\.json$/);
    expect(verdictKey('digest', { spec: { replicas: 1 } })).not.toBe(verdictKey('digest', { spec: { replicas: '1' } }));
    expect(verdictKey('digest', { a: 1, b: 2 })).not.toBe(verdictKey('digest', { b: 2, a: 1 }));
    expect(verdictKey('digest', { spec: {} })).not.toBe(verdictKey('other digest', { spec: {} }));
  });
});

describe('large CustomResourceDefinitions (read through the document cache) with a warm cache', () => {
  const root = mkdtempSync(join(tmpdir(), 'kubefit-large-crds-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const SCHEMA_LINE = '        openAPIV3Schema:\n';
  const padding = `          description: |\n${'            A long description, as generated CRDs carry on every field.\n'.repeat(1200)}`;

  /** The fixture with a 70 KB description in each block-style openAPIV3Schema, and with an unknown field in every spec when `broken`. */
  function largeVariant(file: string, broken: boolean): string {
    const text = readFileSync(join(FIXTURES, file), 'utf8').replaceAll(SCHEMA_LINE, `${SCHEMA_LINE}${padding}`);
    return broken ? text.replaceAll('\nspec:\n', '\nspec:\n  bogusField: true\n') : text;
  }

  const blockSchemas = readdirSync(FIXTURES).filter((name) => name.endsWith('.yaml') && readFileSync(join(FIXTURES, name), 'utf8').includes(SCHEMA_LINE));
  it.each(blockSchemas.flatMap((name) => [[name, false], [name, true]] as const))('%s (unknown spec field: %s): the same report without a cache, cold and warm', async (file, broken) => {
    const dir = join(root, `${file}-${String(broken)}`);
    mkdirSync(dir);
    writeFileSync(join(dir, file), largeVariant(file, broken));
    const run = async (cacheDir: string | false) => JSON.stringify(await lint([file], { cwd: dir, configFile: false, cacheDir }));
    const expected = await run(false);
    expect(await run(join(dir, 'cache'))).toBe(expected);
    expect(await run(join(dir, 'cache'))).toBe(expected);
    const cached = (part: string) => readdirSync(join(dir, 'cache', toolVersion(), part));
    expect(cached('documents').length).toBeGreaterThan(0);
    // a CRD with an unknown field is not remembered as clean
    expect(cached('validators').some((name) => name.startsWith('clean-'))).toBe(!broken);
  });

  it('a large CRD that a kustomization patches is validated as patched, cold and warm (ECK drops its podTemplate schemas)', async () => {
    const dir = join(root, 'kustomized');
    mkdirSync(join(dir, 'resources'), { recursive: true });
    mkdirSync(join(dir, 'patches'));
    const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  group: example.com
  names: {kind: Widget, plural: widgets, singular: widget, listKind: WidgetList}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
${SCHEMA_LINE}${padding}          type: object
          properties:
            spec:
              type: object
              properties:
                podTemplate:
                  type: object
                  x-kubernetes-preserve-unknown-fields: true
                  properties:
                    spec: {type: object, required: [containers]}
`;
    writeFileSync(join(dir, 'resources', 'crd.yaml'), crd);
    writeFileSync(join(dir, 'resources', 'kustomization.yaml'), 'resources: [crd.yaml]\n');
    writeFileSync(join(dir, 'patches', 'kustomization.yaml'), 'resources: [../resources]\npatches:\n  - target: {kind: CustomResourceDefinition, name: widgets.example.com}\n    path: drop-pod-template.yaml\n');
    writeFileSync(join(dir, 'patches', 'drop-pod-template.yaml'), '- op: remove\n  path: /spec/versions/0/schema/openAPIV3Schema/properties/spec/properties/podTemplate/properties\n');
    writeFileSync(join(dir, 'widget.yaml'), 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w, namespace: default}\nspec:\n  podTemplate:\n    spec: {securityContext: {runAsUser: 0}}\n');
    const run = async (cacheDir: string | false) => (await lint(['.'], { cwd: dir, configFile: false, cacheDir })).findings.filter((f) => f.severity === 'error');
    expect(await run(false)).toEqual([]);
    expect(await run(join(dir, 'cache'))).toEqual([]);
    expect(await run(join(dir, 'cache'))).toEqual([]);
  });
});
