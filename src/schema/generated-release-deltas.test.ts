import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateReleaseFiles, hasReleaseSources } from '../../scripts/gen-release-deltas.js';
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
});
