// V8's linear-time regular expression engine (the `l` flag), which runs an expression JavaScript's backtracking engine
// could take exponential time on the way Go's RE2 runs every expression: in time linear in the input. The flag that
// enables it is read when an expression is compiled.

import { setFlagsFromString } from 'node:v8';

/**
 * The V8 flag behind the `l` flag. The CLI's launcher sets it before it reads V8's code caches (they record the flags
 * they were made with, so it must not change during a run); setting it again is a no-op.
 */
export const LINEAR_ENGINE_FLAG = '--enable-experimental-regexp-engine';

/**
 * `source` compiled for the linear-time engine (flags without `u`, which it does not take), or undefined when it cannot
 * run there. The engine refuses counted repetitions whose counts multiply past 16 when nested (`(a{1,4}){1,7}`, an
 * IPv6 address pattern; `a{1,17}`): those run with their counts written out.
 */
export function linearRegExp(source: string, flags = ''): RegExp | undefined {
  setFlagsFromString(LINEAR_ENGINE_FLAG);
  // written out only when the engine refuses the expression as it is
  return compiled(source, flags) ?? compiled(writtenOut(source), flags);
}

function compiled(source: string | undefined, flags: string): RegExp | undefined {
  if (source === undefined) return undefined;
  try {
    return new RegExp(source, `${flags}l`);
  } catch {
    return undefined;
  }
}

/**
 * The longest a written-out expression may be, in all and against the expression as written: the engine's time grows
 * with its size times the input's, so a hostile pattern's counts must not make it much larger than the expressions the
 * engine itself takes (counts up to 16 per nesting; those ran 100,000 characters in 2 to 3 s, Envoy Gateway's
 * 842-character IPv4/IPv6 CIDR pattern written out to 5,598 in 4 to 6 s).
 */
const MAX_WRITTEN_OUT = 8_000;
const MAX_GROWTH = 16;

/**
 * `source` (a JavaScript expression without the `u` flag) with every counted repetition `X{n}`/`X{n,m}` written out as
 * n copies of X and m-n nested optional ones (`X{1,3}` → `X(?:X(?:X)?)?`, lazy ones `??`), which match the same strings
 * in the same order of preference; `X{n,}` stays. Undefined when nothing is counted, when the expression is too long
 * written out, or when it is not one this reader follows.
 */
export function writtenOut(source: string): string | undefined {
  if (!/\{\d+(?:,\d+)?\}/.test(source)) return undefined;
  const reader = { source, at: 0 };
  try {
    const out = writeSequence(reader);
    return reader.at === source.length && out.length <= Math.min(MAX_WRITTEN_OUT, MAX_GROWTH * source.length) ? out : undefined;
  } catch {
    return undefined;
  }
}

interface Reader {
  readonly source: string;
  at: number;
}

/** Atoms up to a group's `)` (not consumed) or the end; each entry an atom with its quantifier, or `|`, `^`, `$`. */
function writeSequence(reader: Reader): string {
  const pieces: string[] = [];
  let quantifiable = false;
  while (reader.at < reader.source.length) {
    const c = reader.source[reader.at] ?? '';
    if (c === ')') break;
    const count = c === '{' ? /^\{(\d+)(?:,(\d*))?\}(\??)/.exec(reader.source.slice(reader.at)) : null;
    if (count && quantifiable) {
      reader.at += count[0].length;
      const atom = pieces.pop() ?? '';
      const least = Number(count[1]);
      const most = count[2] === undefined ? least : count[2] === '' ? Infinity : Number(count[2]);
      pieces.push(most === Infinity ? `${atom}${count[0]}` : repeated(atom, least, most, count[3] === '?'));
      quantifiable = false;
    } else if ((c === '*' || c === '+' || c === '?') && quantifiable) {
      reader.at += 1;
      const lazy = reader.source[reader.at] === '?' ? '?' : '';
      reader.at += lazy.length;
      pieces.push(`${pieces.pop() ?? ''}${c}${lazy}`);
      quantifiable = false;
    } else if (c === '|' || c === '^' || c === '$') {
      reader.at += 1;
      pieces.push(c);
      quantifiable = false;
    } else {
      pieces.push(readAtom(reader));
      quantifiable = true;
    }
    if (pieces.reduce((length, piece) => length + piece.length, 0) > MAX_WRITTEN_OUT) throw new RangeError('too long');
  }
  return pieces.join('');
}

function repeated(atom: string, least: number, most: number, lazy: boolean): string {
  if (most < least || most * atom.length > MAX_WRITTEN_OUT) throw new RangeError('too long');
  let optional = '';
  for (let index = least; index < most; index += 1) optional = `(?:${atom}${optional})?${lazy ? '?' : ''}`;
  return atom.repeat(least) + optional;
}

/** One atom: a group (its body written out too), a class, an escape or a character. */
function readAtom(reader: Reader): string {
  const { source } = reader;
  const start = reader.at;
  const c = source[start] ?? '';
  if (c === '(') {
    const opening = /^\((?:\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>))?/.exec(source.slice(start))?.[0] ?? '(';
    reader.at += opening.length;
    const body = writeSequence(reader);
    if (source[reader.at] !== ')') throw new SyntaxError('unclosed group');
    reader.at += 1;
    return `${opening}${body})`;
  }
  if (c === '[') {
    let at = start + 1;
    if (source[at] === '^') at += 1;
    while (at < source.length && source[at] !== ']') at += source[at] === '\\' ? 2 : 1;
    if (at >= source.length) throw new SyntaxError('unclosed class');
    reader.at = at + 1;
    return source.slice(start, reader.at);
  }
  if (c === '\\') {
    const escape = /^\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|c[A-Za-z]|k<[^>]*>|[\s\S])/.exec(source.slice(start))?.[0];
    if (escape === undefined) throw new SyntaxError('bad escape');
    reader.at += escape.length;
    return escape;
  }
  reader.at += 1;
  return c;
}
