// The configuration of one CLI run: the discovered or named config file, resolved with the command-line flags.
import { relative } from 'node:path';
import type { KubefitConfig } from './config.js';
import { CONFIG_FILE_NAMES, discoverConfig, discoverConfigFiles } from './discover.js';
import { resolveConfig, type ConfigFlags } from './resolve.js';

export interface RunConfigOptions extends ConfigFlags {
  readonly cwd: string;
  /** --config FILE; discovered upward from cwd when absent. */
  readonly configFile?: string;
  /** Told when the discovered file's folder holds other config files, which are ignored. */
  readonly warn?: (message: string) => void;
}

export async function loadRunConfig(options: RunConfigOptions): Promise<KubefitConfig> {
  const file = options.configFile === undefined ? await discoveredFile(options) : await discoverConfig(options.cwd, options.configFile);
  if (file === undefined) return resolveConfig(undefined, options, options.cwd);
  // named relative to the working directory in messages, like manifests
  // the parser and validator of config files load only when there is one
  const { loadConfigFile } = await import('./load-config.js');
  return resolveConfig(await loadConfigFile(relative(options.cwd, file), options.cwd), options, options.cwd);
}

async function discoveredFile({ cwd, warn }: RunConfigOptions): Promise<string | undefined> {
  const [file, ...ignored] = await discoverConfigFiles(cwd);
  if (file !== undefined && ignored.length > 0) {
    const names = ignored.map((other) => relative(cwd, other)).join(' and ');
    warn?.(`${relative(cwd, file)} is the config file used; ${names} in the same folder ${ignored.length > 1 ? 'are' : 'is'} ignored (the first of ${CONFIG_FILE_NAMES.join(', ')} wins)`);
  }
  return file;
}
