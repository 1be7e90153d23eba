// The kustomize transformers kubefit applies against kustomize itself (`kubectl kustomize`, kustomize v5 inside
// kubectl): for a fixture tree built from one kustomization, every object kubefit reads must equal the object the build
// writes, but for the names a prefix or suffix changes. Skips where kubectl (with kustomize v5) is not installed.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { loadManifests } from '../src/load/load-manifests.js';

/** Whether kubectl with kustomize v5 (the merge order these fixtures pin down) is installed. */
function kubectl(): boolean {
  try {
    return /Kustomize Version: v5\./.test(execFileSync('kubectl', ['version', '--client'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 }));
  } catch {
    return false;
  }
}

/** The value with keys in order and without metadata.name (kustomize's prefix and suffix are not applied). */
function comparable(value: unknown): string {
  const copy = structuredClone(value) as { metadata?: { name?: string } };
  delete copy.metadata?.name;
  return JSON.stringify(copy, (_key, entry: unknown) =>
    entry && typeof entry === 'object' && !Array.isArray(entry) ? Object.fromEntries(Object.entries(entry).sort(([a], [b]) => (a < b ? -1 : 1))) : entry,
  );
}

describe.skipIf(!kubectl())('kustomize transformers and patches agree with kustomize build', () => {
  it.each([
    ['kustomize-patches', 'config/default'],
    ['kustomize-replicas', 'prod'],
    ['kustomize-labels', 'overlay'],
    ['kustomize-scaffold', 'default'],
    ['kustomize-merge', 'overlay'],
    ['kustomize-repeated-keys', '.'],
    ['kustomize-subject-namespace', '.'],
  ])('%s (built from %s)', async (tree, entry) => {
    const built = execFileSync('kubectl', ['kustomize', `fixtures/${tree}/${entry}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const written = parseAllDocuments(built).map((document) => document.toJS() as { kind: string; metadata: { name: string } });
    const loaded = await loadManifests([tree], { cwd: 'fixtures' });
    const read = written.map((object) => {
      const same = loaded.objects.find((candidate) => candidate.ref.kind === object.kind && object.metadata.name.includes(candidate.ref.name));
      return same ? comparable(same.value) : `no ${object.kind} ${object.metadata.name}`;
    });
    expect(read).toEqual(written.map(comparable));
  });
});
