// Build step: copies the precompiled schema validators (schemas/*.cjs) next to the compiled code (dist/schemas).
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';

mkdirSync('dist/schemas', { recursive: true });
for (const file of readdirSync('schemas')) if (file.endsWith('.cjs')) copyFileSync(`schemas/${file}`, `dist/schemas/${file}`);
