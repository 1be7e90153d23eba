// kubefit is offline: the whole demo runs with every network entry point stubbed to throw, and none is touched.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { spawnCli, STACK_FRAME } from './hostile/spawn-cli.js';

const STUB = resolve('test/hostile/block-network.mjs');
const DEMO = ['check', 'fixtures/demo/app', '--cluster', 'fixtures/demo/cluster'];

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kubefit-offline-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function attempts(log: string): Promise<string> {
  return readFile(log, 'utf8').catch(() => '');
}

describe('no network', () => {
  it('the stub catches a network call (so its silence below means something)', async () => {
    const log = join(dir, 'probe.log');
    const { spawn } = await import('node:child_process');
    const script = "try { fetch('http://example.com') } catch {} import('node:http').then((http) => { try { http.get('http://example.com') } catch {} });";
    await new Promise((done) => spawn(process.execPath, ['--import', STUB, '-e', script], { env: { KUBEFIT_NETWORK_LOG: log } }).on('close', done));
    expect((await attempts(log)).split('\n').filter(Boolean).sort()).toEqual(['fetch', 'http.get']);
  });

  it.each([['json'], ['sarif']])('runs the full demo offline as %s, with the same output as in-process', async (format) => {
    const log = join(dir, `demo-${format}.log`);
    const offline = await spawnCli([...DEMO, '--format', format], { nodeFlags: ['--import', STUB], env: { KUBEFIT_NETWORK_LOG: log } });
    const inProcess = await runCli([...DEMO, '--format', format]);
    expect(await attempts(log)).toBe('');
    expect(offline.stderr).not.toMatch(STACK_FRAME);
    expect(offline.code).toBe(inProcess.code);
    expect(offline.stdout).toBe(inProcess.stdout);
    expect(offline.stdout.length).toBeGreaterThan(0);
  });
});
