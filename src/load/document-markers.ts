// What go-yaml v2 does with `%` directives and `...` markers inside one of kubectl's documents (kubectl has already
// removed the `---` lines): a directive with no `---` after it is an error, a document that starts with `...` is an
// error, and everything after a `...` is silently dropped (Unmarshal decodes the first document only). A document of
// blank lines and comments is read too: a tab that starts one of its lines is an error.
// upstream: gopkg.in/yaml.v2 parserc.go yaml_parser_parse_document_start, yaml.go unmarshal (first node only).

import { goYamlProblem, mayHaveTabInIndentation } from './go-yaml-problem.js';

export interface MarkerProblem {
  readonly message: string;
  /** Offsets into the document's text. */
  readonly start: number;
  readonly end: number;
}

export interface DocumentExtent {
  /** Where the YAML parser must stop: after a `...` line, or the chunk's end. */
  readonly end: number;
  readonly problem: MarkerProblem | undefined;
}

const LOST_AFTER_END = 'kubectl ignores everything after the document end marker "..." up to the next "---"';
const STARTS_WITH_END = 'did not find expected node content (the document starts with "...")';
const DIRECTIVE = 'did not find expected <document start>: kubectl splits the file at "---" lines, so a directive cannot precede a document';

/**
 * One of kubectl's documents; runs once per document on the hot path: native string searches, no regular expressions.
 * `mayEnd`: false when the whole file holds no `...`, so no document can have an end marker (looked up once per file).
 */
export function documentExtent(text: string, mayEnd = true): DocumentExtent {
  const start = 0;
  const end = text.length;
  // go-yaml drops a byte order mark at the start of each document it parses
  const from = text.charCodeAt(start) === 0xfeff ? start + 1 : start;
  const first = contentLine(text, from, end, false);
  // blank lines and comments only: kubectl still has go-yaml read them, which refuses a tab that starts a line
  if (first < 0) return mayHaveTabInIndentation(text) ? blankDocumentProblem(text, end) : { end, problem: undefined };
  if (text.charCodeAt(first) === 0x25) return directiveProblem(text, first, end);
  // indented, `...` is a plain scalar's text (scannerc.go yaml_parser_fetch_next_token checks mark.column == 0)
  if (isLineStart(text, first, from) && isDocumentEnd(text, first)) return { end, problem: { message: STARTS_WITH_END, start: first, end: first + 3 } };
  const marker = mayEnd ? documentEndAfter(text, first, end) : -1;
  if (marker < 0) return { end, problem: undefined };
  const markerEnd = nextLine(text, marker, end);
  const lost = contentLine(text, markerEnd, end, true);
  return lost < 0 ? { end, problem: undefined } : { ...problemAt(text, lost, end, LOST_AFTER_END), end: markerEnd };
}

/**
 * A document that starts with directives: go-yaml's own problem with them (`%YAML 1.3`: found incompatible YAML
 * document; a duplicate; a malformed one), else the missing `---` that kubectl's split removed.
 */
function directiveProblem(text: string, first: number, end: number): DocumentExtent {
  const problem = goYamlProblem(text);
  if (!problem || problem.message === 'did not find expected <document start>') return problemAt(text, first, end, DIRECTIVE);
  return problemAt(text, problem.offset, end, problem.message);
}

function blankDocumentProblem(text: string, end: number): DocumentExtent {
  const problem = goYamlProblem(text);
  return problem ? problemAt(text, problem.offset, end, problem.message) : { end, problem: undefined };
}

function problemAt(text: string, start: number, end: number, message: string): DocumentExtent {
  const stop = Math.max(start + 1, lineContentEnd(text, start, end));
  return { end, problem: { message, start, end: stop } };
}

function isLineStart(text: string, position: number, textStart: number): boolean {
  const before = text.charCodeAt(position - 1);
  return position === textStart || before === 0x0a || before === 0x0d;
}

/** `...` at a line start, followed by white space or the line's end. */
function isDocumentEnd(text: string, position: number): boolean {
  if (!text.startsWith('...', position)) return false;
  const after = text.charCodeAt(position + 3);
  return Number.isNaN(after) || after === 0x20 || after === 0x09 || after === 0x0a || after === 0x0d;
}

function documentEndAfter(text: string, from: number, end: number): number {
  for (let position = text.indexOf('...', from); position >= 0 && position < end; position = text.indexOf('...', position + 1)) {
    const before = text.charCodeAt(position - 1);
    if ((before === 0x0a || before === 0x0d) && isDocumentEnd(text, position)) return position;
  }
  return -1;
}

/** The first line from `from` with content (not blank, not only a comment, and not `...` when skipping those). */
function contentLine(text: string, from: number, end: number, skipDocumentEnds: boolean): number {
  for (let line = from; line < end; line = nextLine(text, line, end)) {
    let position = line;
    while (text.charCodeAt(position) === 0x20 || text.charCodeAt(position) === 0x09) position++;
    const code = text.charCodeAt(position);
    const blank = position >= end || code === 0x0a || code === 0x0d || code === 0x23;
    if (!blank && !(skipDocumentEnds && isDocumentEnd(text, line))) return position === line ? line : position;
  }
  return -1;
}

/** The start of the next line (LF, CRLF or a lone CR end a line for go-yaml). */
function nextLine(text: string, from: number, end: number): number {
  const stop = lineContentEnd(text, from, end);
  if (stop >= end) return end;
  return text.charCodeAt(stop) === 0x0d && text.charCodeAt(stop + 1) === 0x0a ? stop + 2 : stop + 1;
}

function lineContentEnd(text: string, from: number, end: number): number {
  let position = from;
  while (position < end && text.charCodeAt(position) !== 0x0a && text.charCodeAt(position) !== 0x0d) position++;
  return position;
}
