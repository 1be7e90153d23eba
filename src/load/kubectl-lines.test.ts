import { describe, expect, it } from 'vitest';
import { asKubectlReads } from './kubectl-lines.js';

describe('asKubectlReads', () => {
  it('drops the "\\r" of each "\\r\\n" (one only) and ends the last line, mapping offsets back to the file (a line feed to the "\\r" before it)', () => {
    const read = asKubectlReads('a: 1\r\r\nb: 2\r\nc');
    expect(read.text).toBe('a: 1\r\nb: 2\nc\n');
    expect([0, 4, 5, 6, 11, 12, 13].map(read.toOriginal)).toEqual([0, 4, 5, 7, 13, 14, 15]);
  });

  it('leaves text without "\\r\\n" as it is', () => {
    const read = asKubectlReads('a: 1\rb: 2\n');
    expect(read.text).toBe('a: 1\rb: 2\n');
    expect(read.toOriginal(7)).toBe(7);
  });
});
