import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reading } from '../../test/fast-path-reading.js';
import { buildDocuments, type BuiltDocument } from './build-values.js';
import { buildThroughCache, MIN_CACHED_DOCUMENT } from './document-cache.js';
import { DEFAULT_LIMITS } from './load-manifests.js';
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
