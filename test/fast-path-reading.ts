// Test support: what the fast plain-block reader and the full js-yaml path make of a text, values and spans, in a
// form that compares structurally (the span maps are keyed by object identity, so they are listed by path).
import { YAMLException } from 'js-yaml';
import { buildWithPositions, type BuiltDocument } from '../src/load/build-values.js';
import { DEFAULT_LIMITS } from '../src/load/load-manifests.js';
import { readPlainBlockDocument, type PlainBlockDocument } from '../src/load/plain-block-reader.js';
import type { EntrySpan } from '../src/load/span-index.js';
import type { Path } from '../src/model/document.js';

export interface Reading {
  readonly value: unknown;
  readonly rootSpan: readonly [number, number];
  readonly spans: [string, [string | number, EntrySpan | undefined][]][];
  readonly problems: number;
}

const FAST_LIMITS = { maxDepth: DEFAULT_LIMITS.maxDepth >> 1, maxValues: DEFAULT_LIMITS.maxExpandedNodes };

/** A document's value, root span and the span of every entry, listed by path. */
export function reading(document: BuiltDocument | PlainBlockDocument, problems: number): Reading {
  const spans: Reading['spans'] = [];
  const pending: [Path, unknown][] = [[[], document.value]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [path, value] = next;
    if (typeof value !== 'object' || value === null) continue;
    const entries: [string | number, EntrySpan | undefined][] = [];
    for (const [name, child] of Object.entries(value)) {
      const key = Array.isArray(value) ? Number(name) : name;
      const found = document.spans?.find([...path, key]);
      entries.push([key, found?.complete ? found.span : undefined]);
      pending.push([[...path, key], child]);
    }
    spans.push([path.join('/'), entries]);
  }
  return { value: document.value, rootSpan: document.rootSpan, spans, problems };
}

/** The fast reader's reading of `text` at `offset`, or undefined when it leaves the text to the full path. */
export function fastReading(text: string, offset: number): Reading | undefined {
  const document = readPlainBlockDocument(text, offset, FAST_LIMITS);
  return document && reading(document, 0);
}

/** The full js-yaml path's readings of `text` at `offset`, or the syntax error it raises. */
export function fullReading(text: string, offset: number): Reading[] | YAMLException {
  try {
    return buildWithPositions(text, offset, DEFAULT_LIMITS).map((document) => reading(document, document.problems.length));
  } catch (error) {
    if (error instanceof YAMLException) return error;
    throw error;
  }
}

/** The chunks a file is parsed in, as parse-documents splits it (at `---` lines). */
export function chunksOf(text: string): { text: string; offset: number }[] {
  const starts = [0, ...[...text.matchAll(/^---(?=[ \t\r\n]|$)/gm)].map((match) => match.index).filter((index) => index > 0)];
  return starts.map((start, index) => ({ text: text.slice(start, starts[index + 1] ?? text.length), offset: start }));
}
