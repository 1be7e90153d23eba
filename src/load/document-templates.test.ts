import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Path } from '../model/document.js';
import { buildDocuments, FastSpansOnDemand, type BuiltDocument } from './build-values.js';
import { DocumentTemplates } from './document-templates.js';
import { DEFAULT_LIMITS } from './load-manifests.js';
import { SharedValues } from './shared-values.js';

/** Scalar texts the fast reader reads in every way it can: strings, YAML 1.1 numbers, booleans and nulls, quotes, and texts that are no scalar at all. */
const SCALAR_TEXTS = [
  'node-00001', 'a', 'v1', '2026-11-20T22:03:46Z', '31900m', '128Gi', '"True"', "'x'", '"a b"', "'it''s'", '"a\\nb"', '1', '0', '-1', '+1',
  '0x1F', '0o17', '017', '1_000', '1e3', '.5', '.inf', '.nan', 'true', 'yes', 'No', 'on', '~', 'null', 'a:b', 'a:', 'a: b', 'a #b', 'a#b',
  '{}', '[]', '[a]', '-a', '- a', '&x a', '*x', '!x a', '|', '>', '%a', '@a', '`a', 'a b', '', ' a', 'a ', 'é', '9223372036854775808', '"a\rb"', "'a\rb'",
  '"a\\"b"', '"a\\\\b"', '"\\\\"', '"a\\\\\\"b"', '"{\\"k\\":\\"v\\"}"', '"a\\/b"', '"a\\tb"', '"a\\', '"a\\\\"b"',
];

/** A document layout: mapping entries whose values are scalars (by slot), nested mappings or sequences of scalars. */
interface Layout {
  readonly entries: readonly (readonly [string, 'scalar' | Layout | 'sequence'])[];
}

const layout: fc.Arbitrary<Layout> = fc.letrec<{ layout: Layout }>((tie) => ({
  layout: fc.record({
    entries: fc.uniqueArray(fc.tuple(fc.constantFrom('name', 'labels', 'spec', 'items', 'cpu', 'x', '1', 'status'), fc.oneof({ depthSize: 'small' }, fc.constant('scalar' as const), fc.constant('sequence' as const), tie('layout'))), {
      minLength: 1,
      maxLength: 4,
      selector: ([key]) => key,
    }),
  }),
})).layout;

/** The YAML text of `layout` with scalar texts taken in turn from `texts`. */
function render(shape: Layout, texts: readonly string[], indent = '', next = { at: 0 }): string {
  const take = () => texts[next.at++ % texts.length] ?? '';
  return shape.entries
    .map(([key, value]) => {
      if (value === 'scalar') return `${indent}${key}: ${take()}\n`;
      if (value === 'sequence') return `${indent}${key}:\n${indent}- ${take()}\n${indent}- ${take()}\n`;
      return `${indent}${key}:\n${render(value, texts, `${indent}  `, next)}`;
    })
    .join('');
}

/** Every path of a value (for spans looked up by path). */
function pathsOf(value: unknown, path: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [path];
  return [path, ...Object.entries(value).flatMap(([key, child]) => pathsOf(child, [...path, Array.isArray(value) ? Number(key) : key]))];
}

/** The reading of the usual path, undefined for a syntax error. */
function fullRead(text: string, offset: number): BuiltDocument | undefined {
  try {
    return buildDocuments(text, offset, DEFAULT_LIMITS, 'eager')[0];
  } catch {
    return undefined;
  }
}

const spansOf = (document: BuiltDocument) => [document.rootSpan, ...pathsOf(document.value).map((path) => document.spans.find(path))];

describe('DocumentTemplates', () => {
  it('reads documents of one layout with any scalars as the fast reader and the full path read them', () => {
    const texts = fc.array(fc.constantFrom(...SCALAR_TEXTS), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(layout, fc.array(texts, { minLength: 2, maxLength: 6 }), (shape, documents) => {
        const templates = new DocumentTemplates(new SharedValues());
        let offset = 0;
        for (const scalars of documents) {
          const text = `---\n${render(shape, scalars)}`;
          const read = templates.read(text, offset, DEFAULT_LIMITS);
          const expected = fullRead(text, offset);
          if (read) {
            expect(expected?.problems).toEqual([]);
            expect(read.value).toStrictEqual(expected?.value);
            expect(spansOf(read)).toStrictEqual(expected && spansOf(expected));
          }
          offset += text.length;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads repeated Nodes as copies of the first, sharing what did not change', () => {
    const node = (index: number, cpu: string) =>
      `apiVersion: v1\nkind: Node\nmetadata:\n  name: node-${index}\n  labels:\n    kubernetes.io/hostname: node-${index}\n    zone: a\nstatus:\n  allocatable:\n    cpu: ${cpu}\n    memory: 16Gi\n  conditions:\n    - type: Ready\n      status: "True"\n      lastHeartbeatTime: 2026-11-2${index}T00:00:00Z\n`;
    const templates = new DocumentTemplates(new SharedValues());
    const read = ['4', '8', '4', '8', '8'].map((cpu, index) => templates.read(node(index, cpu), 0, DEFAULT_LIMITS)?.value as { metadata: unknown; status: { allocatable: unknown } });
    expect(read).toStrictEqual(['4', '8', '4', '8', '8'].map((cpu, index) => buildDocuments(node(index, cpu), 0, DEFAULT_LIMITS)[0]?.value));
    expect(read[4]?.status.allocatable).toBe(read[3]?.status.allocatable);
    expect(read[2]?.status.allocatable).toBe(read[0]?.status.allocatable);
    expect(read[1]?.metadata).not.toBe(read[0]?.metadata);
  });

  it('reads copies that change the leaves the copy before changed, fewer of them, others, or none, as the full path does', () => {
    const node = (name: string, zone: string, time: string, cpu: string) =>
      `apiVersion: v1\nkind: Node\nmetadata:\n  name: ${name}\n  labels:\n    zone: ${zone}\nstatus:\n  allocatable:\n    cpu: ${cpu}\n  conditions:\n    - type: Ready\n      lastHeartbeatTime: ${time}\n`;
    const texts = [
      node('a', 'z1', '2026-11-20T00:00:00Z', '4'),
      node('b', 'z2', '2026-11-21T00:00:00Z', '4'), // name, zone and time change: the copies after expect those
      node('c', 'z2', '2026-11-22T00:00:00Z', '4'), // the zone as the template's: no change there
      node('d', 'z3', '2026-11-23T00:00:00Z', '8'), // cpu too, which the copy before did not change
      node('a', 'z1', '2026-11-20T00:00:00Z', '4'), // the template's own text
      node('e', 'z1', '"quoted"', '4'),
      node('f', 'z1', 'a: b', '4'), // no scalar the fast reader reads alike: no copy
    ];
    const templates = new DocumentTemplates(new SharedValues());
    const read = texts.map((text) => templates.read(text, 0, DEFAULT_LIMITS));
    expect(read.slice(0, 6).map((document) => document?.value)).toStrictEqual(texts.slice(0, 6).map((text) => buildDocuments(text, 0, DEFAULT_LIMITS)[0]?.value));
    expect(read.map((document) => document instanceof FastSpansOnDemand)).toEqual([false, true, true, true, true, true, false]);
  });

  it('reads Nodes whose annotation holds JSON (escaped quotes) as copies, not as layouts of their own', () => {
    const node = (index: number) => `apiVersion: v1\nkind: Node\nmetadata:\n  name: node-${index}\n  annotations:\n    csi.volume.kubernetes.io/nodeid: "{\\"ebs.csi.aws.com\\":\\"i-${index}\\\\\\"}"\n`;
    const templates = new DocumentTemplates(new SharedValues());
    const read = [0, 1, 2].map((index) => templates.read(node(index), 0, DEFAULT_LIMITS));
    expect(read.map((document) => document?.value)).toStrictEqual([0, 1, 2].map((index) => buildDocuments(node(index), 0, DEFAULT_LIMITS)[0]?.value));
    expect((read[2]?.value as { metadata: { annotations: Record<string, string> } }).metadata.annotations).toEqual({ 'csi.volume.kubernetes.io/nodeid': '{"ebs.csi.aws.com":"i-2\\"}' });
    expect(read.map((document) => document instanceof FastSpansOnDemand)).toEqual([false, true, true]);
  });

  it('places a finding even when the fast reader refuses a text it never read (the full reader answers)', () => {
    // a lone CR: the fast reader refuses it, so only a templated document could reach the lazy spans with it
    const text = 'a:\n  b: "x\ry"\n  c: 1\n';
    const spans = new FastSpansOnDemand(text, 10, DEFAULT_LIMITS);
    const full = buildDocuments(text, 10, DEFAULT_LIMITS, 'eager')[0];
    expect(spans.find(['a', 'c']).span).toEqual(full?.spans.find(['a', 'c']).span);
    expect(spans.rootSpan).toEqual(full?.rootSpan);
  });
});
