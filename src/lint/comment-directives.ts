// ESLint-style YAML comment directives: `# kubefit-disable-next-line ids -- reason` and `# kubefit-disable-line ids`.
import type { ManifestDocument } from '../model/document.js';

export interface CommentDirective {
  readonly kind: 'disable-line' | 'disable-next-line';
  /** The line whose findings the directive suppresses (1-based). */
  readonly targetLine: number;
  /** Rule ids named by the directive; empty means every rule. */
  readonly ruleIds: readonly string[];
  /** Where the comment itself is, for unused-suppression findings. */
  readonly line: number;
  readonly column: number;
  readonly endColumn: number;
}

const MARKER = 'kubefit-disable';
const DIRECTIVE = /^#\s*kubefit-(disable-line|disable-next-line)(?:\s+(.*?))?\s*$/;
/** A line whose value is a block scalar (`key: |`, `- >-`, `key: |2 # note`): the following deeper lines are text. */
const BLOCK_SCALAR_START = /(?:^|[:-])\s+[|>][-+1-9]*\s*(?:#.*)?$/;
/** The `- ` indicators before a line's node: `  - - key: |` holds a mapping at column 6. */
const SEQUENCE_ENTRIES = /^\s*(?:-\s+)*/;

/**
 * Reads the directives of a document's file; real comments only (a `#` inside a quoted string, a plain scalar such as
 * `http://host/#x` or a block scalar is not one). A line scanner, not the YAML lexer: it is called on every file
 * that mentions kubefit-disable and must stay cheap (flow scalars spanning lines are not tracked).
 */
export function commentDirectivesIn(document: Pick<ManifestDocument, 'text' | 'mentions'>): CommentDirective[] {
  // a file that does not mention the marker is not scanned, nor decoded when its text is not yet (load/source-text.ts)
  if (!document.mentions(MARKER)) return [];
  const text = document.text;
  const directives: CommentDirective[] = [];
  const lines = text.split(/\r?\n/);
  let blockIndent = -1;
  lines.forEach((line, index) => {
    const indent = line.search(/\S/);
    if (blockIndent >= 0) {
      if (indent < 0 || indent > blockIndent) return;
      blockIndent = -1;
    }
    if (line.includes(MARKER)) {
      const start = commentStart(line);
      const directive = start < 0 ? undefined : parseDirective(line.slice(start).trimEnd(), index + 1, start + 1);
      if (directive) directives.push(directive);
    }
    if (BLOCK_SCALAR_START.test(line)) blockIndent = blockScalarParentIndent(line, indent);
  });
  return directives;
}

/**
 * The indentation a block scalar's text must exceed: its mapping key's column (`  - args: |` is a key at column 4, so
 * a sibling key at column 4 ends the text), or the entry's own `-` for a sequence entry that is the scalar (`- |`).
 */
function blockScalarParentIndent(line: string, indent: number): number {
  const node = SEQUENCE_ENTRIES.exec(line)?.[0].length ?? indent;
  return /^[|>]/.test(line.slice(node)) ? line.lastIndexOf('-', node) : node;
}

/** Offset of the `#` that starts a comment on the line, or -1: outside quotes, at the start or after white space. */
function commentStart(line: string): number {
  let quote = '';
  for (let index = 0; index < line.length; index++) {
    const char = line.charAt(index);
    if (quote === '"' && char === '\\') index++;
    else if (quote !== '' && char === quote) quote = '';
    else if (quote === '' && (char === '"' || char === "'") && (index === 0 || /[\s:,[{-]/.test(line.charAt(index - 1)))) quote = char;
    else if (quote === '' && char === '#' && (index === 0 || /\s/.test(line.charAt(index - 1)))) return index;
  }
  return -1;
}

function parseDirective(comment: string, line: number, column: number): CommentDirective | undefined {
  const match = DIRECTIVE.exec(comment);
  if (!match) return undefined;
  const kind = match[1] === 'disable-line' ? 'disable-line' : 'disable-next-line';
  const body = match[2] ?? '';
  const reasonStart = body.search(/(?:^|\s)--(?:\s|$)/);
  const ids = reasonStart < 0 ? body : body.slice(0, reasonStart);
  return {
    kind,
    targetLine: kind === 'disable-line' ? line : line + 1,
    ruleIds: ids.split(/[\s,]+/).filter((id) => id !== ''),
    line,
    column,
    endColumn: column + comment.length,
  };
}
