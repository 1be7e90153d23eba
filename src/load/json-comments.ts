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

/**
 * `text` with the trailing commas JSONC allows (a comma that only white space separates from the `}` or `]` after it,
 * outside strings) blanked: a tsconfig.json read as JSON, every position where it was.
 */
export function blankTrailingCommas(text: string): string {
  let out = '';
  let inString = false;
  for (let at = 0; at < text.length; at++) {
    const character = text.charAt(at);
    if (inString) {
      if (character === '\\') {
        out += character + text.charAt(at + 1);
        at++;
        continue;
      }
      inString = character !== '"';
    } else if (character === '"') {
      inString = true;
    } else if (character === ',' && isClosing(text.charAt(nextNonSpace(text, at + 1)))) {
      out += ' ';
      continue;
    }
    out += character;
  }
  return out;
}

function isClosing(character: string): boolean {
  return character === '}' || character === ']';
}

/** The index of the first character at or after `from` that is not JSON white space (text.length if none). */
function nextNonSpace(text: string, from: number): number {
  let at = from;
  while (at < text.length && ' \t\n\r'.includes(text.charAt(at))) at++;
  return at;
}
