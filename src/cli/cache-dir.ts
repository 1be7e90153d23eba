// kubefit's per-user cache directory: $KUBEFIT_CACHE_DIR, else the platform's user cache directory + /kubefit.
// Per user (under the home directory), safe to delete at any time; never a shared or world-writable location.
import { homedir, platform as osPlatform } from 'node:os';
import { join } from 'node:path';
import { toolVersion } from '../version.js';

export function userCacheDir(env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform = osPlatform(), home: string = homedir()): string {
  const explicit = env['KUBEFIT_CACHE_DIR'];
  if (explicit) return explicit;
  const base =
    platform === 'win32' ? (env['LOCALAPPDATA'] ?? join(home, 'AppData', 'Local'))
    : platform === 'darwin' ? join(home, 'Library', 'Caches')
    : (env['XDG_CACHE_HOME'] ?? join(home, '.cache'));
  // one directory per version: a new kubefit never reads what an older one wrote
  return join(base, 'kubefit', toolVersion());
}
