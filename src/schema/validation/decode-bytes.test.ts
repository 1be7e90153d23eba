import { describe, expect, it } from 'vitest';
import { corruptBase64Offset } from './decode-bytes.js';

// Go's answers: encoding/json decoding each string into a []byte (base64.StdEncoding decodeQuantum's CorruptInputError)
describe('corruptBase64Offset: the byte Go reports as illegal base64 data', () => {
  it.each([
    ['YWJjZA==', undefined],
    ['YWJjZA==\n', undefined],
    ['ab=\n=\n', undefined],
    ['abc', 0],
    ['abcde', 4],
    ['YW Jj', 2],
    ['a=', 1],
    ['ab=c', 2],
    ['ab=\nc', 3],
    ['abc==', 4],
    ['ab==x', 4],
    // one '=' where two are due, then the end: Go reports the input's length (trivy-operator's fixture/secret.json, 435 bytes)
    ['ab=', 3],
    ['abcdab=', 7],
    ['ab=\n', 4],
    ['YWJj\nZA=', 8],
  ])('%j -> %s', (text, offset) => {
    expect(corruptBase64Offset(text)).toBe(offset);
  });
});
