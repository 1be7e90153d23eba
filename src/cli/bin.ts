#!/usr/bin/env node
// The kubefit executable: wires the process to main() and turns an escaped bug into a report request.
import { main } from './main.js';
import { toolVersion } from '../version.js';

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

// a reader that stops early (kubefit ... | head) closes the pipe: that ends the run quietly, not with a stack trace
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

async function run(): Promise<void> {
  try {
    process.exitCode = await main({
      argv: process.argv.slice(2),
      cwd: process.cwd(),
      env: process.env,
      stdout: process.stdout,
      stderr: process.stderr,
      stdoutIsTTY: process.stdout.isTTY === true,
      stderrIsTTY: process.stderr.isTTY === true,
      readStdin,
    });
  } catch (error) {
    process.stderr.write(`kubefit ${toolVersion()} crashed, please report this at https://github.com/kubefit/kubefit/issues\n`);
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  }
}

void run();
