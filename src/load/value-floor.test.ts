import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { valueFloor } from './value-floor.js';

const ALL = Number.MAX_SAFE_INTEGER;

/** Values the builder counts: every scalar and collection, keys excluded, the root included. */
function countValues(value: unknown): number {
  if (Array.isArray(value)) return 1 + value.reduce((sum: number, item) => sum + countValues(item), 0);
  if (typeof value === 'object' && value !== null) return 1 + Object.values(value).reduce((sum: number, item) => sum + countValues(item), 0);
  return 1;
}

const tricky = fc.constantFrom('- a', 'k: v', '[1, 2]', '{a: 1}', '"q"', "it's", '# not a comment', 'a: b\n- c\n  d: e', '|', '>', '---', '...', '  - x', ': x', '\\"');
const document = fc.jsonValue({ maxDepth: 4 });
const withText = fc.oneof(document, fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(tricky, fc.array(tricky, { maxLength: 4 }), document)));

describe('valueFloor', () => {
  it.each([
    ['- a\n- b\n- c\n', 3],
    ['a: 1\nb:\n  - x\n  - y\n', 4],
    ['[{}, {}, {}]\n', 4],
    ['a:\n  - []\n  - [[], []]\n', 5],
    ['{"a": [1, 2, 3], "b": {"c": 1}}\n', 3],
    ['data: |\n  - a: b\n  - c: d\nnext: 1\n', 2],
    ['data: "a\n  - b: c\n  d"\nnext: 1\n', 2],
    ['plain: multi\n  - line: text\nnext: 1\n', 2],
    ['--- |\n- a\n- b\n', 0],
    ['a: 1\n...\n- a\n- b\n- c\n', 3],
  ])('counts at most the values of %j', (text, floor) => {
    expect(valueFloor(text, ALL)).toBe(floor);
  });

  it('stops counting past the limit', () => {
    expect(valueFloor('- a\n'.repeat(1000), 10)).toBe(11);
  });

  it('never counts more values than a document has, in any layout', () => {
    const layouts = [
      (value: unknown) => stringify(value),
      (value: unknown) => stringify(value, { flowCollectionPadding: false, collectionStyle: 'flow' }),
      (value: unknown) => stringify(value, { indentSeq: false, defaultStringType: 'QUOTE_DOUBLE' }),
      (value: unknown) => stringify(value, { blockQuote: 'literal', lineWidth: 20 }),
      (value: unknown) => JSON.stringify(value),
      (value: unknown) => JSON.stringify(value, null, 2),
    ];
    fc.assert(
      fc.property(withText, fc.nat({ max: layouts.length - 1 }), (value, layout) => {
        const text = layouts[layout]?.(value) ?? '';
        expect(valueFloor(text, ALL)).toBeLessThanOrEqual(countValues(value));
      }),
      { numRuns: 2000 },
    );
  });
});
