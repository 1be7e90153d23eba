// Neighbour manifests (--context): read only so that cross-object rules see the objects around the files being
// checked (a pre-commit hook passes only the changed files). They are never validated, linted or reported on. With a
// cache directory, each directory's objects are kept there keyed by file name, mtime and size, so a hook run parses
// only the files that changed since the last run; a missing, stale or unreadable cache is rebuilt, never trusted.
// A kustomization (or a chainsaw test) among them makes a file's objects depend on other files, wherever they lie
// (its patches, components, the resources a replacement reads): such a context is read as one, and kept as one.
import { createHash } from './deferred-builtins.js';
import { mkdir, readFile, rename, stat, writeFile } from './async-fs.js';
import { basename, dirname, join } from 'node:path';
import { toKubeObject, type KubeObject } from '../model/object.js';
import { appendAll } from '../model/append.js';
import { resolveFrom, type ContextListing } from './expand-inputs.js';
import { isKustomizationFile } from './kustomize.js';
import { loadManifests, type LoadLimits } from './load-manifests.js';
import { isChainsawTestFile } from './test-assertions.js';
import { NeighbourDocument } from './neighbour-document.js';
import { decodeCache, encodeCache } from './deferred-schemas.js';

export interface ContextOptions {
  readonly cwd: string;
  readonly ignorePaths: readonly string[];
  /** Absolute paths of the files being checked: they are inputs, not context. */
  readonly exclude: ReadonlySet<string>;
  /** Where to cache parsed neighbours (per user: the CLI passes the OS cache directory); no cache when absent. */
  readonly cacheDir?: string;
  readonly firstOrder: number;
  readonly limits?: Partial<LoadLimits>;
}

interface CachedFile {
  readonly mtimeMs: number;
  readonly size: number;
  readonly values: readonly Readonly<Record<string, unknown>>[];
}

/** By file name; entries are checked before use (the file is the user's to delete or damage). */
type DirectoryCache = Record<string, unknown>;

/**
 * Bump when the cached form or what the loader makes of a file changes (v2: typed List items get the List's kind; v3:
 * CRD schemas apart, deferred-schemas.ts).
 */
const CACHE_FORMAT = 'context-v3';

export async function loadContext(context: ContextListing | undefined, options: ContextOptions): Promise<KubeObject[]> {
  if (context === undefined) return [];
  // the checked files are read and cached with the rest and left out after: a pre-commit run stages other files each
  // time, and a context read as one was parsed whole again whenever the set of files it was read with changed; a
  // checked file's own edits do not make its cache stale (directoryValues)
  const { files } = context;
  const byDirectory = new Map<string, string[]>();
  if (files.some((file) => isKustomizationFile(file) || isChainsawTestFile(file))) byDirectory.set(WHOLE, [...files]);
  else {
    for (const file of files) {
      const directory = dirname(resolveFrom(options.cwd, file));
      const list = byDirectory.get(directory);
      if (list) list.push(file);
      else byDirectory.set(directory, [file]);
    }
  }
  const objects: KubeObject[] = [];
  for (const [directory, files] of byDirectory) {
    const values = await directoryValues(directory, files, options);
    for (const file of files) {
      if (options.exclude.has(resolveFrom(options.cwd, file))) continue;
      for (const [index, value] of (values.get(file) ?? []).entries()) {
        objects.push(toKubeObject({ value, document: new NeighbourDocument(file, index, value), basePath: [], order: options.firstOrder + objects.length, fromCluster: false }));
      }
    }
  }
  return objects;
}

/** The files of a context read as one (a kustomization among them) are kept as one entry, keyed by the working directory. */
const WHOLE = '\u0000whole';

/**
 * Object values of each file of one directory (or of the whole context, WHOLE): from the cache when mtime and size
 * still match, else parsed. In the whole context, one changed file has every file parsed again, together.
 */
async function directoryValues(directory: string, files: readonly string[], options: ContextOptions): Promise<Map<string, CachedFile['values']>> {
  const key = directory === WHOLE ? `${WHOLE}${options.cwd}` : directory;
  const cacheFile = options.cacheDir === undefined ? undefined : join(options.cacheDir, CACHE_FORMAT, `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.json`);
  const cached = cacheFile === undefined ? {} : await readCache(cacheFile);
  const fresh: Record<string, CachedFile> = {};
  const stale: { file: string; mtimeMs: number; size: number }[] = [];
  const uncachedChecked: typeof stale = [];
  const values = new Map<string, CachedFile['values']>();
  // a directory's entries are known by file name, the whole context's by path
  const entryName = directory === WHOLE ? (file: string) => file : basename;
  for (const file of files) {
    const info = await stat(resolveFrom(options.cwd, file)).catch(() => undefined);
    if (!info) continue;
    const hit = cached[entryName(file)];
    // a checked file's objects are left out of the context, so its edits (a pre-commit run's staged file, changed
    // again after the last run) need no re-reading: its cached entry stands; without one, it is read only with a
    // whole context read again for another reason
    const checked = options.exclude.has(resolveFrom(options.cwd, file));
    if (isCachedFile(hit) && (checked || (hit.mtimeMs === info.mtimeMs && hit.size === info.size))) {
      fresh[entryName(file)] = hit;
      values.set(file, hit.values);
    } else {
      (checked ? uncachedChecked : stale).push({ file, mtimeMs: info.mtimeMs, size: info.size });
    }
  }
  // read as one, the context is read again when any file changed, came or went (a deleted patch changes the build)
  if (directory === WHOLE && (stale.length > 0 || Object.keys(cached).length !== Object.keys(fresh).length)) {
    appendAll(stale, uncachedChecked);
    for (const [file, entry] of Object.entries(fresh)) {
      const { mtimeMs, size } = entry as CachedFile;
      stale.push({ file, mtimeMs, size });
      delete fresh[file];
    }
  }
  if (stale.length > 0) {
    const loaded = await loadManifests(stale.map(({ file }) => file), { cwd: options.cwd, ...(options.limits !== undefined && { limits: options.limits }) });
    const parsed = new Map<string, Readonly<Record<string, unknown>>[]>();
    for (const object of loaded.objects) {
      const list = parsed.get(object.file);
      if (list) list.push(object.value);
      else parsed.set(object.file, [object.value]);
    }
    for (const { file, mtimeMs, size } of stale) {
      const found = parsed.get(file) ?? [];
      fresh[entryName(file)] = { mtimeMs, size, values: found };
      values.set(file, found);
    }
  }
  const changed = stale.length > 0 || Object.keys(cached).length !== Object.keys(fresh).length;
  if (cacheFile !== undefined && changed) await writeCache(cacheFile, fresh);
  return values;
}

function isCachedFile(entry: unknown): entry is CachedFile {
  const candidate = entry as Partial<CachedFile> | undefined;
  return (
    typeof candidate === 'object' && candidate !== null && typeof candidate.mtimeMs === 'number' && typeof candidate.size === 'number' &&
    Array.isArray(candidate.values) && candidate.values.every((value) => typeof value === 'object' && value !== null && !Array.isArray(value))
  );
}

async function readCache(file: string): Promise<DirectoryCache> {
  try {
    const parsed = decodeCache(await readFile(file));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as DirectoryCache) : {};
  } catch {
    return {};
  }
}

/** Written aside and renamed, so a concurrent run reads the old cache or the new one, never half of one. */
async function writeCache(file: string, cache: DirectoryCache): Promise<void> {
  try {
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, encodeCache(cache), { mode: 0o600 });
    await rename(temporary, file);
  } catch {
    // a read-only or full cache directory only costs the next run a re-parse
  }
}
