// ESLint-style RuleTester: valid and invalid YAML cases per rule, every expected finding with messageId, line and column.
import { appendAll, minOf } from '../model/append.js';
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { DEFAULT_CONFIG, type KubefitConfig } from '../config/config.js';
import { DEFAULT_LIMITS } from '../load/load-manifests.js';
import { parseDocuments } from '../load/parse-documents.js';
import { SourceText } from '../load/source-text.js';
import { objectsOf } from '../load/to-objects.js';
import type { Finding } from '../model/finding.js';
import type { KubeObject } from '../model/object.js';
import { toWorkload, type Workload } from '../model/workload.js';
import type { Rule } from './define-rule.js';
import { lintObjects } from './engine.js';
import { ruleOptionProblems } from './rule-options.js';

export interface ValidCase {
  /** Test name; the YAML itself when absent. */
  readonly name?: string;
  /** Inline YAML; a leading newline and the common indentation are removed, so line 1 is the first YAML line. */
  readonly code?: string;
  /**
   * A YAML file instead of inline code, relative to the working directory (fixtures/rules/<id>/...); several files
   * for cross-file cases, linted as one run.
   */
  readonly fixture?: string | readonly string[];
  /** Configuration for this case (a rule that is off by default is enabled at its default severity). */
  readonly config?: Partial<KubefitConfig>;
}

export interface ExpectedFinding {
  readonly messageId: string;
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  /** The placeholder values; when given, the rendered message is compared too. */
  readonly data?: Readonly<Record<string, string | number>>;
}

export interface InvalidCase extends ValidCase {
  readonly errors: readonly ExpectedFinding[];
}

export interface TestFramework {
  describe(name: string, body: () => void): void;
  it(name: string, body: () => void): void;
}

interface Observed {
  readonly messageId: string;
  readonly data: Readonly<Record<string, string | number>> | undefined;
  readonly finding: Finding;
}

export class RuleTester {
  readonly #framework: TestFramework;

  constructor(framework: TestFramework) {
    this.#framework = framework;
  }

  run(rule: Rule, cases: { readonly valid: readonly ValidCase[]; readonly invalid: readonly InvalidCase[] }): void {
    checkCases(rule, cases.valid, cases.invalid);
    const { describe, it } = this.#framework;
    describe(rule.meta.id, () => {
      describe('valid', () => {
        for (const testCase of cases.valid) it(caseName(testCase), () => assert.deepEqual(observe(rule, testCase).map(summary), []));
      });
      describe('invalid', () => {
        for (const testCase of cases.invalid) it(caseName(testCase), () => assertInvalid(rule, testCase));
      });
    });
  }
}

function checkCases(rule: Rule, valid: readonly ValidCase[], invalid: readonly InvalidCase[]): void {
  if (valid.length === 0 || invalid.length === 0) throw new Error(`${rule.meta.id}: needs at least one valid and one invalid case`);
  const seen = new Set<string>();
  for (const testCase of [...valid, ...invalid]) {
    deepFreeze(testCase);
    if ((testCase.code === undefined) === (testCase.fixture === undefined)) throw new Error(`${rule.meta.id}: a case needs exactly one of code or fixture`);
    const key = JSON.stringify([testCase.code, testCase.fixture, testCase.config]);
    if (seen.has(key)) throw new Error(`${rule.meta.id}: duplicate case ${caseName(testCase)}`);
    seen.add(key);
  }
  for (const testCase of invalid) {
    if (testCase.errors.length === 0) throw new Error(`${rule.meta.id}: invalid case without errors: ${caseName(testCase)}`);
    for (const error of testCase.errors) {
      if (!Object.hasOwn(rule.meta.messages, error.messageId)) throw new Error(`${rule.meta.id}: unknown messageId "${error.messageId}"`);
      if (!Number.isInteger(error.line) || !Number.isInteger(error.column)) throw new Error(`${rule.meta.id}: expected finding without line and column`);
    }
  }
}

function assertInvalid(rule: Rule, testCase: InvalidCase): void {
  const observed = observe(rule, testCase);
  const actual = observed.map((entry, index) => {
    const expected = testCase.errors[index];
    return {
      ...summary(entry),
      ...(expected?.endLine !== undefined && { endLine: entry.finding.endLine }),
      ...(expected?.endColumn !== undefined && { endColumn: entry.finding.endColumn }),
      ...(expected?.data !== undefined && { data: entry.data }),
    };
  });
  assert.deepEqual(actual, testCase.errors.map((error) => ({ ...error })));
  for (const entry of observed) assert.equal(entry.finding.severity, severityOf(rule, testCase), 'severity');
  for (const entry of observed) assert.doesNotMatch(entry.finding.message, /\{\{/, 'message has an unfilled placeholder');
}

function summary(entry: Observed) {
  return { messageId: entry.messageId, line: entry.finding.line, column: entry.finding.column };
}

function severityOf(rule: Rule, testCase: ValidCase): string {
  return testCase.config?.rules?.[rule.meta.id] ?? rule.meta.severity;
}

/** Runs only `rule` over the case's objects and pairs each finding with the messageId the rule reported. */
function observe(rule: Rule, testCase: ValidCase): Observed[] {
  const { objects, workloads } = parseCase(testCase);
  const reports: { messageId: string; data: Readonly<Record<string, string | number>> | undefined }[] = [];
  const recording = recordReports(rule, reports);
  const config: KubefitConfig = {
    ...DEFAULT_CONFIG,
    ...testCase.config,
    rules: { ...(!rule.meta.defaultOn && { [rule.meta.id]: rule.meta.severity }), ...testCase.config?.rules },
  };
  const [problem] = ruleOptionProblems([rule], config);
  if (problem !== undefined) throw new Error(`${rule.meta.id}: the case's options do not fit the rule's schema: ${problem.message}`);
  const findings = lintObjects({ objects, workloads, rules: [recording], config }).filter((finding) => finding.ruleId === rule.meta.id);
  assert.equal(findings.length, reports.length, 'every report becomes one finding');
  const observed = findings.map((finding, index) => ({ ...(reports[index] ?? { messageId: '', data: undefined }), finding }));
  return observed.sort((a, b) => a.finding.line - b.finding.line || a.finding.column - b.finding.column);
}

function recordReports(rule: Rule, reports: { messageId: string; data: Readonly<Record<string, string | number>> | undefined }[]): Rule {
  const check = rule.check as (view: unknown, context: { report(report: { messageId: string; data?: Readonly<Record<string, string | number>> }): void }) => void;
  return {
    ...rule,
    check(view: unknown, context: { report(report: { messageId: string; data?: Readonly<Record<string, string | number>> }): void }) {
      check(view, {
        ...context,
        report(report) {
          reports.push({ messageId: report.messageId, data: report.data });
          context.report(report);
        },
      });
    },
  } as Rule;
}

/** Objects and workloads of a case's YAML, through the real loader so positions are exact. */
export function parseCase(testCase: ValidCase): { objects: KubeObject[]; workloads: Workload[] } {
  const sources = testCase.fixture === undefined
    ? [new SourceText('case.yaml', dedent(testCase.code ?? ''))]
    : [testCase.fixture].flat().map((file) => new SourceText(file, readFileSync(file, 'utf8')));
  const objects: KubeObject[] = [];
  const problems: Finding[] = [];
  for (const source of sources) {
    const parsed = parseDocuments(source, DEFAULT_LIMITS);
    appendAll(problems, parsed.findings);
    for (const document of parsed.documents) {
      const found = objectsOf(document, { firstOrder: objects.length, fromCluster: false });
      appendAll(objects, found.objects);
      appendAll(problems, found.findings);
    }
  }
  if (problems.length > 0) throw new Error(`the case's YAML does not load: ${problems.map((problem) => problem.message).join('; ')}`);
  const workloads = objects.map(toWorkload).filter((workload): workload is Workload => workload !== undefined);
  return { objects, workloads };
}

export function dedent(code: string): string {
  if (!code.startsWith('\n')) return code;
  const lines = code.slice(1).split('\n');
  const indents = lines.filter((line) => line.trim() !== '').map((line) => /^ */.exec(line)?.[0].length ?? 0);
  const indent = minOf(indents);
  return lines.map((line) => line.slice(indent)).join('\n').replace(/[ \t]+$/, '');
}

function caseName(testCase: ValidCase): string {
  if (testCase.name !== undefined) return testCase.name;
  return testCase.fixture !== undefined ? [testCase.fixture].flat().join(' + ') : (testCase.code?.trim() ?? '');
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const entry of Object.values(value)) deepFreeze(entry);
}
