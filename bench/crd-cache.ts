// kube-prometheus with and without its CRDs: the cost of custom-resource validation, cold and with the validator cache.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, type BenchContext } from './cases.js';
import { measure, measureInterleaved } from './measure.js';
import type { Row } from './table.js';

/** Three rows: without the CRDs (setup/), with them and an empty cache each run, with them and a warm cache. */
export function crdCache(context: BenchContext): Row[] {
  const manifests = join(context.corpus, 'kube-prometheus', 'manifests');
  if (!existsSync(join(manifests, 'setup'))) {
    return [{ name: 'kube-prometheus with CRDs', size: '-', medianMs: undefined, throughput: '-', peakRssMiB: undefined, target: '-', note: `skipped: ${manifests}/setup not found` }];
  }
  const cacheDir = join(context.inputs.root, 'validator-cache');
  const withoutCrds = readdirSync(manifests).filter((name) => name.endsWith('.yaml')).map((name) => join(manifests, name));
  const options = { runs: context.runs(5), workDir: context.inputs.root, env: { KUBEFIT_CACHE_DIR: cacheDir } };
  const lint = (paths: readonly string[]) => [CLI, 'lint', ...paths, '--format', 'json'];
  const cold = measure(lint([manifests]), { ...options, beforeRun: () => rmSync(cacheDir, { recursive: true, force: true }) });
  measure(lint([manifests]), { ...options, runs: 1 });
  // the ratio's two sides interleaved, so that load changes hit both alike
  const [base, warm] = measureInterleaved([{ args: lint(withoutCrds) }, { args: lint([manifests]) }], options);
  if (!base || !warm) return [];
  const ratio = (cpuMs: number) => `${(cpuMs / base.medianCpuMs).toFixed(2)}x the CPU without CRDs`;
  const row = (name: string, result: typeof base, target: string, note: string): Row => ({
    name, size: 'kube-prometheus manifests', medianMs: result.medianMs, cpuMs: result.medianCpuMs, throughput: '-', peakRssMiB: result.peakRssMiB, target, note,
  });
  return [
    row('lint without CRDs (no setup/)', base, '-', 'floor for the two rows below'),
    row('lint with 10 CRDs, cold cache', cold, '-', `${ratio(cold.medianCpuMs)}; compiles and stores each used CRD validator, the CRD documents' values and the custom resources' verdicts`),
    row('lint with 10 CRDs, warm cache', warm, `${warm.medianCpuMs <= 1.5 * base.medianCpuMs ? 'met' : 'MISSED'} (<= 1.5x CPU)`, `${ratio(warm.medianCpuMs)}, ${(warm.medianMs / base.medianMs).toFixed(2)}x the wall time; interleaved with the row without CRDs`),
  ];
}
