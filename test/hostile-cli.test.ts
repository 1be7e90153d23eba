// Hostile inputs through the real binary: exit codes, output on the right stream, never a stack trace.
import { spawnSync } from 'node:child_process';
import { existsSync, openSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../src/report/report.js';
import { generateHostileTree } from './hostile/generate.js';
import { CONTROL } from './hostile/hostile-run.js';
import { BIN, spawnCli, STACK_FRAME, type ProcessRun } from './hostile/spawn-cli.js';

let dir = '';
beforeAll(async () => {
  dir = await generateHostileTree();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function expectNoCrash(run: ProcessRun): void {
  expect(run.signal).toBeNull();
  expect(run.stderr).not.toMatch(STACK_FRAME);
  expect(run.stderr).not.toContain('crashed');
}

/** `file:line:col ruleId` of each finding in a JSON report, for the given files. */
function located(run: ProcessRun, files: readonly string[]): string[] {
  const report = JSON.parse(run.stdout) as Report;
  return report.findings.filter((finding) => files.includes(finding.file)).map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId}`);
}

describe('the kubefit binary on hostile input', () => {
  it.concurrent.each([
    ['an unclosed quote', 'fixtures/hostile/unclosed-double-quote.yaml', 'fixtures/hostile/unclosed-double-quote.yaml:9:9 yaml-syntax'],
    ['tab indentation', 'fixtures/hostile/tab-indentation.yaml', 'fixtures/hostile/tab-indentation.yaml:9:1 yaml-syntax'],
    ['duplicate keys', 'fixtures/hostile/duplicate-keys.yaml', 'fixtures/hostile/duplicate-keys.yaml:5:3 duplicate-key'],
  ])('exits 1 on %s with the finding at file:line:col, the control file still checked', async (_name, file, expected) => {
    const run = await spawnCli(['lint', '--format', 'json', file, CONTROL]);
    expectNoCrash(run);
    expect(run.code).toBe(1);
    expect(located(run, [file])).toContain(expected);
    expect(located(run, [CONTROL])).toContain(`${CONTROL}:8:5 duplicate-key`);
  });

  it.concurrent.each([
    ['binary.yaml', '1:1 binary-file'],
    ['fifty-megabytes.yaml', '1:1 too-large'],
    ['billion-laughs.yaml', '10:47 too-large'],
    ['deep-flow-sequence.yaml', '5:262 too-large'],
    ['links/loop-a.yaml', '1:1 file-unreadable'],
  ])('exits 1 on the generated %s and names it in text output', async (name, expected) => {
    const run = await spawnCli(['lint', join(dir, name), join(process.cwd(), CONTROL)]);
    expectNoCrash(run);
    expect(run.code).toBe(1);
    const [position, ruleId] = expected.split(' ');
    expect(run.stdout).toContain(`${join(dir, name)}\n  ${position}  error`);
    expect(run.stdout).toMatch(new RegExp(`${ruleId}\\n`));
  });

  it.concurrent.each([
    ['empty.yaml'],
    ['dashes-only.yaml'],
  ])('exits 0 on %s, which holds nothing wrong', async (name) => {
    const run = await spawnCli(['lint', `fixtures/hostile/${name}`]);
    expectNoCrash(run);
    expect(run.code).toBe(0);
  });

  it.concurrent('reads binary standard input as <stdin> and reports it', async () => {
    const run = await spawnCli(['lint', '-', CONTROL], { stdin: Buffer.from([0x00, 0xff, 0xfe, 0x00]) });
    expectNoCrash(run);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('<stdin>\n  1:1  error    file is binary (it contains NUL bytes)  binary-file');
  });

  it.runIf(existsSync('/dev/full'))('exits 2 with one line in the system\'s words when standard output is full', () => {
    const run = spawnSync(process.execPath, [BIN, 'lint', 'fixtures/hostile'], { stdio: ['ignore', openSync('/dev/full', 'w'), 'pipe'], env: { PATH: process.env['PATH'] ?? '', KUBEFIT_CACHE_DIR: 'off' } });
    expect(run.status).toBe(2);
    expect(run.stderr.toString()).toBe('kubefit: cannot write the report to standard output: no space left on device\n');
  });

  // the yaml package throws on aliases expanding past its limit: kubefit crashed with a stack trace on both
  it.concurrent.each([
    ['lint', '-c', ':6:12: document contains excessive aliasing'],
    ['fit', '--scheduler-config', ': document contains excessive aliasing'],
  ])('%s exits 2 with one line on an alias bomb given to %s', async (command, flag, expected) => {
    const bomb = join(dir, 'billion-laughs.yaml');
    const run = await spawnCli([command, flag, bomb, CONTROL]);
    expectNoCrash(run);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toMatch(new RegExp(`^kubefit: .*billion-laughs\\.yaml${expected}$`));
  });

  it.concurrent('exits 2 with one line when nothing matches', async () => {
    const run = await spawnCli(['check', join(dir, 'no-such-dir/')]);
    expectNoCrash(run);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^kubefit: no input found in /);
  });

  it.concurrent.each([['json'], ['sarif'], ['text']])('renders every committed hostile file as %s', async (format) => {
    const run = await spawnCli(['check', '--format', format, 'fixtures/hostile']);
    expectNoCrash(run);
    expect(run.code).toBe(1);
    if (format === 'json' || format === 'sarif') expect(() => JSON.parse(run.stdout) as unknown).not.toThrow();
    expect(run.stdout).toContain('unclosed-double-quote.yaml');
  });
});
