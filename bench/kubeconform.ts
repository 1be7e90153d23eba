// The peer kubeconform v0.6.3 (a Go binary), schema-only, beside kubefit's full lint over the same documents.
// Found at $KUBECONFORM or bench/.peers/kubeconform/kubeconform; built there from git mirrors when $KUBEFIT_MIRRORS
// names them and Go is installed (bench/peers/build-kubeconform.sh); otherwise the rows say why they were skipped.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BenchContext } from './cases.js';
import { measureInterleaved, type Measurement } from './measure.js';
import { perSecond, thousands, type Row } from './table.js';

const VERSION = 'v0.6.3';

export function kubeconformRows(context: BenchContext, projectRoot: string, cli: string): Row[] {
  const binary = findOrBuild(projectRoot);
  if (typeof binary !== 'string') return [skipped(binary.reason)];
  const schemas = schemaLayout(projectRoot, context.inputs.root);
  const kubeconform = (file: string) => ({ executable: binary, args: ['-strict', '-summary', '-schema-location', `${schemas}/{{ .ResourceKind }}{{ .KindSuffix }}.json`, file] });
  const options = { runs: context.runs(3), workDir: context.inputs.root, timeoutMs: 180_000 };
  const documents = context.inputs.manifests(10_000);
  const [peer, ours] = measureInterleaved([kubeconform(documents), { args: [cli, 'lint', documents] }], options);
  const one = context.inputs.oneDeployment();
  const [peerStart, ourStart] = measureInterleaved([kubeconform(one), { args: [cli, 'lint', one] }], { ...options, runs: context.runs(10) });
  if (!peer || !ours || !peerStart || !ourStart) return [];
  const speed = ours.medianMs <= peer.medianMs ? 'met' : 'MISSED';
  const memory = ours.peakRssMiB <= 4 * peer.peakRssMiB ? 'met' : 'MISSED';
  const start = ourStart.medianMs <= 2 * peerStart.medianMs ? 'met' : 'MISSED';
  return [
    row('peer: kubeconform -strict (schema only)', '10,000 documents', peer, '-', `${VERSION}, kubefit's schemas/*.json`),
    row('kubefit lint (schema + rules), same run', '10,000 documents', ours, `speed ${speed} (<= kubeconform), memory ${memory} (<= 4x: ${(ours.peakRssMiB / peer.peakRssMiB).toFixed(1)}x)`, 'interleaved with the row above'),
    row('peer: kubeconform cold start', '1 document', peerStart, '-', VERSION),
    row('kubefit cold start, same run', '1 document', ourStart, `${(ourStart.medianMs / peerStart.medianMs).toFixed(2)}x kubeconform: ${start} (<= 2x)`, 'bundled CLI'),
  ];
}

function row(name: string, size: string, measured: Measurement, target: string, note: string): Row {
  const documents = Number(size.split(' ')[0]?.replaceAll(',', ''));
  return { name, size, medianMs: measured.medianMs, cpuMs: measured.medianCpuMs, throughput: perSecond(documents, measured.medianMs, 'documents'), peakRssMiB: measured.peakRssMiB, target, note };
}

function skipped(reason: string): Row {
  return { name: 'peer: kubeconform -strict (schema only)', size: `${thousands(10_000)} documents`, medianMs: undefined, throughput: '-', peakRssMiB: undefined, target: '-', note: `skipped: ${reason}` };
}

function findOrBuild(projectRoot: string): string | { reason: string } {
  const explicit = process.env['KUBECONFORM'];
  if (explicit) return existsSync(explicit) ? explicit : { reason: `$KUBECONFORM (${explicit}) does not exist` };
  const outDir = resolve(projectRoot, 'bench/.peers/kubeconform');
  const binary = join(outDir, 'kubeconform');
  if (existsSync(binary)) return binary;
  const mirrors = process.env['KUBEFIT_MIRRORS'];
  if (!mirrors) return { reason: 'no binary; set $KUBECONFORM, or $KUBEFIT_MIRRORS to build it (bench/peers/build-kubeconform.sh)' };
  const built = spawnSync(resolve(projectRoot, 'bench/peers/build-kubeconform.sh'), [mirrors, outDir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return built.status === 0 && existsSync(binary) ? binary : { reason: `build failed: ${(built.stderr || '').trim().split('\n').at(-1) ?? ''}` };
}

/** kubefit's own schemas, in kubeconform's file layout ({kind}-{group}-{version}.json, which they already follow). */
function schemaLayout(projectRoot: string, benchRoot: string): string {
  const target = join(benchRoot, 'kubeconform-schemas');
  mkdirSync(target, { recursive: true });
  for (const file of readdirSync(resolve(projectRoot, 'schemas'))) {
    if (file.endsWith('.json') && !file.startsWith('kubefit-')) copyFileSync(resolve(projectRoot, 'schemas', file), join(target, file));
  }
  return target;
}
