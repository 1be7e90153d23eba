import { describe, expect, it } from 'vitest';
import type { Path } from '../model/document.js';
import { buildWithPositions } from './build-values.js';
import { DEFAULT_LIMITS } from './load-manifests.js';
import { readPlainBlockDocument } from './plain-block-reader.js';

const LIMITS = { maxDepth: 128, maxValues: 1_000_000 };

describe('FlatSpans', () => {
  it('finds what the per-container maps find in long sequences and mappings too (which it indexes)', () => {
    const items = Array.from({ length: 100 }, (_, index) => `- kind: Pod\n  metadata:\n    name: p${index}\n  spec: {}\n`).join('');
    const data = Array.from({ length: 80 }, (_, index) => `  k${index}: v${index}\n`).join('');
    const text = `kind: List\nitems:\n${items}data:\n${data}`;
    const fast = readPlainBlockDocument(text, 3, LIMITS);
    const [full] = buildWithPositions(text, 3, DEFAULT_LIMITS);
    const paths: Path[] = [['items', 99, 'metadata', 'name'], ['items', 0, 'spec'], ['items', 100], ['items', 57, 'kind'], ['data', 'k79'], ['data', 'k80'], ['data', 'k3']];
    // twice: the second lookups go through the indexes the first ones built
    for (const path of [...paths, ...paths]) expect(fast?.spans?.find(path)).toEqual(full?.spans.find(path));
  });
});
