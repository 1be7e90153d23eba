// Hostile but small inputs, committed under fixtures/hostile/: each is checked beside a healthy control file.
import { describe, expect, it } from 'vitest';
import { loadManifests } from '../src/load/load-manifests.js';
import { checkBesideControl, errorPositions, expectLinesExist, loadFindings } from './hostile/hostile-run.js';

interface HostileCase {
  readonly file: string;
  /** The loader's findings in the file, `line:col ruleId: message`. */
  readonly load: readonly string[];
  /** metadata.name of every object that survives, in input order. */
  readonly objects: readonly string[];
}

const AROUND = ['before', 'after'];

const CASES: readonly HostileCase[] = [
  { file: 'tab-indentation.yaml', load: ['9:1 yaml-syntax: found character that cannot start any token'], objects: AROUND },
  { file: 'unclosed-double-quote.yaml', load: ['9:9 yaml-syntax: found unexpected end of stream'], objects: AROUND },
  { file: 'unclosed-single-quote.yaml', load: ['9:9 yaml-syntax: found unexpected end of stream'], objects: AROUND },
  {
    file: 'unclosed-flow-sequence.yaml',
    load: ["11:5 yaml-syntax: did not find expected ',' or ']'"],
    objects: AROUND,
  },
  {
    file: 'unclosed-flow-mapping.yaml',
    load: ["8:11 yaml-syntax: did not find expected ',' or '}'"],
    objects: AROUND,
  },
  { file: 'bad-indentation.yaml', load: ['10:10 yaml-syntax: mapping values are not allowed in this context'], objects: AROUND },
  { file: 'invalid-escape.yaml', load: ['11:13 yaml-syntax: found unknown escape character'], objects: AROUND },
  { file: 'unknown-alias.yaml', load: ["11:8 yaml-syntax: unknown anchor 'missing' referenced"], objects: ['before', 'alias', 'after'] },
  { file: 'stray-bracket.yaml', load: ['10:1 yaml-syntax: did not find expected key'], objects: AROUND },
  { file: 'empty.yaml', load: [], objects: [] },
  { file: 'whitespace-only.yaml', load: [], objects: [] },
  { file: 'comments-only.yaml', load: [], objects: [] },
  { file: 'dashes-only.yaml', load: [], objects: [] },
  // go-yaml: a document that starts with "..." has no node (kubectl: "did not find expected node content")
  { file: 'separators-only.yaml', load: ['3:1 yaml-syntax: did not find expected node content (the document starts with "...")'], objects: [] },
  {
    file: 'duplicate-keys.yaml',
    load: ['5:3 duplicate-key: duplicate key "name"', '10:5 duplicate-key: duplicate key "image"', '11:3 duplicate-key: duplicate key "containers"'],
    objects: ['second'],
  },
  {
    file: 'json-with-comments.json',
    load: ['2:3 yaml-syntax: comments are not allowed in JSON (kubectl rejects this file)', '5:37 yaml-syntax: comments are not allowed in JSON (kubectl rejects this file)'],
    objects: ['commented'],
  },
  { file: 'numbers-for-strings.yaml', load: [], objects: [''] },
  { file: 'nulls-everywhere.yaml', load: [], objects: ['nulls'] },
  {
    file: 'absurd-quantities.yaml',
    load: ['21:21 yaml-syntax: json: unsupported value: +Inf (kubectl cannot convert .inf to JSON)', '21:35 yaml-syntax: json: unsupported value: NaN (kubectl cannot convert .nan to JSON)'],
    objects: ['quantities'],
  },
  {
    file: 'unknown-kinds.yaml',
    load: [
      '13:1 type-meta-missing: kind not set: kubectl rejects the document',
      '18:1 type-meta-missing: apiVersion isn\'t string type: kubectl rejects the document',
      '23:1 not-kubernetes: document has no kind; skipped',
    ],
    objects: ['unknown-core', 'not-really-a-pod'],
  },
  { file: 'nested-lists.yaml', load: [5, 33].map((line) => `${line}:3 yaml-syntax: *unstructured.Unstructured is not a list: no Items field in this object (kubectl cannot flatten a List nested in a List, so none of its items is applied)`), objects: [] },
  { file: 'custom-resources.yaml', load: [], objects: ['widgets.example.com', 'gadget', 'listed'] },
  { file: 'missing-metadata.yaml', load: [], objects: ['', '', '', ''] },
  { file: 'huge-replicas.yaml', load: [], objects: ['huge-set', 'huge-claims', 'huge-job'] },
  { file: 'zero-containers.yaml', load: [], objects: ['no-containers', 'null-containers', 'no-spec', 'empty-template', 'no-job-template'] },
  {
    file: 'odd-yaml.yaml',
    load: [
      '1:1 yaml-syntax: did not find expected <document start>: kubectl splits the file at "---" lines, so a directive cannot precede a document',
      '8:3 yaml-syntax: invalid map key: a sequence cannot be a JSON object key',
    ],
    objects: ['after-directive', 'complex-key', 'proto-keys', 'tags', 'merge-keys'],
  },
  {
    file: 'wrong-shapes.yaml',
    // kubectl decodes a List's items as []json.RawMessage, then each item as an object: either failure loses the List
    load: [
      '55:8 yaml-syntax: json: cannot unmarshal number into Go struct field decodeList.items of type []json.RawMessage (kubectl cannot decode this List)',
      '59:9 yaml-syntax: json: cannot unmarshal number into Go value of type map[string]interface {} (kubectl cannot decode this List)',
    ],
    objects: ['wrong-shapes', 'scalar-template', 'containers-not-a-list', 'negative-replicas', 'absurd-parallelism'],
  },
];

describe('hostile inputs through check()', () => {
  it.each(CASES)('$file: loader findings at their positions, the control file untouched', async ({ file, load, objects }) => {
    const path = `fixtures/hostile/${file}`;
    const report = await checkBesideControl([path]);
    expect(loadFindings(report, path)).toEqual(load);
    await expectLinesExist(report, path);
    const loaded = await loadManifests([path]);
    expect(loaded.objects.map((object) => object.ref.name)).toEqual(objects);
  });

  it.each([
    ['numbers-for-strings.yaml', ['4:9', '5:14', '7:10', '8:14', '10:12', '12:23', '14:11', '16:11', '17:12', '18:15', '18:18', '19:12', '21:13', '22:14', '24:22', '25:13']],
    ['absurd-quantities.yaml', ['20:23', '20:35', '20:58', '21:21', '21:35', '21:60']],
    ['nulls-everywhere.yaml', ['34:11', '43:9']],
    ['missing-metadata.yaml', ['10:11', '20:11']],
    ['unknown-kinds.yaml', ['2:7']],
  ])('%s: every value of the wrong type or shape is an error at its own position', async (file, positions) => {
    const path = `fixtures/hostile/${file}`;
    const found = errorPositions(await checkBesideControl([path]), path);
    for (const position of positions) expect(found, position).toContain(position);
  });

  it('schedules every hostile workload against the demo cluster without an internal error', async () => {
    const paths = CASES.map(({ file }) => `fixtures/hostile/${file}`);
    const report = await checkBesideControl(paths, { cluster: ['fixtures/demo/cluster'] });
    expect(report.scheduling.length).toBeGreaterThan(10);
    for (const result of report.scheduling) {
      const placed = Object.values(result.placement.nodes).reduce((sum, count) => sum + count, 0);
      expect(placed + result.placement.unschedulable).toBe(result.replicas);
    }
  });

  it('keeps keys such as __proto__ as plain data', async () => {
    const { objects } = await loadManifests(['fixtures/hostile/odd-yaml.yaml']);
    const proto = objects.find((object) => object.ref.name === 'proto-keys');
    expect(Object.keys(proto?.value ?? {})).toEqual(['__proto__', 'constructor', 'apiVersion', 'kind', 'metadata']);
    expect(Object.getPrototypeOf(proto?.value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('analyses all hostile files in one run without losing any', async () => {
    const paths = CASES.map(({ file }) => `fixtures/hostile/${file}`);
    const report = await checkBesideControl(paths);
    for (const { file, load } of CASES) expect(loadFindings(report, `fixtures/hostile/${file}`)).toEqual(load);
    expect(report.summary.files).toBe(CASES.length + 1);
  });
});
