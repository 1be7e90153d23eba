import { readFileSync } from 'node:fs';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { appendAll, maxOf, minOf } from '../src/model/append.js';

// Spreading an array into a call puts every element on the stack: 50,000 documents' findings overflowed it.
const SPREAD_CALL = /\b(?:push|unshift|max|min|splice)\(\s*\.\.\./;
const sources = fg.sync(['src/**/*.ts', 'rules/**/*.ts'], { ignore: ['**/*.test.ts'] });

describe('unbounded arrays', () => {
  it.each(sources)('%s spreads no array into push, unshift, splice, Math.max or Math.min', (file) => {
    const lines = readFileSync(file, 'utf8').split('\n');
    const offending = lines.flatMap((line, index) => (SPREAD_CALL.test(line) && !line.trimStart().startsWith('//') ? [`${file}:${index + 1}: ${line.trim()}`] : []));
    expect(offending).toEqual([]);
  });

  it('appends, and finds the extremes of, more elements than the stack holds', () => {
    const many = Array.from({ length: 300_000 }, (_, index) => index);
    expect(appendAll([-1], many)).toHaveLength(300_001);
    expect(maxOf(many)).toBe(299_999);
    expect(minOf(many)).toBe(0);
    expect(maxOf([], 7)).toBe(7);
  });
});
