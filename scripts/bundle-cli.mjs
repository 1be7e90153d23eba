// Build step: bundles the CLI (dist/bundle/cli/bin.js, the package's bin) into a few ES modules, so a cold start
// loads two files instead of about 130. Code behind dynamic import() (the scheduler, the config parser, fast-glob)
// stays in chunks of its own and is loaded only when a run needs it; ajv, js-yaml, yaml and the precompiled schema
// validators are required lazily from node_modules and dist/schemas, as in the tsc output. The bundle sits two
// levels below dist/ so that the paths the sources resolve from import.meta.url (../../schemas) still work.
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
// chunk names carry content hashes: without a clean directory, every build would leave (and pack) the old ones
rmSync('dist/bundle', { recursive: true, force: true });

await build({
  entryPoints: { bin: 'src/cli/bin.ts' },
  outdir: 'dist/bundle/cli',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'bundle',
  chunkNames: 'chunk-[hash]',
  define: { KUBEFIT_BUILD_VERSION: JSON.stringify(version) },
  // bundled CommonJS packages (fast-glob, picocolors) require Node built-ins, which ES modules can only do through this
  banner: { js: "import { createRequire as kubefitCreateRequire } from 'node:module'; const require = kubefitCreateRequire(import.meta.url);" },
  legalComments: 'none',
  // less text to parse at every start; identifiers keep their names, so a crash report's stack stays readable
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});
