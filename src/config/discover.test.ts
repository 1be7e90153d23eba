import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { discoverConfig } from './discover.js';

async function project(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'kubefit-discover-'));
  onTestFinished(() => rm(root, { recursive: true, force: true }));
  for (const [file, text] of Object.entries(files)) {
    await mkdir(join(root, file, '..'), { recursive: true });
    await writeFile(join(root, file), text);
  }
  return root;
}

describe('discoverConfig', () => {
  it('finds the nearest config file upward from the working directory', async () => {
    const root = await project({ '.kubefit.yaml': '', 'apps/shop/.kubefit.yml': '', 'apps/shop/k8s/web.yaml': '' });
    expect(await discoverConfig(join(root, 'apps/shop/k8s'))).toBe(join(root, 'apps/shop/.kubefit.yml'));
    expect(await discoverConfig(join(root, 'apps'))).toBe(join(root, '.kubefit.yaml'));
  });

  it('prefers .kubefit.yaml, then .kubefit.yml, then kubefit.config.json within one directory', async () => {
    const root = await project({ '.kubefit.yml': '', 'kubefit.config.json': '{}' });
    expect(await discoverConfig(root)).toBe(join(root, '.kubefit.yml'));
    await writeFile(join(root, '.kubefit.yaml'), '');
    expect(await discoverConfig(root)).toBe(join(root, '.kubefit.yaml'));
  });

  it('ignores a directory with a config file name', async () => {
    const root = await project({ '.kubefit.yaml/keep': '', 'kubefit.config.json': '{}' });
    expect(await discoverConfig(root)).toBe(join(root, 'kubefit.config.json'));
  });

  it('uses an explicit path relative to the working directory, and fails when it is missing', async () => {
    const root = await project({ 'ci/kubefit.yaml': '', '.kubefit.yaml': '' });
    expect(await discoverConfig(root, 'ci/kubefit.yaml')).toBe(join(root, 'ci/kubefit.yaml'));
    await expect(discoverConfig(root, 'ci/missing.yaml')).rejects.toThrow('config file ci/missing.yaml not found');
  });
});
