import { describe, expect, it } from 'vitest';
import { writtenOut } from './linear-regexp.js';

describe('writtenOut', () => {
  it.each([
    ['a{3}', 'aaa'],
    ['a{1,3}', 'a(?:a(?:a)?)?'],
    ['a{0,2}?', '(?:a(?:a)??)??'],
    ['(x|y){2,3}b', '(x|y)(x|y)(?:(x|y))?b'],
    ['(?:[0-9]{1,2}\\x3a){2}', '(?:[0-9](?:[0-9])?\\x3a)(?:[0-9](?:[0-9])?\\x3a)'],
    ['a{2,}[{]\\{b{1}', 'a{2,}[{]\\{b'],
  ])('writes %s out as %s', (source, expected) => {
    expect(writtenOut(source)).toBe(expected);
  });

  it('matches what the counted expression matches', () => {
    for (const source of ['^(a{1,4}:){1,7}$', '^(ab|a){0,3}b{2}$']) {
      const counted = new RegExp(source);
      const written = new RegExp(writtenOut(source) ?? '');
      for (const text of ['a:', 'aaaa:aa:', `${'a:'.repeat(8)}`, 'aaaaa:', 'bb', 'abab' + 'bb', 'aababbb', 'ababab' + 'bb', 'abababab' + 'bb']) {
        expect(written.test(text), text).toBe(counted.test(text));
      }
    }
  });

  it('gives undefined when nothing is counted or the expression would grow too large', () => {
    expect(writtenOut('a+b*')).toBeUndefined();
    expect(writtenOut('(a|b){1,400}')).toBeUndefined();
  });
});
