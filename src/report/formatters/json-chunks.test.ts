import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIXTURE_CONTEXT, FIXTURE_REPORT } from '../../../test/format-fixture.js';
import { jsonChunks } from './json-chunks.js';
import { formatJson } from './json.js';

describe('jsonChunks', () => {
  it('writes exactly what JSON.stringify(value, null, 2) writes, at every streaming depth', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 5 }), (value, depth) => {
        expect(String(jsonChunks(value, depth))).toBe(`${JSON.stringify(value, null, 2)}\n`);
      }),
    );
  });

  it('writes records that share member objects (the nodes of a large cluster) exactly as JSON.stringify writes them', () => {
    const pool = fc.array(fc.oneof(fc.jsonValue(), fc.constant({}), fc.constant([]), fc.constant(new Date(0)), fc.constant({ toJSON: () => 'x' }), fc.constant(undefined)), { minLength: 1, maxLength: 4 });
    const keys = fc.constantFrom('name', 'allocatable', 'placed', '__proto__', '1', 'a"b');
    const records = (members: unknown[]) => fc.array(fc.oneof(fc.dictionary(keys, fc.nat({ max: members.length - 1 }).map((at) => members[at])), fc.jsonValue()), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(pool.chain((members) => records(members)), fc.integer({ min: 1, max: 3 }), (items, depth) => {
        // the first records share an object member, so the array takes the shared path
        const shared = { cpu: 1, memory: [1, { a: null }] };
        const value = { nodes: [{ name: 'a', allocatable: shared }, { name: 'b', allocatable: shared }, ...items] };
        expect(String(jsonChunks(value, depth))).toBe(`${JSON.stringify(value, null, 2)}\n`);
      }),
    );
  });

  it('omits undefined members, writes null for undefined array items and uses toJSON', () => {
    const value = { a: undefined, b: [undefined, () => 1, new Date(0)], c: { toJSON: () => 'x' }, d: {}, e: [] };
    for (const depth of [2, 3]) expect(String(jsonChunks(value, depth))).toBe(`${JSON.stringify(value, null, 2)}\n`);
  });

  it('formats the fixture report as the JSON contract', () => {
    expect(String(formatJson(FIXTURE_REPORT, FIXTURE_CONTEXT))).toBe(`${JSON.stringify(FIXTURE_REPORT, null, 2)}\n`);
  });

  it('writes a report longer than the longest string V8 can build, in chunks', () => {
    const finding = { message: 'x'.repeat(1000) };
    const report = { findings: Array.from({ length: 600_000 }, () => finding) };
    let chars = 0;
    let largest = 0;
    for (const chunk of jsonChunks(report, 2)) {
      chars += chunk.length;
      largest = Math.max(largest, chunk.length);
    }
    expect(chars).toBeGreaterThan(2 ** 29);
    expect(largest).toBeLessThan(70_000);
  });
});
