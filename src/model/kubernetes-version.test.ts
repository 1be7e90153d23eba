import { describe, expect, it } from 'vitest';
import { compareReleases, NEWEST_RELEASE, OLDEST_RELEASE, resolveKubernetesRelease, toMinorRelease } from './kubernetes-version.js';

describe('Kubernetes releases', () => {
  it('ships every minor release from 1.27 to 1.36', () => {
    expect([OLDEST_RELEASE, NEWEST_RELEASE]).toEqual(['1.27', '1.36']);
  });

  it('reads minor releases the way kubectl and clusters print them', () => {
    expect(['1.29', 'v1.29.3', '1.29.0-rc.1', ' 1.30 ', 'latest', '1'].map(toMinorRelease)).toEqual(['1.29', '1.29', '1.29', '1.30', undefined, undefined]);
  });

  it('checks the newest release unless told otherwise', () => {
    expect(resolveKubernetesRelease(undefined)).toBe('1.36');
    expect(resolveKubernetesRelease('v1.31.4', '--kubernetes-version')).toBe('1.31');
  });

  it('rejects a release outside the shipped range, naming the range', () => {
    expect(() => resolveKubernetesRelease('1.26', '--kubernetes-version')).toThrow('--kubernetes-version 1.26 is not supported: kubefit checks Kubernetes 1.27 to 1.36');
    expect(() => resolveKubernetesRelease('1.37')).toThrow('kubernetesVersion 1.37 is not supported: kubefit checks Kubernetes 1.27 to 1.36');
    expect(() => resolveKubernetesRelease('latest')).toThrow('kubernetesVersion must look like 1.34 or v1.34.2, got "latest"');
  });

  it('orders releases by major and minor', () => {
    expect(compareReleases('1.25', '1.25')).toBe(0);
    expect(compareReleases('v1.25.3', '1.26')).toBeLessThan(0);
    expect(compareReleases('1.100', '1.26')).toBeGreaterThan(0);
  });
});
