// The configuration a run uses: defaults, then the config file, then command-line flags.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { matchesGlob } from '../model/glob.js';
import { DEFAULT_CONFIG, type FailOn, type IgnoreEntry, type KubefitConfig, type RuleOptionValues, type RuleSetting } from './config.js';
import type { ConfigFile, RuleEntry } from './load-config.js';

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
  const baseDir = resolve(cwd, file.baseDir);
  const path = (value: string) => (isAbsolute(value) ? value : relative(cwd, resolve(baseDir, value)) || '.');
  const glob = (value: string) => rebaseGlob(baseDir, cwd, value);
  const ignore = content.ignore ?? [];
  return {
    ...(content.rules !== undefined && splitRuleEntries(content.rules)),
    ...(content.extends !== undefined && { profile: content.extends === 'kubefit:strict' ? 'strict' : 'recommended' }),
    ignorePaths: ignore.filter((entry): entry is string => typeof entry === 'string').map(glob),
    ignore: ignore.filter((entry): entry is IgnoreEntry => typeof entry !== 'string').map((entry) => (entry.path === undefined ? entry : { ...entry, path: glob(entry.path) })),
    cluster: (content.cluster ?? []).map(path),
    schemas: (content.schemas ?? []).map(path),
    rulesDirs: (content.rulesDirs ?? []).map(path),
    ...(content.kubernetesVersion !== undefined && { kubernetesVersion: content.kubernetesVersion.replace(/^v/, '').split('.').slice(0, 2).join('.') }),
    ...(content.failOn !== undefined && { failOn: content.failOn }),
    overrides: (content.overrides ?? []).map((override) => ({ files: override.files.map(glob), rules: override.rules })),
    customRules: content.customRules ?? [],
    baseDir,
    file: file.file,
    locate: file.locate && locateInFile(file.locate, ignore),
  };
}

/** `locate` for paths of the resolved configuration: its ignore[i] is the file's i-th entry that is not a path glob. */
function locateInFile(locate: NonNullable<ConfigFile['locate']>, ignore: readonly (string | IgnoreEntry)[]): NonNullable<KubefitConfig['locate']> {
  const entryIndexes = ignore.flatMap((entry, index) => (typeof entry === 'string' ? [] : [index]));
  return (path) => {
    const [head, index, ...rest] = path;
    return locate(head === 'ignore' && typeof index === 'number' ? ['ignore', entryIndexes[index] ?? index, ...rest] : path);
  };
}

/**
 * `vendor/**` in ../.kubefit.yaml becomes `../vendor/**`, and seen from apps/shop, `apps/shop/old/**` becomes `old/**`,
 * `apps/*\/old/**` too and `apps/**` becomes `**`; globs starting with `**` match at any depth and stay.
 */
function rebaseGlob(baseDir: string, cwd: string, glob: string): string {
  const toBase = relative(cwd, baseDir).split(sep).join('/');
  if (toBase === '' || glob.startsWith('**') || isAbsolute(glob)) return glob;
  const pattern = glob.replace(/^\.\//, '');
  const fromBase = relative(baseDir, cwd).split(sep).join('/');
  return (!fromBase.startsWith('..') && globBelow(pattern, fromBase.split('/'))) || `${toBase}/${pattern}`;
}

/**
 * What is left of `pattern` below `directory` when its leading segments match the directory's, one segment each
 * (`*`, `?` within a segment) or any number of them (`**`, which then covers every depth below); undefined when they
 * do not, or when nothing is left.
 */
function globBelow(pattern: string, directory: readonly string[]): string | undefined {
  const segments = pattern.split('/');
  for (const [index, name] of directory.entries()) {
    const segment = segments[index];
    if (segment === '**') return segments.slice(index).join('/');
    if (segment === undefined || !matchesGlob(name, segment)) return undefined;
  }
  return segments.slice(directory.length).join('/') || undefined;
}

/** `rules` entries as written (severity, [severity, options] or options) split into severities and options. */
function splitRuleEntries(entries: Readonly<Record<string, RuleEntry>>): Pick<KubefitConfig, 'rules' | 'ruleOptions'> {
  const rules: Record<string, RuleSetting> = {};
  const ruleOptions: Record<string, RuleOptionValues> = {};
  for (const [id, entry] of Object.entries(entries)) {
    if (typeof entry === 'string') rules[id] = entry;
    else if (isSeverityAndOptions(entry)) [rules[id], ruleOptions[id]] = entry;
    else ruleOptions[id] = entry;
  }
  return { rules, ruleOptions };
}

function isSeverityAndOptions(entry: Exclude<RuleEntry, RuleSetting>): entry is readonly [RuleSetting, RuleOptionValues] {
  return Array.isArray(entry);
}
