#!/usr/bin/env node
// The kubefit executable as installed (bundled to dist/bundle/cli/bin.js): runs the bundled CLI beside it (kubefit.js)
// through V8's code cache in the per-user cache directory, so a start deserialises compiled code instead of parsing and
// compiling 650 kB of JavaScript (about a third of a cold start). Without a cache directory (KUBEFIT_CACHE_DIR=off) it
// is an ordinary require; an unusable one only costs the compilation it would have saved.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { runWithCodeCache } from '../load/code-cache.js';
import { cacheDirectory, validatorCodeStore } from '../load/validator-cache-dir.js';
import { toolVersion } from '../version.js';

const cli = fileURLToPath(new URL('kubefit.js', import.meta.url));
const directory = cacheDirectory(process.env);
if (directory === undefined) createRequire(cli)(cli);
else {
  const code = readFileSync(cli, 'utf8');
  const key = `cli-${createHash('sha256').update(code).digest('hex').slice(0, 32)}`;
  const { saveCodeCache } = runWithCodeCache(code, cli, { store: validatorCodeStore(directory, toolVersion()), key });
  if (saveCodeCache) process.once('beforeExit', saveCodeCache);
}
