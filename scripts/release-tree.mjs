// Writes the tree a release tag points at (docs/releasing.md): exactly the files `npm pack` ships, the pre-commit hooks
// and the GitHub Action, and a package.json without devDependencies or scripts, so that pre-commit and the Action
// install only the runtime dependencies and build nothing. Usage, after `npm run build`: node scripts/release-tree.mjs OUT
import { execFileSync } from 'node:child_process';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

const out = process.argv[2];
if (!out) {
  console.error('usage: node scripts/release-tree.mjs OUT_DIR');
  process.exit(2);
}
const manifest = JSON.parse(await readFile('package.json', 'utf8'));
const { devDependencies: _dev, scripts: _scripts, ...released } = manifest;
const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }));
const files = [...packed.files.map((file) => file.path).filter((path) => path !== 'package.json'), 'action.yml', '.pre-commit-hooks.yaml', 'scripts/action-run.sh'];
await rm(out, { recursive: true, force: true });
for (const file of files) {
  await mkdir(dirname(join(out, file)), { recursive: true });
  await cp(file, join(out, file));
}
await writeFile(join(out, 'package.json'), `${JSON.stringify(released, null, 2)}\n`);
console.log(`release tree of kubefit ${manifest.version} (${files.length + 1} files) in ${out}`);
