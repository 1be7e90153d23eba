// The plain data of a file kubefit reads with the yaml package (its config, a KubeSchedulerConfiguration), or why it
// has none.
import { isAlias, visit, type Document } from 'yaml';

/**
 * Parse options that keep !!binary, !!omap, !!pairs, !!set and !!timestamp as the plain data go-yaml gives
 * sigs.k8s.io/yaml (strings and collections), not as a Uint8Array, Map, Set or Date that a JSON schema takes for an
 * empty object.
 */
export const PLAIN_DATA = { resolveKnownTags: false } as const;

export type FileValue = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string; readonly offset: number };

/**
 * The document's value; aliases that expand past the yaml package's limit (an alias bomb) are a problem at the first
 * alias, worded as go-yaml words it, where the package throws.
 */
export function fileValue(document: Document): FileValue {
  try {
    return { ok: true, value: document.toJS() };
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    return { ok: false, message: 'document contains excessive aliasing', offset: firstAliasOffset(document) };
  }
}

function firstAliasOffset(document: Document): number {
  let offset = 0;
  visit(document, {
    Alias(_key, node) {
      if (isAlias(node) && node.range) offset = node.range[0];
      return visit.BREAK;
    },
  });
  return offset;
}
