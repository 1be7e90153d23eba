import { describe, expect, it } from 'vitest';
import { loadManifests } from './load-manifests.js';

describe('end-to-end test assertions (chainsaw, kuttl)', () => {
  it('skips the files a chainsaw Test asserts or expects absent (globs too) and kuttl\'s NN-assert / NN-errors files, with one info each', async () => {
    const loaded = await loadManifests(['e2e-tests'], { cwd: 'fixtures' });
    expect(loaded.objects.map((object) => `${object.file} ${object.ref.kind}`)).toEqual([
      'e2e-tests/chainsaw/00-install.yaml ConfigMap',
      'e2e-tests/chainsaw/chainsaw-test.yaml Test',
    ]);
    const skipped = 'info not-kubernetes: file is an assertion of an end-to-end test (a chainsaw or kuttl step checks the cluster against it; it is never applied); skipped';
    expect(loaded.findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.severity} ${finding.ruleId}: ${finding.message}`)).toEqual([
      `e2e-tests/chainsaw/checks/pods.yaml:1:1 ${skipped}`,
      `e2e-tests/chainsaw/gone.yaml:1:1 ${skipped}`,
      `e2e-tests/chainsaw/ready.yaml:1:1 ${skipped}`,
      `e2e-tests/kuttl/01-assert.yaml:1:1 ${skipped}`,
      `e2e-tests/kuttl/02-errors.yaml:1:1 ${skipped}`,
    ]);
  });

  it('reads the file of a chainsaw patch operation as a patch (a merge patch of the live object), not as an object', async () => {
    const loaded = await loadManifests(['e2e-tests/chainsaw'], { cwd: 'fixtures' });
    expect(loaded.patches.map((patch) => `${patch.file} ${patch.ref.kind}`)).toEqual(['e2e-tests/chainsaw/01-resize.yaml PersistentVolumeClaim']);
    expect(loaded.objects.map((object) => object.file)).not.toContain('e2e-tests/chainsaw/01-resize.yaml');
  });
});
