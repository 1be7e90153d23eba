// buildJsonDocument without positions (JSON.parse, cluster snapshots) reads every value, position and problem as the
// YAML reading with positions does.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { buildJsonDocument } from './build-values.js';
import { jsYaml } from './js-yaml.js';
import { parseDocuments } from './parse-documents.js';
import { SourceText } from './source-text.js';

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

  it('refuses a number that overflows float64, as encoding/json does (JSON.parse reads Infinity, YAML a string)', () => {
    for (const text of ['{"a": 1e400}', '{"a": [-1.5E+400]}', `{"a": ${'9'.repeat(400)}}`, '{"a": 1e-400, "b": 1e308}']) expectSameReading(text);
    expect(bothReadings('{"spec": {"replicas": 1e400}}').lazy.problems).toEqual([
      { kind: 'decode', message: 'json: cannot unmarshal number 1e400 into Go value of type float64', start: 27, end: 32 },
    ]);
    expect(bothReadings('{"a": [-1.5E+400]}').eager.problems.map((problem) => problem.message)).toEqual(['json: cannot unmarshal number -1.5E+400 into Go value of type float64']);
    expect(bothReadings('{"a": 1e-400, "b": 1e308}').eager).toMatchObject({ value: { a: 0, b: 1e308 }, problems: [] });
  });

  // sigs.k8s.io/json decode.go literalInterface: convertNumber's error is saved as the number is read (saveError), so
  // a value a later key of the same name replaces still fails the document (kubectl's unstructured decoding)
  it('refuses an overflowing number under a key written again, escaped or not, in either order', () => {
    const cases: [string, string][] = [
      ['{"a": "1", "\\u0061": 1e400}', '1e400'],
      ['{"\\u0061": 1e400, "a": "1"}', '1e400'],
      ['{"a": 1e400, "\\u0061": "1"}', '1e400'],
      ['{"d": {"\\u00e9": 2, "\\u00E9": -1e999}}', '-1e999'],
    ];
    for (const [text, number] of cases) {
      expectSameReading(text);
      const decode = { kind: 'decode', message: `json: cannot unmarshal number ${number} into Go value of type float64`, start: 5 + text.indexOf(number) };
      expect(bothReadings(text).lazy.problems).toEqual(expect.arrayContaining([expect.objectContaining(decode), expect.objectContaining({ kind: 'duplicate-key' })]));
    }
  });

  it('reads an escaped surrogate that starts no pair as U+FFFD, as encoding/json does (values from the oracle)', () => {
    const cases: [string, unknown][] = [
      ['{"a": "\\ud800"}', { a: '\ufffd' }],
      ['{"a": "\\udc00"}', { a: '\ufffd' }],
      ['{"a": "\\ud800\\u0041"}', { a: '\ufffdA' }],
      ['{"a": "\\udc00\\ud800"}', { a: '\ufffd\ufffd' }],
      ['{"a": "\\ud83d\\ud83d\\ude00"}', { a: '\ufffd\u{1f600}' }],
      ['{"a": "\\uD83D\\uDE00", "\\udfff": ["\\uDBFF"]}', { a: '\u{1f600}', '\ufffd': ['\ufffd'] }],
    ];
    for (const [text, value] of cases) {
      expectSameReading(text);
      expect(bothReadings(text).lazy).toMatchObject({ value, problems: [] });
    }
    // two keys that both decode to U+FFFD are one key written twice
    expect(bothReadings('{"\\ud800": 1, "\\udbff": 2}').lazy.problems.map((problem) => problem.message)).toEqual(['duplicate key "\ufffd"']);
  });
});

describe('a JSON cluster snapshot (kubectl get -o json)', () => {
  it('counts keys exactly where one has white space before its colon or a string holds `":`', () => {
    for (const text of ['{"a" : 1, "a": 2}', '{"s": "x\\":y", "a": 1, "a": 2}', '{"s": "x\\":y", "a": 1}', '{"a"\n:\t1, "b": {"c"\r: 2}}', '{"a": "\\\\", "a": 1}', '{"a\\\\": 1, "b": 2, "b": 3}', '{"s": ":x", "b": 1, "b": 2}', '{"s": "\\\\\\":", "b": 1}']) expectSameReading(text);
    expect(bothReadings('{"a\\\\": 1, "b": 2, "b": 3}').lazy.problems).not.toEqual([]);
    expect(bothReadings('{"s": ":x", "b": 1, "b": 2}').lazy.problems).not.toEqual([]);
    expect(bothReadings('{"a" : 1, "a": 2}').lazy.problems).not.toEqual([]);
    expect(bothReadings('{"s": "x\\":y", "a": 1, "a": 2}').lazy.problems).not.toEqual([]);
    expect(bothReadings('{"s": "x\\":y", "a": 1}').lazy.problems).toEqual([]);
  });

  it('is read by JSON.parse alone, the YAML reading only when a position is asked for', () => {
    // an annotation holding JSON writes `\":` inside a string: the keys are then counted exactly, still without js-yaml
    const annotations = { 'csi.volume.kubernetes.io/nodeid': '{"ebs.csi.aws.com":"i-0123"}' };
    const items = Array.from({ length: 3 }, (_, index) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name: `node-${index}`, annotations } }));
    const text = JSON.stringify({ apiVersion: 'v1', kind: 'List', items }, null, 4);
    const events = vi.spyOn(jsYaml(), 'parseEvents');
    try {
      const { documents, findings } = parseDocuments(new SourceText('cluster.json', text), { ...LIMITS, maxDocuments: 10 }, 'none');
      expect(findings).toEqual([]);
      expect(documents.map((document) => document.value)).toEqual([JSON.parse(text)]);
      expect(events).not.toHaveBeenCalled();
      expect(documents[0]?.rangeOf(['items', 2, 'metadata', 'name'])).toMatchObject({ line: 29, column: 25 });
      expect(events).toHaveBeenCalledTimes(1);
    } finally {
      events.mockRestore();
    }
  });

  it('reads a whole JSON file as the reading with positions does: values, duplicate keys, numbers and nesting', () => {
    const limits = { ...LIMITS, maxDocuments: 10 };
    const read = (text: string, positions: 'none' | 'eager') => {
      const { documents, findings } = parseDocuments(new SourceText('cluster.json', text), limits, positions);
      return { values: documents.map((document) => document.value), findings };
    };
    const entry = fc.tuple(fc.constantFrom('a', 'b', 'metadata', 's\\"', 'x:y'), fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(-0, '{"k":"v"}', ':', '\\')));
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 6 }), fc.constantFrom('', ' ', '\n'), fc.constantFrom(undefined, 2), (entries, space, indent) => {
        const body = entries.map(([key, value]) => `${JSON.stringify(key)}${space}: ${JSON.stringify(value, null, indent)}`).join(', ');
        const text = `\n{"apiVersion": "v1", "kind": "Node"${body === '' ? '' : `, ${body}`}}\n`;
        expect(read(text, 'none')).toEqual(read(text, 'eager'));
      }),
      { numRuns: 300 },
    );
  });

  it('counts the values JSON.parse read against the limit of one document', () => {
    const text = (count: number) => JSON.stringify({ apiVersion: 'v1', kind: 'List', items: Array.from({ length: count }, () => [0]) });
    const read = (count: number) => parseDocuments(new SourceText('cluster.json', text(count)), { maxDepth: 256, maxExpandedNodes: 100, maxDocuments: 10 }, 'none');
    // the List, its three entries and two values per item
    expect(read(48)).toMatchObject({ documents: [{ value: { kind: 'List' } }], findings: [] });
    expect(read(49)).toMatchObject({ documents: [], findings: [{ ruleId: 'too-large', message: 'document has more than 100 values; it is not parsed', line: 1, column: 1 }] });
  });
});
