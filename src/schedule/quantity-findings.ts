// Malformed quantities met by the scheduler, as findings (the scheduler treats them as absent).
import { findingAt, type Finding } from '../model/finding.js';
import type { KubeObject } from '../model/object.js';
import type { RuleMeta } from '../model/rule-meta.js';
import type { QuantityProblem } from './resources.js';

export const INVALID_QUANTITY: RuleMeta = {
  id: 'invalid-quantity',
  severity: 'error',
  category: 'scheduling',
  description: 'a resource quantity is not a valid Kubernetes quantity',
  rationale:
    'The API server rejects an object whose requests, limits, overhead or allocatable hold a malformed quantity. ' +
    'The scheduling dry-run cannot know what was meant, so it treats the value as absent and its verdicts may be wrong.',
  remediation: 'Write the quantity as a number with an optional suffix, such as 500m, 2, 128Mi or 1Gi.',
  defaultOn: true,
};

export function quantityFindings(object: KubeObject, problems: readonly QuantityProblem[]): Finding[] {
  return problems.map((problem) =>
    findingAt(object, problem.path, {
      ruleId: INVALID_QUANTITY.id,
      severity: INVALID_QUANTITY.severity,
      message: `invalid quantity ${JSON.stringify(problem.value)}: the scheduling dry-run treats it as absent`,
    }),
  );
}
