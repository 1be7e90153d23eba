// kubefit's own version: set at build time in the bundled CLI, else read from the package.json that ships with it.
import { readFileSync } from 'node:fs';

/** Replaced by the version string when the CLI is bundled (scripts/bundle-cli.mjs); undeclared in tsc's output. */
declare const KUBEFIT_BUILD_VERSION: string | undefined;

let cached: string | undefined;

export function toolVersion(): string {
  if (cached) return cached;
  if (typeof KUBEFIT_BUILD_VERSION === 'string') return (cached = KUBEFIT_BUILD_VERSION);
  for (const relative of ['../package.json', '../../package.json']) {
    try {
      const manifest = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as { name?: unknown; version?: unknown };
      if (manifest.name === 'kubefit' && typeof manifest.version === 'string') return (cached = manifest.version);
    } catch {
      // not at this level: try the next one
    }
  }
  return (cached = '0.0.0');
}
