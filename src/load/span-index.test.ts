import { describe, expect, it } from 'vitest';
import type { Path } from '../model/document.js';
import { buildWithPositions } from './build-values.js';
import { DEFAULT_LIMITS } from './load-manifests.js';
import { readPlainBlockDocument } from './plain-block-reader.js';
import { FlatSpans } from './span-index.js';

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

  it('finds, once kept for a document of its own, what reading that document alone finds', () => {
    const items = Array.from({ length: 40 }, (_, index) => `- name: p${index}\n  empty:\n  list:\n  - 1\n`).join('');
    const spelt = `kind: List\nitems:\n${items}data:\n  k: |\n    text\n  e:\n  - a: b\n`;
    const respelt = `0x1F: a\n1_000:\n- 1.0: x\n  true: y\nz: [] # c\n`;
    // kept as code units: offsets in the surrogate range (from 55,296) and more than one String.fromCharCode call's
    // worth of numbers; past 64 KiB as 32-bit numbers
    const mapping = (keys: number) => Array.from({ length: keys }, (_, index) => `key${index}: value-${String(index).padStart(9, '0')}\n`).join('');
    const large = mapping(2_400);
    const larger = mapping(3_000);
    expect([large.length > 0xd800 && large.length < 0xffff, larger.length > 0xffff]).toEqual([true, true]);
    for (const document of [spelt, respelt, large, larger]) {
      const before = 'other: document\n---\n';
      const text = `${before}${document}---\nnext: one\n`;
      const start = before.length;
      const end = start + document.length;
      const recorded = readPlainBlockDocument(text.slice(start, end), start, LIMITS);
      const alone = readPlainBlockDocument(document, 0, LIMITS);
      if (!(recorded?.spans instanceof FlatSpans) || !alone?.spans) throw new Error('not read by the fast reader');
      const kept = recorded.spans.keptIn(text, start, end).in(document);
      // twice: the second lookups go through the indexes the first ones built
      for (const path of [...pathsOf(alone.value), ...pathsOf(alone.value)]) expect(kept.find(path)).toEqual(alone.spans.find(path));
    }
  });
});

/** Every path into a value, plus a missing key and index below each container. */
function pathsOf(value: unknown, base: Path = []): Path[] {
  const out: Path[] = [base, [...base, 'missing'], [...base, 0], [...base, '0']];
  if (Array.isArray(value)) value.forEach((item, index) => out.push(...pathsOf(item, [...base, index])));
  else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) out.push(...pathsOf(item, [...base, key]));
  return out;
}
