// Build step: copies the precompiled schema validators (schemas/*.cjs) and the per-release facts
// (schemas/releases/*.json) next to the compiled code (dist/schemas).
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';

mkdirSync('dist/schemas/releases', { recursive: true });
for (const file of readdirSync('schemas')) if (file.endsWith('.cjs')) copyFileSync(`schemas/${file}`, `dist/schemas/${file}`);
for (const file of readdirSync('schemas/releases')) copyFileSync(`schemas/releases/${file}`, `dist/schemas/releases/${file}`);
