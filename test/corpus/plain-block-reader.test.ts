import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunksOf, fastReading, fullReading } from '../fast-path-reading.js';
import { CORPUS_DIR, corpusFiles, hasCorpus } from './corpus-files.js';

describe.skipIf(!hasCorpus)('corpus: the fast block reader builds the same values and spans as the full path', () => {
  it.each(corpusFiles())('%s', async (file) => {
    for (const chunk of chunksOf(await readFile(join(CORPUS_DIR, file), 'utf8'))) {
      const fast = fastReading(chunk.text, chunk.offset);
      if (fast !== undefined) expect(fullReading(chunk.text, chunk.offset)).toEqual([fast]);
    }
  });
});
