import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDocuments, type BuiltDocument } from '../../src/load/build-values.js';
import { buildThroughCache, MIN_CACHED_DOCUMENT } from '../../src/load/document-cache.js';
import { DEFAULT_LIMITS } from '../../src/load/load-manifests.js';
import { documentStore } from '../../src/load/validator-cache-dir.js';
import { chunksOf, reading } from '../fast-path-reading.js';
import { CORPUS_DIR, corpusFiles, hasCorpus } from './corpus-files.js';

function readingsOf(built: BuiltDocument[]): unknown {
  return built.map((document) => ({ ...reading(document, document.problems.length), json: JSON.stringify(document.value), problems: document.problems }));
}

describe.skipIf(!hasCorpus)('corpus: large documents read from the document cache equal the reader\'s', () => {
  const root = mkdtempSync(join(tmpdir(), 'kubefit-corpus-documents-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const store = documentStore(root, 'test');

  it.each(corpusFiles())('%s', async (file) => {
    for (const chunk of chunksOf(await readFile(join(CORPUS_DIR, file), 'utf8'))) {
      if (chunk.text.length < MIN_CACHED_DOCUMENT) continue;
      let expected: unknown;
      try {
        expected = readingsOf(buildDocuments(chunk.text, chunk.offset, DEFAULT_LIMITS));
      } catch {
        continue; // a syntax error: nothing is kept
      }
      expect(readingsOf(buildThroughCache(store, buildDocuments, chunk.text, chunk.offset, DEFAULT_LIMITS))).toEqual(expected);
      expect(readingsOf(buildThroughCache(store, buildDocuments, chunk.text, chunk.offset, DEFAULT_LIMITS))).toEqual(expected);
    }
  });
});
