import { readFile } from 'node:fs/promises';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { parseDocuments } from '../src/load/parse-documents.js';
import { DEFAULT_LIMITS } from '../src/load/load-manifests.js';
import { SourceText } from '../src/load/source-text.js';
import { referenceValues } from './yaml-reference.js';

// fixtures/load/go-yaml holds the cases where go-yaml v2 reads YAML differently from the YAML spec (and so from this
// reference); test/goyaml-differential.test.ts checks them against go-yaml itself
const files = fg.sync('fixtures/**/*.{yaml,yml,json}', { ignore: ['fixtures/hostile/**', 'fixtures/load/go-yaml/**'] }).sort();

describe('loader values equal an independent go-yaml-v2-style reading', () => {
  it.each(files)('%s', async (file) => {
    const text = await readFile(file, 'utf8');
    const expected = referenceValues(text);
    if (expected === undefined) return; // a deliberately broken fixture: the loader reports it (tested elsewhere)
    const parsed = parseDocuments(new SourceText(file, text), DEFAULT_LIMITS);
    if (parsed.findings.some((finding) => finding.ruleId === 'helm-template')) return;
    // kubectl reads a text that starts with `{` as JSON, which this YAML reading does not model (JSONC's trailing commas)
    if (parsed.findings.some((finding) => finding.message.startsWith('invalid JSON'))) return;
    // kubectl skips empty documents, so the loader need not keep them
    expect(parsed.documents.map((document) => document.value).filter(isPresent)).toEqual(expected.filter(isPresent));
  });
});

function isPresent(value: unknown): boolean {
  return value !== null && value !== undefined;
}
