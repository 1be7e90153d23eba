// Comments in a .json file: kubectl decodes such a file as JSON and rejects them, while a YAML parser would
// misread them as text. They are found (outside strings) so that the file can be reported and still analysed.

export interface Comment {
  readonly start: number;
  readonly end: number;
}

/** `//` and `/* *\/` comments outside JSON strings, in order. */
export function findJsonComments(text: string): Comment[] {
  const comments: Comment[] = [];
  if (!text.includes('/')) return comments;
  for (let at = 0; at < text.length; at++) {
    const char = text.charAt(at);
    if (char === '"') at = endOfString(text, at);
    else if (char === '/' && text.charAt(at + 1) === '/') at = pushComment(comments, at, lineEnd(text, at)) - 1;
    else if (char === '/' && text.charAt(at + 1) === '*') at = pushComment(comments, at, blockEnd(text, at)) - 1;
  }
  return comments;
}

/** `text` with every comment replaced by spaces (line breaks kept), so offsets, lines and columns do not move. */
export function blankComments(text: string, comments: readonly Comment[]): string {
  let out = '';
  let from = 0;
  for (const { start, end } of comments) {
    out += text.slice(from, start) + text.slice(start, end).replace(/[^\r\n]/g, ' ');
    from = end;
  }
  return out + text.slice(from);
}

function pushComment(comments: Comment[], start: number, end: number): number {
  comments.push({ start, end });
  return end;
}

function endOfString(text: string, open: number): number {
  for (let at = open + 1; at < text.length; at++) {
    const char = text.charAt(at);
    if (char === '\\') at++;
    else if (char === '"' || char === '\n') return at;
  }
  return text.length;
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}

function blockEnd(text: string, from: number): number {
  const end = text.indexOf('*/', from + 2);
  return end < 0 ? text.length : end + 2;
}

/** A JSON string (skipped), or a comma that only JSON white space separates from the `}` or `]` after it. */
const STRING_OR_TRAILING_COMMA = /"(?:[^"\\]|\\.)*"|,(?=[ \t\n\r]*[}\]])/g;

/**
 * `text` with the trailing commas JSONC allows (outside strings) blanked: a tsconfig.json read as JSON, every
 * position where it was.
 */
export function blankTrailingCommas(text: string): string {
  const parts: string[] = [];
  let from = 0;
  for (const match of text.matchAll(STRING_OR_TRAILING_COMMA)) {
    if (match[0] !== ',') continue;
    parts.push(text.slice(from, match.index), ' ');
    from = match.index + 1;
  }
  return parts.length === 0 ? text : parts.join('') + text.slice(from);
}
