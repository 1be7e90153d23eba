// Regular expressions from the inputs (kustomize targets, CRD patterns) are RE2's: Go runs them in linear time,
// JavaScript's backtracking engine does not, and an expression that can backtrack exponentially (a repeated group
// holding a repetition or an alternative, `(a|a)*`, `(a+)+`) would let a hostile input hang the run.

/** A group whose body repeats or alternates, itself repeated. */
const NESTED_REPETITION = /\([^()]*[*+?{|][^()]*\)\s*[*+{]/;

/** Whether `pattern` may backtrack exponentially in JavaScript (it is then not run). */
export function mayBacktrackExponentially(pattern: string): boolean {
  return NESTED_REPETITION.test(pattern);
}
