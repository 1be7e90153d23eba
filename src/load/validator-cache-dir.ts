// The per-user disk cache: compiled custom-resource validators (<cache dir>/kubefit/<version>/validators/<sha256>.{cjs,v8})
// and the values of large documents (<version>/documents/, see document-cache.ts).
import { chmodSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
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

function privateStore(dir: string): CodeStore {
  let usable: boolean | undefined;
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
