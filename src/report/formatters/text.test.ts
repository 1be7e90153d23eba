import { createColors } from 'picocolors';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../model/finding.js';
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
