import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadManifests } from '../load/load-manifests.js';
import { validatorCodeStore } from '../load/validator-cache-dir.js';
import { exactJson } from '../model/exact-json.js';
import { verdictKey } from './validation-verdicts.js';
import { validateObjects } from './validate.js';

const FIXTURES = 'fixtures/schema/crd';

async function findings(file: string, dir?: string): Promise<string> {
  const { objects } = await loadManifests([file], { cwd: FIXTURES });
  const validatorStore = dir === undefined ? undefined : validatorCodeStore(dir, 'test');
  const found = validateObjects(objects, { kubernetesVersion: undefined, extraSchemas: new Map(), strictKinds: false, validatorStore });
  return JSON.stringify(found);
}

/** The stored verdicts (none, and no directory, when no custom resource met a schema). */
function verdictsIn(dir: string): string[] {
  const validators = join(dir, 'test', 'validators');
  return existsSync(validators) ? readdirSync(validators).filter((name) => name.startsWith('verdict-')) : [];
}

describe('custom-resource verdicts kept between runs', () => {
  const root = mkdtempSync(join(tmpdir(), 'kubefit-verdicts-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.each(readdirSync(FIXTURES).filter((name) => name.endsWith('.yaml')))('%s: the findings of a run that judges and of one that reads the verdicts equal those without a cache', async (file) => {
    const dir = join(root, file);
    const expected = await findings(file);
    expect(await findings(file, dir)).toBe(expected);
    const verdicts = verdictsIn(dir);
    expect(await findings(file, dir)).toBe(expected);
    // the second run judged nothing anew
    expect(verdictsIn(dir)).toEqual(verdicts);
  });

  it('keys only values JSON carries exactly, and tells values apart that JSON would not', () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, -0, 1n, { a: undefined }, [Number.NaN]]) expect(exactJson(value)).toBeUndefined();
    expect(verdictKey('digest', { spec: { replicas: Number.NaN } })).toBeUndefined();
    expect(verdictKey('digest', { spec: { replicas: 1 } })).toMatch(/^verdict-[0-9a-f]{64}\.json$/);
    expect(verdictKey('digest', { spec: { replicas: 1 } })).not.toBe(verdictKey('digest', { spec: { replicas: '1' } }));
    expect(verdictKey('digest', { a: 1, b: 2 })).not.toBe(verdictKey('digest', { b: 2, a: 1 }));
    expect(verdictKey('digest', { spec: {} })).not.toBe(verdictKey('other digest', { spec: {} }));
  });
});
