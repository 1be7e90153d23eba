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
