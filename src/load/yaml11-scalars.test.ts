import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGoInteger, parseGoIntegerSyntax, resolvePlainScalar, resolveTagged } from './yaml11-scalars.js';

describe('resolvePlainScalar (go-yaml v2 rules)', () => {
  it.each([
    ['yes', true], ['Yes', true], ['on', true], ['ON', true], ['y', true], ['true', true],
    ['no', false], ['off', false], ['N', false], ['False', false],
    ['~', null], ['null', null], ['NULL', null], ['', null],
    ['0755', 493], ['0o17', 15], ['0x1F', 31], ['0b101', 5], ['-0b11', -3], ['1_000', 1000], ['+3', 3], ['-7', -7],
    ['08', 8], ['1.5', 1.5], ['.5', 0.5], ['1e3', 1000], ['3.', 3], ['0', 0],
    ['1e400', '1e400'], ['2001-12-14', '2001-12-14'], ['22:22', '22:22'], ['yes please', 'yes please'],
    ['v1', 'v1'], ['.', '.'], ['-', '-'], ['0x', '0x'], ['Yes!', 'Yes!'], ['1.0.0', '1.0.0'],
    ['18446744073709551615', 18446744073709551615], ['0xFFFFFFFFFFFFFFFFFF', '0xFFFFFFFFFFFFFFFFFF'],
    // the characters numbers are spelt with, and texts with one more (no number): isNumberText before the expressions
    ['2026-11-20T22:03:46Z', '2026-11-20T22:03:46Z'], ['0xAbC_d', 0xabcd], ['-0O_17', -15], ['1E+3', 1000], ['1e3i', '1e3i'], ['0x1G', '0x1G'], ['1é', '1é'],
  ])('%j → %j', (text, expected) => {
    expect(resolvePlainScalar(text)).toEqual(expected);
  });

  it('reads .inf and .nan as numbers', () => {
    expect(resolvePlainScalar('.inf')).toBe(Number.POSITIVE_INFINITY);
    expect(resolvePlainScalar('-.Inf')).toBe(Number.NEGATIVE_INFINITY);
    expect(resolvePlainScalar('.nan')).toBeNaN();
  });
});

describe('parseGoInteger', () => {
  it('reads short decimals as Go\'s syntax does', () => {
    const integer = fc.oneof(fc.integer().map(String), fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String), fc.stringMatching(/^[+-]?[0-9]{0,18}$/));
    fc.assert(fc.property(integer, (text) => {
      expect(parseGoInteger(text)).toBe(parseGoIntegerSyntax(text));
    }), { numRuns: 5000 });
    for (const text of ['999999999999999', '-999999999999999', '+1', '0', '-0', '00', '1000000000000000', '']) expect(parseGoInteger(text)).toBe(parseGoIntegerSyntax(text));
  });
});

// every verdict printed by go-yaml v2 itself (the goyaml-oracle)
describe('resolveTagged !!timestamp (go-yaml v2 resolve: the text must parse as one of allowedTimestampFormats)', () => {
  it.each(['2001-12-14', '2001-1-2', '2001-12-14t21:59:43.10-05:00', '2001-12-14T21:59:43Z', '2001-12-14T1:2:3+01:00', '2001-12-14 21:59:43.10'])('keeps %j as text', (text) => {
    expect(resolveTagged('!!timestamp', text)).toEqual({ ok: true, value: text });
  });

  it.each([
    ['aGVsbG8=', 'cannot decode !!str `aGVsbG8=` as a !!timestamp'],
    ['12', 'cannot decode !!int `12` as a !!timestamp'],
    ['', 'cannot decode !!null `` as a !!timestamp'],
    ['2001-2-30', 'cannot decode !!str `2001-2-30` as a !!timestamp'],
    ['2001-12-14 25:00:00', 'cannot decode !!str `2001-12-14 25:00:00` as a !!timestamp'],
    ['2001-12-14T21:59:43', 'cannot decode !!str `2001-12-14T21:59:43` as a !!timestamp'],
    ['20011-12-14', 'cannot decode !!str `20011-12-14` as a !!timestamp'],
  ])('refuses %j', (text, message) => {
    expect(resolveTagged('!!timestamp', text)).toEqual({ ok: false, message });
    expect(resolveTagged('!<tag:yaml.org,2002:timestamp>', text)).toEqual({ ok: false, message });
  });
});

// resolve.go resolve: the plain text's own tag must be the one asked for (an integer may be a !!float); each message is
// the oracle's
describe('resolveTagged !!int, !!float, !!bool and !!null (go-yaml v2 resolve)', () => {
  it.each([
    ['!!int', '1.0', 'cannot decode !!float `1.0` as a !!int'],
    ['!!int', '1e3', 'cannot decode !!float `1e3` as a !!int'],
    ['!!int', '-9223372036854775809', 'cannot decode !!float `-9223372036854775809` as a !!int'],
    ['!!bool', '1.0', 'cannot decode !!float `1.0` as a !!bool'],
    ['!!null', '3.', 'cannot decode !!float `3.` as a !!null'],
    ['!!timestamp', '0.', 'cannot decode !!float `0.` as a !!timestamp'],
    ['!!float', '18446744073709551615', 'cannot decode !!int `18446744073709551615` as a !!float'],
    ['!!float', '0x8000000000000000', 'cannot decode !!int `0x8000000000000000` as a !!float'],
  ])('refuses %s %j, an integral float or a uint64', (tag, text, message) => {
    expect(resolveTagged(tag, text)).toEqual({ ok: false, message });
  });

  it.each([
    ['!!int', '1_000', 1000],
    ['!!int', '0x10', 16],
    ['!!float', '1', 1],
    ['!!float', '9223372036854775807', 9223372036854775807],
    ['!!float', '-9223372036854775809', -9223372036854775809],
    ['!!float', '.5', 0.5],
  ])('reads %s %j', (tag, text, value) => {
    expect(resolveTagged(tag, text)).toEqual({ ok: true, value });
  });
});

// decode.go scalar: !!binary is base64-decoded into a Go string, which json.Marshal writes with a U+FFFD for each byte
// that starts no valid UTF-8 sequence (encode.go appendString); each value is the oracle's
describe('resolveTagged !!binary', () => {
  it.each([
    ['aGk=', 'hi'],
    ['4oI=', '\uFFFD\uFFFD'],
    ['gOKCrA==', '\uFFFD€'],
    ['7aCA', '\uFFFD\uFFFD\uFFFD'],
    ['9JCAgA==', '\uFFFD\uFFFD\uFFFD\uFFFD'],
  ])('reads %j as go-yaml and encoding/json do', (text, value) => {
    expect(resolveTagged('!!binary', text)).toEqual({ ok: true, value });
  });
});
