// JUnit XML for CI test reporters: a testsuite per file, a testcase per object with findings and per scheduled workload.
import { minOf } from '../../model/append.js';
import { compareStrings, severityRank, type Finding } from '../../model/finding.js';
import type { SchedulingResult } from '../../schedule/scheduling-result.js';
import { isUnschedulable } from '../build-report.js';
import { nodesText, unschedulableVerdicts } from '../node-verdicts.js';
import type { Report } from '../report.js';
import { formatObjectRef, UNSCHEDULABLE_RULE, unschedulableMessage } from '../unschedulable.js';
import type { TextFormatter } from './format-context.js';
import { inShownOrder } from './terminal-text.js';

/** One testcase: an object's findings, or a workload's scheduling outcome. */
interface TestCase {
  readonly name: string;
  readonly line: number;
  /** Lines of the failure body; infos alone do not fail a testcase and go to system-out. */
  readonly failures: readonly string[];
  readonly failureType: string;
  readonly failureMessage: string;
  readonly output: readonly string[];
}

export const formatJunit: TextFormatter = (report) => {
  const byFile = new Map<string, TestCase[]>();
  const add = (file: string, testCase: TestCase) => {
    const cases = byFile.get(file);
    if (cases) cases.push(testCase);
    else byFile.set(file, [testCase]);
  };
  for (const [file, name, findings] of findingGroups(report.findings)) add(file, findingCase(name, findings));
  for (const result of report.scheduling) add(result.file, schedulingCase(result, report.nodeGroups));
  const files = [...byFile.keys()].sort(compareStrings);
  const suites = files.map((file) => testSuite(file, [...(byFile.get(file) ?? [])].sort((a, b) => a.line - b.line)));
  const cases = files.flatMap((file) => byFile.get(file) ?? []);
  const failures = cases.filter((testCase) => testCase.failures.length > 0).length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="kubefit" tests="${cases.length}" failures="${failures}" errors="0" time="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
};

/** Findings grouped by file and object, in report order; findings without an object are the file's own testcase. */
function findingGroups(findings: readonly Finding[]): [string, string, Finding[]][] {
  const groups = new Map<string, [string, string, Finding[]]>();
  for (const finding of findings) {
    const name = finding.object ? formatObjectRef(finding.object) : finding.file;
    const key = `${finding.file}\u0000${name}`;
    const group = groups.get(key) ?? [finding.file, name, []];
    group[2].push(finding);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function findingCase(name: string, findings: readonly Finding[]): TestCase {
  const failing = findings.filter((finding) => finding.severity !== 'info');
  const worst = [...failing].sort((a, b) => severityRank(b.severity) - severityRank(a.severity))[0];
  const [first] = failing;
  const more = failing.length > 1 ? ` (and ${failing.length - 1} more)` : '';
  return {
    name,
    line: minOf(findings.map((finding) => finding.line)),
    failures: failing.map(describeFinding),
    failureType: worst?.severity ?? '',
    failureMessage: first ? `${first.message}${more}` : '',
    output: findings.filter((finding) => finding.severity === 'info').map(describeFinding),
  };
}

function describeFinding(finding: Finding): string {
  const path = finding.path === null ? '' : ` at ${finding.path}`;
  return `${finding.line}:${finding.column} ${finding.severity} ${finding.message} (${finding.ruleId})${path}`;
}

function schedulingCase(result: SchedulingResult, nodeGroups: Report['nodeGroups']): TestCase {
  const name = `${formatObjectRef(result.object)} fits the cluster`;
  const placed = Object.entries(result.placement.nodes).map(([node, count]) => `${node}: ${count}`).join(', ');
  const placement = `${result.replicas - result.placement.unschedulable} of ${result.replicas} replicas placed${placed === '' ? '' : ` (${placed})`}`;
  if (!isUnschedulable(result)) return { name, line: result.line, failures: [], failureType: '', failureMessage: '', output: [placement] };
  const message = unschedulableMessage(result);
  const rejected = unschedulableVerdicts(result, nodeGroups).map((v) => `${nodesText(v.nodes)}: ${v.reasons?.join(', ') ?? ''}`);
  return {
    name,
    line: result.line,
    failures: [`${result.line}:${result.column} ${message}`, placement, ...rejected],
    failureType: UNSCHEDULABLE_RULE.id,
    failureMessage: message,
    output: [],
  };
}

/**
 * Every element says time="0" (a static check takes no measurable time per object): dorny/test-reporter's java-junit
 * parser reads testsuite and testcase time with parseFloat and showed NaNms without it; Jenkins, GitLab and
 * mikepenz/action-junit-report take a missing time as 0. None of them reads timestamp or hostname.
 */
function testSuite(file: string, cases: readonly TestCase[]): string {
  const failures = cases.filter((testCase) => testCase.failures.length > 0).length;
  const head = `  <testsuite name="${attribute(file)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0" time="0">`;
  return [head, ...cases.map((testCase) => testCaseXml(file, testCase)), '  </testsuite>'].join('\n');
}

function testCaseXml(file: string, testCase: TestCase): string {
  const open = `    <testcase classname="${attribute(file)}" name="${attribute(testCase.name)}" time="0"`;
  if (testCase.failures.length === 0 && testCase.output.length === 0) return `${open}/>`;
  const failure = testCase.failures.length === 0
    ? []
    : [`      <failure type="${attribute(testCase.failureType)}" message="${attribute(testCase.failureMessage)}">${text(testCase.failures.join('\n'))}</failure>`];
  const output = testCase.output.length === 0 ? [] : [`      <system-out>${text(testCase.output.join('\n'))}</system-out>`];
  return [`${open}>`, ...failure, ...output, '    </testcase>'].join('\n');
}

/**
 * Characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF) become U+FFFD; the
 * bidirectional formatting characters, which a CI's test view would show text reordered by, are escaped.
 */
function xmlChars(value: string): string {
  return inShownOrder(value).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

export function text(value: string): string {
  return xmlChars(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** Attribute values also escape quotes, and line breaks and tabs so that parsers do not normalise them to spaces. */
export function attribute(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
