// Writes docs/rules/*.md from the meta of the built-in rules and of every other check (npm run gen:docs); test/rule-meta.test.ts checks they are current.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { BUILTIN_RULES } from '../rules/index.js';
import { ruleCatalog } from '../src/catalog.js';
import { renderRuleDocs } from '../src/lint/rule-docs.js';

const files = renderRuleDocs(BUILTIN_RULES, ruleCatalog());
mkdirSync('docs/rules', { recursive: true });
for (const name of readdirSync('docs/rules')) if (!files.has(`docs/rules/${name}`)) rmSync(`docs/rules/${name}`);
for (const [path, text] of files) writeFileSync(path, text);
process.stdout.write(`wrote ${files.size} files to docs/rules\n`);
