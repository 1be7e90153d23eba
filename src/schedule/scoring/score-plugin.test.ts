import { describe, expect, it } from 'vitest';
import { defaultNormalizeScore } from './score-plugin.js';

// Ported from pkg/scheduler/framework/plugins/helper/normalize_score_test.go TestDefaultNormalizeScore.
describe('TestDefaultNormalizeScore (upstream)', () => {
  it.each([
    [false, [1, 2, 3, 4], [25, 50, 75, 100]],
    [true, [1, 2, 3, 4], [75, 50, 25, 0]],
    [false, [1000, 10, 20, 30], [100, 1, 2, 3]],
    [true, [1000, 10, 20, 30], [0, 99, 98, 97]],
    [false, [1, 1, 1, 1], [100, 100, 100, 100]],
    [false, [1000, 1, 1, 1], [100, 0, 0, 0]],
    [true, [0, 1, 1, 1], [100, 0, 0, 0]],
    [false, [0, 0, 0, 0], [0, 0, 0, 0]],
    [true, [0, 0, 0, 0], [100, 100, 100, 100]],
  ])('case_%# (reverse: %s)', (reverse, raw, want) => {
    const scores = [...raw];
    defaultNormalizeScore(scores, reverse);
    expect(scores).toEqual(want);
  });
});
