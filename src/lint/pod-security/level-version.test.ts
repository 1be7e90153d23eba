// The enforced level and version read from Namespace labels (upstream: api/helpers_test.go TestParseVersion,
// TestPolicyToEvaluate, enforce side).
import { describe, expect, it } from 'vitest';
import { enforcedPolicy, formatLevelVersion } from './level-version.js';

const enforce = (level?: string, version?: string) =>
  formatLevelVersion(
    enforcedPolicy({
      ...(level !== undefined && { 'pod-security.kubernetes.io/enforce': level }),
      ...(version !== undefined && { 'pod-security.kubernetes.io/enforce-version': version }),
    }),
  );

describe('enforcedPolicy', () => {
  it.each([
    ['no labels', undefined, undefined, 'privileged:latest'],
    ['simple enforce', 'baseline', undefined, 'baseline:latest'],
    ['enforce version', 'baseline', 'v1.22', 'baseline:v1.22'],
    ['enforce error: an unknown level fails closed to restricted', 'foo', undefined, 'restricted:latest'],
    ['a version without a level enforces privileged', undefined, 'v1.25', 'privileged:v1.25'],
    ['an unknown version is latest', 'restricted', 'v1.x', 'restricted:latest'],
  ])('%s', (_, level, version, want) => {
    expect(enforce(level, version)).toBe(want);
  });
});

describe('TestParseVersion (enforce-version)', () => {
  it.each([
    ['latest', 'latest'],
    ['v1.0', 'v1.0'],
    ['v1.1', 'v1.1'],
    ['v1.20', 'v1.20'],
    ['v1.10000', 'v1.10000'],
  ])('parses %s', (text, want) => {
    expect(enforce('restricted', text)).toBe(`restricted:${want}`);
  });

  it.each(['foo', '', 'v2.0', 'v1', '1.1', 'v1.01', 'v1.99999999999999999999'])('falls back to latest for %j', (text) => {
    expect(enforce('restricted', text)).toBe('restricted:latest');
  });
});
