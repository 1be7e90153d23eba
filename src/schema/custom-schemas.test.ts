import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validatorCodeStore } from '../load/validator-cache-dir.js';
import { compileCustomSchema } from './custom-schemas.js';

describe('compiled custom schemas', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubefit-custom-schemas-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('run from stored standalone code with the format checks it names', () => {
    const schema = { type: 'object', properties: { since: { type: 'string', format: 'date-time' }, ip: { type: 'string', format: 'ipv4' } } };
    const store = validatorCodeStore(dir, 'test');
    for (const run of ['compiled', 'stored']) {
      const compiled = compileCustomSchema(schema, store);
      if (typeof compiled === 'string') throw new Error(compiled);
      // only standalone code (not ajv's in-memory fallback) offers V8's code cache, until it is stored
      if (run === 'compiled') expect(compiled.saveCodeCache).toBeTypeOf('function');
      expect(compiled.validate({ since: '2024-01-01T10:00:00Z', ip: '010.0.0.1' }), run).toBe(true);
      expect(compiled.validate({ since: '2024-01-01', ip: '10.0.0.1:80' }), run).toBe(false);
      expect(compiled.validate.errors?.map((error) => [error.instancePath, error.params['format']]), run).toEqual([['/since', 'date-time'], ['/ip', 'ipv4']]);
      compiled.saveCodeCache?.();
    }
  });
});
