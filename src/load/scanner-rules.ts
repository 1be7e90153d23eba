// Scanner rules of go-yaml that js-yaml does not enforce, checked on the source text of a scalar js-yaml accepted.
// upstream: gopkg.in/yaml.v2 scannerc.go yaml_parser_scan_flow_scalar (escape table, escape codes) and
// yaml_parser_scan_block_scalar_breaks (tabs in a block scalar's indentation)

export interface ScannerProblem {
  readonly message: string;
  /** Offsets into the parsed text. */
  readonly start: number;
  readonly end: number;
}

/** go-yaml's escape table: YAML 1.2's without `\/`, plus `\'`. */
const GO_ESCAPES = new Set([...'0abt\tnvfre "\'\\N_LPxuU', '\n', '\r']);

/** Hex digits after `\x`, `\u` and `\U`. */
const CODE_LENGTHS = new Map([['x', 2], ['u', 4], ['U', 8]]);
const HEX = /^[0-9A-Fa-f]+$/;

/**
 * The first escape in a double-quoted scalar's source (between the quotes) that go-yaml refuses: one it does not know,
 * or a code that is a UTF-16 surrogate or past U+10FFFF (so a JSON-style surrogate pair `\ud83d\ude00` is refused too).
 */
export function invalidEscape(text: string, start: number, end: number): ScannerProblem | undefined {
  // a bounded loop: indexOf would search past `end`, through the rest of the document, for every scalar
  for (let position = start; position < end; position++) {
    if (text.charCodeAt(position) !== 0x5c) continue;
    const escape = text.charAt(position + 1);
    if (!GO_ESCAPES.has(escape)) return { message: 'found unknown escape character', start: position, end: position + 2 };
    const length = CODE_LENGTHS.get(escape) ?? 0;
    const digits = text.slice(position + 2, position + 2 + length);
    const code = length > 0 && HEX.test(digits) ? Number.parseInt(digits, 16) : 0;
    if ((code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return { message: 'found invalid Unicode character escape code', start: position + 2, end: position + 2 + length };
    position++;
  }
  return undefined;
}

export interface BlockScalar {
  /** Offsets of its content lines (the line after the header to the end). */
  readonly start: number;
  readonly end: number;
  /** Indentation of the content. */
  readonly indent: number;
}

/** A header with an indentation indicator (`|2`, `>-1`) fixes the indentation before the content is read. */
const EXPLICIT_INDENT = /[|>][-+]?[1-9][^\r\n]*[\r\n]*$/;

/**
 * A tab where go-yaml expects an indentation space in a block scalar: before the indentation is known (the lines up
 * to the first content line, unless the header gives it), or left of it. go-yaml reads the blank lines after the
 * content as the scalar's line breaks, up to the line that ends it, so a tab there counts too (js-yaml's span ends
 * before such a line).
 */
export function blockScalarTab(text: string, scalar: BlockScalar): ScannerProblem | undefined {
  const header = text.slice(text.lastIndexOf('\n', scalar.start - 2) + 1, scalar.start);
  let measuring = !EXPLICIT_INDENT.test(header);
  let position = scalar.start;
  while (position < text.length) {
    const lineStart = position;
    while (text.charAt(position) === ' ') position++;
    const char = text.charAt(position);
    if (char === '\t' && (measuring || position - lineStart < scalar.indent)) {
      return { message: 'found a tab character where an indentation space is expected', start: position, end: position + 1 };
    }
    const isBreak = char === '\n' || char === '\r';
    if (lineStart >= scalar.end && !isBreak) return undefined;
    if (!isBreak) measuring = false;
    while (position < scalar.end && text.charAt(position) !== '\n' && text.charAt(position) !== '\r') position++;
    position += text.charAt(position) === '\r' && text.charAt(position + 1) === '\n' ? 2 : 1;
  }
  return undefined;
}

/**
 * go-yaml's scanner also takes NEL (U+0085), LS (U+2028) and PS (U+2029) for line breaks, where js-yaml and the fast
 * reader read content: `a: x<LS>y` is rejected by kubectl, and a key after a LS in a comment is a key. The text with
 * each of them as a line feed (one character for one, so offsets stay the same) reads to go-yaml's structure and
 * verdict. Values differ only where go-yaml keeps a LS or PS inside a scalar (it copies them, it folds a NEL).
 * upstream: gopkg.in/yaml.v2 yamlprivateh.go is_break, scannerc.go read_line
 */
export function withGoYamlLineBreaks(text: string): string {
  // includes() first: a native scan, nearly free where none occurs (the usual case)
  if (!text.includes('\u0085') && !text.includes('\u2028') && !text.includes('\u2029')) return text;
  return text.replace(/[\u0085\u2028\u2029]/g, '\n');
}
