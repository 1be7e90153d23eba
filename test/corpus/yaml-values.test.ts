import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/load/load-manifests.js';
import { parseDocuments } from '../../src/load/parse-documents.js';
import { SourceText } from '../../src/load/source-text.js';
import { referenceValues } from '../yaml-reference.js';
import { CORPUS_DIR, corpusFiles, hasCorpus } from './corpus-files.js';

describe.skipIf(!hasCorpus)('corpus: loader values equal an independent go-yaml-v2-style reading', () => {
  it.each(corpusFiles())('%s', async (file) => {
    const text = await readFile(join(CORPUS_DIR, file), 'utf8');
    const expected = referenceValues(text);
    const parsed = parseDocuments(new SourceText(file, text), DEFAULT_LIMITS);
    if (expected === undefined || parsed.findings.some((finding) => finding.ruleId === 'helm-template')) return;
    // kubectl skips empty documents, so the loader need not keep them
    expect(parsed.documents.map((document) => document.value).filter(isPresent)).toEqual(expected.filter(isPresent));
  });
});

function isPresent(value: unknown): boolean {
  return value !== null && value !== undefined;
}
