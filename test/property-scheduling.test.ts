// Scheduling feasibility does not depend on how the input is split into files or ordered. Placement may: replicas
// are placed by priority, then in input order (files sorted by path, documents in file order), as documented.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check } from '../src/check.js';
import type { Report } from '../src/report/report.js';

const APP = ['fixtures/demo/app/shop.yaml', 'fixtures/demo/app/platform.yaml'];
const CLUSTER = ['fixtures/demo/cluster/nodes.yaml', 'fixtures/demo/cluster/running-pods.yaml'];

function documentsOf(files: readonly string[]): string[] {
  return files.flatMap((file) => readFileSync(file, 'utf8').split(/^---[ \t]*$/m)).filter((text) => /^kind:/m.test(text));
}

/** What must not depend on input order: per workload, its replicas and what one pod could do alone. */
function feasibility(report: Report): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const result of report.scheduling) {
    const { apiVersion, kind, namespace, name } = result.object;
    out[`${apiVersion}/${kind}/${namespace}/${name}`] = { replicas: result.replicas, feasibleNodes: result.feasibleNodes, rejected: result.rejected, message: result.message };
  }
  return out;
}

/** Documents dealt into files named by the arbitrary: [file name, documents in order][]. */
const layout = (count: number) =>
  fc.record({
    order: fc.shuffledSubarray([...Array(count).keys()], { minLength: count, maxLength: count }),
    files: fc.array(fc.nat({ max: 3 }), { minLength: count, maxLength: count }),
    names: fc.uniqueArray(fc.stringMatching(/^[a-z0-9-]{1,8}$/), { minLength: 4, maxLength: 4 }),
  });

async function writeLayout(dir: string, prefix: string, documents: readonly string[], plan: { order: number[]; files: number[]; names: string[] }): Promise<string[]> {
  const contents = new Map<string, string[]>();
  plan.order.forEach((documentIndex, position) => {
    const name = `${prefix}-${plan.names[plan.files[position] ?? 0] ?? 'x'}.yaml`;
    contents.set(name, [...(contents.get(name) ?? []), documents[documentIndex] ?? '']);
  });
  for (const [name, parts] of contents) await writeFile(join(dir, name), parts.join('\n---\n'));
  return [...contents.keys()];
}

describe('scheduling is independent of input order', () => {
  it('gives every workload the same feasible nodes, rejections and message however the files are split and ordered', async () => {
    const app = documentsOf(APP);
    const cluster = documentsOf(CLUSTER);
    const baseline = await check(APP, { cluster: CLUSTER });
    expect(Object.keys(feasibility(baseline)).length).toBeGreaterThan(3);
    await fc.assert(
      fc.asyncProperty(layout(app.length), layout(cluster.length), async (appPlan, clusterPlan) => {
        const dir = await mkdtemp(join(tmpdir(), 'kubefit-order-'));
        try {
          const appFiles = await writeLayout(dir, 'app', app, appPlan);
          const clusterFiles = await writeLayout(dir, 'cluster', cluster, clusterPlan);
          const report = await check(appFiles, { cwd: dir, cluster: clusterFiles });
          expect(feasibility(report)).toEqual(feasibility(baseline));
          for (const result of report.scheduling) {
            const placed = Object.values(result.placement.nodes).reduce((sum, count) => sum + count, 0);
            expect(placed + result.placement.unschedulable).toBe(result.replicas);
          }
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 25 },
    );
  });
});
