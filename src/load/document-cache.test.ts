import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reading } from '../../test/fast-path-reading.js';
import { buildDocuments, type BuiltDocument } from './build-values.js';
import { buildThroughCache, MIN_CACHED_DOCUMENT } from './document-cache.js';
import { DEFAULT_LIMITS, loadManifests } from './load-manifests.js';
import type { Path } from '../model/document.js';
import { documentStore } from './validator-cache-dir.js';

/** A CRD-like document of about `size` characters: nested properties, block-scalar descriptions, then `tail`. */
function largeDocument(size: number, tail = ''): string {
  const lines = ['apiVersion: apiextensions.k8s.io/v1', 'kind: CustomResourceDefinition', 'metadata:', '  name: widgets.example.com', 'spec:', '  properties:'];
  for (let index = 0; lines.join('\n').length < size; index++) {
    lines.push(`    field${index}:`, '      description: |-', `        Field ${index} of the widget.`, '        It is folded: over two lines.', '      type: integer', `      maximum: ${index * 7}`, '      enum: [1, 2, "three"]');
  }
  return `${lines.join('\n')}\n${tail}`;
}

const root = mkdtempSync(join(tmpdir(), 'kubefit-documents-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** buildDocuments of `text` at `offset`, counting its calls. */
function counted(): { build: typeof buildDocuments; calls: () => number } {
  let calls = 0;
  return { build: (text, offset, limits) => (calls++, buildDocuments(text, offset, limits)), calls: () => calls };
}

function readingsOf(built: BuiltDocument[]): unknown {
  return built.map((document) => ({ ...reading(document, document.problems.length), json: JSON.stringify(document.value), problems: document.problems }));
}

describe('large documents through the document cache', () => {
  const cases = {
    'plain block YAML (the fast reader)': largeDocument(MIN_CACHED_DOCUMENT * 2),
    'anchors and aliases (the js-yaml path)': largeDocument(MIN_CACHED_DOCUMENT, 'extra: &anchor {a: 1}\nagain: *anchor\n'),
    'a duplicate key (a problem)': largeDocument(MIN_CACHED_DOCUMENT, 'kind: Again\n'),
  };

  it.each(Object.entries(cases))('%s: the same value, root span, problems and spans as the reader, from the cache without reading until a position is asked for', (name, text) => {
    const store = documentStore(join(root, name), 'test');
    const offset = 17;
    const built = buildDocuments(text, offset, DEFAULT_LIMITS);
    expect(built[0]?.problems.length ?? 0).toBe(name.includes('problem') ? 1 : 0);
    const expected = readingsOf(built);
    const first = counted();
    expect(readingsOf(buildThroughCache(store, first.build, text, offset, DEFAULT_LIMITS))).toEqual(expected);
    const second = counted();
    const [cached] = buildThroughCache(store, second.build, text, offset, DEFAULT_LIMITS);
    if (!cached) throw new Error('no document');
    expect(cached.spans.find([])).toEqual({ span: undefined, complete: true });
    expect(second.calls()).toBe(0);
    expect(readingsOf([cached])).toEqual(expected);
    expect(second.calls()).toBe(1);
  });

  it('reads the text again when an entry is damaged', () => {
    const dir = join(root, 'damaged');
    const store = documentStore(dir, 'test');
    const text = largeDocument(MIN_CACHED_DOCUMENT);
    const expected = readingsOf(buildDocuments(text, 0, DEFAULT_LIMITS));
    buildThroughCache(store, buildDocuments, text, 0, DEFAULT_LIMITS);
    for (const [index, damage] of ['{"value": 1', '{"value": 1}', 'null'].entries()) {
      for (const name of readdirSync(join(dir, 'test', 'documents'))) writeFileSync(join(dir, 'test', 'documents', name), damage);
      const calls = counted();
      expect(readingsOf(buildThroughCache(store, calls.build, text, 0, DEFAULT_LIMITS)), `damage ${index}`).toEqual(expected);
      expect(calls.calls()).toBe(1);
    }
  });

  it('keeps neither small documents nor values JSON cannot carry exactly (.nan, -0)', () => {
    const dir = join(root, 'not kept');
    const store = documentStore(dir, 'test');
    const texts = ['kind: Small\n', largeDocument(MIN_CACHED_DOCUMENT, 'nan: .nan\n'), largeDocument(MIN_CACHED_DOCUMENT, 'zero: -0.0\n')];
    for (const text of texts) {
      const expected = readingsOf(buildDocuments(text, 0, DEFAULT_LIMITS));
      expect(readingsOf(buildThroughCache(store, buildDocuments, text, 0, DEFAULT_LIMITS))).toEqual(expected);
      expect(readingsOf(buildThroughCache(store, buildDocuments, text, 0, DEFAULT_LIMITS))).toEqual(expected);
    }
    expect(readdirSync(join(dir, 'test', 'documents'), { withFileTypes: true }).filter((entry) => entry.isFile())).toEqual([]);
  });
});

describe('large files of one document, known by their bytes', () => {
  /** What loading `files` gives: each object's value and positions, and the findings (as a user sees them). */
  async function loaded(files: readonly string[], store: ReturnType<typeof documentStore>) {
    const result = await loadManifests([...files], { cwd: root, documentCache: store });
    const paths: Path[] = [[], ['metadata', 'name'], ['spec', 'properties', 'field3', 'maximum']];
    return {
      objects: result.objects.map((object) => ({ file: object.file, value: JSON.stringify(object.value), ranges: paths.map((path) => object.rangeOf(path)), digest: object.document.digest !== undefined })),
      findings: result.findings,
    };
  }

  const cases = {
    'an ASCII file': largeDocument(MIN_CACHED_DOCUMENT * 2),
    'a UTF-8 file with a byte order mark': `\uFEFF# Widgets – all of them\n${largeDocument(MIN_CACHED_DOCUMENT)}`,
    'a file with a duplicate key (a finding)': `---\n${largeDocument(MIN_CACHED_DOCUMENT, 'kind: Again\n')}`,
  };

  it.each(Object.entries(cases))('%s: a warm run reads the same objects, positions and findings from one file entry', async (name, text) => {
    const dir = join(root, `file ${name}`);
    const store = documentStore(dir, 'test');
    writeFileSync(join(root, 'widgets.yaml'), text);
    const cold = await loaded(['widgets.yaml'], store);
    expect(cold.objects).toHaveLength(1);
    expect(cold.findings.length).toBe(name.includes('finding') ? 1 : 0);
    const entries = readdirSync(join(dir, 'test', 'documents'));
    expect(entries.filter((entry) => entry.endsWith('.file.json'))).toHaveLength(1);
    const warm = await loaded(['widgets.yaml'], store);
    expect(warm).toEqual(cold);
    // the same keys in the same order: the JSON report prints a finding's keys as they come
    expect(JSON.stringify(warm.findings)).toBe(JSON.stringify(cold.findings));
    expect(readdirSync(join(dir, 'test', 'documents'))).toEqual(entries);
    // the same bytes under another name: the findings name the file read
    writeFileSync(join(root, 'copy.yaml'), text);
    const copy = await loaded(['copy.yaml'], store);
    expect(copy.findings.map((finding) => finding.file)).toEqual(cold.findings.map(() => 'copy.yaml'));
    expect(copy.objects.map((object) => object.ranges.map((range) => range.file))).toEqual([['copy.yaml', 'copy.yaml', 'copy.yaml']]);
  });

  it('hashes no stream of documents, small file or JSON for an entry', async () => {
    const dir = join(root, 'file not kept');
    const store = documentStore(dir, 'test');
    const files = {
      'stream.yaml': `${largeDocument(MIN_CACHED_DOCUMENT)}---\nkind: Second\n`,
      'small.yaml': 'kind: Small\n',
      'large.json': JSON.stringify({ kind: 'Widget', items: Array.from({ length: MIN_CACHED_DOCUMENT / 8 }, (_, index) => index) }),
    };
    for (const [file, text] of Object.entries(files)) writeFileSync(join(root, file), text);
    const first = await loaded(Object.keys(files), store);
    expect(await loaded(Object.keys(files), store)).toEqual(first);
    expect(readdirSync(join(dir, 'test', 'documents')).filter((entry) => entry.endsWith('.file.json'))).toEqual([]);
  });

  it('reads the file again when its entry is damaged', async () => {
    const dir = join(root, 'file damaged');
    const store = documentStore(dir, 'test');
    writeFileSync(join(root, 'damaged.yaml'), largeDocument(MIN_CACHED_DOCUMENT));
    const cold = await loaded(['damaged.yaml'], store);
    for (const damage of ['{"chunk": {}}', '[]', '{']) {
      for (const entry of readdirSync(join(dir, 'test', 'documents')).filter((name) => name.endsWith('.file.json'))) writeFileSync(join(dir, 'test', 'documents', entry), damage);
      expect(await loaded(['damaged.yaml'], store)).toEqual(cold);
    }
  });
});
