import { describe, expect, it } from 'vitest';
import plugin from './inter-pod-affinity.js';

// upstream: interpodaffinity/scoring.go NormalizeScore (float64 arithmetic, then int64 truncation)
describe('InterPodAffinity NormalizeScore', () => {
  it.each([
    ['scales to [0, 100] by max - min', [0, 5, 10], [0, 50, 100]],
    ['divides before multiplying, as Go does: 100 * (29 / 100) truncates to 28', [0, 29, 100], [0, 28, 100]],
    ['negative raw scores (preferred anti-affinity) shift by the minimum', [-10, 0, 10], [0, 50, 100]],
    ['equal scores normalise to 0', [7, 7], [0, 0]],
  ])('%s', (_name, raw, want) => {
    const scores = [...raw];
    plugin.normalize?.(scores, undefined);
    expect(scores).toEqual(want);
  });
});
