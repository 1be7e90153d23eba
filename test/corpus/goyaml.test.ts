import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareWithOracle, goYamlOracle, runOracle } from '../goyaml-oracle.js';
import { CORPUS_DIR, corpusFiles, hasCorpus } from './corpus-files.js';

const oracle = goYamlOracle();

describe.skipIf(!hasCorpus || !oracle)('corpus: the loader agrees with go-yaml v2', () => {
  it('on every corpus file', () => {
    const files = corpusFiles().map((file) => join(CORPUS_DIR, file));
    const verdicts = runOracle(oracle ?? '', files);
    expect(files.flatMap((file) => compareWithOracle(file, readFileSync(file, 'utf8'), verdicts.get(file) ?? []))).toEqual([]);
  });
});
