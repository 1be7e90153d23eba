// The RBAC fixtures every rbac-* rule test runs: least-privilege roles that pass, and an over-privileged operator.
import type { ExpectedFinding, InvalidCase, ValidCase } from '../src/lint/rule-tester.js';

export const RBAC_VALID: readonly ValidCase[] = [
  { name: 'least-privilege roles, per-namespace and resourceNames grants, aggregated roles', fixture: 'fixtures/rules/rbac/valid-least-privilege.yaml' },
];

/** The over-privileged operator, with the findings one rule reports on it. */
export function rbacInvalid(errors: readonly ExpectedFinding[]): readonly InvalidCase[] {
  return [{ name: 'an operator with broad rules bound cluster-wide', fixture: 'fixtures/rules/rbac/invalid-risky-rbac.yaml', errors }];
}
