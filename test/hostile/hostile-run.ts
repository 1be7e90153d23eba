// Runs a hostile input beside a healthy control file and checks the invariants every hostile case must keep.
import { readFile } from 'node:fs/promises';
import { expect } from 'vitest';
import { check, type CheckOptions } from '../../src/check.js';
import { LOAD_CHECKS } from '../../src/load/load-checks.js';
import type { Finding } from '../../src/model/finding.js';
import type { Report } from '../../src/report/report.js';

export const CONTROL = 'fixtures/hostile/control.yaml';

const LOAD_RULE_IDS: ReadonlySet<string> = new Set(Object.values(LOAD_CHECKS).map((check) => check.id));

/** `line:col ruleId: message` of the loader's own findings for `file` (schema and lint findings left out). */
export function loadFindings(report: Report, file: string): string[] {
  return report.findings
    .filter((finding) => finding.file === file && LOAD_RULE_IDS.has(finding.ruleId))
    .map((finding) => `${finding.line}:${finding.column} ${finding.ruleId}: ${finding.message}`);
}

/**
 * `check()` over `inputs` plus the control file; asserts that the control file is analysed exactly as when it runs
 * alone, that nothing is an internal error, and that every finding points inside a file that exists.
 */
export async function checkBesideControl(inputs: readonly string[], options: CheckOptions = {}): Promise<Report> {
  const alone = await check([CONTROL], options);
  const mixed = await check([...inputs, CONTROL], options);
  expect(ofControl(mixed.findings)).toEqual(ofControl(alone.findings));
  expect(mixed.scheduling.filter((result) => result.file === CONTROL)).toEqual(alone.scheduling);
  expect(mixed.summary.objects).toBeGreaterThanOrEqual(alone.summary.objects);
  expect(mixed.findings.filter((finding) => finding.ruleId === 'internal-error')).toEqual([]);
  for (const finding of mixed.findings) expectValidRange(finding);
  return mixed;
}

function ofControl(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => finding.file === CONTROL);
}

function expectValidRange(finding: Finding): void {
  expect(finding.line).toBeGreaterThanOrEqual(1);
  expect(finding.column).toBeGreaterThanOrEqual(1);
  expect(finding.endLine).toBeGreaterThanOrEqual(finding.line);
  if (finding.endLine === finding.line) expect(finding.endColumn).toBeGreaterThanOrEqual(finding.column);
}

/** Asserts that every finding about a readable file points at a line that exists in it. */
/** `line:col` of the errors about `file`, from any stage. */
export function errorPositions(report: Report, file: string): Set<string> {
  return new Set(report.findings.filter((finding) => finding.file === file && finding.severity === 'error').map((finding) => `${finding.line}:${finding.column}`));
}

export async function expectLinesExist(report: Report, file: string, cwd = '.'): Promise<void> {
  const text = await readFile(file.startsWith('/') ? file : `${cwd}/${file}`, 'utf8');
  const lines = text.split('\n').length;
  for (const finding of report.findings.filter((candidate) => candidate.file === file)) {
    expect(finding.endLine, `${finding.ruleId} ${finding.message}`).toBeLessThanOrEqual(lines);
  }
}
