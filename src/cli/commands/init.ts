// `kubefit init`: writes the commented starter config into the working directory, never over an existing one.
import { access } from '../../load/async-fs.js';
import { join } from 'node:path';
import { CONFIG_FILE_NAMES } from '../../config/discover.js';
import { STARTER_CONFIG, STARTER_CONFIG_FILE } from '../../config/starter-config.js';
import { UsageError } from '../../model/usage-error.js';
import { writeUserFile } from '../write-user-file.js';

/** Writes the starter config; returns the line to print. */
export async function runInit(cwd: string): Promise<string> {
  for (const name of CONFIG_FILE_NAMES) {
    if (await exists(join(cwd, name))) throw new UsageError(`${name} already exists here`, 'Edit it, or remove it and run "kubefit init" again.');
  }
  await writeUserFile(join(cwd, STARTER_CONFIG_FILE), STARTER_CONFIG, 'Run kubefit init in a directory you can write to.', 'wx');
  return `wrote ${STARTER_CONFIG_FILE}, a commented starter configuration\n`;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
