import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config.js';
import type { ConfigFile } from './load-config.js';
import { resolveConfig } from './resolve.js';

const CONTENT: ConfigFile['content'] = {
  rules: { 'latest-tag': 'error' },
  ignore: ['vendor/**', '**/generated/*.yaml', { rule: 'latest-tag', path: 'legacy/*.yaml' }, { kind: 'Job' }],
  cluster: ['cluster.yaml'],
  schemas: ['crds'],
  kubernetesVersion: 'v1.33.2',
  failOn: 'warning',
  overrides: [{ files: ['test/**'], rules: { 'latest-tag': 'off' } }],
  rulesDirs: ['/opt/rules'],
};

describe('resolveConfig', () => {
  it('is the defaults without a file or flags', () => {
    expect(resolveConfig(undefined, {}, '/repo')).toEqual({ ...DEFAULT_CONFIG, baseDir: '/repo' });
  });

  it('takes the file, splitting ignore into path globs and entries', () => {
    expect(resolveConfig({ file: '/repo/.kubefit.yaml', baseDir: '/repo', content: CONTENT }, {}, '/repo')).toEqual({
      ...DEFAULT_CONFIG,
      rules: { 'latest-tag': 'error' },
      ignorePaths: ['vendor/**', '**/generated/*.yaml'],
      ignore: [{ rule: 'latest-tag', path: 'legacy/*.yaml' }, { kind: 'Job' }],
      cluster: ['cluster.yaml'],
      schemas: ['crds'],
      kubernetesVersion: '1.33',
      failOn: 'warning',
      overrides: [{ files: ['test/**'], rules: { 'latest-tag': 'off' } }],
      rulesDirs: ['/opt/rules'],
      baseDir: '/repo',
      file: '/repo/.kubefit.yaml',
    });
  });

  it('rebases paths and globs of a file in a parent directory onto the working directory', () => {
    const config = resolveConfig({ file: '/repo/.kubefit.yaml', baseDir: '/repo', content: CONTENT }, {}, '/repo/apps/shop');
    expect(config.ignorePaths).toEqual(['../../vendor/**', '**/generated/*.yaml']);
    expect(config.ignore[0]).toEqual({ rule: 'latest-tag', path: '../../legacy/*.yaml' });
    expect(config.cluster).toEqual(['../../cluster.yaml']);
    expect(config.rulesDirs).toEqual(['/opt/rules']);
    expect(config.overrides[0]?.files).toEqual(['../../test/**']);
    const inner = resolveConfig({ file: '/repo/.kubefit.yaml', baseDir: '/repo', content: { ignore: ['apps/shop/old/**'], cluster: ['apps/shop/cluster.yaml'] } }, {}, '/repo/apps/shop');
    expect([inner.ignorePaths, inner.cluster]).toEqual([['old/**'], ['cluster.yaml']]);
    const covering = resolveConfig(
      { file: '/repo/.kubefit.yaml', baseDir: '/repo', content: { ignore: ['apps/*/old/**', 'apps/**/*.json', 'apps/web/**'], overrides: [{ files: ['apps/**'], rules: {} }] } },
      {},
      '/repo/apps/shop',
    );
    expect([covering.ignorePaths, covering.overrides[0]?.files]).toEqual([['old/**', '**/*.json', '../../apps/web/**'], ['**']]);
    expect(config.baseDir).toBe('/repo');
  });

  it('lets flags win over the file', () => {
    const file: ConfigFile = { file: '/repo/.kubefit.yaml', baseDir: '/repo', content: CONTENT };
    const config = resolveConfig(file, { failOn: 'none', kubernetesVersion: '1.35', cluster: ['live.yaml'] }, '/repo');
    expect([config.failOn, config.kubernetesVersion, config.cluster]).toEqual(['none', '1.35', ['live.yaml']]);
    expect(resolveConfig(file, { cluster: [] }, '/repo').cluster).toEqual(['cluster.yaml']);
  });
});
