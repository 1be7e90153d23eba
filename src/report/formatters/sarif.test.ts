import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { FIXTURE_CONTEXT, FIXTURE_REPORT } from '../../../test/format-fixture.js';
import { runCli } from '../../../test/run-cli.js';
import type { Report } from '../report.js';
import { formatSarif } from './sarif.js';

// The SARIF 2.1.0 JSON Schema (OASIS), as shipped in the MIT-licensed @microsoft/jest-sarif package: not vendored,
// because the OASIS IPR terms that govern the schema are not an open-source licence this repository can carry.
const schemaPath = createRequire(import.meta.url).resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
// both packages are CommonJS: their default export is the module object
const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false }) // the schema's language pattern is not valid with the u flag;
ajvFormats.default(ajv);
const validateSarif = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri?: string }; region: Record<string, number> } }[];
  partialFingerprints: Record<string, string>;
}
interface SarifLog {
  runs: { tool: { driver: { rules: { id: string; helpUri: string; defaultConfiguration: { level: string } }[] } }; results: SarifResult[] }[];
}

function sarifOf(report: Report): SarifLog {
  return JSON.parse(String(formatSarif(report, FIXTURE_CONTEXT))) as SarifLog;
}

function resultsOf(report: Report): SarifResult[] {
  return sarifOf(report).runs[0]?.results ?? [];
}

describe('sarif formatter', () => {
  it('renders the fixture report as in the golden file', async () => {
    await expect(String(formatSarif(FIXTURE_REPORT, FIXTURE_CONTEXT))).toMatchFileSnapshot('../../../fixtures/formats/report.sarif');
  });

  it('is valid against the SARIF 2.1.0 JSON schema', () => {
    const valid = validateSarif(JSON.parse(String(formatSarif(FIXTURE_REPORT, FIXTURE_CONTEXT))));
    expect(validateSarif.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('catches an invalid log, so the schema check can fail', () => {
    const log = JSON.parse(String(formatSarif(FIXTURE_REPORT, FIXTURE_CONTEXT))) as { runs: { results: { level: string }[] }[] };
    const first = log.runs[0]?.results[0];
    if (first) first.level = 'fatal';
    expect(validateSarif(log)).toBe(false);
  });

  it('lists every known rule, the scheduling check and rules that reported without metadata, with docs links', () => {
    const rules = sarifOf(FIXTURE_REPORT).runs[0]?.tool.driver.rules ?? [];
    expect(rules.map((rule) => rule.id)).toEqual(['yaml-syntax', 'duplicate-key', 'not-kubernetes', 'latest-tag', 'unschedulable', 'team-label']);
    expect(rules[3]?.helpUri).toBe('https://github.com/kubefit/kubefit/blob/main/docs/rules/latest-tag.md');
    expect(rules[2]?.defaultConfiguration.level).toBe('note');
  });

  it('points each result at its rule and at a path relative to the working directory', () => {
    const results = resultsOf(FIXTURE_REPORT);
    const rules = sarifOf(FIXTURE_REPORT).runs[0]?.tool.driver.rules ?? [];
    for (const result of results) expect(rules[result.ruleIndex]?.id).toBe(result.ruleId);
    expect(results.map((result) => result.locations[0]?.physicalLocation.artifactLocation.uri)).toEqual([
      'file:///shared/base.yaml',
      undefined,
      'k8s/broken.yaml',
      'k8s/web%20app.yaml',
      'k8s/web%20app.yaml',
      'k8s/web%20app.yaml',
      'k8s/db.yaml',
    ]);
    expect(results[4]?.locations[0]?.physicalLocation.region).toEqual({ startLine: 21, startColumn: 18, endLine: 21, endColumn: 30 });
  });

  it('reports unschedulable workloads at the workload with the scheduler message or the shortfall', () => {
    const scheduling = resultsOf(FIXTURE_REPORT).filter((result) => result.ruleId === 'unschedulable');
    expect(scheduling.map((result) => [result.level, result.message.text])).toEqual([
      ['error', FIXTURE_REPORT.scheduling[0]?.message],
      ['error', '1 of 3 replicas fit on no node (placed node-a: 1, node-b: 1)'],
    ]);
    expect(scheduling[1]?.locations[0]?.physicalLocation.region).toEqual({ startLine: 3, startColumn: 1 });
  });

  it('keeps fingerprints when lines move and changes them when the problem changes', () => {
    const fingerprints = (report: Report) => resultsOf(report).map((result) => result.partialFingerprints['kubefit/v1']);
    const moved: Report = {
      ...FIXTURE_REPORT,
      findings: FIXTURE_REPORT.findings.map((finding) => ({ ...finding, line: finding.line + 7, endLine: finding.endLine + 7 })),
    };
    expect(fingerprints(moved)).toEqual(fingerprints(FIXTURE_REPORT));
    expect(new Set(fingerprints(FIXTURE_REPORT)).size).toBe(fingerprints(FIXTURE_REPORT).length);
    const reworded: Report = { ...FIXTURE_REPORT, findings: FIXTURE_REPORT.findings.map((finding) => ({ ...finding, message: `${finding.message}!` })) };
    expect(fingerprints(reworded)[0]).not.toBe(fingerprints(FIXTURE_REPORT)[0]);
  });

  it('tells identical problems in one file apart by their order', () => {
    const [first] = FIXTURE_REPORT.findings;
    if (!first) throw new Error('fixture has findings');
    const twice: Report = { ...FIXTURE_REPORT, findings: [first, { ...first, line: 30, endLine: 30 }], scheduling: [] };
    const [a, b] = resultsOf(twice).map((result) => result.partialFingerprints['kubefit/v1']);
    expect(a).not.toBe(b);
  });
});

describe('kubefit --format sarif', () => {
  it('writes a valid log for real input, located at the loader positions', async () => {
    const run = await runCli(['lint', '--format', 'sarif', 'fixtures/load/broken.yaml', 'fixtures/load/duplicate-key.yaml']);
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout) as SarifLog;
    expect(validateSarif(log)).toBe(true);
    const located = log.runs[0]?.results.map((result) => {
      const location = result.locations[0]?.physicalLocation;
      return [result.ruleId, location?.artifactLocation.uri, location?.region['startLine'], location?.region['startColumn']];
    });
    expect(located).toEqual([
      ['yaml-syntax', 'fixtures/load/broken.yaml', 9, 9],
      ['duplicate-key', 'fixtures/load/duplicate-key.yaml', 5, 3],
    ]);
  });
});
