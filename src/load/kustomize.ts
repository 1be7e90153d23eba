// Kustomize inputs: kustomization files and the files they use as patches or configuration are not cluster objects.
import { basename, dirname, join, normalize } from 'node:path';
import { asRecord } from '../model/object.js';

/**
 * `kustomization`: a kustomization.yaml (its own kind, or none); `patch`: a file named only as a patch, whose documents
 * are fragments of the objects they patch; `configuration`: transformer, generator, validator, replacement and
 * openapi files, read by kustomize only.
 */
export type KustomizeRole = 'kustomization' | 'patch' | 'configuration';

const KUSTOMIZATION_NAMES = new Set(['kustomization.yaml', 'kustomization.yml', 'Kustomization']);

export function isKustomizationFile(file: string): boolean {
  return KUSTOMIZATION_NAMES.has(basename(file));
}

/** A kustomize configuration object: `kustomize.config.k8s.io` kinds and built-in plugin configs (`apiVersion: builtin`). */
export function isKustomizeConfiguration(value: Readonly<Record<string, unknown>>): boolean {
  const apiVersion = value['apiVersion'];
  return apiVersion === 'builtin' || (typeof apiVersion === 'string' && apiVersion.startsWith('kustomize.config.k8s.io/'));
}

/** A document that only makes sense as a strategic-merge patch (`$patch: delete` or `replace` at its root). */
export function isPatchDocument(value: Readonly<Record<string, unknown>>): boolean {
  return typeof value['$patch'] === 'string';
}

/** The role of every file the kustomizations name (paths joined to the kustomization's directory, normalised). */
export function kustomizeRoles(kustomizations: readonly { file: string; value: unknown }[]): Map<string, KustomizeRole> {
  const patches = new Set<string>();
  const resources = new Set<string>();
  const roles = new Map<string, KustomizeRole>();
  for (const { file, value } of kustomizations) {
    roles.set(normalize(file), 'kustomization');
    const record = asRecord(value) ?? {};
    const at = (entry: string) => normalize(join(dirname(file), entry));
    for (const entry of pathsOf(record, ['resources'])) resources.add(at(entry));
    for (const entry of pathsOf(record, ['patches', 'patchesStrategicMerge', 'patchesJson6902'])) patches.add(at(entry));
    for (const entry of pathsOf(record, ['configurations', 'transformers', 'generators', 'validators', 'replacements', 'openapi', 'crds'])) roles.set(at(entry), 'configuration');
  }
  for (const patch of patches) if (!resources.has(patch) && !roles.has(patch)) roles.set(patch, 'patch');
  return roles;
}

/** File paths listed under `fields`: plain strings or `{ path }` entries; inline patches (several lines) are not files. */
function pathsOf(record: Readonly<Record<string, unknown>>, fields: readonly string[]): string[] {
  const paths: string[] = [];
  for (const field of fields) {
    const value = record[field];
    for (const entry of Array.isArray(value) ? value : [value]) {
      const path = typeof entry === 'string' ? entry : asRecord(entry)?.['path'];
      if (typeof path === 'string' && !path.includes('\n') && !/^[a-z]+:\/\//.test(path)) paths.push(path);
    }
  }
  return paths;
}

/** Root keys of a strategic-merge patch, with the directives (`$patch`, `$setElementOrder/…`, `$retainKeys`) removed. */
export function withoutPatchDirectives(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPatchDirectives);
  const record = asRecord(value);
  if (!record) return value;
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(record)) if (!key.startsWith('$')) out[key] = withoutPatchDirectives(entry);
  return out;
}
