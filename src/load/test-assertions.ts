// End-to-end test assertions: files that chainsaw (kyverno/chainsaw) and kuttl match against a cluster's objects after
// a test step and never apply. They hold partial objects, often with JMESPath keys (`(starts_with(name, 'app-')):
// true`), so checking them as manifests gives errors on files that are right: they are skipped, with one info each.
// The file of a chainsaw `patch` operation is a merge patch of the live object (chainsaw reads the object, then sends
// the file as a JSON merge patch): a fragment, read as kustomize's patches are.
import { basename, dirname, join, normalize } from 'node:path';
import { globToRegExp } from '../model/glob.js';
import { asArray, asRecord } from '../model/object.js';

const CHAINSAW_TEST_NAMES: ReadonlySet<string> = new Set(['chainsaw-test.yaml', 'chainsaw-test.yml', 'chainsaw-test.json']);

/** kuttl's (and chainsaw's, for tests without a chainsaw-test.yaml) step file names for assertions: `01-assert.yaml`, `02-errors.yaml`. */
const CONVENTIONAL_ASSERTION = /^\d+-(?:assert|errors?)(?:-[^/\\]*)?\.ya?ml$/;

/** The operations of a chainsaw step whose file is matched against the cluster (apply, create, update are applied). */
const ASSERTING_OPERATIONS = ['assert', 'error'] as const;
/** The operation whose file is merged into the live object. upstream: kyverno/chainsaw pkg/engine/operations/patch */
const PATCHING_OPERATIONS = ['patch'] as const;
const STEP_BLOCKS = ['try', 'catch', 'finally', 'cleanup'] as const;

export function isChainsawTestFile(file: string): boolean {
  return CHAINSAW_TEST_NAMES.has(basename(file));
}

/**
 * The input files (normalized paths) that are test assertions: named by a chainsaw Test's `assert` or `error`
 * operations (paths relative to the test's folder; globs allowed), or named as kuttl names them.
 */
export function assertionFiles(tests: readonly ChainsawTest[], files: readonly string[]): Set<string> {
  const normalized = files.map((file) => normalize(file));
  return namedFiles(tests, normalized, ASSERTING_OPERATIONS, new Set(normalized.filter((file) => CONVENTIONAL_ASSERTION.test(basename(file)))));
}

/** The input files (normalized paths) that a chainsaw Test's `patch` operations merge into live objects. */
export function chainsawPatchFiles(tests: readonly ChainsawTest[], files: readonly string[]): Set<string> {
  return namedFiles(tests, files.map((file) => normalize(file)), PATCHING_OPERATIONS, new Set());
}

interface ChainsawTest {
  readonly file: string;
  readonly value: unknown;
}

/** `out` with the files among `normalized` that the tests' `operations` name (paths relative to the test; globs allowed). */
function namedFiles(tests: readonly ChainsawTest[], normalized: readonly string[], operations: readonly string[], out: Set<string>): Set<string> {
  for (const { file, value } of tests) {
    for (const reference of operationFiles(value, operations)) {
      const path = normalize(join(dirname(file), reference));
      if (!/[*?]/.test(reference)) out.add(path);
      else for (const candidate of normalized) if (globToRegExp(path.replace(/\\/g, '/')).test(candidate.replace(/\\/g, '/'))) out.add(candidate);
    }
  }
  return out;
}

/** The `file` of every operation of those kinds in a chainsaw Test's steps. */
function operationFiles(value: unknown, operations: readonly string[]): string[] {
  const test = asRecord(value);
  if (!test || typeof test['apiVersion'] !== 'string' || !test['apiVersion'].startsWith('chainsaw.kyverno.io/') || test['kind'] !== 'Test') return [];
  const files: string[] = [];
  for (const step of asArray(asRecord(test['spec'])?.['steps'])) {
    for (const block of STEP_BLOCKS) {
      for (const operation of asArray(asRecord(step)?.[block])) {
        for (const name of operations) {
          const path = asRecord(asRecord(operation)?.[name])?.['file'];
          if (typeof path === 'string' && path !== '' && !/^[a-z]+:\/\//.test(path)) files.push(path);
        }
      }
    }
  }
  return files;
}
