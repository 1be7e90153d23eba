#!/usr/bin/env node
// The kubefit executable: wires the process to main() and turns an escaped bug into a report request.
import { main } from './main.js';
import { toolVersion } from '../version.js';
import { describeFsError } from '../load/read-file.js';

/** Standard input to its end, or to the first chunk past `maxBytes` (`kubefit lint - < /dev/zero` stops there). */
async function readStdin(maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    length += (chunk as Buffer).length;
    if (length > maxBytes) break;
  }
  return Buffer.concat(chunks, length);
}

// a reader that stops early (kubefit ... | head) closes the pipe: that ends the run quietly, not with a stack trace;
// any other failure to write the report (ENOBUFS, ENOSPC) is said in a line, as a usage or I/O error
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`kubefit: cannot write the report to standard output: ${describeFsError(error)}\n`);
  process.exit(2);
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
