// Runs a command as a whole process several times: median wall time and the peak RSS of the runs.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Measurement {
  readonly medianMs: number;
  /** Median CPU time (user + system) of the runs: steadier than wall time on a busy machine. */
  readonly medianCpuMs: number;
  readonly peakRssMiB: number;
  readonly runs: number;
  /** Standard output of the last run (cases may parse their own timings from it). */
  readonly stdout: string;
}

const PROBE = fileURLToPath(new URL('./probe.js', import.meta.url));

/** A run that outlived its time limit: the case reports the limit instead of a median. */
export class TimedOut extends Error {
  readonly limitMs: number;

  constructor(limitMs: number) {
    super(`timed out after ${limitMs / 1000} s`);
    this.limitMs = limitMs;
  }
}

export interface MeasureOptions {
  readonly runs: number;
  readonly workDir: string;
  /** Per run; default 60 s (six times the loosest target). */
  readonly timeoutMs?: number;
  /** Extra environment of the measured process. */
  readonly env?: Readonly<Record<string, string>>;
  /** Runs before each measured run, untimed (e.g. to empty a cache for a cold run). */
  readonly beforeRun?: () => void;
}

/** A measured process: node with `args` (the probe preloaded), or a native `executable` timed by GNU time. */
export interface Command {
  readonly executable?: string;
  readonly args: readonly string[];
  /** Environment of this command only, over the options' one. */
  readonly env?: Readonly<Record<string, string>>;
}

const GNU_TIME = '/usr/bin/time';

export function measure(args: readonly string[], options: MeasureOptions): Measurement {
  const [only] = measureInterleaved([{ args }], options);
  if (!only) throw new Error('no measurement');
  return only;
}

/**
 * Runs the commands in turn, `runs` rounds (A B C A B C ...), so that ratios between them are taken under the same
 * load: on a shared machine, load changes over seconds and would otherwise favour whichever ran in a quiet moment.
 */
export function measureInterleaved(commands: readonly Command[], options: MeasureOptions): Measurement[] {
  const samples = commands.map(() => ({ times: [] as number[], cpuTimes: [] as number[], peak: 0, stdout: '' }));
  for (let run = 0; run < options.runs; run++) {
    commands.forEach((command, index) => {
      const sample = samples[index];
      if (!sample) return;
      const result = runOnce(command, options);
      sample.times.push(result.ms);
      sample.cpuTimes.push(result.cpuMs);
      sample.peak = Math.max(sample.peak, result.rssMiB);
      sample.stdout = result.stdout;
    });
  }
  return samples.map((sample) => ({ medianMs: median(sample.times), medianCpuMs: median(sample.cpuTimes), peakRssMiB: sample.peak, runs: options.runs, stdout: sample.stdout }));
}

function runOnce(command: Command, options: MeasureOptions): { ms: number; cpuMs: number; rssMiB: number; stdout: string } {
  const probeFile = join(options.workDir, 'probe.json');
  rmSync(probeFile, { force: true });
  options.beforeRun?.();
  const native = command.executable !== undefined;
  const [file, args] = native
    ? [GNU_TIME, ['-f', '{"maxRssKiB":%M,"user":%U,"system":%S}', '-o', probeFile, command.executable ?? '', ...command.args]]
    : [process.execPath, ['--import', PROBE, ...command.args]];
  const started = process.hrtime.bigint();
  const result = spawnSync(file, args, {
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, ...options.env, ...command.env, KUBEFIT_BENCH_PROBE: probeFile, NO_COLOR: '1' },
    timeout: options.timeoutMs ?? 60_000,
  });
  if (result.signal !== null) throw new TimedOut(options.timeoutMs ?? 60_000);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${[command.executable ?? 'node', ...command.args].join(' ')} exited ${result.status}: ${result.stderr.slice(0, 2000)}`);
  const probe = JSON.parse(readFileSync(probeFile, 'utf8').trim().split('\n').at(-1) ?? '{}') as { maxRssKiB: number; cpuMs?: number; user?: number; system?: number };
  const cpuMs = probe.cpuMs ?? ((probe.user ?? 0) + (probe.system ?? 0)) * 1000;
  return { ms, cpuMs, rssMiB: probe.maxRssKiB / 1024, stdout: result.stdout };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
