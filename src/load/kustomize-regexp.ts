// Regular expressions a kustomization writes (patch targets, image names): Go's regexp runs them in linear time,
// JavaScript's backtracking engine does not. An expression that can backtrack exponentially (a repeated group holding
// a repetition or an alternative, `(a|a)*`) runs in V8's linear-time engine, so a hostile kustomization cannot hang
// the run.

import { linearRegExp } from '../model/linear-regexp.js';
import { mayBacktrackExponentially } from '../model/regexp-backtracking.js';

/**
 * The kustomization's `pattern` placed in `around` (kubefit's own, trusted parts) and compiled, or undefined when the
 * pattern is no valid expression, or one that may backtrack exponentially and that the linear-time engine cannot run.
 */
export function kustomizeRegExp(pattern: string, around: (pattern: string) => string): RegExp | undefined {
  if (mayBacktrackExponentially(pattern)) return linearRegExp(around(pattern));
  try {
    return new RegExp(around(pattern));
  } catch {
    return undefined;
  }
}
