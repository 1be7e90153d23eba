// The installed bin runs the bundled CLI and the built-in validators through V8's code cache in the per-user cache
// directory: a cold, a warm, a corrupted and a disabled cache must all give the same run.
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { moduleFunction, readModuleFunction } from '../src/load/code-cache.js';
import { spawnCli } from './hostile/spawn-cli.js';

const ARGV = ['check', 'fixtures/demo/app', '--cluster', 'fixtures/demo/cluster', '--format', 'json'];
const temporary: string[] = [];

afterAll(async () => {
  for (const dir of temporary) await rm(dir, { recursive: true, force: true });
});

async function cacheFiles(cacheDir: string): Promise<string[]> {
  const [version] = await readdir(cacheDir);
  return version === undefined ? [] : (await readdir(join(cacheDir, version, 'validators'))).map((name) => join(cacheDir, version, 'validators', name));
}

describe('the V8 code cache of the bin', () => {
  it('gives the same report cold, warm, corrupted and off, and writes the cache once', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'kubefit-code-cache-'));
    temporary.push(cacheDir);
    const env = { KUBEFIT_CACHE_DIR: cacheDir };
    const off = await spawnCli(ARGV, { env: { KUBEFIT_CACHE_DIR: 'off' } });
    expect(off.code).toBe(1);
    // neither --version nor a run that stops with a usage error writes a command's cache: it would hold too little
    expect((await spawnCli(['--version'], { env })).code).toBe(0);
    expect((await spawnCli(['check', 'no-such-file.yaml'], { env })).code).toBe(2);
    expect((await cacheFiles(cacheDir)).filter((file) => /\/cli-/.test(file))).toEqual([]);
    const cold = await spawnCli(ARGV, { env });
    const written = await cacheFiles(cacheDir);
    const cli = written.find((file) => /\/cli-\d+-\d+-check\.v8$/.test(file));
    expect(cli).toBeDefined();
    // the Deployment's validator is in the module the pod-template kinds share
    expect(written.some((file) => /\/builtin-pod-template-kinds-\d+-\d+\.v8$/.test(file))).toBe(true);
    const coldWrite = (await stat(cli ?? '')).mtimeMs;
    const warm = await spawnCli(ARGV, { env });
    expect((await stat(cli ?? '')).mtimeMs).toBe(coldWrite);
    await writeFile(cli ?? '', 'not a code cache');
    const corrupted = await spawnCli(ARGV, { env });
    for (const run of [cold, warm, corrupted]) expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({ code: off.code, stdout: off.stdout, stderr: off.stderr });
    // V8 rejected the corrupted cache, so the run wrote a fresh one
    expect((await readFile(cli ?? '')).toString()).not.toBe('not a code cache');
  });

  it('keeps fit\'s cache, made under fit\'s own young-generation flags, across runs and beside check\'s', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'kubefit-code-cache-fit-'));
    temporary.push(cacheDir);
    const env = { KUBEFIT_CACHE_DIR: cacheDir };
    const fitArgv = ['fit', 'fixtures/demo/app', '--cluster', 'fixtures/demo/cluster', '--format', 'json'];
    const cold = await spawnCli(fitArgv, { env });
    const fitCache = (await cacheFiles(cacheDir)).find((file) => /\/cli-\d+-\d+-fit\.v8$/.test(file));
    expect(fitCache).toBeDefined();
    const written = (await stat(fitCache ?? '')).mtimeMs;
    await spawnCli(ARGV, { env });
    const warm = await spawnCli(fitArgv, { env });
    // a cache V8 rejected (made under other flags) would have been written again
    expect((await stat(fitCache ?? '')).mtimeMs).toBe(written);
    expect({ code: warm.code, stdout: warm.stdout }).toEqual({ code: cold.code, stdout: cold.stdout });
  });
});

describe('readModuleFunction', () => {
  it('reads the bundled CLI as ASCII, the fast way (a non-ASCII character in the sources would cost every start)', async () => {
    const bundle = await readFile('dist/bundle/cli/kubefit.js');
    expect(bundle.findIndex((byte) => byte > 0x7f)).toBe(-1);
    expect(readModuleFunction('dist/bundle/cli/kubefit.js')).toBe(moduleFunction(bundle.toString('utf8')));
  });

  it('decodes a file with other characters as UTF-8 and comments out its #! line, as moduleFunction does', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kubefit-read-module-'));
    temporary.push(dir);
    const code = "#!/usr/bin/env node\nmodule.exports = /^(µs|μs)$/;\n";
    await writeFile(join(dir, 'unit.cjs'), code);
    expect(readModuleFunction(join(dir, 'unit.cjs'))).toBe(moduleFunction(code));
    expect(moduleFunction(code)).toBe("(function (exports, require, module, __filename, __dirname) {//#!/usr/bin/env node\nmodule.exports = /^(µs|μs)$/;\n\n})");
  });
});
