import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toolVersion } from '../src/version.js';
import { runCli } from './run-cli.js';

describe('kubefit CRD validator cache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubefit-cli-cache-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps compiled validators where KUBEFIT_CACHE_DIR says, and gives the same report from the cache', async () => {
    const args = ['lint', 'fixtures/schema/custom-resources.yaml', '--format', 'json'];
    const cold = await runCli(args, { env: { KUBEFIT_CACHE_DIR: dir } });
    // one CRD: its code and V8's code cache of it (beside the code caches of the built-in validators)
    expect(readdirSync(join(dir, toolVersion(), 'validators')).filter((name) => /^[0-9a-f]{64}\./.test(name))).toHaveLength(2);
    const warm = await runCli(args, { env: { KUBEFIT_CACHE_DIR: dir } });
    expect(warm).toEqual(cold);
    expect(cold.stdout).toContain('unknown field \\"schedul\\" in spec');
  });

  it('checks CRD formats the same from the cache as when it compiles them', async () => {
    const args = ['lint', 'fixtures/schema/crd/formats.yaml', '--format', 'json'];
    const cold = await runCli(args, { env: { KUBEFIT_CACHE_DIR: dir } });
    const warm = await runCli(args, { env: { KUBEFIT_CACHE_DIR: dir } });
    expect(warm).toEqual(cold);
    expect(cold.code).toBe(1);
    expect(cold.stdout).toContain('spec.ipv4: Invalid value: \\"1.2.3.4:8080\\": spec.ipv4 in body must be of type ipv4: \\"1.2.3.4:8080\\"');
  });
});
