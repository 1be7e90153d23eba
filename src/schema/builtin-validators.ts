// Loads the precompiled validator of one built-in kind on first use (a cold run pays only for the kinds it meets).
import { createRequire } from 'node:module';
import { BUILTIN_KINDS } from './builtin-kinds.js';
import type { CompiledValidator } from './compiled-validator.js';

const require = createRequire(import.meta.url);
const loaded = new Map<string, CompiledValidator>();

/** True when kubefit ships a schema for this apiVersion and kind. */
export function isBuiltinKind(apiVersion: string, kind: string): boolean {
  return Object.hasOwn(BUILTIN_KINDS, `${apiVersion} ${kind}`);
}

/** The validator of a built-in kind, or undefined when kubefit has no schema for it. */
export function builtinValidator(apiVersion: string, kind: string): CompiledValidator | undefined {
  const file = BUILTIN_KINDS[`${apiVersion} ${kind}`];
  if (file === undefined) return undefined;
  let validator = loaded.get(file);
  if (!validator) {
    // schemas/ sits two levels up both from src/schema (tests) and from dist/src/schema (dist/schemas, copied at build)
    validator = require(`../../schemas/${file}.cjs`) as CompiledValidator;
    loaded.set(file, validator);
  }
  return validator;
}
