// The floor lint + schema is compared with: js-yaml merely parsing the same bytes (no positions, no checks).
import { readFileSync } from 'node:fs';
import { loadAll } from 'js-yaml';

const [file] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: parse-floor FILE');
const documents = loadAll(readFileSync(file, 'utf8'));
process.stdout.write(`${documents.length} documents\n`);
