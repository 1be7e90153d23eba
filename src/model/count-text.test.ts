import { describe, expect, it } from 'vitest';
import { countText } from './count-text.js';

describe('countText', () => {
  it.each([0, 7, 999, 1000, 12_345, 250_000, 1_000_000, 123_456_789, -1234, 9_007_199_254_740_991])('groups %d as toLocaleString("en-US") does', (count) => {
    expect(countText(count)).toBe(count.toLocaleString('en-US'));
  });
});
