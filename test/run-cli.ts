// Runs the CLI in-process with captured output, as a user's shell would see it (no colors unless asked).
import { main } from '../src/cli/main.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCli(argv: string[], options: { stdin?: string; env?: Record<string, string>; tty?: boolean; cwd?: string } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv,
    cwd: options.cwd ?? process.cwd(),
    env: { KUBEFIT_CACHE_DIR: 'off', ...options.env },
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdoutIsTTY: options.tty ?? false,
    readStdin: async () => Buffer.from(options.stdin ?? ''),
  });
  return { code, stdout, stderr };
}
