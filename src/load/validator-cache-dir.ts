// The per-user disk cache: compiled custom-resource validators (<cache dir>/kubefit/<version>/validators/<sha256>.{cjs,v8})
// and the values of large documents (<version>/documents/, see document-cache.ts).
import { chmodSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Files by name (`<sha256>.cjs` code, `<sha256>.v8` V8 code cache); a missing or unreadable file is undefined. */
export interface CodeStore {
  read(name: string): Buffer | undefined;
  write(name: string, data: string | Uint8Array): void;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The cache directory: $KUBEFIT_CACHE_DIR ("off" or "0" disables the cache), else the OS cache directory
 * ($XDG_CACHE_HOME or ~/.cache on Linux, ~/Library/Caches on macOS, %LOCALAPPDATA% on Windows) plus "kubefit".
 */
export function cacheDirectory(env: Env, platform: string = process.platform, home: string = homedir()): string | undefined {
  const explicit = env['KUBEFIT_CACHE_DIR'];
  if (explicit !== undefined && explicit !== '') return explicit === 'off' || explicit === '0' ? undefined : explicit;
  if (platform === 'win32') return join(env['LOCALAPPDATA'] ?? join(home, 'AppData', 'Local'), 'kubefit');
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'kubefit');
  const xdg = env['XDG_CACHE_HOME'];
  return join(xdg && xdg.startsWith('/') ? xdg : join(home, '.cache'), 'kubefit');
}

/** The part of the cache one kubefit version owns: a new version never reads what an older one wrote. */
export function versionCacheDir(directory: string, toolVersion: string): string {
  return join(directory, toolVersion.replace(/[^\w.-]/g, '_'));
}

/**
 * A store of compiled validator code under `directory`, separate per kubefit version. The directory is created
 * private (0700) and used only when the current user owns it and nobody else may write to it, because its files are
 * run as code; otherwise, and on any I/O error, the store acts empty and writes nothing (safe to delete at any time).
 */
export function validatorCodeStore(directory: string, toolVersion: string): CodeStore {
  return privateStore(join(versionCacheDir(directory, toolVersion), 'validators'));
}

/** Values of large documents by content (see document-cache.ts), kept as validatorCodeStore keeps code. */
export function documentStore(directory: string, toolVersion: string): CodeStore {
  return privateStore(join(versionCacheDir(directory, toolVersion), 'documents'));
}

/** What one store may hold; past either bound its oldest entries go (see pruneStore). */
export interface StoreBounds {
  readonly bytes: number;
  readonly files: number;
}

/** Every edit of a CRD or custom resource adds entries: the store keeps the newest within these. */
const STORE_BOUNDS: StoreBounds = { bytes: 256 * 1024 * 1024, files: 5000 };

function privateStore(dir: string): CodeStore {
  let usable: boolean | undefined;
  let pruned = false;
  const ready = (): boolean => (usable ??= preparePrivateDirectory(dir));
  return {
    read(name) {
      if (!ready()) return undefined;
      try {
        return readFileSync(join(dir, name));
      } catch {
        return undefined;
      }
    },
    write(name, data) {
      if (!ready()) return;
      // once per run, at the first write: a run that only reads pays nothing, and a cold run lists the folder once
      if (!pruned) pruneStore(dir, STORE_BOUNDS);
      pruned = true;
      const file = join(dir, name);
      const temporary = `${file}.${process.pid}.tmp`;
      try {
        writeFileSync(temporary, data, { mode: 0o600 });
        renameSync(temporary, file);
      } catch {
        // a read-only or full disk only costs the next run a compilation
      }
    },
  };
}

function preparePrivateDirectory(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = statSync(dir);
    if (process.platform === 'win32') return stat.isDirectory();
    if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) return false;
    if ((stat.mode & 0o022) !== 0) chmodSync(dir, stat.mode & ~0o077);
    return (statSync(dir).mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/**
 * Deletes entries until the store is within three quarters of `bounds`, when it is past either bound: results first
 * (verdicts, clean marks, documents' values: one file read per object or document), then compiled code (a CRD's
 * validator costs seconds to compile again), each the longest written ago first. The code caches of the CLI and the
 * built-in validators (a fixed set: one per command and kind) are never counted or deleted.
 */
export function pruneStore(dir: string, bounds: StoreBounds): void {
  try {
    const entries = readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isFile() && !entry.name.startsWith('builtin-') && !entry.name.startsWith('cli-'))
      .map((entry) => {
        const stat = statSync(join(dir, entry.name));
        return { name: entry.name, bytes: stat.size, written: stat.mtimeMs, code: /\.(?:cjs|v8)$/.test(entry.name) };
      });
    let bytes = entries.reduce((sum, entry) => sum + entry.bytes, 0);
    let files = entries.length;
    if (bytes <= bounds.bytes && files <= bounds.files) return;
    entries.sort((a, b) => Number(a.code) - Number(b.code) || a.written - b.written);
    for (const entry of entries) {
      if (bytes <= 0.75 * bounds.bytes && files <= 0.75 * bounds.files) break;
      unlinkSync(join(dir, entry.name));
      bytes -= entry.bytes;
      files--;
    }
  } catch {
    // another run pruning at the same time, or an unreadable entry: the next run tries again
  }
}
