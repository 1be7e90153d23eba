import { createColors } from 'picocolors';
import { describe, expect, it } from 'vitest';
import type { NodeUsage } from '../../schedule/node-usage.js';
import type { SchedulingResult } from '../../schedule/scheduling-result.js';
import { fitMatrix } from '../fit-matrix.js';
import type { Report } from '../report.js';
import { runCli } from '../../../test/run-cli.js';
import { formatHtml } from './html.js';

const context = { rules: [], colors: createColors(false), cwd: '/', quiet: false };

function result(name: string, fields: Partial<SchedulingResult>): SchedulingResult {
  return {
    object: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name },
    file: 'app.yaml', line: 1, column: 1, replicas: 1, message: null,
    placement: { nodes: {}, unschedulable: 0 },
    ...fields,
  };
}

function report(fields: Partial<Report>): Report {
  return {
    version: 2, tool: { name: 'kubefit', version: '0.0.0' },
    summary: { files: 1, objects: 1, errors: 0, warnings: 0, infos: 0, workloads: fields.scheduling?.length ?? 0, unschedulable: 0 },
    findings: [], scheduling: [], ...fields,
  };
}

describe('fitMatrix', () => {
  it('merges nodes every workload treats alike and that received no replica into one column', () => {
    const matrix = fitMatrix(report({
      scheduling: [
        result('web', { feasibleNodes: ['a', 'b', 'c'], rejected: { d: ['node(s) had untolerated taint(s)'] }, placement: { nodes: { a: 1 }, unschedulable: 0 } }),
        result('api', { feasibleNodes: ['a', 'b', 'c'], rejected: { d: ['node(s) had untolerated taint(s)'] } }),
      ],
    }));
    expect(matrix.columns.map((column) => column.label)).toEqual(['a', 'b and 1 more', 'd']);
    expect(matrix.verdicts).toEqual([
      { reasons: null, hint: null, plugins: [] },
      { reasons: ['node(s) had untolerated taint(s)'], hint: null, plugins: ['TaintToleration'] },
    ]);
    expect(matrix.rows.map((row) => row.cells)).toEqual([[0, 1, 0, 0, 1, 0], [0, 0, 0, 0, 1, 0]]);
  });
});

describe('fitMatrix: the row message', () => {
  // the text, SARIF, JUnit and GitHub reports give the message of the replica left Pending, not one pod's on the
  // untouched cluster, when replicas were placed all the same (by preempting)
  it("is the Pending replicas' message, one pod's only when none was placed", () => {
    const alone = '0/2 nodes are available: 2 Insufficient cpu.';
    const pending = `${alone} no new claims to deallocate, preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.`;
    const matrix = fitMatrix(report({
      scheduling: [
        result('partly', { replicas: 5, message: alone, placement: { nodes: { a: 4 }, unschedulable: 1, message: pending } }),
        result('nowhere', { replicas: 2, message: alone, placement: { nodes: {}, unschedulable: 2, message: pending } }),
        result('placed', { replicas: 2, message: alone, placement: { nodes: { a: 2 }, unschedulable: 0, message: null } }),
      ],
    }));
    expect(matrix.rows.map((row) => row.message)).toEqual([pending, alone, alone]);
  });
});

describe('formatHtml', () => {
  it('rounds the room a node has left down, never up, as --capacity does', () => {
    const nodes: NodeUsage[] = [{ name: 'a', allocatable: { cpu: 2000, memory: 2 ** 33, pods: 110 }, bound: { memory: 2 ** 28, pods: 1 }, placed: {} }];
    const page = String(formatHtml(report({ nodes, scheduling: [result('web', { feasibleNodes: ['a'], rejected: {} })] }), context));
    // 8Gi - 256Mi = 7.75Gi: "7.8Gi free" would promise a 7.8Gi pod room it does not have
    expect(page).toContain('256Mi bound + 0 placed of 8Gi, 7.7Gi free');
  });

  it('escapes what it embeds, so no manifest text can end the data script', () => {
    const page = String(formatHtml(report({ scheduling: [result('</script><script>alert(1)</script>', { feasibleNodes: ['a'], rejected: {} })] }), context));
    expect(page).not.toContain('</script><script>alert(1)');
    expect(page.match(/<\/script>/g)).toHaveLength(2);
  });

  it('writes the bidirectional formatting characters of the inputs (messages and source lines) as Go escapes', async () => {
    const run = await runCli(['lint', '-', '--format', 'html'], { stdin: 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n  - {name: "c\u202e", image: nginx}\n' });
    expect(run.stdout).not.toMatch(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
    expect(run.stdout).toContain('container &#34;c\\u202e&#34; has no livenessProbe');
  });

  it('stays below 20 MB for 1,000 workloads on 5,000 nodes in 25 groups, with 10,000 findings', () => {
    const nodeGroups: Record<string, string[]> = {};
    const nodes: NodeUsage[] = [];
    for (let g = 0; g < 25; g++) {
      nodeGroups[`g${g}`] = Array.from({ length: 200 }, (_, i) => `node-${g}-${i}`);
      for (const name of nodeGroups[`g${g}`] ?? []) nodes.push({ name, allocatable: { cpu: 4000, memory: 2 ** 34, pods: 110 }, bound: { cpu: 100 * (g % 7), pods: 1 }, placed: {} });
    }
    const scheduling = Array.from({ length: 1000 }, (_, w) =>
      result(`workload-${w}`, {
        replicas: 3,
        nodeVerdicts: [
          { nodeGroups: Object.keys(nodeGroups).filter((_, g) => g % 5 !== w % 5), nodes: 4000, reasons: null },
          { nodeGroups: Object.keys(nodeGroups).filter((_, g) => g % 5 === w % 5), nodes: 1000, reasons: [`Insufficient cpu`] },
        ],
        placement: { nodes: { [`node-${w % 25}-${w % 200}`]: 3 }, unschedulable: 0 },
      }),
    );
    const findings = Array.from({ length: 10_000 }, (_, i) => ({
      ruleId: 'latest-tag', severity: 'error' as const, message: `image "x:${i}" uses the mutable tag latest`, file: `k8s/${i % 100}.yaml`,
      line: i, column: 3, endLine: i, endColumn: 9, object: null, path: 'spec.containers[0].image',
    }));
    const page = String(formatHtml(report({ scheduling, nodeGroups, nodes, findings }), context));
    expect(page.length).toBeLessThan(20 * 1024 * 1024);
    expect(page).toContain('node-0-0 <span class="muted">and 799 more alike</span>');
  });
});
