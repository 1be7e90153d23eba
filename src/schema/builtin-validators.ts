// Loads the precompiled validator of one built-in kind on first use (a cold run pays only for the kinds it meets).
import { BUILTIN_KINDS } from './builtin-kinds.js';
import type { CompiledValidator } from './compiled-validator.js';
import { perKindFiles } from './kind-files.js';

/** True when kubefit ships a schema for this apiVersion and kind. */
export function isBuiltinKind(apiVersion: string, kind: string): boolean {
  return Object.hasOwn(BUILTIN_KINDS, `${apiVersion} ${kind}`);
}

/** The validator of a built-in kind, or undefined when kubefit has no schema for it. */
export const builtinValidator = perKindFiles<CompiledValidator>((base) => `${base}.cjs`);
