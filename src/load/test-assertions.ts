// End-to-end test assertions: files that chainsaw (kyverno/chainsaw) and kuttl match against a cluster's objects after
// a test step and never apply. They hold partial objects, often with JMESPath keys (`(starts_with(name, 'app-')):
// true`), so checking them as manifests gives errors on files that are right: they are skipped, with one info each.
import { basename, dirname, join, normalize } from 'node:path';
import { globToRegExp } from '../model/glob.js';
import { asArray, asRecord } from '../model/object.js';

const CHAINSAW_TEST_NAMES: ReadonlySet<string> = new Set(['chainsaw-test.yaml', 'chainsaw-test.yml', 'chainsaw-test.json']);

/** kuttl's (and chainsaw's, for tests without a chainsaw-test.yaml) step file names for assertions: `01-assert.yaml`, `02-errors.yaml`. */
const CONVENTIONAL_ASSERTION = /^\d+-(?:assert|errors?)(?:-[^/\\]*)?\.ya?ml$/;

/** The operations of a chainsaw step whose file is matched against the cluster (apply, create, patch... are applied). */
const ASSERTING_OPERATIONS = ['assert', 'error'] as const;
const STEP_BLOCKS = ['try', 'catch', 'finally', 'cleanup'] as const;

export function isChainsawTestFile(file: string): boolean {
  return CHAINSAW_TEST_NAMES.has(basename(file));
}

/**
 * The input files (normalized paths) that are test assertions: named by a chainsaw Test's `assert` or `error`
 * operations (paths relative to the test's folder; globs allowed), or named as kuttl names them.
 */
export function assertionFiles(tests: readonly { file: string; value: unknown }[], files: readonly string[]): Set<string> {
  const normalized = files.map((file) => normalize(file));
  const out = new Set(normalized.filter((file) => CONVENTIONAL_ASSERTION.test(basename(file))));
  for (const { file, value } of tests) {
    for (const reference of assertedFiles(value)) {
      const path = normalize(join(dirname(file), reference));
      if (!/[*?]/.test(reference)) out.add(path);
      else for (const candidate of normalized) if (globToRegExp(path.replace(/\\/g, '/')).test(candidate.replace(/\\/g, '/'))) out.add(candidate);
    }
  }
  return out;
}

/** The `file` of every assert and error operation of a chainsaw Test's steps. */
function assertedFiles(value: unknown): string[] {
  const test = asRecord(value);
  if (!test || typeof test['apiVersion'] !== 'string' || !test['apiVersion'].startsWith('chainsaw.kyverno.io/') || test['kind'] !== 'Test') return [];
  const files: string[] = [];
  for (const step of asArray(asRecord(test['spec'])?.['steps'])) {
    for (const block of STEP_BLOCKS) {
      for (const operation of asArray(asRecord(step)?.[block])) {
        for (const name of ASSERTING_OPERATIONS) {
          const path = asRecord(asRecord(operation)?.[name])?.['file'];
          if (typeof path === 'string' && path !== '' && !/^[a-z]+:\/\//.test(path)) files.push(path);
        }
      }
    }
  }
  return files;
}
