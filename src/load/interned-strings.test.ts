import { describe, expect, it } from 'vitest';
import { interned } from './interned-strings.js';

// JavaScript cannot tell two equal strings apart: what sharing saves is measured by the bench (bench/README.md); this
// holds the table to giving back each string's characters, short or long, however many distinct ones come.
describe('interned', () => {
  it('returns every string with its own characters, past the bounded table too', () => {
    const text = 'apps/v1 apps/v1 a-value-of-13+ a-value-of-13+';
    const slices = [text.slice(0, 7), text.slice(8, 15), text.slice(16, 30), text.slice(31), ''];
    const values = [...slices, ...Array.from({ length: 20_000 }, (_, index) => `v${index % 12_000}`)];
    expect(values.map((value) => interned(value))).toEqual(values);
    expect(values.map((value) => interned(value))).toEqual(values);
  });
});
