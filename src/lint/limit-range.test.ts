import { describe, expect, it } from 'vitest';
import { limitViolations, quantities, type LimitViolation } from './limit-range.js';

/** One bound of a LimitRange item against a request and a limit, as upstream's constraint functions take them. */
const violations = (constraint: LimitViolation['constraint'], bound: string, request?: string, limit?: string) =>
  limitViolations({ [constraint]: { memory: bound } }, quantities(request === undefined ? {} : { memory: request }), quantities(limit === undefined ? {} : { memory: limit }))
    .map(({ kind, field }) => `${kind} ${field}`);

// upstream: plugin/pkg/admission/limitranger/admission.go minConstraint, maxConstraint, limitRequestRatioConstraint:
// each returns at most one error, checked in this order
describe('limitViolations', () => {
  it.each([
    ['min', '1Gi', undefined, '2Gi', ['missing request']],
    ['min', '1Gi', '512Mi', '512Mi', ['outside request']],
    ['min', '1Gi', '1Gi', '512Mi', ['outside limit']],
    ['min', '1Gi', '1Gi', undefined, []],
    ['max', '1Gi', '512Mi', undefined, ['missing limit']],
    ['max', '1Gi', '2Gi', '2Gi', ['outside limit']],
    ['max', '1Gi', '2Gi', '1Gi', ['outside request']],
    ['max', '1Gi', undefined, '1Gi', []],
    ['maxLimitRequestRatio', '2', '0', '1Gi', ['missing request']],
    ['maxLimitRequestRatio', '2', '512Mi', undefined, ['missing limit']],
    ['maxLimitRequestRatio', '2', '512Mi', '0', ['missing limit']],
    ['maxLimitRequestRatio', '2', '512Mi', '1025Mi', ['outside limit']],
    ['maxLimitRequestRatio', '2', '512Mi', '1Gi', []],
    ['maxLimitRequestRatio', '1500m', '2', '3', []],
  ] as const)('%s %s, request %s, limit %s', (constraint, bound, request, limit, want) => {
    expect(violations(constraint, bound, request, limit)).toEqual(want);
  });

  it('skips a bound that is not a quantity (the schema check reports it)', () => {
    expect(violations('max', 'lots', '2Gi', '2Gi')).toEqual([]);
  });
});
