import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateSchemaFiles } from '../../scripts/gen-schemas.js';

describe('generated schemas', () => {
  const generated = generateSchemaFiles(process.cwd());

  it('are what `npm run gen:schemas` writes today (run it after changing the script or its inputs)', () => {
    for (const [path, text] of generated) expect(readFileSync(path, 'utf8'), path).toBe(text);
  });

  it('leave no stale file in schemas/', () => {
    // the config file's schema is written by hand (src/config); releases/ has its own test; everything else is generated
    const committed = readdirSync('schemas').filter((file) => file !== 'kubefit-config.schema.json' && file !== 'releases').map((file) => `schemas/${file}`);
    expect(committed.filter((path) => !generated.has(path))).toEqual([]);
  });
});
