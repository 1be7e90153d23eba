import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goTrimSpace } from '../model/go-strings.js';
import { readYamlDocuments } from './yaml-reader.js';

/** YAMLReader.Read by its definition, line by line: a line (ended by a line feed only) starting with `---` is a separator. */
function readByLines(text: string, from: number): ReturnType<typeof readYamlDocuments> {
  const chunks: { start: number; end: number }[] = [];
  let start = from;
  for (let at = from; at < text.length; at++) {
    if (!text.startsWith('---', at) || (at !== from && text.charCodeAt(at - 1) !== 0x0a)) continue;
    const next = text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at) + 1;
    const rest = goTrimSpace(text.slice(at + 3, next));
    if (rest !== '' && !rest.startsWith('#')) return { chunks, invalidSeparator: { offset: at, message: `invalid Yaml document separator: ${rest}` } };
    if (at > start) chunks.push({ start, end: at });
    start = next;
  }
  if (text.length > start) chunks.push({ start, end: text.length });
  return { chunks, invalidSeparator: undefined };
}

describe('readYamlDocuments', () => {
  // upstream: apimachinery decoder.go YAMLReader.Read (a line starting with "---" ends a document; lines end at "\n")
  it('splits where a line starting with --- begins, from any offset, whatever carriage returns and dashes surround it', () => {
    const text = fc.array(fc.constantFrom('---', '--', '-', '\n', '\r', '\r\n', 'a: 1', ' # c', '---x', '--- # c', ' '), { maxLength: 14 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.nat(), (source, offset) => {
        const from = source.length === 0 ? 0 : offset % (source.length + 1);
        expect(readYamlDocuments(source, Number.POSITIVE_INFINITY, from)).toEqual(readByLines(source, from));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads the separators of a snapshot written as documents', () => {
    const text = '---\na: 1\n---\nb: 2\n--- # c\nc: 3\n';
    expect(readYamlDocuments(text).chunks.map((chunk) => text.slice(chunk.start, chunk.end))).toEqual(['a: 1\n', 'b: 2\n', 'c: 3\n']);
    expect(readYamlDocuments('a: 1\r---\nb: 2\n').chunks).toHaveLength(1);
    expect(readYamlDocuments('x---\na: 1', Number.POSITIVE_INFINITY, 1).chunks.map((chunk) => chunk.start)).toEqual([5]);
  });
});
