// V8's linear-time regular expression engine (the `l` flag), which runs an expression JavaScript's backtracking engine
// could take exponential time on the way Go's RE2 runs every expression: in time linear in the input. The flag that
// enables it is read when an expression is compiled.

import { setFlagsFromString } from 'node:v8';

/**
 * The V8 flag behind the `l` flag. The CLI's launcher sets it before it reads V8's code caches (they record the flags
 * they were made with, so it must not change during a run); setting it again is a no-op.
 */
export const LINEAR_ENGINE_FLAG = '--enable-experimental-regexp-engine';

/** `source` compiled for the linear-time engine (flags without `u`, which it does not take), or undefined when it cannot run there. */
export function linearRegExp(source: string, flags = ''): RegExp | undefined {
  setFlagsFromString(LINEAR_ENGINE_FLAG);
  try {
    return new RegExp(source, `${flags}l`);
  } catch {
    return undefined;
  }
}
