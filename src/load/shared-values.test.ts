import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SharedValues } from './shared-values.js';
import { collectGarbage, externalTextBytes } from './test-support.js';

const node = (name: string) => ({
  metadata: { name, labels: { 'kubernetes.io/hostname': name, zone: 'a' } },
  spec: {},
  status: { allocatable: { cpu: '4', memory: '16Gi' }, conditions: [{ type: 'Ready', status: 'True' }] },
});

describe('SharedValues', () => {
  it('shares equal subtrees once their entries were seen before, and keeps unique ones apart', () => {
    const shared = new SharedValues();
    const names = ['a', 'b', 'c', 'd', 'e'];
    const nodes = names.map((name) => {
      shared.startDocument();
      return shared.share(node(name)) as ReturnType<typeof node>;
    });
    expect(nodes).toStrictEqual(names.map(node));
    expect(nodes[4]?.status).toBe(nodes[3]?.status);
    expect(nodes[2]?.status.allocatable).toBe(nodes[1]?.status.allocatable);
    expect(nodes[1]?.spec).toBe(nodes[0]?.spec);
    expect(nodes[4]?.metadata).not.toBe(nodes[3]?.metadata);
  });

  it('does not look up a collection holding a string first seen in the same document (it cannot repeat there)', () => {
    const shared = new SharedValues();
    const documents = [0, 1, 2].map(() => {
      shared.startDocument();
      return shared.share({ name: 'node-a', labels: { hostname: 'node-a' } }) as { labels: object };
    });
    expect(documents[1]?.labels).not.toBe(documents[0]?.labels);
    expect(documents[2]?.labels).toBe(documents[1]?.labels);
  });

  it('keeps no view of the text its strings were cut from (a snapshot file\'s text goes once it is read)', async () => {
    const shared = new SharedValues();
    const line = 'lastHeartbeatTime: 2026-11-20T22:03:46Z\n';
    // a 16 MB text outside the heap (as Buffer decodes a large file), and values that are V8 slices (views) of it
    const read = (): unknown[] => {
      const text = Buffer.alloc(16 * 1024 * 1024, line).toString('latin1');
      return [0, 1, 2].map((index) => {
        shared.startDocument();
        const at = index * line.length * 1000 + 19;
        return shared.share({ status: { conditions: [{ lastHeartbeatTime: text.slice(at, at + 20), message: text.slice(at - 19, at + 20) }] } });
      });
    };
    await collectGarbage();
    const before = externalTextBytes();
    const values = read();
    await collectGarbage();
    expect(values).toHaveLength(3);
    expect(externalTextBytes() - before).toBeLessThan(4 * 1024 * 1024);
  });

  it('tells apart values that only print alike', () => {
    const shared = new SharedValues();
    const values = [{ a: 1 }, { a: '1' }, { a: -0 }, { a: 0 }, { a: null }, { a: 'null' }, { a: true }, { a: 'true' }, { a: [] }, { a: {} }, ['a'], { 0: 'a' }, { b: 1, c: 2 }, { c: 2, b: 1 }];
    const out = [0, 1, 2].flatMap(() => values.map((value) => shared.share(structuredClone(value))));
    expect(out).toStrictEqual([...values, ...values, ...values]);
    const isNegativeZero = (value: unknown) => Object.is((value as { a?: unknown }).a, -0);
    expect(out.map(isNegativeZero)).toEqual([...values, ...values, ...values].map(isNegativeZero));
  });

  it('gives values equal to the ones it was given, whatever they hold', () => {
    const scalar = fc.oneof(fc.constantFrom('a', 'b', '1', 'true', ''), fc.constantFrom(0, -0, 1, 1.5, Number.NaN), fc.boolean(), fc.constant(null));
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(fc.constantFrom('a', 'b', 'c', '0'), tie('value'), { maxKeys: 3 })),
    }));
    fc.assert(fc.property(fc.array(value, { maxLength: 8 }), (values) => {
      const shared = new SharedValues();
      const given = structuredClone(values);
      const out = structuredClone(values).map((item) => shared.share(item));
      expect(out).toStrictEqual(given);
    }));
  });
});
