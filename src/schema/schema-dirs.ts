// Reads --schemas directories (kubeconform's layout) into the extraSchemas map validateObjects takes.
import { readdir, readFile } from '../load/async-fs.js';
import { describeFsError } from '../load/read-file.js';
import { join, relative, resolve, sep } from 'node:path';

export interface SchemaDirs {
  /** `group/kind_version` (from `group/kind_version.json`) or `kind_version` (top-level files), lower-case. */
  readonly schemas: Map<string, unknown>;
  /** Unreadable directories and files that are not JSON, as messages for the user. */
  readonly errors: string[];
}

/** Loads `{kind}_{version}.json` and `{group}/{kind}_{version}.json` files of every directory (later ones win). */
export async function loadSchemaDirs(dirs: readonly string[], cwd: string): Promise<SchemaDirs> {
  const out: SchemaDirs = { schemas: new Map(), errors: [] };
  for (const dir of dirs) {
    // kubeconform's -schema-location takes URL templates; kubefit does not fetch
    if (/^[a-z][a-z\d+.-]*:\/\//i.test(dir)) {
      out.errors.push(`cannot read schema directory ${dir}: a URL, and kubefit reads schemas offline, from a folder in the same layout (a clone of datreeio/CRDs-catalog, for one)`);
      continue;
    }
    const root = resolve(cwd, dir);
    let entries: string[];
    try {
      entries = (await readdir(root, { encoding: 'utf8', recursive: true })).filter((entry) => /(^|[\\/])[^\\/]+_[^\\/]+\.json$/.test(entry)).sort();
    } catch (error) {
      out.errors.push(`cannot read schema directory ${dir}: ${describeFsError(error)}`);
      continue;
    }
    for (const entry of entries) {
      const parts = relative(root, join(root, entry)).split(sep);
      if (parts.length > 2) continue;
      const key = parts.join('/').replace(/\.json$/, '').toLowerCase();
      try {
        out.schemas.set(key, JSON.parse(await readFile(join(root, entry), 'utf8')) as unknown);
      } catch (error) {
        out.errors.push(`${join(dir, entry)}: not a JSON schema: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  return out;
}
