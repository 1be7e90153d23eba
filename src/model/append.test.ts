import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ascendingIndices } from './append.js';

describe('ascendingIndices', () => {
  it('sorts like a numeric sort, dense and sparse alike', () => {
    const dense = fc.array(fc.nat({ max: 50 }), { maxLength: 200 });
    const sparse = fc.array(fc.nat({ max: 100_000 }), { maxLength: 20 });
    fc.assert(
      fc.property(fc.oneof(dense, sparse), (values) => {
        const input = [...values];
        expect(ascendingIndices(values)).toEqual([...values].sort((a, b) => a - b));
        expect(values).toEqual(input);
      }),
    );
  });
});
