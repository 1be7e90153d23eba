// Writes docs/rules/*.md from the built-in rules' meta (npm run gen:docs); test/rule-meta.test.ts checks they are current.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { BUILTIN_RULES } from '../rules/index.js';
import { renderRuleDocs } from '../src/lint/rule-docs.js';

const files = renderRuleDocs(BUILTIN_RULES);
mkdirSync('docs/rules', { recursive: true });
for (const name of readdirSync('docs/rules')) if (!files.has(`docs/rules/${name}`)) rmSync(`docs/rules/${name}`);
for (const [path, text] of files) writeFileSync(path, text);
process.stdout.write(`wrote ${files.size} files to docs/rules\n`);
