// Checks the go-yaml problem table (test/goyaml-problem-cases.ts) against go-yaml v2 itself: each case's text goes
// through the oracle (test/goyaml-oracle), whose error must be the case's `goYaml`. Run: npx tsx scripts/goyaml-problem-table.ts
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GO_YAML_PROBLEM_CASES } from '../test/goyaml-problem-cases.js';
import { goYamlOracle, runOracle } from '../test/goyaml-oracle.js';

const oracle = goYamlOracle();
if (!oracle) {
  console.log('skipped: no Go toolchain or go-yaml v2 source here (see test/goyaml-oracle.ts)');
  process.exit(0);
}
const scratch = mkdtempSync(join(tmpdir(), 'kubefit-goyaml-table-'));
try {
  const files = GO_YAML_PROBLEM_CASES.map((item, index) => {
    const file = join(scratch, `case-${index}.yaml`);
    writeFileSync(file, item.text);
    return file;
  });
  const verdicts = runOracle(oracle, files);
  const wrong = GO_YAML_PROBLEM_CASES.flatMap((item, index) => {
    const found = (verdicts.get(files[index] ?? '') ?? []).find((verdict) => verdict.status !== 'ACCEPT')?.error ?? 'accepted';
    return found === item.goYaml ? [] : [`${item.name}: the table says ${JSON.stringify(item.goYaml)}, go-yaml ${JSON.stringify(found)}`];
  });
  console.log(wrong.length === 0 ? `all ${files.length} cases agree with go-yaml` : wrong.join('\n'));
  process.exitCode = wrong.length === 0 ? 0 : 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
