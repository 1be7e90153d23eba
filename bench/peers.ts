// The peers side by side: installed on demand into bench/.peers (never project dependencies), run over the same
// generated manifests as kubefit, reported as throughput ratios.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchContext } from './cases.js';
import { measure } from './measure.js';
import { perSecond, thousands, type Row } from './table.js';

const PEER_RUN = fileURLToPath(new URL('./peer-run.js', import.meta.url));
/** Exact versions, so the ratios compare like with like from run to run. */
const PACKAGES = ['kubernetes-models@4.5.1', '@monokle/validation@0.33.0', 'js-yaml@4.1.0', 'yaml@2.8.1'];

export interface PeerCase {
  readonly peer: 'kubernetes-models' | 'monokle';
  readonly label: string;
  readonly documents: number;
  readonly runs: number;
  readonly note: string;
}

export const PEER_CASES: readonly PeerCase[] = [
  { peer: 'kubernetes-models', label: 'peer: kubernetes-models validate()', documents: 10_000, runs: 3, note: 'js-yaml loadAll + ajv-compiled model validators' },
  { peer: 'monokle', label: 'peer: @monokle/validation', documents: 1_000, runs: 3, note: 'offline plugins only: kubernetes-schema and open-policy-agent download schemas/wasm at run time, so they cannot run offline' },
];

/** Installs the peers once; returns a reason when they cannot be installed (e.g. no registry access). */
export function installPeers(root: string): string | undefined {
  if (PACKAGES.every((spec) => existsSync(join(root, 'node_modules', nameOf(spec), 'package.json')))) return undefined;
  process.stderr.write(`installing peers into ${root} (npm install --prefix) ...\n`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['install', '--prefix', root, '--no-save', '--no-audit', '--no-fund', '--loglevel=error', ...PACKAGES], { encoding: 'utf8' });
  return result.status === 0 ? undefined : `npm install failed: ${(result.stderr || result.error?.message || '').trim().split('\n')[0] ?? ''}`;
}

function nameOf(spec: string): string {
  return spec.slice(0, spec.lastIndexOf('@'));
}

/** One row per peer; `ours` is kubefit's row for the same input, for the ratios (documents/s, kubefit over peer). */
export function runPeer(context: BenchContext, peer: PeerCase, root: string, ours: { medianMs: number; cpuMs: number }): Row {
  const file = context.inputs.manifests(peer.documents);
  try {
    const result = measure([PEER_RUN, peer.peer, file, root], { runs: context.runs(peer.runs), workDir: context.inputs.root });
    const ratio = result.medianMs / ours.medianMs;
    const cpuRatio = result.medianCpuMs / ours.cpuMs;
    return {
      name: peer.label,
      size: `${thousands(peer.documents)} documents`,
      medianMs: result.medianMs, cpuMs: result.medianCpuMs,
      throughput: perSecond(peer.documents, result.medianMs, 'documents'),
      peakRssMiB: result.peakRssMiB,
      target: `kubefit ${ratio.toFixed(2)}x its speed (CPU ${cpuRatio.toFixed(2)}x)${peer.documents === 10_000 ? `: ${ratio >= 5 ? 'met' : 'MISSED'} (>= 5x)` : ''}`,
      note: peer.note,
    };
  } catch (error) {
    return unavailable(peer, `could not run offline: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
}

export function unavailable(peer: PeerCase, reason: string): Row {
  return { name: peer.label, size: `${thousands(peer.documents)} documents`, medianMs: undefined, throughput: '-', peakRssMiB: undefined, target: '-', note: reason };
}
