// Lists the manifest files under a directory or matching a glob. Hidden entries, node_modules and .git are skipped, and
// so is a Go module's vendor folder below the directory (said once per folder); a folder that cannot be listed is
// reported, never skipped silently. Symbolic links to directories are followed once each (a link loop neither hangs
// the walk nor repeats files); links that lead nowhere are kept so that reading them reports why. fast-glob is loaded
// only for glob patterns.
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from './async-fs.js';
import { join } from 'node:path';
import { compareStrings } from '../model/finding.js';
import { matchesPathGlob } from '../model/glob.js';
import { describeFsError } from './read-file.js';

const MANIFEST_NAME = /\.(?:ya?ml|json)$/;
const ALWAYS_IGNORED = ['**/node_modules', '**/node_modules/**', '**/.git', '**/.git/**'];

/**
 * What a directory walk found: files as the user would name them, folders it could not list with the reason, and the
 * Go module vendor folders it left out.
 */
export interface Listing {
  readonly files: string[];
  readonly unreadable: [string, string][];
  readonly vendored: string[];
}

interface Walk extends Listing {
  readonly ignore: readonly string[];
  /** Real paths of the directories and files already listed. */
  readonly seen: Set<string>;
  /** Symbolic links met, followed after every real entry: [path as named, path on disk]. */
  readonly links: [string, string][];
}

/** Files under `directory` (as the user named it), real files before links; `absolute` is where it is on disk. */
export async function walkDirectory(directory: string, absolute: string, ignorePaths: readonly string[]): Promise<Listing> {
  const walk: Walk = { ignore: [...ALWAYS_IGNORED, ...ignorePaths], seen: new Set(), files: [], unreadable: [], vendored: [], links: [] };
  await listTree(walk, { named: directory, onDisk: absolute, relative: '' });
  for (let link = walk.links.shift(); link; link = walk.links.shift()) await followLink(walk, link[0], link[1]);
  return { files: walk.files, unreadable: walk.unreadable, vendored: walk.vendored };
}

interface Folder {
  readonly named: string;
  readonly onDisk: string;
  /** Path below the walked directory, which the ignore globs are matched against. */
  readonly relative: string;
}

async function listTree(walk: Walk, folder: Folder): Promise<void> {
  const real = await realpathOrUndefined(folder.onDisk);
  if (real === undefined || !once(walk.seen, real)) return;
  let entries: Dirent[];
  try {
    entries = await readdir(folder.onDisk, { withFileTypes: true });
  } catch (error) {
    walk.unreadable.push([folder.named, `cannot list this folder: ${describeFsError(error)}`]);
    return;
  }
  entries.sort((a, b) => compareStrings(a.name, b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const child = { named: join(folder.named, entry.name), onDisk: join(folder.onDisk, entry.name), relative: folder.relative === '' ? entry.name : `${folder.relative}/${entry.name}` };
    if (isIgnored(walk, child.relative)) continue;
    if (entry.isDirectory() && entry.name === 'vendor' && (await isGoVendorFolder(child.onDisk))) walk.vendored.push(child.named);
    else if (entry.isDirectory()) await listTree(walk, child);
    else if (entry.isSymbolicLink()) walk.links.push([child.named, child.onDisk]);
    else if (MANIFEST_NAME.test(entry.name) && once(walk.seen, join(real, entry.name))) addFile(walk, child.named, entry);
  }
}

/**
 * A manifest file found by the walk; a named pipe, socket or device is reported instead (reading one may block). A
 * dangling link (no entry) is read, and its error reported, like any missing file.
 */
function addFile(walk: Walk, named: string, entry: Pick<Dirent, 'isFile' | 'isFIFO' | 'isSocket'> | undefined): void {
  if (!entry || entry.isFile()) walk.files.push(named);
  else walk.unreadable.push([named, `not a regular file (${entry.isFIFO() ? 'a named pipe' : entry.isSocket() ? 'a socket' : 'a device'}): not read`]);
}

async function followLink(walk: Walk, named: string, onDisk: string): Promise<void> {
  const info = await stat(onDisk).catch(() => undefined);
  if (info?.isDirectory()) await listTree(walk, { named, onDisk, relative: '' });
  else if (MANIFEST_NAME.test(named) && once(walk.seen, (await realpathOrUndefined(onDisk)) ?? onDisk)) addFile(walk, named, info);
}

/** A path glob ignores the entry itself, and `dir/**` ignores the folder as a whole. */
function isIgnored(walk: Walk, relative: string): boolean {
  return walk.ignore.some((glob) => matchesPathGlob(relative, glob) || (glob.endsWith('/**') && matchesPathGlob(relative, glob.slice(0, -3))));
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

/**
 * A Go module's vendored dependencies (`go mod vendor` writes vendor/modules.txt): third-party code whose test and
 * example manifests (a Node of a client library's tests) are no part of the repository's deployment.
 */
async function isGoVendorFolder(folder: string): Promise<boolean> {
  return (await stat(join(folder, 'modules.txt')).catch(() => undefined))?.isFile() === true;
}

function once(seen: Set<string>, key: string): boolean {
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}

async function realpathOrUndefined(path: string): Promise<string | undefined> {
  return realpath(path).catch(() => undefined);
}
