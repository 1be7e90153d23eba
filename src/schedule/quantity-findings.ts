// Malformed quantities met by the scheduler, as findings (the scheduler treats them as absent).
import { findingAt, type Finding } from '../model/finding.js';
import type { KubeObject } from '../model/object.js';
import { parseQuantity } from '../model/quantity.js';
import type { RuleMeta } from '../model/rule-meta.js';
import type { QuantityProblem } from './resources.js';

export const INVALID_QUANTITY: RuleMeta = {
  id: 'invalid-quantity',
  severity: 'error',
  category: 'scheduling',
  description: 'a resource quantity is not a valid Kubernetes quantity, or is negative',
  rationale:
    'The API server rejects an object whose requests, limits, overhead or allocatable hold a malformed or negative quantity. ' +
    'The scheduling dry-run cannot know what was meant, so it treats the value as absent and its verdicts may be wrong.',
  remediation: 'Write the quantity as a number with an optional suffix, such as 500m, 2, 128Mi or 1Gi.',
  defaultOn: true,
};

export function quantityFindings(object: KubeObject, problems: readonly QuantityProblem[]): Finding[] {
  return problems.map((problem) =>
    findingAt(object, problem.path, {
      ruleId: INVALID_QUANTITY.id,
      severity: INVALID_QUANTITY.severity,
      message: `${problemText(problem.value)}: the scheduling dry-run treats it as absent`,
    }),
  );
}

// upstream: pkg/apis/core/validation/validation.go ValidateNonnegativeQuantity (isNegativeErrorMsg)
function problemText(value: unknown): string {
  return parseQuantity(value) ? `quantity ${JSON.stringify(value)} must be greater than or equal to 0` : `invalid quantity ${JSON.stringify(value)}`;
}
