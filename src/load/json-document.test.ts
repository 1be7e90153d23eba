// buildJsonDocument without positions (JSON.parse, cluster snapshots) reads every value, position and problem as the
// YAML reading with positions does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildJsonDocument } from './build-values.js';

const LIMITS = { maxDepth: 256, maxExpandedNodes: 1_000_000 };

function bothReadings(text: string) {
  const [eager] = buildJsonDocument(text, 5, LIMITS, 'eager');
  const [lazy] = buildJsonDocument(text, 5, LIMITS, 'none');
  if (!eager || !lazy) throw new Error('no document');
  return { eager, lazy };
}

function expectSameReading(text: string): void {
  const { eager, lazy } = bothReadings(text);
  expect({ text, value: lazy.value, problems: lazy.problems }).toEqual({ text, value: eager.value, problems: eager.problems });
  const paths = [[], ...(typeof eager.value === 'object' && eager.value !== null ? Object.keys(eager.value).map((key) => [Array.isArray(eager.value) ? Number(key) : key]) : [])];
  for (const path of paths) expect(lazy.spans.find(path)).toEqual(eager.spans.find(path));
  expect(lazy.rootSpan).toEqual(eager.rootSpan);
}

describe('buildJsonDocument without positions', () => {
  it('reads generated JSON as the YAML reading does', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 5 }), fc.constantFrom(undefined, 2, '\t'), (value, indent) => expectSameReading(` ${JSON.stringify(value, null, indent)}\n`)), { numRuns: 300 });
  });

  it('reads the texts JSON.parse would read differently as the YAML reading does: duplicate keys, -0, deep nesting', () => {
    for (const text of ['{"a": 1, "a": 2}', '{"a": [-0, -0.0, 1e3, 1E+2, 0.5]}', '{"__proto__": {"x": 1}, "s": "\\u00e9\\/\\"x: y\\""}']) expectSameReading(text);
    expect(bothReadings('{"a": 1, "a": 2}').lazy.problems).not.toEqual([]);
    const deep = `${'['.repeat(300)}${']'.repeat(300)}`;
    expect(() => buildJsonDocument(deep, 0, LIMITS, 'none')).toThrow(/nesting exceeded/);
  });
});
