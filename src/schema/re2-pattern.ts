// A CRD schema's `pattern` is an RE2 expression (Go's regexp, which kube-openapi's validator runs). JavaScript reads
// most of them alike, but not RE2's flag groups (`(?i)`, which calico's and kube-prometheus' enums use), `\z`, POSIX
// classes (`[[:alpha:]]`) or escaped punctuation (`\ `), and reads `.`, `\s` and `$` a little otherwise. This writes an
// RE2 pattern as a JavaScript one (for the `u` flag) that matches the same strings, or gives undefined for one it
// cannot (a Unicode case fold, a negated POSIX class) or that RE2 refuses (lookaround, backreferences). Go runs every
// pattern in linear time; one JavaScript's backtracking engine may run in exponential time runs in V8's linear-time
// engine instead (re2RegExpOf).
// upstream: Go regexp/syntax (parse.go, perl_groups.go, doc.go)

import { linearRegExp } from '../model/linear-regexp.js';
import { mayBacktrackExponentially } from '../model/regexp-backtracking.js';

interface Flags {
  /** `(?i)`: ASCII letters match either case (other cased letters are not translated). */
  readonly i: boolean;
  /** `(?s)`: `.` matches a line feed too. */
  readonly s: boolean;
  /** `(?m)`: `^` and `$` match at line breaks too. */
  readonly m: boolean;
}

class Unsupported extends Error {}

/**
 * A RegExp that matches what the RE2 `pattern` matches, in linear time as Go runs it, or undefined when kubefit cannot
 * run it so. A pattern JavaScript's engine may backtrack on exponentially (`(a+)+`: a hostile CRD must not hang the run,
 * and real ones hold such groups: Gateway API's `([a-zA-Z0-9\-]+\.)*`) runs in V8's linear-time engine
 * (model/linear-regexp.ts), which takes no `u` flag: only a translation of ASCII characters and escapes runs there
 * (astral characters then count as two, where RE2 counts one).
 */
export function re2RegExpOf(pattern: string, global = false): RegExp | undefined {
  const translated = re2ToJavaScript(pattern);
  if (translated === undefined) return undefined;
  if (!mayBacktrackExponentially(pattern)) return new RegExp(translated, global ? 'gu' : 'u');
  if (!ASCII_ONLY.test(translated) || /\\[pPu]/.test(translated)) return undefined;
  return linearRegExp(translated, global ? 'g' : '');
}

const ASCII_ONLY = /^[\x20-\x7e]*$/;

/**
 * The JavaScript pattern (for `new RegExp(p, 'u')`) that matches what the RE2 `pattern` matches, or undefined. It may
 * backtrack exponentially: run it through re2RegExpOf.
 */
export function re2ToJavaScript(pattern: string): string | undefined {
  try {
    const reader = new Re2Reader(pattern);
    const out = reader.sequence({ i: false, s: false, m: false });
    if (!reader.done()) return undefined;
    new RegExp(out, 'u');
    return out;
  } catch {
    return undefined;
  }
}

/** Go's POSIX classes (perl_groups.go posixGroup), as the ranges of a JavaScript class. */
const POSIX: Readonly<Record<string, string>> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7f',
  blank: '\\t ',
  cntrl: '\\x00-\\x1f\\x7f',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};
/** RE2's \s: ASCII white space without \v (perl_groups.go). */
const SPACE = '\\t\\n\\f\\r ';
/** Unicode general categories JavaScript takes bare (`\p{L}`); other names RE2 takes are scripts. */
const CATEGORY = /^(?:[CLMNPSZ]|C[cfos]|L[lmotu]|M[cen]|N[dlo]|P[cdefios]|S[ckmo]|Z[lps])$/;
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { a: '\\x07', f: '\\f', t: '\\t', n: '\\n', r: '\\r', v: '\\v' };
/** The characters of those escapes. */
const CONTROL: Readonly<Record<string, string>> = { a: '\x07', f: '\f', t: '\t', n: '\n', r: '\r', v: '\v' };
/** ASCII punctuation, which JavaScript's u flag takes as \xHH wherever it stands. */
const PUNCTUATION = /^[!-/:-@[-`{-~]$/;
/** Escaped, any ASCII character but a letter or digit is itself (Go: "\_" and "\ " too). */
const SELF_ESCAPED = /^[\x00-\x2f:-@[-`{-\x7f]$/;

class Re2Reader {
  readonly #text: string;
  #at = 0;

  constructor(text: string) {
    this.#text = text;
  }

  done(): boolean {
    return this.#at >= this.#text.length;
  }

  /** Alternatives up to the group's `)` (not consumed) or the end; flag groups change `flags` until then. */
  sequence(outer: Flags): string {
    let flags = outer;
    let out = '';
    while (!this.done()) {
      const c = String.fromCodePoint(this.#text.codePointAt(this.#at) ?? 0);
      if (c === ')') return out;
      this.#at += c.length;
      if (c === '(') {
        const group = this.#group(flags);
        if (typeof group === 'string') out += group;
        else flags = group.flags;
      } else if (c === '[') out += this.#class(flags);
      else if (c === '\\') out += this.#escape(flags);
      else if (c === '.') out += flags.s ? '[^]' : '[^\\n]';
      else if (c === '^') out += flags.m ? '(?<![^\\n])' : '^';
      else if (c === '$') out += flags.m ? '(?![^\\n])' : '$';
      else if (c === '|' || c === '*' || c === '+' || c === '?') out += c;
      else if (c === '{') out += this.#repeat();
      else out += literal(c, flags);
    }
    return out;
  }

  /** After `(`: a group, or the flags a `(?flags)` sets for the rest of the enclosing group. */
  #group(flags: Flags): string | { flags: Flags } {
    const rest = this.#text.slice(this.#at);
    const named = /^\?P?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(rest);
    let open = '(';
    let inner = flags;
    if (named) {
      this.#at += named[0].length;
      open = `(?<${named[1] ?? ''}>`;
    } else if (rest.startsWith('?')) {
      const set = /^\?([imsU]*)(?:-([imsU]*))?([:)])/.exec(rest);
      if (!set) throw new Unsupported('lookaround or an unknown group');
      this.#at += set[0].length;
      inner = withFlags(flags, set[1] ?? '', set[2] ?? '');
      if (set[3] === ')') return { flags: inner };
      open = '(?:';
    }
    const body = this.sequence(inner);
    if (this.#text[this.#at] !== ')') throw new Unsupported('unclosed group');
    this.#at++;
    return `${open}${body})`;
  }

  /** After `{`: a repetition `{n}`, `{n,}`, `{n,m}` (n, m up to 1000), else a literal brace, as RE2 reads it. */
  #repeat(): string {
    const repeat = /^(\d+)(?:,(\d*))?\}/.exec(this.#text.slice(this.#at));
    if (!repeat) return '\\{';
    if (Number(repeat[1]) > 1000 || Number(repeat[2] || 0) > 1000) throw new Unsupported('repeat count');
    this.#at += repeat[0].length;
    return `{${repeat[0]}`;
  }

  /** After `\` outside a class. */
  #escape(flags: Flags): string {
    const c = this.#text[this.#at++] ?? '';
    // (kubefit never gives JavaScript the m flag: its ^ is the start of the text)
    if (c === 'A') return '^';
    if (c === 'z') return '(?![^])';
    if (c === 's') return `[${SPACE}]`;
    if (c === 'S') return `[^${SPACE}]`;
    if (c === 'd' || c === 'D' || c === 'w' || c === 'W' || c === 'b' || c === 'B') return `\\${c}`;
    if (c === 'Q') return this.#quoted(flags);
    return this.#common(c, flags);
  }

  /** `\Q...\E`: every character literally. */
  #quoted(flags: Flags): string {
    const end = this.#text.indexOf('\\E', this.#at);
    const text = this.#text.slice(this.#at, end < 0 ? undefined : end);
    this.#at = end < 0 ? this.#text.length : end + 2;
    return [...text].map((c) => literal(c, flags)).join('');
  }

  /** Escapes read alike in and out of a class: properties, hex, control letters, escaped punctuation. */
  #common(c: string, flags: Flags): string {
    if (c === 'p' || c === 'P') return this.#property(c, flags);
    if (c === 'x') return literal(this.#hex(), flags);
    const simple = SIMPLE_ESCAPES[c];
    if (simple) return simple;
    // an escaped punctuation character is itself (Go); JavaScript's u flag takes \xHH for every one of them
    if (SELF_ESCAPED.test(c)) return hexOrSelf(c);
    throw new Unsupported(`\\${c}`);
  }

  /** `\pL`, `\p{Greek}`, `\p{^L}`, `\PL`. */
  #property(c: string, flags: Flags): string {
    if (flags.i) throw new Unsupported('a property under (?i)');
    let name = this.#text[this.#at] ?? '';
    if (name === '{') {
      const end = this.#text.indexOf('}', this.#at);
      if (end < 0) throw new Unsupported('unclosed property');
      name = this.#text.slice(this.#at + 1, end);
      this.#at = end + 1;
    } else this.#at++;
    const negated = (c === 'P') !== name.startsWith('^');
    const bare = name.replace(/^\^/, '');
    if (!/^[A-Za-z_]+$/.test(bare)) throw new Unsupported('property name');
    const property = bare === 'Any' ? 'Any' : CATEGORY.test(bare) ? bare : `Script=${bare}`;
    return `\\${negated ? 'P' : 'p'}{${property}}`;
  }

  /** `\x41`, `\x{1F600}`: the character. */
  #hex(): string {
    const hex = /^(?:\{([0-9A-Fa-f]{1,6})\}|([0-9A-Fa-f]{2}))/.exec(this.#text.slice(this.#at));
    const code = hex ? Number.parseInt(hex[1] ?? hex[2] ?? '', 16) : Number.NaN;
    if (!hex || !(code <= 0x10ffff)) throw new Unsupported('hex escape');
    this.#at += hex[0].length;
    return String.fromCodePoint(code);
  }

  /** After `[`: the class, with RE2's readings (a leading `]` is literal, POSIX classes, its \s). */
  #class(flags: Flags): string {
    let out = '';
    if (this.#text[this.#at] === '^') {
      out += '^';
      this.#at++;
    }
    let first = true;
    for (;;) {
      const c = this.#text[this.#at];
      if (c === undefined) throw new Unsupported('unclosed class');
      if (c === ']' && !first) {
        this.#at++;
        return `[${out}]`;
      }
      first = false;
      const posix = /^\[:(\^?)([a-z]+):\]/.exec(this.#text.slice(this.#at));
      if (posix) {
        const ranges = POSIX[posix[2] ?? ''];
        if (posix[1] === '^' || ranges === undefined) throw new Unsupported('negated or unknown POSIX class');
        this.#at += posix[0].length;
        out += flags.i && (posix[2] === 'lower' || posix[2] === 'upper') ? 'A-Za-z' : ranges;
        continue;
      }
      const low = this.#classAtom(flags);
      // a class escape (\d, \w, \pL) starts no range: Go's parseClass goes on after it, so `[\w-_]` holds '-' itself
      if (low.char !== undefined && this.#text[this.#at] === '-' && this.#text[this.#at + 1] !== ']' && this.#text[this.#at + 1] !== undefined) {
        this.#at++;
        const high = this.#classAtom(flags);
        out += rangeOf(low, high, flags);
      } else out += low.text + (flags.i && low.char !== undefined ? otherCase(low.char) : '');
    }
  }

  /** One class member: a character (with its code point, for ranges) or a class escape. */
  #classAtom(flags: Flags): { text: string; char?: string } {
    const c = String.fromCodePoint(this.#text.codePointAt(this.#at) ?? 0);
    this.#at += c.length;
    if (c !== '\\') return { text: hexOrSelf(c), char: c };
    const e = this.#text[this.#at++] ?? '';
    if (e === 's') return { text: SPACE };
    if (e === 'd' || e === 'w' || e === 'D' || e === 'W') return { text: `\\${e}` };
    if (e === 'p' || e === 'P') return { text: this.#property(e, flags) };
    const char = e === 'x' ? this.#hex() : (CONTROL[e] ?? (SELF_ESCAPED.test(e) ? e : undefined));
    if (char === undefined) throw new Unsupported(`\\${e} in a class`);
    return { text: hexOrSelf(char), char };
  }
}

function withFlags(flags: Flags, on: string, off: string): Flags {
  const next = { ...flags };
  for (const flag of on) if (flag !== 'U') next[flag as keyof Flags] = true;
  for (const flag of off) if (flag !== 'U') next[flag as keyof Flags] = false;
  return next;
}

/** A literal character outside a class: both cases under (?i), escaped when JavaScript gives it a meaning. */
function literal(c: string, flags: Flags): string {
  if (flags.i && /[A-Za-z]/.test(c)) return `[${c}${otherCase(c)}]`;
  if (flags.i && c.toLowerCase() !== c.toUpperCase()) throw new Unsupported('a Unicode case fold');
  return PUNCTUATION.test(c) ? hexOrSelf(c) : c;
}

/** A class member as JavaScript's u flag takes it: punctuation as \xHH, anything else as it is. */
function hexOrSelf(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  if (PUNCTUATION.test(c) || code < 0x20 || code === 0x7f) return `\\x${code.toString(16).padStart(2, '0')}`;
  return code > 0xffff ? `\\u{${code.toString(16)}}` : c;
}

function otherCase(c: string): string {
  const other = c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase();
  return /[A-Za-z]/.test(c) && other !== c ? other : '';
}

/** A range `low-high`, and under (?i) the other case of its ASCII letters. */
function rangeOf(low: { text: string; char?: string }, high: { text: string; char?: string }, flags: Flags): string {
  if (low.char === undefined || high.char === undefined) throw new Unsupported('a range of a class escape');
  const [from, to] = [low.char.codePointAt(0) ?? 0, high.char.codePointAt(0) ?? 0];
  if (from > to) throw new Unsupported('a reversed range');
  let out = `${low.text}-${high.text}`;
  if (!flags.i) return out;
  if (to > 0x7f) throw new Unsupported('a range beyond ASCII under (?i)');
  for (const [start, end, shift] of [[0x61, 0x7a, -32], [0x41, 0x5a, 32]] as const) {
    const a = Math.max(from, start);
    const b = Math.min(to, end);
    if (a <= b) out += `${String.fromCharCode(a + shift)}-${String.fromCharCode(b + shift)}`;
  }
  return out;
}

/** The id a standalone validator requires the engine by (custom-schemas.ts resolves it). */
export const RE2_ENGINE_MODULE = 'kubefit:re2-pattern';

/**
 * ajv's RegExp engine (options.code.regExp): a pattern runs as its JavaScript translation, while the schema, and so
 * the error's `params.pattern`, keep the pattern as written. One without a translation checks nothing (the schema
 * transforms drop those first); `code` is how standalone validators get the engine.
 */
export const re2RegExp = Object.assign((pattern: string, flags: string): RegExp => re2RegExpOf(pattern, flags.includes('g')) ?? new RegExp(''), {
  code: `require(${JSON.stringify(RE2_ENGINE_MODULE)})`,
});
