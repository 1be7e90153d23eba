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

describe('SourceText from bytes', () => {
  it.each([
    ['latin1', 'a: 1\nb: 2\n'],
    ['utf8', 'a: "é"\nb: 2\n'],
  ] as const)('decodes %s bytes on first use, with the same positions and searches', (encoding, text) => {
    const source = new SourceText('f.yaml', { bytes: Buffer.from(text, 'utf8'), encoding });
    expect(source.includes('b: 2')).toBe(true);
    expect(source.includes('c: 3')).toBe(false);
    expect(source.length).toBeGreaterThanOrEqual(text.length);
    expect(source.text).toBe(text);
    expect(source.positionAt(text.indexOf('2'))).toEqual({ line: 2, column: 4 });
  });

  it('answers a remembered position without decoding, and computes positions once decoded', () => {
    const text = 'a: 1\nb: 2\n';
    const source = new SourceText('f.yaml', { bytes: Buffer.from(text), encoding: 'latin1' });
    // a deliberately wrong remembered position shows that the text was not read
    source.remember(5, { line: 9, column: 9 });
    expect(source.positionAt(5)).toEqual({ line: 9, column: 9 });
    expect(source.text).toBe(text);
    expect(source.positionAt(5)).toEqual({ line: 2, column: 1 });
  });
});
