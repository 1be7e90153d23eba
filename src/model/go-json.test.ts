import { describe, expect, it } from 'vitest';
import { goJsonMapError } from './go-json.js';

// Expected: Go's json.Unmarshal(data, &map[string]interface{}{}) on the same bytes (encoding/json, scanner.go).
describe('json.Unmarshal into a map, in Go\'s words', () => {
  it.each([
    ['not json', "invalid character 'o' in literal null (expecting 'u')"],
    ['', 'unexpected end of JSON input'],
    ['{"auths":{}}', undefined],
    ['null', undefined],
    ['[]', 'json: cannot unmarshal array into Go value of type map[string]interface {}'],
    ['"s"', 'json: cannot unmarshal string into Go value of type map[string]interface {}'],
    ['12', 'json: cannot unmarshal number into Go value of type map[string]interface {}'],
    ['true', 'json: cannot unmarshal bool into Go value of type map[string]interface {}'],
    ['{"a":1,}', "invalid character '}' looking for beginning of object key string"],
    ['{"a" 1}', "invalid character '1' after object key"],
    ['{"a":tru}', "invalid character '}' in literal true (expecting 'e')"],
    ['{"a":"\\q"}', "invalid character 'q' in string escape code"],
    ['{"a":"\\u12g4"}', "invalid character 'g' in \\u hexadecimal character escape"],
    ['{"a":1.}', "invalid character '}' after decimal point in numeric literal"],
    ['{"a":1e}', "invalid character '}' in exponent of numeric literal"],
    ['{"a":-}', "invalid character '}' in numeric literal"],
    ['{"a":1}x', "invalid character 'x' after top-level value"],
    ['{"a":[1 2]}', "invalid character '2' after array element"],
    ["{'a':1}", "invalid character '\\'' looking for beginning of object key string"],
    ['{"a":', 'unexpected end of JSON input'],
    ['{"a":"\n"}', "invalid character '\\n' in string literal"],
  ])('%j', (text, expected) => {
    expect(goJsonMapError(Buffer.from(text, 'utf8'))).toBe(expected);
  });
});
