import { readFileSync } from 'node:fs';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import type { ManifestDocument, Path } from '../model/document.js';
import { DEFAULT_LIMITS } from './load-manifests.js';
import { parseDocuments } from './parse-documents.js';
import { SourceText } from './source-text.js';

/** Every path of a value, plus one missing child of each container (answered by its nearest ancestor). */
function pathsOf(value: unknown, path: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [path];
  const children = Object.entries(value).flatMap(([name, child]) => pathsOf(child, [...path, Array.isArray(value) ? Number(name) : name]));
  return [path, [...path, 'missing'], [...path, 0], ...children];
}

const rangesOf = (document: ManifestDocument) => pathsOf(document.value).map((path) => [path, document.rangeOf(path), document.keyRangeOf(path)]);

describe('parseDocuments', () => {
  it('works out the positions of a document read without them as if they had been recorded', () => {
    for (const file of fg.sync('fixtures/**/*.{yaml,yml}')) {
      const source = new SourceText(file, readFileSync(file, 'utf8'));
      const eager = parseDocuments(source, DEFAULT_LIMITS, 'eager');
      const lazy = parseDocuments(source, DEFAULT_LIMITS, 'none');
      expect(lazy.findings).toEqual(eager.findings);
      // read without positions, equal subtrees are shared (shared-values.ts): the values stay equal
      expect(lazy.documents.map((document) => document.value)).toEqual(eager.documents.map((document) => document.value));
      expect(lazy.documents.map(rangesOf)).toEqual(eager.documents.map(rangesOf));
    }
  });
});

describe('the range of an empty node', () => {
  // an empty node has no text: it once took the place just before its document (the previous document's "---")
  const text = ['kind: ConfigMap', '---', 'kind: Pod', 'metadata:', '  namespace:', 'spec:', '  ports:', '  - containerPort: 80', '  -', ''].join('\n');

  it.each(['eager', 'none'] as const)('is its key\'s, or its list\'s for a list item (positions: %s)', (positions) => {
    const [, pod] = parseDocuments(new SourceText('empty.yaml', text), DEFAULT_LIMITS, positions).documents;
    expect(pod?.rangeOf(['metadata', 'namespace'])).toMatchObject({ line: 5, column: 3, endLine: 5, endColumn: 12 });
    expect(pod?.rangeOf(['spec', 'ports', 1])).toMatchObject({ line: 8, column: 3 });
  });
});

// upstream: gopkg.in/yaml.v2 readerc.go yaml_parser_update_buffer (every verdict printed by go-yaml v2 itself)
describe('characters go-yaml refuses anywhere in a document', () => {
  const read = (text: string) => {
    const { documents, findings } = parseDocuments(new SourceText('doc.yaml', text), DEFAULT_LIMITS);
    return { names: documents.map((document) => (document.value as { metadata: { name: string } }).metadata.name), findings: findings.map((found) => `${found.line}:${found.column} ${found.message}`) };
  };
  const doc = (name: string, extra = '') => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${extra}`;

  it.each([
    ['a plain key', doc('a').replace('name:', 'n\x07ame:'), '4:4'],
    ['a comment', doc('a', '# \x07 comment\n'), '5:3'],
    ['a double-quoted scalar (DEL)', doc('a', 'data: {a: "\x7f"}\n'), '5:12'],
    ['a noncharacter', doc('a', 'data: {a: "\ufffe"}\n'), '5:12'],
    ['a NUL past the binary sniff', doc('a', `data: {a: "${'x'.repeat(10_000)}\0"}\n`), '5:10012'],
  ])('refuses the document for one in %s, and reads the next', (_, text, at) => {
    expect(read(`${text}---\n${doc('next', 'data: {nel: "\x85", nbsp: "\xa0", emoji: "\u{1F600}", bom: "\ufeff"}\n')}`)).toEqual({ names: ['next'], findings: [`${at} control characters are not allowed`] });
  });

  it('reports the error go-yaml meets first when its scanner fails before its reader reaches the character', () => {
    expect(read(doc('a', `data: {a: b: c}\n# ${'x'.repeat(2000)}\x07\n`)).findings).toEqual(["5:12 did not find expected ',' or '}'"]);
  });
});

// cli-runtime visitor.go StreamVisitor: NewYAMLOrJSONDecoder(reader, 4096) has GuessJSONStream peek at 4,096 bytes
describe('parseDocuments: a JSON stream is one whose "{" is among the first 4,096 bytes', () => {
  // `\/` is an escape of JSON, not of YAML's double-quoted scalars
  const text = (blankLines: number) => `${'\n'.repeat(blankLines)}{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a\\/b"}}\n`;
  it.each([
    [4095, []],
    [4096, ['4097:66 found unknown escape character']],
  ])('after %i blank lines', (blankLines, findings) => {
    const parsed = parseDocuments(new SourceText('stream.json', text(blankLines)), DEFAULT_LIMITS);
    expect(parsed.findings.map((finding) => `${finding.line}:${finding.column} ${finding.message}`)).toEqual(findings);
  });
});

describe('parseDocuments: JSONC', () => {
  const jsonc = (items: number) => `{"compilerOptions": {"strict": true,}, "files": [${Array.from({ length: items }, (_, index) => `"src/file-${index}.ts"`).join(', ')},],}`;
  it('reads a small JSONC file that holds no object as JSON without its trailing commas (a tsconfig.json)', () => {
    const parsed = parseDocuments(new SourceText('tsconfig.json', jsonc(3)), DEFAULT_LIMITS);
    expect(parsed.findings).toEqual([]);
    expect(parsed.documents.map((document) => document.value)).toEqual([{ compilerOptions: { strict: true }, files: ['src/file-0.ts', 'src/file-1.ts', 'src/file-2.ts'] }]);
  });

  // apimachinery decoder.go YAMLOrJSONDecoder.Decode (v0.33.0): once encoding/json fails on the first value, the
  // text is YAML, whose flow collections take trailing commas
  it('reads a text over 1 MiB, which it does not try as JSONC, as YAML, as kubectl does', () => {
    const parsed = parseDocuments(new SourceText('tsconfig.json', jsonc(60_000)), DEFAULT_LIMITS);
    expect(parsed.findings).toEqual([]);
    expect((parsed.documents[0]?.value as { files: unknown[] }).files).toHaveLength(60_000);
  });
});

describe('parseDocuments with "\\r\\r\\n" line ends', () => {
  // kubectl's line reader drops one "\r" before each "\n": go-yaml reads one line break there, not two
  const file = 'fixtures/load/cr-crlf-line-ends.yaml';
  const source = new SourceText(file, readFileSync(file, 'utf8'));
  const [document] = parseDocuments(source, DEFAULT_LIMITS).documents;

  it('reads the values go-yaml reads from kubectl', () => {
    expect(document?.value).toMatchObject({ data: { script: 'echo a\n\necho b\n\necho c\n', folded: 'one two\n', plain: 'first second', quoted: 'x y' } });
  });

  it('places each value in the file as it is', () => {
    const at = (text: string, end = false) => source.positionAt(source.text.indexOf(text) + (end ? text.length : 0));
    const range = (path: Path) => {
      const { line, column, endLine, endColumn } = document?.rangeOf(path) ?? {};
      return { line, column, endLine, endColumn };
    };
    const expected = (from: string, to: string) => ({ ...at(from), endLine: at(to, true).line, endColumn: at(to, true).column });
    expect(range(['metadata', 'name'])).toEqual(expected('cr-crlf', 'cr-crlf'));
    expect(range(['data', 'plain'])).toEqual(expected('first', 'second'));
    expect(range(['data', 'quoted'])).toEqual(expected('"x', 'y"'));
    expect(document?.keyRangeOf(['data', 'folded'])).toMatchObject(at('folded'));
  });
});
