import { describe, expect, it } from 'vitest';
import { sortSlice } from './go-sort.js';

/** The indices 0..n-1 as Go's sort.Slice leaves them under `less` (expected orders printed by go1.19 sort.Slice). */
function sorted(n: number, less: (a: number, b: number) => boolean): number[] {
  const ids = Array.from({ length: n }, (_, i) => i);
  sortSlice(ids, less);
  return ids;
}

describe('sortSlice (Go sort.Slice)', () => {
  it('sorts by `less`', () => {
    const keys = sorted(100, (a, b) => a % 7 < b % 7).map((i) => i % 7);
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
  });

  it('keeps equal elements in place up to 12 (insertion sort), and moves them beyond (pdqsort is not stable)', () => {
    expect(sorted(13, () => false)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(sorted(60, (a, b) => a % 3 > b % 3)).toEqual([
      20, 59, 2, 56, 53, 5, 50, 47, 8, 44, 41, 11, 38, 35, 14, 32, 29, 17, 26, 23, 31, 40, 22, 19, 1, 25, 58, 55, 28, 16, 4, 52, 49, 7, 34, 13, 46, 37, 43,
      10, 39, 15, 42, 12, 9, 45, 36, 33, 48, 21, 6, 51, 0, 30, 54, 27, 3, 57, 18, 24,
    ]);
  });

  it('gives the order Go gives for a `less` true both ways (two pods not started yet, to MoreImportantPod)', () => {
    expect(sorted(5, () => true)).toEqual([4, 3, 2, 1, 0]);
    expect(sorted(13, () => true)).toEqual([11, 10, 9, 8, 7, 0, 5, 4, 3, 2, 1, 12, 6]);
    expect(sorted(20, () => true)).toEqual([1, 6, 4, 19, 12, 7, 9, 8, 11, 15, 14, 0, 2, 13, 5, 3, 18, 17, 16, 10]);
    expect(sorted(60, () => true)).toEqual([
      13, 5, 29, 17, 34, 33, 9, 41, 24, 39, 21, 56, 35, 52, 43, 11, 31, 7, 47, 3, 0, 59, 46, 26, 38, 54, 22, 36, 18, 44, 16, 19, 14, 48, 12, 32, 10, 42, 8,
      53, 6, 20, 4, 28, 15, 40, 58, 27, 55, 30, 45, 37, 23, 49, 57, 2, 50, 1, 51, 25,
    ]);
  });
});
