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
  return (await discoverConfigFiles(cwd))[0];
}

/**
 * The config files of the nearest directory upward that has one, in order of preference: the first is used, any other
 * is ignored (and worth a warning, since it may be the one the user edits).
 */
export async function discoverConfigFiles(cwd: string): Promise<readonly string[]> {
  for (let directory = resolve(cwd); ; directory = dirname(directory)) {
    const files: string[] = [];
    for (const name of CONFIG_FILE_NAMES) {
      const file = join(directory, name);
      if (await isFile(file)) files.push(file);
    }
    if (files.length > 0) return files;
    if (dirname(directory) === directory) return [];
  }
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
