// Properties of the whole pipeline on arbitrary input: check() never throws, never reports an internal error,
// points every finding at a line that exists, and gives the same report twice.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { check } from '../src/check.js';
import { loadManifests } from '../src/load/load-manifests.js';
import type { Report } from '../src/report/report.js';

/** The demo application with its Nodes: the scheduler runs on every mutant. */
const DEMO = ['fixtures/demo/app/shop.yaml', 'fixtures/demo/app/platform.yaml', 'fixtures/demo/cluster/nodes.yaml'];

/** Pieces of YAML syntax and Kubernetes vocabulary; random sequences of them reach deep into the parser. */
const TOKENS = [
  '-', '- ', ':', ': ', ' ', '  ', '\n', '\r\n', '\t', '[', ']', '{', '}', ',', '"', "'", '\\', '&a ', '*a', '!!str ', '!!int ', '!x ',
  '|', '>-', '#', '---\n', '...\n', '%YAML 1.1\n', '? ', '<<: *a', '\uFEFF', '~', 'null', 'yes', '0755', '1e400', '-1', '.inf',
  'apiVersion: v1\n', 'apiVersion: apps/v1\n', 'kind: Pod\n', 'kind: Deployment\n', 'kind: List\n', 'kind: Node\n', 'metadata:\n',
  '  name: x\n', 'spec:\n', '  containers:\n', '  - name: c\n', '    image: 1.0\n', '    resources: {requests: {cpu: -1}}\n',
  'items:\n', '  replicas: 3\n', 'template:\n', 'status:\n', '{{ .Values.x }}', 'é', '\u{1F600}',
];

const yamlish = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((tokens) => tokens.join(''));

async function checkText(text: string): Promise<Report> {
  return check(['-'], { readStdin: async () => Buffer.from(text) });
}

function expectSound(report: Report, text: string): void {
  const lines = text.split('\n').length;
  expect(report.findings.filter((finding) => finding.ruleId === 'internal-error')).toEqual([]);
  for (const finding of report.findings.filter((candidate) => candidate.file === '<stdin>')) {
    expect(finding.line).toBeGreaterThanOrEqual(1);
    expect(finding.endLine).toBeLessThanOrEqual(lines);
  }
}

/** The demo's documents as plain values, to mutate. */
async function demoValues(): Promise<unknown[]> {
  const { objects } = await loadManifests(DEMO);
  return objects.map((object) => structuredClone(object.value));
}

const hostileValue = fc.oneof(
  fc.constantFrom(null, -1, 0, 1e300, '', 'x', true, '1e400', '-5Gi', [], {}, [null], { '': null }),
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.double(),
);

/** Sets, replaces or deletes the value at a random path of `root` (paths are followed by index among entries). */
function mutate(root: unknown, steps: readonly number[], value: unknown, remove: boolean): unknown {
  if (typeof root !== 'object' || root === null || steps.length === 0) return value;
  const entries = Object.keys(root);
  if (entries.length === 0) return value;
  const key = entries[(steps[0] ?? 0) % entries.length] ?? '';
  const record = root as Record<string, unknown>;
  if (steps.length === 1 && remove) delete record[key];
  else record[key] = mutate(record[key], steps.slice(1), value, remove);
  return root;
}

const mutation = fc.record({
  document: fc.nat(),
  steps: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
  value: hostileValue,
  remove: fc.boolean(),
});

const textMutation = fc.record({ at: fc.nat(), length: fc.nat({ max: 40 }), insert: fc.constantFrom('', ...TOKENS) });

describe('check() on arbitrary input', () => {
  it('never throws on random YAML-ish text', async () => {
    await fc.assert(fc.asyncProperty(yamlish, async (text) => expectSound(await checkText(text), text)), { numRuns: 200 });
  });

  it('never throws on random mutations of valid manifests, and reports them the same way twice', async () => {
    const values = await demoValues();
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (mutations) => {
        const documents = structuredClone(values);
        for (const { document, steps, value, remove } of mutations) {
          const index = document % documents.length;
          documents[index] = mutate(documents[index], steps, value, remove);
        }
        const text = documents.map((document) => stringify(document)).join('---\n');
        const report = await checkText(text);
        expectSound(report, text);
        expect(JSON.stringify(await checkText(text))).toBe(JSON.stringify(report));
      }),
      { numRuns: 30 },
    );
  });

  it('never throws when the text of a valid manifest is cut, spliced or garbled', async () => {
    const original = DEMO.map((file) => readFileSync(file, 'utf8')).join('---\n');
    await fc.assert(
      fc.asyncProperty(fc.array(textMutation, { minLength: 1, maxLength: 5 }), async (edits) => {
        let text = original;
        for (const { at, length, insert } of edits) {
          const start = at % (text.length + 1);
          text = text.slice(0, start) + insert + text.slice(start + length);
        }
        expectSound(await checkText(text), text);
      }),
      { numRuns: 40 },
    );
  });
});
