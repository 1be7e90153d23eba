// Finds the config file: the one named with --config, or the nearest .kubefit.yaml/.kubefit.yml/kubefit.config.json upward.
import { stat } from '../load/async-fs.js';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from '../model/usage-error.js';

/** Names a config file may have, in order of preference within one directory. */
export const CONFIG_FILE_NAMES = ['.kubefit.yaml', '.kubefit.yml', 'kubefit.config.json'] as const;

/** The config file to use, or undefined when there is none. */
export async function discoverConfig(cwd: string, explicit?: string): Promise<string | undefined> {
  if (explicit !== undefined) {
    const file = resolve(cwd, explicit);
    const info = await stat(file).catch(() => undefined);
    if (!info) throw new UsageError(`config file ${explicit} not found`, 'Check the --config path.');
    if (!info.isFile()) throw new UsageError(`config file ${explicit} is not a file`, 'Check the --config path.');
    return file;
  }
  for (let directory = resolve(cwd); ; directory = dirname(directory)) {
    for (const name of CONFIG_FILE_NAMES) {
      const file = join(directory, name);
      if (await isFile(file)) return file;
    }
    if (dirname(directory) === directory) return undefined;
  }
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
