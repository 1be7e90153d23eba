// Runs CommonJS code (the bundled CLI, ajv standalone validators) with V8's code cache kept in the per-user CodeStore,
// so a later run deserialises the compiled functions instead of parsing and compiling the source again.
import { isAscii } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';
import type { CodeStore } from './validator-cache-dir.js';

export interface CodeCacheEntry {
  readonly store: CodeStore;
  /** Names `<key>.v8` in the store: it must change whenever the code does (V8 itself checks only the length). */
  readonly key: string;
}

/** What a module's code calls as `require`. */
export type ModuleRequire = (id: string) => unknown;

export interface CachedModule {
  readonly exports: unknown;
  /** Stores V8's code cache once the code has run (so lazily compiled functions are in it); absent when it is current. */
  readonly saveCodeCache: (() => void) | undefined;
}

/**
 * A key part that changes whenever the file at `path` does: its size and modification time. A build rewrites the
 * file (new mtime); an installed package never changes within the version the cache directory belongs to. Cheaper
 * than hashing the code on every start, which the pre-commit hook would pay each time.
 */
export function codeVersion(path: string): string {
  const { size, mtimeMs } = statSync(path);
  return `${size}-${Math.trunc(mtimeMs)}`;
}

/** A CommonJS module's code as one function expression of Node's module parameters: what runWithCodeCache compiles. */
export type ModuleFunction = string & { readonly moduleFunction: true };

const HEAD = '(function (exports, require, module, __filename, __dirname) {';
const TAIL = '\n})';

/** `code` as a module function (a #! line becomes a comment). */
export function moduleFunction(code: string): ModuleFunction {
  return `${HEAD}${code.startsWith('#!') ? '//' : ''}${code}${TAIL}` as ModuleFunction;
}

/**
 * The module function of the file at `path`, read into one buffer between its head and tail and decoded once. Wrapping
 * the decoded text instead makes V8 flatten a second copy of it when compiling, and every copy of the 790 kB bundle
 * is fresh memory a start pays page faults and a young-generation collection for. An ASCII file (the bundled CLI, the
 * generated validators) is decoded as latin1, the same text without UTF-8 decoding.
 */
export function readModuleFunction(path: string): ModuleFunction {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    // the code starts after the longest head, HEAD + '//' (a #! line becomes a comment)
    const start = HEAD.length + 2;
    const bytes = Buffer.allocUnsafe(start + size + TAIL.length);
    let end = start;
    while (end < start + size) {
      const read = readSync(fd, bytes, end, start + size - end, null);
      if (read === 0) break; // the file shrank since fstat
      end += read;
    }
    const head = bytes[start] === 0x23 && bytes[start + 1] === 0x21 ? `${HEAD}//` : HEAD;
    bytes.write(head, start - head.length, 'latin1');
    bytes.write(TAIL, end, 'latin1');
    const source = bytes.subarray(start - head.length, end + TAIL.length);
    return source.toString(isAscii(source) ? 'latin1' : 'utf8') as ModuleFunction;
  } finally {
    closeSync(fd);
  }
}

/**
 * Runs `source` as the CommonJS module `filename` (an absolute path; `require` resolves from `requireFrom`, default the
 * module's own directory, or is `requireFrom` itself), with the entry's code cache when it fits. What the code throws
 * is thrown. The code cannot use import(): Node 20 gives scripts compiled by node:vm no module loader (see
 * import-module.ts).
 */
export function runWithCodeCache(source: ModuleFunction, filename: string, entry: CodeCacheEntry, requireFrom: string | ModuleRequire = filename): CachedModule {
  const codeCache = entry.store.read(`${entry.key}.v8`);
  const script = new Script(source, {
    filename,
    ...(codeCache && { cachedData: codeCache }),
  });
  const module: { exports: unknown } = { exports: {} };
  const wrapper = script.runInThisContext() as (exports: unknown, require: ModuleRequire, module: unknown, filename: string, dirname: string) => void;
  wrapper(module.exports, typeof requireFrom === 'string' ? createRequire(requireFrom) : requireFrom, module, filename, dirname(filename));
  const fresh = codeCache === undefined || script.cachedDataRejected === true;
  return { exports: module.exports, saveCodeCache: fresh ? () => entry.store.write(`${entry.key}.v8`, script.createCachedData()) : undefined };
}
