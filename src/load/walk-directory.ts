// Lists the manifest files under a directory or matching a glob. Symbolic links to directories are followed once
// each (a link loop neither hangs the walk nor repeats files); links that lead nowhere are kept so that reading them
// reports why. fast-glob is loaded only here: a pre-commit run on named files never pays for it.
import { realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';

const MANIFEST_NAME = /\.(?:ya?ml|json)$/;
const ALWAYS_IGNORED = ['**/node_modules', '**/node_modules/**', '**/.git', '**/.git/**'];

interface Walk {
  readonly ignore: readonly string[];
  /** Real paths of the directories and files already listed. */
  readonly seen: Set<string>;
  readonly files: string[];
  /** Directories still to list: [path as the user would name it, path on disk]. */
  readonly pending: [string, string][];
}

/** Files under `directory` (as the user named it), real files before links; `absolute` is where it is on disk. */
export async function walkDirectory(directory: string, absolute: string, ignorePaths: readonly string[]): Promise<string[]> {
  const walk: Walk = { ignore: [...ALWAYS_IGNORED, ...ignorePaths], seen: new Set(), files: [], pending: [[directory, absolute]] };
  for (let next = walk.pending.shift(); next; next = walk.pending.shift()) await listDirectory(walk, next[0], next[1]);
  return walk.files;
}

async function listDirectory(walk: Walk, named: string, onDisk: string): Promise<void> {
  const real = await realpathOrUndefined(onDisk);
  if (real === undefined || !once(walk.seen, real)) return;
  const fg = await fastGlob();
  const entries = await fg('**', { cwd: onDisk, ignore: [...walk.ignore], onlyFiles: false, followSymbolicLinks: false, objectMode: true, suppressErrors: true });
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const entry of entries) {
    if (entry.dirent.isFile() && MANIFEST_NAME.test(entry.name) && once(walk.seen, join(real, entry.path))) walk.files.push(join(named, entry.path));
  }
  for (const entry of entries.filter((candidate) => candidate.dirent.isSymbolicLink())) {
    const target = join(onDisk, entry.path);
    const info = await stat(target).catch(() => undefined);
    if (info?.isDirectory()) walk.pending.push([join(named, entry.path), target]);
    else if (MANIFEST_NAME.test(entry.name) && once(walk.seen, (await realpathOrUndefined(target)) ?? target)) walk.files.push(join(named, entry.path));
  }
}

/** Files matching `pattern` (not followed through linked directories); undefined when it is not a pattern. */
export async function expandGlob(pattern: string, cwd: string, ignorePaths: readonly string[]): Promise<string[] | undefined> {
  const fg = await fastGlob();
  if (!fg.isDynamicPattern(pattern)) return undefined;
  const entries = await fg(pattern, { cwd, ignore: [...ALWAYS_IGNORED, ...ignorePaths], onlyFiles: false, followSymbolicLinks: false, objectMode: true, suppressErrors: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.dirent.isFile()) files.push(entry.path);
    else if (entry.dirent.isSymbolicLink() && !(await stat(join(cwd, entry.path)).catch(() => undefined))?.isDirectory()) files.push(entry.path);
  }
  return files;
}

async function fastGlob() {
  return (await import('fast-glob')).default;
}

function once(seen: Set<string>, key: string): boolean {
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}

async function realpathOrUndefined(path: string): Promise<string | undefined> {
  return realpath(path).catch(() => undefined);
}
