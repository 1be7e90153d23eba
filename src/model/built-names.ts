// The names kustomize builds give an object besides its written one (namePrefix and nameSuffix).
import { groupOf } from './kinds.js';
import { asRecord } from './object.js';

/** A build's namePrefix and nameSuffix, the outer kustomizations' around the inner ones'. */
export interface NameAffix {
  readonly prefix: string;
  readonly suffix: string;
}

const NONE: readonly string[] = Object.freeze([]);

/**
 * The names `affixes` give an object written as `value`, without its written name. CustomResourceDefinitions,
 * Namespaces and apiregistration.k8s.io APIServices keep theirs: the API server derives or matches them.
 */
// upstream: kustomize api/internal/builtins/PrefixTransformer.go prefixFieldSpecsToSkip (v5)
export function builtNames(value: Readonly<Record<string, unknown>>, affixes: readonly NameAffix[]): readonly string[] {
  const { kind, apiVersion } = value;
  const name = asRecord(value['metadata'])?.['name'];
  if (typeof name !== 'string' || name === '' || typeof kind !== 'string' || isNeverRenamed(kind, typeof apiVersion === 'string' ? apiVersion : '')) return NONE;
  const names = new Set(affixes.map(({ prefix, suffix }) => `${prefix}${name}${suffix}`));
  names.delete(name);
  return names.size === 0 ? NONE : [...names];
}

function isNeverRenamed(kind: string, apiVersion: string): boolean {
  return kind === 'CustomResourceDefinition' || kind === 'Namespace' || (kind === 'APIService' && groupOf(apiVersion) === 'apiregistration.k8s.io');
}
