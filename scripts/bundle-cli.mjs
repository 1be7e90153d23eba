// Build step: bundles the CLI into dist/bundle/cli/kubefit.js (one CommonJS file) and the package's bin,
// dist/bundle/cli/bin.js, a launcher that runs it through V8's code cache (src/cli/launch.ts): Node 20 can cache
// compiled code for CommonJS only, and a warm start then deserialises instead of compiling. Code behind dynamic
// import() (the scheduler, the config parser, fast-glob, the output formats but text) is evaluated only when a run
// needs it, and V8 compiles no function before its first call; ajv, js-yaml, yaml, @bufbuild/cel and the precompiled
// schema validators are required lazily from node_modules and dist/schemas, as in the tsc output. The bundle sits two
// levels below dist/ so that the paths the sources resolve from import.meta.url (../../schemas) still work.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
mkdirSync('dist/bundle/cli', { recursive: true });
// the package is "type": "module"; these two files are CommonJS
writeFileSync('dist/bundle/cli/package.json', `${JSON.stringify({ type: 'commonjs' })}\n`);

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  packages: 'bundle',
  external: ['ajv', 'ajv/*', 'js-yaml', 'yaml', '@bufbuild/*'],
  define: { KUBEFIT_BUILD_VERSION: JSON.stringify(version), 'import.meta.url': 'kubefitModuleUrl' },
  banner: { js: "'use strict';const kubefitModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  legalComments: 'none',
  // less text to parse when the code cache is cold; identifiers keep their names, so a crash report's stack stays readable
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
};
await build({ ...common, entryPoints: ['src/cli/bin.ts'], outfile: 'dist/bundle/cli/kubefit.js' });
await build({ ...common, entryPoints: ['src/cli/launch.ts'], outfile: 'dist/bundle/cli/bin.js' });
