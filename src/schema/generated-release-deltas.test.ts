import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gateOf, generateReleaseFiles, hasReleaseSources, stageOf } from '../../scripts/gen-release-deltas.js';
import { KUBERNETES_RELEASES } from '../model/kubernetes-releases.js';
import { BUILTIN_KINDS } from './builtin-kinds.js';

describe('generated release facts', () => {
  it('exist for every built-in kind and for nothing else', () => {
    const expected = Object.values(BUILTIN_KINDS).map((file) => `${file}.json`).sort();
    expect(readdirSync('schemas/releases').sort()).toEqual(expected);
  });

  it('cover exactly the releases pinned in scripts/kubernetes-releases.json', () => {
    const inputs = JSON.parse(readFileSync('scripts/kubernetes-releases.json', 'utf8')) as { releases: Record<string, unknown> };
    expect(Object.keys(inputs.releases)).toEqual([...KUBERNETES_RELEASES]);
  });

  // The pinned packages are downloaded by `npm run gen:releases`; without them (a fresh clone, CI) this is skipped.
  it.skipIf(!hasReleaseSources(process.cwd()))('are what `npm run gen:releases` writes today', () => {
    for (const [path, text] of generateReleaseFiles(process.cwd())) expect(readFileSync(path, 'utf8'), path).toBe(text);
  });

  it('take a field\'s gate from the doc comment only where it says the field requires it', () => {
    expect(gateOf('If set to "PreferClose", ... This is an alpha field and requires enabling ServiceTrafficDistribution feature.', 'trafficDistribution')).toBe('ServiceTrafficDistribution');
    expect(gateOf('This field requires the DRAAdminAccess feature gate to be enabled.', 'adminAccess')).toBe('DRAAdminAccess');
    expect(gateOf('If not specified and SELinuxMount feature gate is enabled, "MountOption" is used.', 'seLinuxChangePolicy')).toBeUndefined();
    expect(gateOf('minReplicas is allowed to be 0 if the alpha feature gate HPAScaleToZero is enabled', 'minReplicas')).toBeUndefined();
  });

  it('read a field\'s own maturity from its doc comment, not a value\'s', () => {
    expect(stageOf('This is an alpha field and requires enabling the X feature gate.')).toEqual({ maturity: 'alpha', on: false });
    expect(stageOf('This is a beta field and requires enabling the X feature gate (disabled by default).')).toEqual({ maturity: 'beta', on: false });
    expect(stageOf('This field is beta-level and is enabled by default.')).toEqual({ maturity: 'beta', on: true });
    expect(stageOf('minReplicas is allowed to be 0 if the alpha feature gate HPAScaleToZero is enabled.')).toEqual({ maturity: undefined, on: true });
  });
});
