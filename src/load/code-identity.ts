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

/** `name@version` of an installed package (its package.json may not be exported, so it is found from the entry point). */
function packageVersion(moduleUrl: string, name: string): string {
  try {
    const entry = createRequire(moduleUrl).resolve(name);
    const marker = join('node_modules', name);
    const root = entry.slice(0, entry.lastIndexOf(marker) + marker.length);
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: unknown };
    return `${name}@${String(manifest.version)}`;
  } catch {
    return `${name}@unknown`;
  }
}
