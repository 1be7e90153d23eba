import { createColors } from 'picocolors';
import { describe, expect, it } from 'vitest';
import type { FailOn } from '../../config/config.js';
import type { Finding } from '../../model/finding.js';
import type { SchedulingResult } from '../../schedule/scheduling-result.js';
import { buildReport } from '../build-report.js';
import { formatText, RULE_COUNT_THRESHOLD } from './text.js';

const CONTEXT = { rules: [], colors: createColors(false), cwd: '/', quiet: false };

function finding(ruleId: string, line: number): Finding {
  return { ruleId, severity: 'warning', message: `${ruleId} at ${line}`, file: 'a.yaml', line, column: 1, endLine: line, endColumn: 2, object: null, path: null };
}

function textOf(findings: readonly Finding[]): string {
  return formatText(buildReport({ toolVersion: '0.0.0', files: 1, objects: 1, findings, scheduling: [] }), CONTEXT);
}

describe('text formatter: findings per rule', () => {
  it('ends with a count per rule, most frequent first, when there are many findings', () => {
    const ids = ['latest-tag', 'requests-missing', 'requests-missing', 'host-ipc'];
    const findings = Array.from({ length: RULE_COUNT_THRESHOLD }, (_, index) => finding(ids[index % ids.length] ?? '', index + 1));
    const tail = textOf(findings).trimEnd().split('\n').slice(-6);
    expect(tail).toEqual([
      'Findings per rule (turn a rule off or tune its options in .kubefit.yaml):',
      '  10  requests-missing',
      '   5  host-ipc',
      '   5  latest-tag',
      '',
      '✔ 20 problems (0 errors, 20 warnings, 0 infos) in 1 object from 1 file',
    ]);
  });

  it('leaves it out for a few findings', () => {
    expect(textOf([finding('latest-tag', 1)])).not.toContain('Findings per rule');
  });
});

describe('text formatter: rejected nodes', () => {
  // per-node detail (up to 100 nodes, or --all-nodes): 12 nodes with two verdicts read as the grouped results of a
  // larger cluster do, every node accounted for, instead of eight nodes and "... and 4 more"
  it('gives nodes with the same reasons and hint one line', () => {
    const names = Array.from({ length: 12 }, (_, index) => `node-${String(index).padStart(2, '0')}`);
    const tainted = (name: string) => Number(name.slice(-2)) % 3 === 0;
    const result: SchedulingResult = {
      object: { apiVersion: 'v1', kind: 'Pod', namespace: 'default', name: 'p' },
      file: 'p.yaml', line: 1, column: 1, replicas: 1,
      feasibleNodes: [],
      rejected: Object.fromEntries(names.map((name) => [name, [tainted(name) ? 'node(s) had untolerated taint(s)' : 'Insufficient cpu']])),
      hints: Object.fromEntries(names.filter(tainted).map((name) => [name, 'add toleration a=b:NoSchedule'])),
      message: '0/12 nodes are available: 4 node(s) had untolerated taint(s), 8 Insufficient cpu.',
      placement: { nodes: {}, unschedulable: 1, message: '0/12 nodes are available: 4 node(s) had untolerated taint(s), 8 Insufficient cpu.' },
    };
    const text = formatText(buildReport({ toolVersion: '0.0.0', files: 1, objects: 1, findings: [], scheduling: [result] }), CONTEXT);
    expect(text.split('\n').filter((line) => line.startsWith('      '))).toEqual([
      '      4 nodes (node-00, node-03, node-06, ...): node(s) had untolerated taint(s)  (add toleration a=b:NoSchedule)',
      '      8 nodes (node-01, node-02, node-04, ...): Insufficient cpu',
    ]);
  });
});

describe('text formatter: --drain', () => {
  it('says which pods --drain took off their node', () => {
    const result: SchedulingResult = {
      object: { apiVersion: 'v1', kind: 'Pod', namespace: 'default', name: 'low-1' },
      file: 'cluster.yaml', line: 26, column: 1, replicas: 1, feasibleNodes: ['n2'], rejected: {}, message: null,
      placement: { nodes: { n2: 1 }, unschedulable: 0 }, drainedFrom: 'n1',
    };
    const text = formatText(buildReport({ toolVersion: '0.0.0', files: 1, objects: 0, findings: [], scheduling: [result] }), CONTEXT);
    expect(text).toContain('  Pod default/low-1 (drained from n1)  1 replica, placed  1/1 nodes feasible  cluster.yaml:26:1\n');
  });
});

describe('text formatter: --quiet', () => {
  const severities: Finding[] = (['error', 'warning', 'info'] as const).map((severity, index) => ({ ...finding(`${severity}-rule`, index + 1), severity }));
  const shown = (failOn: FailOn | undefined) => {
    const text = formatText(buildReport({ toolVersion: '0.0.0', files: 1, objects: 1, findings: severities, scheduling: [] }), { ...CONTEXT, quiet: true, ...(failOn && { failOn }) });
    return severities.filter((each) => text.includes(each.message)).map((each) => each.severity);
  };

  it.each([
    [undefined, ['error']],
    ['error', ['error']],
    ['none', ['error']],
    ['warning', ['error', 'warning']],
    ['info', ['error', 'warning', 'info']],
  ] as const)('with --fail-on %s shows the %j findings: every one that fails the run', (failOn, expected) => {
    expect(shown(failOn)).toEqual(expected);
  });
});

