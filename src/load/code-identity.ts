// What a result cached on disk was computed by, for keys of caches that outlive the code: a result is only reused
// by the same code over the same dependencies.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeVersion } from './code-cache.js';

/**
 * `moduleUrl`'s file (the CLI bundle, which holds all of kubefit's code, or one module of the library build) by size
 * and modification time, plus `name@version` of each package; the kubefit version is the cache directory's.
 */
export function codeIdentity(moduleUrl: string, packages: readonly string[]): string {
  return [codeVersion(fileURLToPath(moduleUrl)), ...packages.map((name) => packageVersion(moduleUrl, name))].join(' ');
}

/**
 * `name@version` of the installed package `require` would load: the first of the lookup folders holding it (its entry
 * point is not resolved, which costs several milliseconds per package and fails for exports without package.json).
 */
function packageVersion(moduleUrl: string, name: string): string {
  for (const folder of createRequire(moduleUrl).resolve.paths(name) ?? []) {
    try {
      const manifest = JSON.parse(readFileSync(join(folder, name, 'package.json'), 'utf8')) as { version?: unknown };
      return `${name}@${String(manifest.version)}`;
    } catch {
      // not installed in this folder: the next one up
    }
  }
  return `${name}@unknown`;
}
