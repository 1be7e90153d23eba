// The resolved configuration every analyser reads: defaults <- config file <- command-line flags.
import { formatPath } from '../model/document.js';
import type { Severity } from '../model/finding.js';

export type RuleSetting = Severity | 'off';

/** Options of one rule as the config gives them; each rule's JSON Schema (meta.options) checks them. */
export type RuleOptionValues = Readonly<Record<string, unknown>>;

/** A built-in profile: `recommended` runs the rules that are on by default, `strict` every rule. */
export type Profile = 'recommended' | 'strict';
export type FailOn = Severity | 'none';

/** An ignore entry for objects you cannot annotate (third-party manifests); every given field must match. */
export interface IgnoreEntry {
  readonly rule?: string;
  readonly kind?: string;
  /** Glob on the object name (`*` and `?`). */
  readonly name?: string;
  readonly namespace?: string;
  readonly container?: string;
  /** Glob on the file path. */
  readonly path?: string;
}

/** A rule defined in configuration by a JSON Schema (Polaris' model). */
export interface SchemaRuleConfig {
  readonly id: string;
  readonly severity: Severity;
  readonly message: string;
  readonly target: 'object' | 'podSpec' | 'container';
  readonly kinds?: readonly string[];
  readonly schema: Readonly<Record<string, unknown>>;
}

export interface KubefitConfig {
  /** Per-rule severity or off; absent rules use their default. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** Per-rule options; a rule given options is on (at its default severity unless `rules` says otherwise). */
  readonly ruleOptions: Readonly<Record<string, RuleOptionValues>>;
  /** The built-in profile the config extends (`extends: kubefit:strict`); recommended by default. */
  readonly profile: Profile;
  /** Path globs whose files are not analysed at all. */
  readonly ignorePaths: readonly string[];
  readonly ignore: readonly IgnoreEntry[];
  readonly cluster: readonly string[];
  readonly schemas: readonly string[];
  readonly kubernetesVersion: string | undefined;
  readonly failOn: FailOn;
  readonly customRules: readonly SchemaRuleConfig[];
  /** Directories of JS rule modules with the same shape as the built-in ones. */
  readonly rulesDirs: readonly string[];
  /** Per-path-glob rule settings, applied in order after `rules`. */
  readonly overrides: readonly { readonly files: readonly string[]; readonly rules: Readonly<Record<string, RuleSetting>> }[];
  /** The directory paths in the config are relative to. */
  readonly baseDir: string;
  /** The config file read, as the run names it (relative to the working directory); absent when none was read. */
  readonly file?: string;
  /**
   * `file:line:col` of the config file's key for a path of this configuration (['rules', 'latest-tag'], ['ignore', 0,
   * 'rule'] for ignore[0]); absent when no file was read.
   */
  readonly locate?: ((path: readonly (string | number)[]) => string | undefined) | undefined;
}

export const DEFAULT_CONFIG: KubefitConfig = {
  rules: {},
  ruleOptions: {},
  profile: 'recommended',
  ignorePaths: [],
  ignore: [],
  cluster: [],
  schemas: [],
  kubernetesVersion: undefined,
  failOn: 'error',
  customRules: [],
  rulesDirs: [],
  overrides: [],
  baseDir: '.',
};

/**
 * Where the key at `path` (['rules', id] or ['overrides', 0, 'rules', id]) is, as a message prefix: `file:line:col: `
 * when the configuration was read from a file, else which part of the configuration names it.
 */
export function configKeyAt(config: Pick<KubefitConfig, 'locate'>, path: readonly (string | number)[]): string {
  return config.locate?.(path)?.concat(': ') ?? `config ${formatPath(path.slice(0, -1))}: `;
}
