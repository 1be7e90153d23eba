// Files under schemas/ that exist once per built-in kind, loaded on first use (a cold run pays only for the kinds it meets).
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { BUILTIN_KINDS } from './builtin-kinds.js';

const require = createRequire(import.meta.url);

/** The path of `relative` under schemas/, which sits two levels up from src/schema (tests), dist/src/schema and the bundle's dist/bundle/cli alike. */
export function schemaFile(relative: string): string {
  return fileURLToPath(new URL(`../../schemas/${relative}`, import.meta.url));
}

/** A loader of one kind of per-kind file: `pathOf` maps the kind's base name to its path under schemas/. */
export function perKindFiles<T>(pathOf: (base: string) => string): (apiVersion: string, kind: string) => T | undefined {
  const loaded = new Map<string, T>();
  return (apiVersion, kind) => {
    const base = BUILTIN_KINDS[`${apiVersion} ${kind}`];
    if (base === undefined) return undefined;
    let value = loaded.get(base);
    if (value === undefined) {
      value = require(schemaFile(pathOf(base))) as T;
      loaded.set(base, value);
    }
    return value;
  };
}
