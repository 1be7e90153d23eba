import { describe, expect, it } from 'vitest';
import { errorMessage } from './field-error.js';
import { validatePriorityLevelConfiguration } from './flowcontrol.js';

const level = (name: string, spec: Record<string, unknown>, allowZeroShares = true): string[] => validatePriorityLevelConfiguration({ metadata: { name }, spec }, allowZeroShares).map(errorMessage);
const limited = (fields: Record<string, unknown>, allowZeroShares = true): string[] => level('broken-limited', { type: 'Limited', limited: { limitResponse: { type: 'Reject' }, ...fields } }, allowZeroShares);
const queuing = (fields: Record<string, unknown>): string[] => limited({ limitResponse: { type: 'Queue', queuing: fields } });

// upstream: pkg/apis/flowcontrol/validation/validation_test.go TestPriorityLevelConfigurationValidation,
// TestValidateLimitedPriorityLevelConfiguration, TestValidateLimitedPriorityLevelConfigurationWithBorrowing (v1.36)
describe('TestPriorityLevelConfigurationValidation', () => {
  it('accepts the exempt level and limited levels that reject or queue', () => {
    expect(level('exempt', { type: 'Exempt', exempt: { nominalConcurrencyShares: 0, lendablePercent: 0 } })).toEqual([]);
    expect(limited({ nominalConcurrencyShares: 100, lendablePercent: 50, borrowingLimitPercent: 300 })).toEqual([]);
    expect(queuing({ handSize: 6, queues: 128, queueLengthLimit: 50 })).toEqual([]);
  });

  it('the type is Exempt exactly for the level named exempt, with its own configuration only', () => {
    expect(level('exempt', { type: 'Limited', limited: { limitResponse: { type: 'Reject' } } })).toEqual(['spec.type: Invalid value: "Limited": type must be \'Exempt\' if and only if name is \'exempt\'']);
    expect(level('system-foo', { type: 'Exempt', limited: {} })).toEqual([
      'spec.type: Invalid value: "Exempt": type must be \'Exempt\' if and only if name is \'exempt\'',
      'spec.limited: Forbidden: must be nil if the type is not Limited',
    ]);
    expect(level('broken-limited', { type: 'Limited' })).toEqual(['spec.limited: Required value: must not be empty when type is Limited']);
    expect(level('broken-limited', { type: 'Limited', exempt: {}, limited: { limitResponse: { type: 'Reject' } } })).toEqual(['spec.exempt: Forbidden: must be nil if the type is Limited']);
    expect(level('broken', { type: 'Other' })).toEqual(['spec.type: Unsupported value: "Other": supported values: "Exempt", "Limited"']);
  });

  it('exempt priority level should have appropriate values for Exempt field', () => {
    expect(level('exempt', { type: 'Exempt', exempt: { nominalConcurrencyShares: -1, lendablePercent: 101 } })).toEqual([
      'spec.exempt.nominalConcurrencyShares: Invalid value: -1: must be a non-negative integer',
      'spec.exempt.lendablePercent: Invalid value: 101: must be between 0 and 100, inclusive',
    ]);
  });

  it('limit response and queuing (after v1 defaulting of zero queuing fields)', () => {
    expect(limited({ limitResponse: { type: 'Reject', queuing: {} } })).toEqual(['spec.limited.limitResponse.queuing: Forbidden: must be nil if limited.limitResponse.type is not Limited']);
    expect(limited({ limitResponse: { type: 'Queue' } })).toEqual(['spec.limited.limitResponse.queuing: Required value: must not be empty if limited.limitResponse.type is Limited']);
    expect(limited({ limitResponse: { type: 'Drop' } })).toEqual(['spec.limited.limitResponse.type: Unsupported value: "Drop": supported values: "Queue", "Reject"']);
    expect(queuing({ queues: 0, handSize: 0, queueLengthLimit: 0 })).toEqual([]);
    expect(queuing({ queues: -1, handSize: -1, queueLengthLimit: -1 })).toEqual([
      'spec.limited.limitResponse.queuing.queueLengthLimit: Invalid value: -1: must be positive',
      'spec.limited.limitResponse.queuing.queues: Invalid value: -1: must be positive',
      'spec.limited.limitResponse.queuing.handSize: Invalid value: -1: must be positive',
    ]);
    // the defaulted handSize 8 is checked against the 10001 queues too
    expect(queuing({ queues: 10001 })).toEqual([
      'spec.limited.limitResponse.queuing.queues: Invalid value: 10001: must not be greater than 10000',
      'spec.limited.limitResponse.queuing.handSize: Invalid value: 8: required entropy bits of deckSize 10001 and handSize 8 should not be greater than 60',
    ]);
    expect(queuing({ queues: 4, handSize: 5 })).toEqual(['spec.limited.limitResponse.queuing.handSize: Invalid value: 5: should not be greater than queues (4)']);
    expect(queuing({ queues: 128, handSize: 9 })).toEqual(['spec.limited.limitResponse.queuing.handSize: Invalid value: 9: required entropy bits of deckSize 128 and handSize 9 should not be greater than 60']);
  });
});

describe('TestValidateLimitedPriorityLevelConfiguration', () => {
  it('zero shares are allowed from 1.30 (v1, AllowZeroLimitedNominalConcurrencyShares), negative ones never', () => {
    expect(limited({ nominalConcurrencyShares: 0 })).toEqual([]);
    expect(limited({ nominalConcurrencyShares: -1 })).toEqual(['spec.limited.nominalConcurrencyShares: Invalid value: -1: must be a non-negative integer']);
    expect(limited({ nominalConcurrencyShares: 0 }, false)).toEqual(['spec.limited.nominalConcurrencyShares: Invalid value: 0: must be positive']);
  });

  it('WithBorrowing: lendablePercent within 0..100, borrowingLimitPercent not negative', () => {
    expect(limited({ lendablePercent: 101 })).toEqual(['spec.limited.lendablePercent: Invalid value: 101: must be between 0 and 100, inclusive']);
    expect(limited({ lendablePercent: -1 })).toEqual(['spec.limited.lendablePercent: Invalid value: -1: must be between 0 and 100, inclusive']);
    expect(limited({ borrowingLimitPercent: -1 })).toEqual(['spec.limited.borrowingLimitPercent: Invalid value: -1: if specified, must be a non-negative integer']);
    expect(limited({ borrowingLimitPercent: 0, lendablePercent: 100 })).toEqual([]);
  });
});
