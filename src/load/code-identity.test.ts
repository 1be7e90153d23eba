import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codeIdentity } from './code-identity.js';

describe('codeIdentity', () => {
  it('names the installed versions of the packages', () => {
    const version = (name: string) => (JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { version: string }).version;
    const identity = codeIdentity(import.meta.url, ['js-yaml', '@bufbuild/cel', 'no-such-package']);
    expect(identity.split(' ').slice(1)).toEqual([`js-yaml@${version('js-yaml')}`, `@bufbuild/cel@${version('@bufbuild/cel')}`, 'no-such-package@unknown']);
  });
});
