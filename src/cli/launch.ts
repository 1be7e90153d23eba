#!/usr/bin/env node
// The kubefit executable as installed (bundled to dist/bundle/cli/bin.js): runs the bundled CLI beside it (kubefit.js)
// through V8's code cache in the per-user cache directory, so a start deserialises compiled code instead of parsing and
// compiling 650 kB of JavaScript (about a third of a cold start). Without a cache directory (KUBEFIT_CACHE_DIR=off) it
// is an ordinary require; an unusable one only costs the compilation it would have saved. Each command has a cache of
// its own, written by its first run that finishes an analysis (exit 0 or 1): it holds the functions that run compiled
// (V8 compiles lazily), so a `lint` start does not depend on whether `--version`, a usage error or `fit` came first.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { codeVersion, readModuleFunction, runWithCodeCache } from '../load/code-cache.js';
import { IMPORT_MODULE } from '../load/import-module.js';
import { cacheDirectory, validatorCodeStore } from '../load/validator-cache-dir.js';
import { LINEAR_ENGINE_FLAG } from '../model/linear-regexp.js';
import { toolVersion } from '../version.js';
import { lowerBackgroundThreads } from './background-threads.js';
import { COMMANDS } from './command-names.js';

// V8's young generation keeps its first size (1 MiB semi-spaces) instead of doubling up to 16 MiB when collections see
// many survivors, as they do when manifest values are kept for the cross-object rules: the doubled space only adds
// ~40 MiB to the peak (lint of 10,000 documents: 214 -> 172 MiB at the same CPU time, see bench/README.md). The
// growth factor is the one young-generation size V8 reads after start (--max-semi-space-size would need a second
// process). Set first and for every command: V8's code caches record the flags they were made with and are rejected
// under others, and the commands share the validators' caches. V8 hashes the flags' values at each cache read and
// write, so switching to its default growth once the bundle has loaded would need every later cache read and written
// under these flags: measured in the sixth round, the default growth made lint of 10,000 documents about 5% less CPU
// for 25 MiB more peak (4x kubeconform's), so the factor stays 1 (bench/README.md). `fit` alone keeps V8's default
// growth: it reads no validators (its code cache is its own), and what it keeps alive is the cluster, which the doubled
// young generation copies less often: fit of 1,000 pods on 20,000 nodes 11% less CPU (3.37 vs 3.78 s, medians of 7
// interleaved runs), the same on 5,000 nodes (2.05 vs 2.01 s) for ~20 MiB more peak there (bench/README.md).
// TurboFan inlines no calls: its optimising compiles then take less of the second core (which V8's background
// compilers share with the GC helpers) and the code runs as fast, so every command spends less CPU (bench/README.md,
// tenth round: lint of 10,000 documents and fit of 1,000 pods on 5,000 nodes about 11% and 15% less, wall no worse).
// Set for every command, for the same reason as the growth factor: the code caches record it.
setFlagsFromString('--no-turbo-inlining');
// Regular expressions from the inputs that JavaScript's engine might run in exponential time run in V8's linear-time
// one (model/linear-regexp.ts); its flag is set here, before any code cache is read, for the reason above.
setFlagsFromString(LINEAR_ENGINE_FLAG);
const command = commandOf(process.argv.slice(2));
if (command !== 'fit') setFlagsFromString('--semi-space-growth-factor=1');
// `fit` alone: its background work is mostly TurboFan's, which can wait (background-threads.ts); lint's is mostly the
// parallel scavenges of its small young generation, which the main thread waits for: lowered, lint of 10,000
// documents took 4% more wall time (bench/README.md)
if (command === 'fit') lowerBackgroundThreads();
const cli = fileURLToPath(new URL('kubefit.js', import.meta.url));
(globalThis as { [IMPORT_MODULE]?: (url: string) => Promise<unknown> })[IMPORT_MODULE] = (url) => import(url);
const directory = cacheDirectory(process.env);
if (directory === undefined) createRequire(cli)(cli);
else {
  const key = `cli-${codeVersion(cli)}-${command ?? 'none'}`;
  const { saveCodeCache } = runWithCodeCache(readModuleFunction(cli), cli, { store: validatorCodeStore(directory, toolVersion()), key });
  if (saveCodeCache && command !== undefined) process.once('beforeExit', () => (process.exitCode === 0 || process.exitCode === 1) && saveCodeCache());
}

/** The command a run analyses with (as args.ts finds it: named anywhere, else check when a path is given); undefined for --version and --help. */
function commandOf(argv: readonly string[]): string | undefined {
  return COMMANDS.find((name) => argv.includes(name)) ?? (argv.some((arg) => !arg.startsWith('-')) ? 'check' : undefined);
}
