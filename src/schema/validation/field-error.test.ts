import { describe, expect, it } from 'vitest';
import { errorMessage, errorMessageOf, errorPrinting, goQuote, GoStringer, invalid, tooLong, tooLongMaxLength, tooMany, unsupportedValue } from './field-error.js';

// upstream: apimachinery pkg/util/validation/field errors_test.go TestErrorUsefulMessage and TestErrorString (v0.36),
// and fmt's %v of a float64 as Go 1.24 prints it
describe('field.Error text', () => {
  it.each([
    [1_000_000.5, 'x: Invalid value: 1.0000005e+06: d'],
    [1.8446744073709552e19, 'x: Invalid value: 1.8446744073709552e+19: d'],
    [999_999.5, 'x: Invalid value: 999999.5: d'],
    [0.00001, 'x: Invalid value: 1e-05: d'],
    [0.0001, 'x: Invalid value: 0.0001: d'],
    [-42, 'x: Invalid value: -42: d'],
    [9_007_199_254_740_993, 'x: Invalid value: 9007199254740992: d'],
  ])('a JSON number %s prints as int64 when whole, else as %%v of a float64', (value, text) => {
    expect(errorMessage(invalid(['x'], value, 'd'))).toBe(text);
  });

  it('counts bytes and items in the singular for one (TooLong, TooMany)', () => {
    expect(['path.to.field: Too long: may not be more than 1 byte', 'path.to.field: Too long: may not be more than 2 bytes']).toEqual([1, 2].map((max) => errorMessage(tooLong(['path', 'to', 'field'], max))));
    expect(errorMessage(tooMany(['path', 'to', 'field'], 2, 1))).toBe('path.to.field: Too many: 2: must have at most 1 item');
    expect(errorMessage(tooMany(['path', 'to', 'field'], 3, 2))).toBe('path.to.field: Too many: 3: must have at most 2 items');
  });

  // upstream: errors.go at v0.31.0 (TooLong 'must have at most %d bytes', TooLongMaxLength 'may not be longer than %d'),
  // v0.32.0 (both 'may not be more than %d bytes') and v0.34.0 (the singular for 1)
  it.each([
    ['1.31', 'x: Too long: must have at most 1 bytes', 'x: Too long: may not be longer than 63', 'x: Too many: 2: must have at most 1 items'],
    ['1.32', 'x: Too long: may not be more than 1 bytes', 'x: Too long: may not be more than 63 bytes', 'x: Too many: 2: must have at most 1 items'],
    ['1.33', 'x: Too long: may not be more than 1 bytes', 'x: Too long: may not be more than 63 bytes', 'x: Too many: 2: must have at most 1 items'],
    ['1.34', 'x: Too long: may not be more than 1 byte', 'x: Too long: may not be more than 63 bytes', 'x: Too many: 2: must have at most 1 item'],
  ])('words a limit as apimachinery of %s does', (release, tooLongText, maxLengthText, tooManyText) => {
    const printing = errorPrinting(release);
    expect([tooLong(['x'], 1), tooLongMaxLength(['x'], 63), tooMany(['x'], 2, 1)].map((error) => errorMessageOf(error, printing))).toEqual([tooLongText, maxLengthText, tooManyText]);
  });

  it('prints a value with a String method through json.Marshal from 1.34, through String() before; nil likewise', () => {
    const error = invalid(['spec', 'hard', 'pods'], new GoStringer('1500m'), 'must be an integer');
    expect(errorMessageOf(error, errorPrinting('1.34'))).toBe('spec.hard.pods: Invalid value: "1500m": must be an integer');
    expect(errorMessageOf(error, errorPrinting('1.33'))).toBe('spec.hard.pods: Invalid value: 1500m: must be an integer');
    expect(errorMessageOf(invalid(['x'], new GoStringer('a<b'), 'd'), errorPrinting('1.34'))).toBe('x: Invalid value: "a\\u003cb": d');
    expect(errorMessageOf(invalid(['x'], null, 'd'), errorPrinting('1.34'))).toBe('x: Invalid value: null: d');
    expect(errorMessageOf(invalid(['x'], null, 'd'), errorPrinting('1.33'))).toBe('x: Invalid value: "null": d');
  });

  it('quotes a string as strconv.Quote does: \\a-style escapes, \\x for ASCII controls, \\u and \\U for runes unicode.IsPrint refuses', () => {
    expect(goQuote('\u0007\v\t"\\\u0001\u007f')).toBe('"\\a\\v\\t\\"\\\\\\x01\\x7f"');
    expect(goQuote('é😀 \u00a0\u200b\u2028\u{e0001}')).toBe('"é😀 \\u00a0\\u200b\\u2028\\U000e0001"');
  });

  it('prints an enum value of a named string type through json.Marshal from 1.34, with %#v before', () => {
    const [error] = unsupportedValue(['spec', 'ports', 0, 'protocol'], 'tcp<udp\u00a0', ['SCTP', 'TCP', 'UDP']);
    expect(error && errorMessageOf(error, errorPrinting('1.34'))).toBe('spec.ports[0].protocol: Unsupported value: "tcp\\u003cudp\u00a0": supported values: "SCTP", "TCP", "UDP"');
    expect(error && errorMessageOf(error, errorPrinting('1.33'))).toBe('spec.ports[0].protocol: Unsupported value: "tcp<udp\\u00a0": supported values: "SCTP", "TCP", "UDP"');
  });
});
