import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { withLinearErrorAppends } from './ajv-code.js';

const require = createRequire(import.meta.url);

describe('ajv standalone code rewrites', () => {
  it('collects the errors of a referenced schema in place, in the same order as ajv', () => {
    const { default: Ajv } = require('ajv') as typeof import('ajv');
    const standalone = (require('ajv/dist/standalone/index.js') as typeof import('ajv/dist/standalone/index.js')).default;
    const schema = { $id: 'list', type: 'array', items: { $ref: '#/definitions/item' }, definitions: { item: { type: 'object', required: ['name'], properties: { name: { type: 'string' } }, additionalProperties: false } } };
    const ajv = new Ajv({ allErrors: true, inlineRefs: false, code: { source: true } });
    const original = standalone(ajv, ajv.compile(schema) as never);
    const rewritten = withLinearErrorAppends(original);
    expect(original).toContain('vErrors.concat(');
    expect(rewritten).not.toContain('vErrors.concat(');
    const run = (code: string) => {
      const module = { exports: {} as Record<string, unknown> };
      new Function('module', 'exports', 'require', code)(module, module.exports, require);
      const validate = module.exports as unknown as ((data: unknown) => boolean) & { errors: { instancePath: string; keyword: string }[] | null };
      validate([{ x: 1 }, { name: 'ok' }, { name: 2 }, {}]);
      return validate.errors?.map((error) => `${error.instancePath} ${error.keyword}`);
    };
    expect(run(rewritten)).toEqual(run(original));
    expect(run(rewritten)).toEqual(['/0 required', '/0 additionalProperties', '/2/name type', '/3 required']);
  });

  it('leaves no quadratic error collection in the generated built-in validators', () => {
    for (const file of readdirSync('schemas').filter((name) => name.endsWith('.cjs'))) {
      expect(readFileSync(`schemas/${file}`, 'utf8'), file).not.toContain('vErrors.concat(');
    }
  });
});
