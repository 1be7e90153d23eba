// Regular expressions a kustomization writes (patch targets, image names): Go's regexp runs them in linear time,
// JavaScript's backtracking engine does not. An expression that can backtrack exponentially (a repeated group holding
// a repetition or an alternative, `(a|a)*`) is refused rather than let a hostile kustomization hang the run.

import { mayBacktrackExponentially } from '../model/regexp-backtracking.js';

/**
 * The kustomization's `pattern` placed in `around` (kubefit's own, trusted parts) and compiled, or undefined when the
 * pattern is no valid expression or one that may backtrack exponentially.
 */
export function kustomizeRegExp(pattern: string, around: (pattern: string) => string): RegExp | undefined {
  if (mayBacktrackExponentially(pattern)) return undefined;
  try {
    return new RegExp(around(pattern));
  } catch {
    return undefined;
  }
}
