// Loads the precompiled validator of one built-in kind on first use (a cold run pays only for the kinds it meets); with
// a CodeStore, through V8's code cache, which starts the 350 kB workload validators in a third of the time.
import { readFileSync } from 'node:fs';
import { codeVersion, runWithCodeCache } from '../load/code-cache.js';
import type { CodeStore } from '../load/validator-cache-dir.js';
import { BUILTIN_KINDS } from './builtin-kinds.js';
import type { CompiledValidator } from './compiled-validator.js';
import { perKindFiles, schemaFile } from './kind-files.js';

/** True when kubefit ships a schema for this apiVersion and kind. */
export function isBuiltinKind(apiVersion: string, kind: string): boolean {
  return Object.hasOwn(BUILTIN_KINDS, `${apiVersion} ${kind}`);
}

const required = perKindFiles<CompiledValidator>((base) => `${base}.cjs`);
const cached = new Map<string, CompiledValidator>();
const unsavedCodeCaches: (() => void)[] = [];

/** The validator of a built-in kind, or undefined when kubefit has no schema for it. */
export function builtinValidator(apiVersion: string, kind: string, store?: CodeStore): CompiledValidator | undefined {
  const base = BUILTIN_KINDS[`${apiVersion} ${kind}`];
  if (base === undefined || store === undefined) return required(apiVersion, kind);
  let validator = cached.get(base);
  if (validator === undefined) {
    validator = withCodeCache(base, store) ?? required(apiVersion, kind);
    if (validator) cached.set(base, validator);
  }
  return validator;
}

/** Writes the code caches of the validators compiled afresh in this process (call once they have run). */
export function saveBuiltinCodeCaches(): void {
  for (const save of unsavedCodeCaches.splice(0)) save();
}

/** The validator run through the store's code cache; undefined when its file cannot be read or run that way. */
function withCodeCache(base: string, store: CodeStore): CompiledValidator | undefined {
  const file = schemaFile(`${base}.cjs`);
  try {
    const module = runWithCodeCache(readFileSync(file, 'utf8'), file, { store, key: `builtin-${base}-${codeVersion(file)}` });
    if (typeof module.exports !== 'function') return undefined;
    if (module.saveCodeCache) unsavedCodeCaches.push(module.saveCodeCache);
    return module.exports as CompiledValidator;
  } catch {
    return undefined;
  }
}
