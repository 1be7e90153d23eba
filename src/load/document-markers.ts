// What go-yaml v2 does with `%` directives and `...` markers inside one of kubectl's documents (kubectl has already
// removed the `---` lines): a directive with no `---` after it is an error, a document that starts with `...` is an
// error, and everything after a `...` is silently dropped (Unmarshal decodes the first document only).
// upstream: gopkg.in/yaml.v2 parserc.go yaml_parser_parse_document_start, yaml.go unmarshal (first node only).

export interface MarkerProblem {
  readonly message: string;
  /** Offsets into the file text. */
  readonly start: number;
  readonly end: number;
}

export interface DocumentExtent {
  /** Where the YAML parser must stop: after a `...` line, or the chunk's end. */
  readonly end: number;
  readonly problem: MarkerProblem | undefined;
}

/** go-yaml's line breaks: LF, CRLF and a lone CR. */
const LINE = /[^\r\n]*(?:\r\n?|\n|$)/g;
const DOCUMENT_END = /^\.\.\.(?=[ \t\r\n]|$)/;
const BLANK_OR_COMMENT = /^[ \t]*(?:#.*)?[\r\n]*$/;

export function documentExtent(text: string, start: number, end: number): DocumentExtent {
  let seenContent = false;
  let markerEnd = -1;
  // go-yaml drops a byte order mark at the start of each document it parses
  LINE.lastIndex = text.charCodeAt(start) === 0xfeff ? start + 1 : start;
  for (let match = LINE.exec(text); match && match.index < end && match[0] !== ''; match = LINE.exec(text)) {
    const line = match[0];
    if (BLANK_OR_COMMENT.test(line) || (markerEnd >= 0 && DOCUMENT_END.test(line))) continue;
    const lineStart = match.index;
    if (markerEnd >= 0) return { end: markerEnd, problem: { message: LOST_AFTER_END, start: lineStart, end: lineStart + trimmedLength(line) } };
    if (DOCUMENT_END.test(line)) {
      if (!seenContent) return { end, problem: { message: 'did not find expected node content (the document starts with "...")', start: lineStart, end: lineStart + 3 } };
      markerEnd = lineStart + line.length;
      continue;
    }
    if (!seenContent && line.startsWith('%')) return { end, problem: { message: DIRECTIVE, start: lineStart, end: lineStart + trimmedLength(line) } };
    seenContent = true;
  }
  return { end, problem: undefined };
}

const LOST_AFTER_END = 'kubectl ignores everything after the document end marker "..." up to the next "---"';
const DIRECTIVE = 'did not find expected <document start>: kubectl splits the file at "---" lines, so a directive cannot precede a document';

function trimmedLength(line: string): number {
  return Math.max(1, line.replace(/[\r\n]+$/, '').trimEnd().length);
}
