// ESLint-style YAML comment directives: `# kubefit-disable-next-line ids -- reason` and `# kubefit-disable-line ids`.
import { Lexer } from 'yaml';

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
/** Tokens the yaml Lexer emits that are not source text (document start, flow end, scalar start). */
const CONTROL = /^[\x02\x18\x1f]$/;
const SCALAR = '\x1f';

/** Reads the directives of one file; real comments only (a `#` inside a string or block scalar is not one). */
export function commentDirectivesOf(text: string): CommentDirective[] {
  if (!text.includes(MARKER)) return [];
  const directives: CommentDirective[] = [];
  let line = 1;
  let lineStart = 0;
  let offset = 0;
  let previous = '';
  for (const token of new Lexer().lex(text)) {
    if (CONTROL.test(token)) {
      previous = token;
      continue;
    }
    if (token.startsWith('#') && previous !== SCALAR && token.includes(MARKER)) {
      const directive = parseDirective(token, line, offset - lineStart + 1);
      if (directive) directives.push(directive);
    }
    for (let index = token.indexOf('\n'); index >= 0; index = token.indexOf('\n', index + 1)) {
      line++;
      lineStart = offset + index + 1;
    }
    offset += token.length;
    previous = token;
  }
  return directives;
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
