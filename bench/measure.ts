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

export function measure(args: readonly string[], options: MeasureOptions): Measurement {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let peak = 0;
  let stdout = '';
  const probeFile = join(options.workDir, 'probe.json');
  for (let run = 0; run < options.runs; run++) {
    rmSync(probeFile, { force: true });
    options.beforeRun?.();
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ['--import', PROBE, ...args], {
      encoding: 'utf8',
      maxBuffer: 1024 * 1024 * 1024,
      env: { ...process.env, ...options.env, KUBEFIT_BENCH_PROBE: probeFile, NO_COLOR: '1' },
      timeout: timeoutMs,
    });
    if (result.signal !== null) throw new TimedOut(timeoutMs);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr.slice(0, 2000)}`);
    const probe = JSON.parse(readFileSync(probeFile, 'utf8')) as { maxRssKiB: number; cpuMs: number };
    peak = Math.max(peak, probe.maxRssKiB / 1024);
    cpuTimes.push(probe.cpuMs);
    stdout = result.stdout;
  }
  return { medianMs: median(times), medianCpuMs: median(cpuTimes), peakRssMiB: peak, runs: options.runs, stdout };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
