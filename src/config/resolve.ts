// The configuration a run uses: defaults, then the config file, then command-line flags.
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { DEFAULT_CONFIG, type FailOn, type IgnoreEntry, type KubefitConfig } from './config.js';
import type { ConfigFile } from './load-config.js';

/** What the command line can say about configuration; absent fields keep the file's (or default) value. */
export interface ConfigFlags {
  readonly failOn?: FailOn;
  readonly kubernetesVersion?: string;
  /** Replaces the file's `cluster` list when not empty. */
  readonly cluster?: readonly string[];
}

/**
 * Paths and globs in a config file are relative to its directory; the loader names files relative to `cwd`, so both
 * are rebased onto `cwd` here and nothing downstream needs to know where the file was.
 */
export function resolveConfig(file: ConfigFile | undefined, flags: ConfigFlags, cwd: string): KubefitConfig {
  const fromFile = file === undefined ? {} : fileSettings(file, cwd);
  const fromFlags: Partial<KubefitConfig> = {
    ...(flags.failOn !== undefined && { failOn: flags.failOn }),
    ...(flags.kubernetesVersion !== undefined && { kubernetesVersion: flags.kubernetesVersion }),
    ...(flags.cluster !== undefined && flags.cluster.length > 0 && { cluster: flags.cluster }),
  };
  return { ...DEFAULT_CONFIG, baseDir: cwd, ...fromFile, ...fromFlags };
}

function fileSettings(file: ConfigFile, cwd: string): Partial<KubefitConfig> {
  const { content } = file;
  const base = relative(cwd, resolve(cwd, file.baseDir));
  const path = (value: string) => rebasePath(base, value);
  const glob = (value: string) => rebaseGlob(base, value);
  const ignore = content.ignore ?? [];
  return {
    ...(content.rules !== undefined && { rules: content.rules }),
    ignorePaths: ignore.filter((entry): entry is string => typeof entry === 'string').map(glob),
    ignore: ignore.filter((entry): entry is IgnoreEntry => typeof entry !== 'string').map((entry) => (entry.path === undefined ? entry : { ...entry, path: glob(entry.path) })),
    cluster: (content.cluster ?? []).map(path),
    schemas: (content.schemas ?? []).map(path),
    rulesDirs: (content.rulesDirs ?? []).map(path),
    ...(content.kubernetesVersion !== undefined && { kubernetesVersion: content.kubernetesVersion.replace(/^v/, '').split('.').slice(0, 2).join('.') }),
    ...(content.failOn !== undefined && { failOn: content.failOn }),
    overrides: (content.overrides ?? []).map((override) => ({ files: override.files.map(glob), rules: override.rules })),
    customRules: content.customRules ?? [],
    baseDir: resolve(cwd, file.baseDir),
  };
}

function rebasePath(base: string, value: string): string {
  if (base === '' || isAbsolute(value)) return value;
  return join(base, value);
}

/** `vendor/**` in ../.kubefit.yaml becomes `../vendor/**`; globs starting with `**` match at any depth and stay. */
function rebaseGlob(base: string, glob: string): string {
  if (base === '' || glob.startsWith('**') || isAbsolute(glob)) return glob;
  return `${base.split(sep).join('/')}/${glob.replace(/^\.\//, '')}`;
}
