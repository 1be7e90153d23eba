import { describe, expect, it } from 'vitest';
import { loadSchemaDirs } from './schema-dirs.js';

describe('loadSchemaDirs', () => {
  it('keys group/kind_version.json files by their lower-case group/kind_version', async () => {
    const { schemas, errors } = await loadSchemaDirs(['schemas'], 'fixtures/schema');
    expect(errors).toEqual([]);
    expect([...schemas.keys()]).toEqual(['example.com/restore_v1']);
  });

  it('reports a directory it cannot read', async () => {
    const { schemas, errors } = await loadSchemaDirs(['missing'], 'fixtures/schema');
    expect(schemas.size).toBe(0);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^cannot read schema directory missing: /);
  });
});
