import { describe, expect, it } from 'vitest';
import { withoutNulls } from './without-nulls.js';

describe('withoutNulls', () => {
  it('drops null mapping entries at every depth and keeps list items', () => {
    expect(withoutNulls({ a: null, b: { c: null, d: 1 }, e: [{ f: null }, null] })).toEqual({ b: { d: 1 }, e: [{}, null] });
  });
  it('returns the same value when there is no null', () => {
    const value = { a: { b: [1, 'x'] } };
    expect(withoutNulls(value)).toBe(value);
  });
});
