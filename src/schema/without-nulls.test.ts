import { describe, expect, it } from 'vitest';
import { withoutNulls, withZeroItems } from './without-nulls.js';

describe('withoutNulls', () => {
  it('drops null mapping entries at every depth and keeps list items', () => {
    expect(withoutNulls({ a: null, b: { c: null, d: 1 }, e: [{ f: null }, null] })).toEqual({ b: { d: 1 }, e: [{}, null] });
  });
  it('returns the same value when there is no null', () => {
    const value = { a: { b: [1, 'x'] } };
    expect(withoutNulls(value)).toBe(value);
  });
});

describe('withZeroItems', () => {
  const typeError = (instancePath: string, type: string) => ({ instancePath, keyword: 'type', params: { type } });

  it('reads a null item of a scalar list as its type\'s zero value', () => {
    const value = { args: ['a', null], groups: [null], flags: [null], 'a/b': [null] };
    const errors = [typeError('/args/1', 'string'), typeError('/groups/0', 'integer'), typeError('/flags/0', 'boolean'), typeError('/a~1b/0', 'string')];
    expect(withZeroItems(value, errors)).toEqual({ args: ['a', ''], groups: [0], flags: [false], 'a/b': [''] });
    expect(value.args).toEqual(['a', null]);
  });

  it('reads a null item of a list of objects as the zero struct, a new one for each', () => {
    const decoded = withZeroItems({ ingress: [null, null] }, [typeError('/ingress/0', 'object'), typeError('/ingress/1', 'object')]) as { ingress: object[] };
    expect(decoded).toEqual({ ingress: [{}, {}] });
    expect(decoded.ingress[0]).not.toBe(decoded.ingress[1]);
  });

  it('leaves null fields and items of another type to the errors', () => {
    const value = { name: null, args: [true] };
    expect(withZeroItems(value, [typeError('/name', 'string'), typeError('/args/0', 'string')])).toBeUndefined();
  });
});
