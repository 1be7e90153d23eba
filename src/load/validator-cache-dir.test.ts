import { mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validateObjects } from '../schema/validate.js';
import { loadManifests } from './load-manifests.js';
import { cacheDirectory, pruneStore, validatorCodeStore } from './validator-cache-dir.js';

const made: string[] = [];
function temporaryDirectory(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kubefit-cache-'));
  made.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('cacheDirectory', () => {
  it('follows KUBEFIT_CACHE_DIR, then the OS cache directory', () => {
    expect(cacheDirectory({ KUBEFIT_CACHE_DIR: '/tmp/k' }, 'linux', '/home/u')).toBe('/tmp/k');
    expect(cacheDirectory({ KUBEFIT_CACHE_DIR: 'off' }, 'linux', '/home/u')).toBeUndefined();
    expect(cacheDirectory({ KUBEFIT_CACHE_DIR: '0' }, 'linux', '/home/u')).toBeUndefined();
    expect(cacheDirectory({ XDG_CACHE_HOME: '/x' }, 'linux', '/home/u')).toBe('/x/kubefit');
    expect(cacheDirectory({ XDG_CACHE_HOME: 'relative' }, 'linux', '/home/u')).toBe('/home/u/.cache/kubefit');
    expect(cacheDirectory({}, 'linux', '/home/u')).toBe('/home/u/.cache/kubefit');
    expect(cacheDirectory({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Caches/kubefit');
  });
});

describe('validatorCodeStore', () => {
  it('keeps code per kubefit version in a private directory', () => {
    const dir = temporaryDirectory();
    const store = validatorCodeStore(dir, '1.2.3');
    expect(store.read('abc.cjs')).toBeUndefined();
    store.write('abc.cjs', 'module.exports = 1;');
    expect(store.read('abc.cjs')?.toString()).toBe('module.exports = 1;');
    expect(validatorCodeStore(dir, '1.2.4').read('abc.cjs')).toBeUndefined();
    expect(statSync(join(dir, '1.2.3', 'validators')).mode & 0o077).toBe(0);
  });

  it('keeps the newest entries within its bounds, results before compiled code, never the CLI\'s or built-in validators\' code caches', () => {
    const dir = temporaryDirectory();
    const names = ['builtin-pod.v8', 'cli-1-lint.v8', 'crd.cjs', 'a.json', 'b.json', 'c.json', 'd.json', 'e.json'];
    names.forEach((name, age) => {
      writeFileSync(join(dir, name), 'x'.repeat(100));
      utimesSync(join(dir, name), 1_000 + age, 1_000 + age);
    });
    pruneStore(dir, { bytes: 10_000, files: 6 });
    expect(readdirSync(dir).sort()).toEqual(names.sort());
    // the oldest is the CRD's code: the results go first
    pruneStore(dir, { bytes: 10_000, files: 5 });
    expect(readdirSync(dir).sort()).toEqual(['builtin-pod.v8', 'cli-1-lint.v8', 'crd.cjs', 'd.json', 'e.json']);
    // past the byte bound the newer results go before the older code
    pruneStore(dir, { bytes: 150, files: 100 });
    expect(readdirSync(dir).sort()).toEqual(['builtin-pod.v8', 'cli-1-lint.v8', 'crd.cjs']);
  });

  it('acts empty when the directory cannot be created', () => {
    const file = join(temporaryDirectory(), 'not-a-directory');
    writeFileSync(file, '');
    const store = validatorCodeStore(file, '1.2.3');
    store.write('abc.cjs', 'code');
    expect(store.read('abc.cjs')).toBeUndefined();
  });
});

describe('custom-resource validators through the cache', () => {
  async function run(dir: string): Promise<string[]> {
    const { objects } = await loadManifests(['custom-resources.yaml'], { cwd: 'fixtures/schema' });
    const validatorStore = validatorCodeStore(dir, 'test');
    return validateObjects(objects, { kubernetesVersion: undefined, extraSchemas: new Map(), strictKinds: false, validatorStore }).map(
      (finding) => `${finding.line}:${finding.column} ${finding.message}`,
    );
  }

  it('compiles once, then reuses the cached code and V8 code cache with the same findings; corrupted entries are replaced', async () => {
    const dir = temporaryDirectory();
    const first = await run(dir);
    expect(first).toContain('47:3 unknown field "schedul" in spec (did you mean "schedule"?)');
    const all = readdirSync(join(dir, 'test', 'validators')).sort();
    // the built-in validators' code caches sit beside the CRD's code and code cache
    expect(all.filter((name) => name.startsWith('builtin-')).length).toBeGreaterThan(0);
    // and one verdict per custom resource (validation-verdicts.ts)
    const verdicts = all.filter((name) => name.startsWith('verdict-'));
    expect(verdicts.length).toBeGreaterThan(0);
    const entries = all.filter((name) => !name.startsWith('builtin-') && !name.startsWith('verdict-'));
    expect(entries.map((name) => name.replace(/^[0-9a-f]{64}/, 'KEY'))).toEqual(['KEY.cjs', 'KEY.v8']);
    const [code, codeCache] = entries.map((name) => join(dir, 'test', 'validators', name));
    if (!code || !codeCache) throw new Error('missing cache entries');
    const mtimes = [statSync(code).mtimeMs, statSync(codeCache).mtimeMs];
    expect(await run(dir)).toEqual(first);
    expect([statSync(code).mtimeMs, statSync(codeCache).mtimeMs]).toEqual(mtimes);
    // without the verdicts the validator runs again, from the cached code
    for (const name of verdicts) rmSync(join(dir, 'test', 'validators', name));
    expect(await run(dir)).toEqual(first);
    expect([statSync(code).mtimeMs, statSync(codeCache).mtimeMs]).toEqual(mtimes);
    for (const name of verdicts) rmSync(join(dir, 'test', 'validators', name));
    // V8 rejects a foreign code cache in a new process; within this one its isolate cache may serve the script instead
    writeFileSync(codeCache, 'not a code cache');
    expect(await run(dir)).toEqual(first);
    for (const name of verdicts) rmSync(join(dir, 'test', 'validators', name));
    writeFileSync(code, 'this is not { javascript');
    expect(await run(dir)).toEqual(first);
    expect(statSync(code).size).toBeGreaterThan(100);
  });
});
