// kubefit's own version, read from the package.json that ships with it.
import { readFileSync } from 'node:fs';

let cached: string | undefined;

export function toolVersion(): string {
  if (cached) return cached;
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
