// Runs the built kubefit binary as a real process, the way a pre-commit hook or CI step does.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

export const BIN = resolve('dist/bundle/cli/bin.js');

export interface ProcessRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface SpawnOptions {
  readonly cwd?: string;
  readonly stdin?: string | Buffer;
  /** Extra `node` flags before the script, e.g. ['--import', stubModule]. */
  readonly nodeFlags?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
}

export function spawnCli(args: readonly string[], options: SpawnOptions = {}): Promise<ProcessRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [...(options.nodeFlags ?? []), BIN, ...args], {
      cwd: options.cwd ?? process.cwd(),
      env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', ...options.env },
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code, signal, stdout: Buffer.concat(stdout).toString(), stderr: Buffer.concat(stderr).toString() }));
    child.stdin.end(options.stdin ?? '');
  });
}

/** A stack frame line, as printed by an uncaught error or by bin.ts's crash report. */
export const STACK_FRAME = /^\s+at .+/m;
