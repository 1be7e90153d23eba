// What a start costs beyond bare node: a one-file lint (the pre-commit hook's run) must not load Node built-ins it
// never calls (see src/load/deferred-builtins.ts and src/load/async-fs.ts).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnCli } from './hostile/spawn-cli.js';

const temporary: string[] = [];

afterAll(async () => {
  for (const dir of temporary) await rm(dir, { recursive: true, force: true });
});

describe('a one-file lint start', () => {
  it('loads neither node:crypto nor node:fs/promises', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kubefit-start-up-'));
    temporary.push(dir);
    const probe = join(dir, 'loaded.cjs');
    const listing = join(dir, 'loaded.txt');
    await writeFile(probe, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(listing)}, process.moduleLoadList.join('\\n')));\n`);
    for (const cache of ['off', dir]) {
      const run = await spawnCli(['lint', 'fixtures/demo/app/shop.yaml'], { nodeFlags: ['--require', probe], env: { KUBEFIT_CACHE_DIR: cache } });
      expect(run.code === 0 || run.code === 1).toBe(true);
      const loaded = (await readFile(listing, 'utf8')).split('\n');
      expect(loaded.filter((name) => name === 'NativeModule crypto' || name === 'NativeModule fs/promises')).toEqual([]);
    }
  });
});
