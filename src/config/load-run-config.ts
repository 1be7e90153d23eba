// The configuration of one CLI run: the discovered or named config file, resolved with the command-line flags.
import { relative } from 'node:path';
import type { KubefitConfig } from './config.js';
import { discoverConfig } from './discover.js';
import { resolveConfig, type ConfigFlags } from './resolve.js';

export interface RunConfigOptions extends ConfigFlags {
  readonly cwd: string;
  /** --config FILE; discovered upward from cwd when absent. */
  readonly configFile?: string;
}

export async function loadRunConfig(options: RunConfigOptions): Promise<KubefitConfig> {
  const file = await discoverConfig(options.cwd, options.configFile);
  if (file === undefined) return resolveConfig(undefined, options, options.cwd);
  // named relative to the working directory in messages, like manifests
  // the parser and validator of config files load only when there is one
  const { loadConfigFile } = await import('./load-config.js');
  return resolveConfig(await loadConfigFile(relative(options.cwd, file), options.cwd), options, options.cwd);
}
