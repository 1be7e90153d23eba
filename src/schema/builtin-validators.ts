// Loads the precompiled validator of one built-in kind on first use (a cold run pays only for the modules of the kinds
// it meets); with a CodeStore, through V8's code cache, which starts the large validator modules in a third of the time.
import { createRequire } from 'node:module';
import { codeVersion, readModuleFunction, runWithCodeCache } from '../load/code-cache.js';
import type { CodeStore } from '../load/validator-cache-dir.js';
import { BUILTIN_KINDS, SHARED_VALIDATOR_MODULES } from './builtin-kinds.js';
import type { CompiledValidator } from './compiled-validator.js';
import { schemaFile } from './kind-files.js';

/** True when kubefit ships a schema for this apiVersion and kind. */
export function isBuiltinKind(apiVersion: string, kind: string): boolean {
  return Object.hasOwn(BUILTIN_KINDS, `${apiVersion} ${kind}`);
}

/** A validator module (schemas/<module>.cjs): each kind's validator under its schema file's base name. */
type ValidatorModule = Readonly<Record<string, CompiledValidator | undefined>>;

const require = createRequire(import.meta.url);
const modules = new Map<string, ValidatorModule>();
const unsavedCodeCaches: (() => void)[] = [];

/** The validator of a built-in kind, or undefined when kubefit has no schema for it. */
export function builtinValidator(apiVersion: string, kind: string, store?: CodeStore): CompiledValidator | undefined {
  const base = BUILTIN_KINDS[`${apiVersion} ${kind}`];
  if (base === undefined) return undefined;
  const name = SHARED_VALIDATOR_MODULES[base] ?? base;
  let module = modules.get(name);
  if (module === undefined) {
    module = (store && withCodeCache(name, store)) ?? (require(schemaFile(`${name}.cjs`)) as ValidatorModule);
    modules.set(name, module);
  }
  return module[base];
}

/** Writes the code caches of the validators compiled afresh in this process (call once they have run). */
export function saveBuiltinCodeCaches(): void {
  for (const save of unsavedCodeCaches.splice(0)) save();
}

/** The module run through the store's code cache; undefined when its file cannot be read or run that way. */
function withCodeCache(name: string, store: CodeStore): ValidatorModule | undefined {
  const file = schemaFile(`${name}.cjs`);
  try {
    const module = runWithCodeCache(readModuleFunction(file), file, { store, key: `builtin-${name}-${codeVersion(file)}` });
    if (typeof module.exports !== 'object' || module.exports === null) return undefined;
    if (module.saveCodeCache) unsavedCodeCaches.push(module.saveCodeCache);
    return module.exports as ValidatorModule;
  } catch {
    return undefined;
  }
}
