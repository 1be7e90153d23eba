import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../load/load-manifests.js';
import { validateObjects } from '../validate.js';

/** Every schema-stage finding of the fixture for `kubernetesVersion`, as the CLI prints its position, id and message. */
async function check(kubernetesVersion: string | undefined): Promise<string[]> {
  const { objects, findings } = await loadManifests(['invalid-controller-revision.yaml'], { cwd: 'fixtures/schema/validation' });
  expect(findings).toEqual([]);
  return validateObjects(objects, { kubernetesVersion, extraSchemas: new Map(), strictKinds: false })
    .map((finding) => `${finding.line}:${finding.column} ${finding.ruleId}: ${finding.message}`);
}

// after upstream pkg/apis/apps/validation/validation_test.go TestValidateControllerRevision (data is mandatory, the
// revision is not negative) and kubernetes#125549 (ValidateControllerRevisionCreate: data must be a JSON object)
describe('ValidateControllerRevisionCreate', () => {
  it('wants data, a JSON object, and a revision of 0 or more; a DaemonSet\'s stored patch passes', async () => {
    expect(await check(undefined)).toEqual([
      '2:1 api-validation: data: Required value: data is mandatory',
      '6:11 api-validation: revision: Invalid value: -1: must be greater than or equal to 0',
      '13:7 api-validation: data: Required value: data must be a valid JSON object',
      '20:7 api-validation: data: Required value: data must be a valid JSON object',
    ]);
  });

  it('before 1.31 only missing data is refused', async () => {
    expect(await check('1.30')).toEqual([
      '2:1 api-validation: data: Required value: data is mandatory',
      '6:11 api-validation: revision: Invalid value: -1: must be greater than or equal to 0',
    ]);
  });
});
