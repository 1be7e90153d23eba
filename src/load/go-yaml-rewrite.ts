// Rewrites what go-yaml accepts and js-yaml does not into text js-yaml reads to the same values, with positions
// mapped back to the original:
// - go-yaml (libyaml's scanner) does not check indentation inside flow collections and quoted scalars: `args: [`
//   with its items, or a double-quoted string with its continuation lines, at or left of the parent key's column
//   (Tekton, Argo, Istio and Kubernetes' own examples). Those lines are indented, the tabs of their leading white
//   space become spaces; it is never content.
// - a tab after an indicator (`key:\t[a]`, `key:\t&a "multi-line`), or between the tokens of a flow collection
//   (`{name:\tdb,\tb: c}`: js-yaml takes it for indentation, go-yaml's scanner allows tabs anywhere in flow context),
//   becomes a space;
// - the escape `\'` in double quotes (go-yaml's table has it, YAML 1.2's does not) becomes `\x27`;
// - an escaped line break in double quotes followed by empty lines, which js-yaml drops, gets a `\n` for each;
// - a comment line left of the blank lines that open a block scalar ends the scalar for go-yaml: it moves to column 0;
// - a comment right after a closing quote or bracket (`image: "nginx:1.27"# pinned`), a block scalar's header
//   (`script: |# run`) or, in a flow collection, an indicator a token follows (`[# c`, `"k":# c`) gets a space before it;
// - a plain scalar in a flow collection that ends in `:` before `,`, `]` or `}` (`[fe80::]`) is one scalar for
//   go-yaml and a key for js-yaml: it is single-quoted (such a scalar always resolves to a string);
// - in a flow collection `?` and `:` are always indicators for go-yaml: `[?x]` is a mapping (a space is added after
//   the `?`), and a plain scalar that starts with `:` or holds a `?` is an error (reported as a problem);
// - a lone `-` before `,`, `]` or `}` in a flow collection (`[-]`) is a plain scalar for go-yaml: it is single-quoted;
// - a plain scalar in a flow collection that ends in `:` before `[` or `{` (`{s:[]}`) is go-yaml's "s:" followed by a
//   collection where a `,` must be: the go-yaml port reports that error (js-yaml reads a key and its value);
// - an anchor or alias name ends at the first character outside `[0-9A-Za-z_-]` for go-yaml, which may be `:`, `?`,
//   `%`, `@` or a backquote right after it (`&labels:` is an empty key with the anchor `labels`); js-yaml reads on to
//   a blank, so a space goes after the name.
// - an indented `---` on the text's first line is a plain scalar for go-yaml (a marker is at column 0 only) and a
//   document start marker for js-yaml, which counts no indentation before the first line break: a line feed goes first.
// upstream: gopkg.in/yaml.v2 scannerc.go yaml_parser_unroll_indent, yaml_parser_scan_flow_scalar, yaml_parser_scan_anchor

import { goYamlProblem, mayHaveTabInIndentation } from './go-yaml-problem.js';

export interface Rewritten {
  readonly text: string;
  /** go-yaml errors found on the way, as offsets into the original text. */
  readonly problems: readonly { message: string; start: number; end: number }[];
  /** Offset in `text` → offset in the original. */
  readonly toOriginal: (offset: number) => number;
  /** Whether the go-yaml port found a problem in the original text; undefined when it was not asked. */
  readonly goYamlProblemFound: boolean | undefined;
}

/** A span of the scanner's state that swallows line breaks: a flow collection or a quoted scalar. */
interface Open {
  /** Column a continuation line must reach (the opening bracket's or quote's). */
  readonly column: number;
  readonly kind: 'flow' | 'quote';
}

/** An insertion before `offset`, and optionally the character at `offset` replaced by `replace`. */
interface Edit {
  readonly offset: number;
  readonly insert: string;
  readonly replace?: string;
}

/** The rewritten text, or undefined when nothing needs rewriting. */
export function rewriteForJsYaml(text: string): Rewritten | undefined {
  const scanner = new Scanner(text);
  const found = scanner.run();
  // whether go-yaml refuses a tab after `- ` or `? ` is decided on the original; where it reads the document, such a
  // `-` or `?` is a plain scalar's (`name:x` then `  -\t[a]` is one scalar): the tab stays. Where it refuses it, the tab
  // becomes a space, so that the rest of the document is still read
  const consulted = scanner.collectionAfterColon || mayHaveTabInIndentation(text);
  const problem = consulted ? goYamlProblem(text) : undefined;
  const edits = [...indentedScalarEdits(text), ...found, ...(problem ? scanner.tabsAfterEntry : [])].sort((a, b) => a.offset - b.offset);
  if (problem) scanner.problems.push({ message: problem.message, start: problem.offset, end: problem.offset + 1 });
  if (edits.length === 0 && scanner.problems.length === 0) return undefined;
  let out = '';
  let from = 0;
  const shifted: number[] = [];
  const totals: number[] = [];
  let total = 0;
  for (const { offset, insert, replace } of edits) {
    out += text.slice(from, offset) + insert + (replace ?? '');
    from = replace === undefined ? offset : offset + 1;
    total += insert.length;
    shifted.push(offset + total);
    totals.push(total);
  }
  out += text.slice(from);
  return { text: out, problems: scanner.problems, toOriginal: (offset) => offset - shiftBefore(shifted, totals, offset), goYamlProblemFound: consulted ? problem !== undefined : undefined };
}

/** js-yaml's readDocument checks `state.lineIndent === 0` for `---`, and lineIndent is counted at line breaks only. */
export function startsWithIndentedMarker(text: string): boolean {
  return text.charCodeAt(0) === 0x20 && INDENTED_MARKER.test(text);
}

const INDENTED_MARKER = /^ +---(?:[ \t\r\n]|$)/;
const FIRST_LINE_BREAK: Edit = { offset: 0, insert: '\n' };

/**
 * A plain scalar indented on a document's first content line, an indented `---` included (a marker is at column 0
 * only), is a top-level node for go-yaml, which the next lines continue at any indentation (a top-level node's is 0)
 * until a comment, a value indicator or a marker at column 0 (yaml_parser_scan_plain_scalar): `  ---` then `[1, 2]`
 * is the string "--- [1, 2]", `# c`, `  a` then `b` is "a b". js-yaml ends the scalar at a line left of the first
 * one: such lines are padded to its column. On the text's first line a line feed goes before a `---` too, which keeps
 * js-yaml from taking it for a marker.
 */
function indentedScalarEdits(text: string): Edit[] {
  const scalar = INDENTED_PLAIN_SCALAR_LINE.exec(text);
  if (!scalar) return [];
  const column = scalar[1]?.length ?? 0;
  const lineStart = scalar[0].length - column;
  const edits = lineStart === 0 && INDENTED_MARKER.test(text) ? [FIRST_LINE_BREAK] : [];
  const first = text.slice(lineStart, lineEndAt(text, lineStart));
  if (VALUE_INDICATOR.test(first) || COMMENT_AFTER.test(first)) return edits;
  for (let start = text.indexOf('\n', lineStart) + 1; start > 0; start = text.indexOf('\n', start) + 1) {
    const line = text.slice(start, lineEndAt(text, start));
    const indent = LINE_INDENT.exec(line)?.[0] ?? '';
    const content = line.slice(indent.length);
    if (content === '' || content === '\r') continue;
    if (content.startsWith('#') || MARKER_LINE.test(line) || VALUE_INDICATOR.test(content)) break;
    if (indent.length < column) edits.push({ offset: start, insert: ' '.repeat(column - indent.length) });
    // the scalar's leading blanks on a line may be tabs too (its indentation is 0, which no tab violates)
    for (let tab = indent.indexOf('\t'); tab >= 0; tab = indent.indexOf('\t', tab + 1)) edits.push({ offset: start + tab, insert: '', replace: ' ' });
    if (COMMENT_AFTER.test(content)) break;
  }
  return edits;
}

/**
 * Blank and comment lines, then the indentation (captured) of a plain scalar, after the tag or anchor it may have: a
 * character that starts no other token, or `-`, `?` or `:` before a non-blank.
 * upstream: scannerc.go yaml_parser_fetch_next_token (the check for a plain scalar)
 */
const INDENTED_PLAIN_SCALAR_LINE = /^(?:[ \t]*(?:#[^\n]*)?\r?\n)*( +)(?=(?:[&!][^ \t\r\n]*[ \t]+)*(?:[^-?:,[\]{}#&*!|>'"%@`\s]|[-?:][^\s]))/;
const LINE_INDENT = /^[ \t]*/;
/** A `:` a blank follows (go-yaml's value indicator, where a plain scalar ends) and a comment after white space. */
const VALUE_INDICATOR = /:(?:[ \t\r]|$)/;
const COMMENT_AFTER = /[ \t]#/;
const MARKER_LINE = /^(?:---|\.\.\.)(?:[ \t\r]|$)/;

function lineEndAt(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}

/** Padding inserted before `offset` of the new text (a position inside padding maps to the line's start). */
function shiftBefore(shifted: readonly number[], totals: readonly number[], offset: number): number {
  let low = 0;
  let high = shifted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((shifted[middle] ?? 0) <= offset) low = middle + 1;
    else high = middle;
  }
  const before = low === 0 ? 0 : (totals[low - 1] ?? 0);
  const padStart = (shifted[low] ?? Infinity) - ((totals[low] ?? 0) - before);
  return offset >= padStart ? offset - padStart + before : before;
}

/** The last character of the block scalar header that starts at `indicator` (`|`, `>-`, `|2+`). */
function blockScalarHeaderEnd(text: string, indicator: number): number {
  let end = indicator;
  while (/[-+0-9]/.test(text.charAt(end + 1))) end++;
  return end;
}

/**
 * The empty lines (white space only) after the line break at `at`. go-yaml keeps a line feed for each after an escaped
 * line break (yaml_parser_scan_flow_scalar reads them as trailing breaks), as YAML's l-empty lines are; js-yaml skips
 * them with the break (`"a\⏎⏎  b"` is "a\nb" for go-yaml, "ab" for js-yaml).
 */
function emptyLinesAfter(text: string, at: number): number {
  let position = at + (text.startsWith('\r\n', at) ? 2 : 1);
  let count = 0;
  for (;;) {
    while (text.charAt(position) === ' ' || text.charAt(position) === '\t') position++;
    const char = text.charAt(position);
    if (char !== '\r' && char !== '\n') return count;
    count++;
    position += text.startsWith('\r\n', position) ? 2 : 1;
  }
}

const LINE_BREAK = /[\r\n]/g;
const FLOW_INDICATORS = new Set([',', '[', ']', '{', '}']);
const BLOCK_INDICATOR_BEFORE = new Set([undefined, ':', '-', '?']);
/** The last character of a closed quoted scalar, or an alias's `*`: what may end a simple key in a flow collection. */
const SIMPLE_KEY_END = new Set(['"', "'", '*']);
const VALUE_START_BEFORE = new Set([undefined, ':', '-', '?', ',', '[', '{']);
/** The indicators after which a token starts in a flow collection. */
const FLOW_TOKEN_BEFORE = new Set<string | undefined>(['[', '{', ',', ':', '?']);
/** What #previous holds after a plain scalar's text: no indicator. */
const PLAIN_TEXT = 'a';
/** Characters that start another token than a plain scalar (upstream: scannerc.go yaml_parser_fetch_next_token). */
const NOT_PLAIN_START = /[&*!"'[\]{}|>#%@`,]/;
/** upstream: scannerc.go yaml_parser_scan_anchor reads is_alpha characters. */
const ANCHOR_CHAR = /[0-9A-Za-z_-]/;

class Scanner {
  readonly #text: string;
  readonly #edits: Edit[] = [];
  readonly problems: { message: string; start: number; end: number }[] = [];
  /** Tabs after a block `-` or `?`, as spaces: go-yaml's error if they follow an indicator (yaml_parser_scan_to_next_token). */
  readonly tabsAfterEntry: Edit[] = [];
  /** Whether a plain scalar in a flow collection ends in `:` right before `[` or `{` (go-yaml's error). */
  collectionAfterColon = false;
  /** Start of the plain scalar being read inside a flow collection, or -1. */
  #plainStart = -1;
  readonly #open: Open[] = [];
  #quote: '"' | "'" | undefined;
  #lineStart = 0;
  /** Column of the current line's first content, or -1 before it. */
  #indent = -1;
  /** The last non-space character on this line, outside quotes. */
  #previous: string | undefined;
  /**
   * go-yaml's block indentation where a block scalar starts (yaml_parser_roll_indent): the column of the last `- ` or
   * `? ` on the line before `- |`, that of the key before `k: |`, the first node after such an indicator or the line's
   * first content (`- k: |`: the mapping starts at `k`, anchor or tag included).
   */
  #indicatorColumn = -1;
  #nodeColumn = -1;
  #afterIndicator = false;
  /** Block scalar: lines indented more than this are its content; -1 outside one. */
  #blockScalarParent = -1;
  /**
   * The widest run of spaces on the blank lines that open a block scalar without an indentation indicator, before its
   * first content line; -1 outside them.
   */
  #blockScalarBlank = -1;
  /**
   * A plain scalar in block context is being read: it holds every indicator but `: ` and ` #`, and goes on over the
   * next lines indented more than `#plainParent`, the column of the collection it is in (yaml_parser_scan_plain_scalar).
   */
  #blockPlain = false;
  #plainParent = -1;
  /** The column of the collection a node on the next line belongs to, when this line ended with `:`, `-` or `?`. */
  #pendingParent = -1;

  constructor(text: string) {
    this.#text = text;
  }

  run(): Edit[] {
    const text = this.#text;
    for (let position = 0; position < text.length; position++) {
      const char = text.charAt(position);
      if (char === '\n' || char === '\r') {
        if (this.#indent < 0 && this.#blockScalarBlank >= 0) this.#blockScalarBlank = Math.max(this.#blockScalarBlank, this.#spacesFrom(this.#lineStart));
        if (char === '\r' && text.charAt(position + 1) === '\n') position++;
        this.#newLine(position + 1);
        continue;
      }
      if (this.#indent < 0) {
        if (char === ' ' || char === '\t') continue;
        if (!this.#startContent(position)) {
          position = this.#lineEnd(position) - 1;
          continue;
        }
      }
      position = this.#step(char, position);
    }
    return this.#edits;
  }

  #newLine(start: number): void {
    // (blank and comment lines leave it as it was)
    if (this.#previous !== undefined) this.#pendingParent = this.#open.length === 0 && this.#quote === undefined && BLOCK_INDICATOR_BEFORE.has(this.#previous) ? this.#parentColumn() : -1;
    this.#lineStart = start;
    this.#indent = -1;
    this.#previous = undefined;
  }

  /** The first content character of a line: pads it when it continues an open span; false skips the line. */
  #startContent(position: number): boolean {
    const column = position - this.#lineStart;
    if (this.#blockScalarParent >= 0) {
      if (column > this.#blockScalarParent && !this.#endsEmptyBlockScalar(position)) {
        this.#blockScalarBlank = -1;
        return false;
      }
      this.#blockScalarParent = -1;
      this.#blockScalarBlank = -1;
    }
    // the next line of a plain scalar is read as its text, whatever it starts with (`[`, `"`, `- `)
    if (this.#blockPlain && this.#open.length === 0 && column > this.#plainParent && !this.#isMarkerAt(position, column) && this.#text.charAt(position) !== '#') {
      this.#indent = column;
      this.#previous = PLAIN_TEXT;
      return true;
    }
    this.#blockPlain = false;
    this.#indent = column;
    this.#nodeColumn = column;
    this.#indicatorColumn = column;
    this.#afterIndicator = false;
    const outer = this.#open[0];
    // only at column 0 is `---` or `...` a document marker that ends the span (scannerc.go checks mark.column == 0);
    // indented, it is content (controller-gen's `--- TODO(jonesdl)` in a quoted description)
    const isMarker = this.#isMarkerAt(position, column);
    if (outer && !isMarker) {
      if (column < outer.column) this.#edits.push({ offset: this.#lineStart, insert: ' '.repeat(outer.column - column) });
      // a tab before the line's content is white space there too (yaml_parser_scan_to_next_token in a flow collection,
      // the blanks a quoted scalar's line starts with); js-yaml counts only spaces for its indentation
      for (let tab = this.#text.indexOf('\t', this.#lineStart); tab >= 0 && tab < position; tab = this.#text.indexOf('\t', tab + 1)) {
        this.#edits.push({ offset: tab, insert: '', replace: ' ' });
      }
    }
    return true;
  }

  #step(char: string, position: number): number {
    if (this.#quote) return this.#inQuote(char, position);
    if (char === '\t' && (this.#open.length === 0 ? this.#previous !== undefined && BLOCK_INDICATOR_BEFORE.has(this.#previous) : this.#plainStart < 0)) {
      (this.#open.length === 0 && this.#previous !== ':' ? this.tabsAfterEntry : this.#edits).push({ offset: position, insert: '', replace: ' ' });
    }
    if (char === ' ' || char === '\t') return position;
    // a comment starts after white space or at a line's start (a line break before it is no white space here), and
    // ends a plain scalar (yaml_parser_scan_plain_scalar)
    if (char === '#' && (position === this.#lineStart || /[ \t]/.test(this.#text.charAt(position - 1)))) {
      this.#plainStart = -1;
      this.#blockPlain = false;
      return this.#lineEnd(position) - 1;
    }
    const column = position - this.#lineStart;
    const inFlow = this.#open.length > 0;
    if (!inFlow && this.#blockPlainText(char, position)) {
      this.#previous = PLAIN_TEXT;
      return position;
    }
    // in a flow collection a `#` where a token starts (`[# c`, `{"k":#c`) starts a comment for go-yaml, white space
    // before it or not (yaml_parser_scan_to_next_token): a space goes before it
    if (char === '#' && inFlow && this.#plainStart < 0 && FLOW_TOKEN_BEFORE.has(this.#previous)) {
      this.#edits.push({ offset: position, insert: ' ' });
      return this.#lineEnd(position) - 1;
    }
    if (!inFlow) this.#trackBlockNode(char, column, position);
    // in block context an indicator starts a value only after white space or at the line's start: `k: h:[::1]:80`
    // is one plain scalar, and `,` is no indicator there (`a:[] ,<tab>[b` too)
    const startsValue = inFlow ? VALUE_START_BEFORE.has(this.#previous) : BLOCK_INDICATOR_BEFORE.has(this.#previous) && this.#separated(position);
    // a node's anchor or tag leaves the place where it may start as it was (`key: &a [`, `- !!str |`); an alias is a node
    if ((char === '&' || char === '*') && startsValue && this.#plainStart < 0) {
      if (char === '*') this.#previous = char;
      return this.#anchorName(position);
    }
    if (char === '!' && startsValue && this.#plainStart < 0) return this.#tagEnd(position, inFlow);
    if (inFlow && this.#flowPlain(char, position)) {
      this.#previous = char;
      return position;
    }
    if ((char === '"' || char === "'") && startsValue) {
      this.#quote = char;
      this.#open.push({ column, kind: 'quote' });
    } else if ((char === '[' || char === '{') && (inFlow || startsValue)) {
      this.#open.push({ column, kind: 'flow' });
    } else if ((char === ']' || char === '}') && inFlow) {
      this.#open.pop();
      this.#previous = char;
      return this.#commentRightAfter(position);
    } else if ((char === '|' || char === '>') && !inFlow && BLOCK_INDICATOR_BEFORE.has(this.#previous)) {
      const headerEnd = blockScalarHeaderEnd(this.#text, position);
      // a block scalar is never a key for go-yaml, so a header on the line after a `:`, `-` or `?`, at the column of
      // their collection, starts the node they wait for (yaml_parser_fetch_block_scalar saves no simple key); js-yaml
      // takes it for a key: it is indented by one, its content's indentation stays
      if (this.#previous === undefined && position - this.#lineStart === this.#pendingParent) this.#edits.push({ offset: position, insert: ' ' });
      this.#blockScalarParent = this.#previous === ':' ? this.#nodeColumn : this.#indicatorColumn;
      this.#blockScalarBlank = /[1-9]/.test(this.#text.slice(position, headerEnd + 1)) ? -1 : 0;
      this.#previous = char;
      return this.#commentRightAfter(headerEnd);
    }
    this.#previous = char;
    return position;
  }

  /** Whether `char` belongs to a plain scalar in block context, which it may start. */
  #blockPlainText(char: string, position: number): boolean {
    const next = this.#text.charAt(position + 1);
    if (char === ':' && /^[ \t\r\n]?$/.test(next)) {
      this.#blockPlain = false;
      return false;
    }
    if (this.#blockPlain) return true;
    const startsPlain = BLOCK_INDICATOR_BEFORE.has(this.#previous) && this.#separated(position) && !NOT_PLAIN_START.test(char) && !(/[-?:]/.test(char) && /^[ \t\r\n]?$/.test(next));
    if (!startsPlain) return false;
    this.#trackBlockNode(char, position - this.#lineStart, position);
    this.#blockPlain = true;
    this.#plainParent = this.#previous === undefined ? (this.#pendingParent >= 0 ? this.#pendingParent : position - this.#lineStart - 1) : this.#parentColumn();
    return true;
  }

  /** The column of the block collection a node after this line's last `:`, `-` or `?` belongs to. */
  #parentColumn(): number {
    return this.#previous === ':' ? this.#nodeColumn : this.#indicatorColumn;
  }

  /** Only at column 0 is `---` or `...` a document marker (scannerc.go checks mark.column == 0). */
  #isMarkerAt(position: number, column: number): boolean {
    return column === 0 && /^(?:---|\.\.\.)(?:[ \t\r\n]|$)/.test(this.#text.slice(position, position + 4));
  }

  #trackBlockNode(char: string, column: number, position: number): void {
    if (this.#afterIndicator) this.#nodeColumn = column;
    this.#afterIndicator = (char === '-' || char === '?') && /^[ \t\r\n]?$/.test(this.#text.charAt(position + 1));
    if (this.#afterIndicator) this.#indicatorColumn = column;
  }

  /**
   * The last character of the anchor or alias name after `indicator`. A space goes after a name go-yaml ends at `:`
   * or `?`; `%`, `@` or a backquote there is go-yaml's error.
   */
  #anchorName(indicator: number): number {
    let end = indicator + 1;
    while (ANCHOR_CHAR.test(this.#text.charAt(end))) end++;
    const after = this.#text.charAt(end);
    if (end === indicator + 1) return indicator;
    if (after === ':' || after === '?') this.#edits.push({ offset: end, insert: ' ' });
    // upstream: scannerc.go yaml_parser_fetch_next_token finds no token that starts with them
    else if (after === '%' || after === '@' || after === '`') this.problems.push({ message: 'found character that cannot start any token', start: end, end: end + 1 });
    return end - 1;
  }

  /** The last character of the tag that starts at `position`: white space ends it, and a flow indicator in a collection. */
  #tagEnd(position: number, inFlow: boolean): number {
    let end = position + 1;
    for (let char = this.#text.charAt(end); char !== '' && !/[ \t\r\n]/.test(char) && !(inFlow && FLOW_INDICATORS.has(char)); char = this.#text.charAt(++end));
    return end - 1;
  }

  /**
   * A comment line left of the blank lines that open a block scalar ends it for go-yaml, which takes the widest of them
   * for the scalar's indentation (yaml_parser_scan_block_scalar_breaks max_indent); js-yaml refuses the comment's
   * indentation after the empty scalar ('bad indentation of a mapping entry'), so the comment moves to column 0 (its
   * first space becomes a `#`).
   */
  #endsEmptyBlockScalar(position: number): boolean {
    if (this.#text.charAt(position) !== '#' || position - this.#lineStart >= this.#blockScalarBlank) return false;
    this.#edits.push({ offset: this.#lineStart, insert: '', replace: '#' });
    return true;
  }

  #spacesFrom(start: number): number {
    let end = start;
    while (this.#text.charAt(end) === ' ') end++;
    return end - start;
  }

  #separated(position: number): boolean {
    const before = this.#text.charAt(position - 1);
    return before === ' ' || before === '\t' || this.#text.slice(this.#lineStart, position).trim() === '';
  }

  /** Tracks a plain scalar inside a flow collection; true when `char` belongs to it. */
  #flowPlain(char: string, position: number): boolean {
    const next = this.#text.charAt(position + 1);
    // a quoted scalar or an alias before it on the line, blanks between them or not, is a simple key for go-yaml
    // (yaml_parser_save_simple_key; yaml_parser_scan_to_next_token skips tabs in a flow collection): `{"a"\t:b}` is {a: b}
    const afterKey = this.#plainStart < 0 && this.#previous !== undefined && SIMPLE_KEY_END.has(this.#previous);
    if (FLOW_INDICATORS.has(char) || (char === ':' && (afterKey || /^[ \t\r\n]?$/.test(next)))) {
      this.#plainStart = -1;
      return false;
    }
    if (this.#plainStart < 0) {
      if (char === '"' || char === "'" || char === '#') return false;
      // upstream: scannerc.go yaml_parser_fetch_next_token: in a flow collection `:` and `?` are always indicators
      if (char === '?') {
        this.#edits.push({ offset: position + 1, insert: ' ' });
        return true;
      }
      if (char === ':') this.problems.push({ message: 'did not find expected node content: a plain scalar cannot start with ":" inside a flow collection', start: position, end: position + 1 });
      this.#plainStart = position;
      // a `-` not followed by a blank starts a plain scalar for go-yaml, which the indicator after it ends (Cloud Build's
      // `waitFor: [-]` is ["-"]); YAML 1.2 and js-yaml refuse it: it is single-quoted
      if (char === '-' && FLOW_INDICATORS.has(next) && next !== '[' && next !== '{') this.#quotePlain(position + 1);
      return true;
    }
    if (char === '?') this.problems.push({ message: 'did not find expected "," or the end of the flow collection: "?" inside a plain scalar', start: position, end: position + 1 });
    if (char === ':' && (next === '[' || next === '{')) this.collectionAfterColon = true;
    else if (char === ':' && FLOW_INDICATORS.has(next)) this.#quotePlain(position + 1);
    return true;
  }

  #quotePlain(end: number): void {
    this.#edits.push({ offset: this.#plainStart, insert: "'" });
    for (let position = this.#text.indexOf("'", this.#plainStart); position >= 0 && position < end; position = this.#text.indexOf("'", position + 1)) {
      this.#edits.push({ offset: position, insert: "'" });
    }
    this.#edits.push({ offset: end, insert: "'" });
    this.#plainStart = -1;
  }

  #inQuote(char: string, position: number): number {
    if (char === '\\' && this.#quote === '"') return this.#escape(position);
    if (char !== this.#quote) return position;
    if (char === "'" && this.#text.charAt(position + 1) === "'") return position + 1;
    this.#quote = undefined;
    this.#open.pop();
    this.#previous = char;
    return this.#commentRightAfter(position);
  }

  /**
   * A `#` right after a closing quote or bracket, or a block scalar's header, starts a comment for go-yaml
   * (yaml_parser_scan_to_next_token and yaml_parser_scan_block_scalar need no white space before it; only a plain
   * scalar holds a `#`): a space goes before it, and the line's rest is skipped.
   */
  #commentRightAfter(position: number): number {
    if (this.#text.charAt(position + 1) !== '#') return position;
    this.#edits.push({ offset: position + 1, insert: ' ' });
    return this.#lineEnd(position) - 1;
  }

  /**
   * Skips the escaped character (not a line break, which the main loop must see); `\'` is rewritten, and an escaped
   * line break before empty lines gets their line feeds as `\n` escapes.
   */
  #escape(position: number): number {
    const next = this.#text.charAt(position + 1);
    if (next === "'") this.#edits.push({ offset: position + 1, insert: 'x2', replace: '7' });
    if (next !== '\r' && next !== '\n') return position + 1;
    const empty = emptyLinesAfter(this.#text, position + 1);
    if (empty > 0) this.#edits.push({ offset: position, insert: '\\n'.repeat(empty) });
    return position;
  }

  #lineEnd(from: number): number {
    LINE_BREAK.lastIndex = from;
    return LINE_BREAK.exec(this.#text)?.index ?? this.#text.length;
  }
}
