import { describe, expect, it } from 'vitest';
import { SourceText } from './source-text.js';

describe('SourceText.positionAt', () => {
  it.each([
    ['LF', 'a: 1\nb: 2\n'],
    ['CRLF', 'a: 1\r\nb: 2\r\n'],
    ['CR', 'a: 1\rb: 2\r'],
  ])('counts %s line endings', (_name, text) => {
    const source = new SourceText('f.yaml', text);
    expect(source.positionAt(text.indexOf('b'))).toEqual({ line: 2, column: 1 });
    expect(source.positionAt(text.indexOf('2'))).toEqual({ line: 2, column: 4 });
  });
});
