// Compares the loader with go-yaml v2 (test/goyaml-oracle) over directories: npx tsx scripts/goyaml-diff.ts DIR...
import { readFileSync } from 'node:fs';
import fg from 'fast-glob';
import { compareWithOracle, goYamlOracle, runOracle } from '../test/goyaml-oracle.js';
const oracle = goYamlOracle();
if (!oracle) throw new Error('no oracle');
const files = process.argv.slice(2).flatMap((dir) => fg.sync('**/*.{yaml,yml,json}', { cwd: dir, absolute: true, ignore: ['**/node_modules/**'] })).sort();
const verdicts = runOracle(oracle, files);
let count = 0; let docs = 0;
for (const file of files) {
  let text: string;
  try { text = readFileSync(file, 'utf8'); } catch { continue; }
  const v = verdicts.get(file) ?? [];
  docs += v.length;
  for (const d of compareWithOracle(file, text, v)) {
    count++;
    console.log(`${d.file}:${d.line}\n   go-yaml: ${d.goYaml.slice(0, 200)}\n   kubefit: ${d.kubefit.slice(0, 300)}`);
  }
}
console.log(`files ${files.length} documents ${docs} disagreements ${count}`);
