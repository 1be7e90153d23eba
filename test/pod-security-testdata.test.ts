// The Pod Security checks against upstream's conformance pods: every pod under
// pod-security-admission/test/testdata/<level>/<version>/{pass,fail}/ must be allowed, or refused, by that level and
// version. Skips unless PSA_TESTDATA names that folder (a clone of kubernetes/pod-security-admission, test/testdata).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { evaluatePod } from '../src/lint/pod-security/registry.js';
import type { Level } from '../src/lint/pod-security/checks.js';
import { asRecord, asStringMap } from '../src/model/object.js';
import { containersOf } from '../src/model/workload.js';

const testdata = process.env['PSA_TESTDATA'];

/** Whether the level and version (from the file's folders) admit the pod in the file. */
function isAllowed(file: string): boolean {
  const [level, version] = file.split('/') as [Level, string];
  const pod = asRecord(parse(readFileSync(join(testdata ?? '', file), 'utf8'))) ?? {};
  const podSpec = asRecord(pod['spec']) ?? {};
  const input = { podSpec, podAnnotations: asStringMap(asRecord(pod['metadata'])?.['annotations']), containers: containersOf(podSpec, ['spec']) };
  return evaluatePod({ level, version: { minor: Number(version.replace('v1.', '')) } }, input).every((result) => result.allowed);
}

describe.skipIf(!testdata)('Pod Security checks agree with upstream test/testdata', () => {
  it('allows every pass pod and refuses every fail pod, at each level and version', () => {
    const files = fg.sync('*/v1.*/{pass,fail}/*.yaml', { cwd: testdata ?? '' }).sort();
    expect(files.length).toBeGreaterThan(1000);
    const wrong = files.filter((file) => isAllowed(file) !== file.includes('/pass/'));
    expect(wrong).toEqual([]);
  });
});
