// Validation verdicts kept between runs in the per-user cache (like eslint --cache): what the API server's schema and
// CEL validation say about a custom resource value, so that a repository re-checked with unchanged custom resources and
// CRDs neither starts the compiled validators nor loads @bufbuild/cel; and which large documents' objects (CRDs) the
// built-in validation found nothing in.
import { createHash } from '../load/deferred-builtins.js';
import { codeIdentity } from '../load/code-identity.js';
import { exactJson } from '../model/exact-json.js';
import type { CodeStore } from '../load/validator-cache-dir.js';
import type { CelOutcome } from './cel-validations.js';
import type { SchemaError } from './compiled-validator.js';

/** The outcome of validating one value against one CRD version: it depends on nothing else. */
export interface CustomResourceVerdict {
  /** The structural schema's errors ([] when the value is valid). */
  readonly schemaErrors: readonly SchemaError[];
  /** The x-kubernetes-validations outcome; undefined when the schema has no rules. */
  readonly cel: CelOutcome | undefined;
}

/** Bumped when the judgement changes without the schema, the value or the code's file changing. */
const VERDICT_REVISION = 'verdict-1';

/**
 * The store key of `value`'s verdict under the schema whose JSON hashes to `schemaDigest`, or undefined when the value
 * has no exact JSON form (NaN, Infinity, -0 or a bigint, which JSON would confuse with other values). Besides the
 * schema and the value, the key holds what judges them: this code's file (the CLI bundle, which holds all of it), the
 * versions of ajv and @bufbuild/cel, and the kubefit version (the store is per version).
 */
export function verdictKey(schemaDigest: string, value: unknown): string | undefined {
  const json = exactJson(value);
  if (json === undefined) return undefined;
  return `verdict-${createHash('sha256').update(judge()).update('\u0000').update(schemaDigest).update('\u0000').update(json).digest('hex')}.json`;
}

/**
 * The store key that marks an object of a document with `digest` (ManifestDocument.digest) at `basePath` as found
 * without problems by the built-in validation of `release`; the code is the judge's, as for verdictKey.
 */
export function cleanObjectKey(digest: string, basePath: readonly (string | number)[], release: string): string {
  return `clean-${createHash('sha256').update(judge()).update('\u0000').update(digest).update('\u0000').update(JSON.stringify(basePath)).update('\u0000').update(release).digest('hex')}`;
}

/** The digest verdictKey takes: of the CRD version's openAPIV3Schema as JSON. */
export function schemaDigest(schemaJson: string): string {
  return createHash('sha256').update(schemaJson).digest('hex');
}

/** The verdict stored under `key`; undefined when there is none or it cannot be read. */
export function readVerdict(store: CodeStore, key: string): CustomResourceVerdict | undefined {
  const data = store.read(key);
  if (data === undefined) return undefined;
  try {
    const verdict = JSON.parse(data.toString('utf8')) as Partial<CustomResourceVerdict>;
    return Array.isArray(verdict.schemaErrors) ? { schemaErrors: verdict.schemaErrors, cel: verdict.cel ?? undefined } : undefined;
  } catch {
    return undefined;
  }
}

/** Stores `verdict` under `key`, unless JSON cannot carry it exactly (then the next run judges again). */
export function writeVerdict(store: CodeStore, key: string, verdict: CustomResourceVerdict): void {
  const json = exactJson({ schemaErrors: verdict.schemaErrors, cel: verdict.cel ?? null });
  if (json !== undefined) store.write(key, json);
}

let judgeId: string | undefined;

function judge(): string {
  return (judgeId ??= `${VERDICT_REVISION} ${codeIdentity(import.meta.url, ['ajv', '@bufbuild/cel', '@bufbuild/protobuf'])}`);
}
