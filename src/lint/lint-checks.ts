// Findings the lint stage emits on its own, outside any rule: for `kubefit rules`, `explain` and SARIF.
import type { RuleMeta } from '../model/rule-meta.js';

export const INTERNAL_ERROR: RuleMeta = {
  id: 'internal-error',
  severity: 'error',
  category: 'input',
  description: 'a rule crashed on an object; the other rules still ran',
  rationale: 'A crash is a bug in kubefit or in a custom rule, not a problem of the manifest. It is reported at the object so the run can go on and the bug can be reproduced.',
  remediation: 'Report the message and the object to the rule author.',
  defaultOn: true,
  notConfigurable: 'a crash always fails the run with exit code 2',
};

export const UNUSED_SUPPRESSION: RuleMeta = {
  id: 'unused-suppression',
  severity: 'info',
  category: 'metadata',
  description: 'a kubefit.dev/ignore annotation or kubefit-disable comment suppresses nothing',
  rationale: 'Suppressions outlive the problems they hid. A stale one would silently hide the same problem if it came back, and it misleads readers about the manifest.',
  remediation: 'Remove the rule id from the annotation or comment, or remove the suppression altogether; an id that names no check (the message says which one it likely meant) is corrected instead.',
  defaultOn: true,
};

/** Metadata of every finding id the lint engine itself can emit. */
export const LINT_CHECKS: readonly RuleMeta[] = [INTERNAL_ERROR, UNUSED_SUPPRESSION];
