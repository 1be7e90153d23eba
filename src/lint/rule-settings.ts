// Severity flow for one check: meta default → config `rules` → config `overrides` matching the file; 'off' disables.
import type { KubefitConfig, RuleSetting } from '../config/config.js';
import type { Severity } from '../model/finding.js';
import { matchesPathGlob } from '../model/glob.js';

export interface SettingDefaults {
  readonly severity: Severity;
  readonly defaultOn: boolean;
}

export type SettingResolver = (id: string, defaults: SettingDefaults, file: string) => RuleSetting;

/** Which of the configuration's overrides apply to `file`, as a key: files with equal keys get equal settings. */
export function overridesKey(config: KubefitConfig, file: string): string {
  let key = '';
  config.overrides.forEach((override, index) => {
    if (override.files.some((glob) => matchesPathGlob(file, glob))) key += `${index},`;
  });
  return key;
}

/** A resolver that matches override globs once per file, not once per finding. */
export function settingResolver(config: KubefitConfig): SettingResolver {
  const overridesByFile = new Map<string, readonly Readonly<Record<string, RuleSetting>>[]>();
  const overridesOf = (file: string) => {
    let found = overridesByFile.get(file);
    if (!found) {
      found = config.overrides
        .filter((override) => override.files.some((glob) => matchesPathGlob(file, glob)))
        .map((override) => override.rules);
      overridesByFile.set(file, found);
    }
    return found;
  };
  return (id, defaults, file) => {
    const isOn = defaults.defaultOn || config.profile === 'strict' || Object.hasOwn(config.ruleOptions, id);
    let setting: RuleSetting = config.rules[id] ?? (isOn ? defaults.severity : 'off');
    if (config.overrides.length === 0) return setting;
    for (const rules of overridesOf(file)) setting = rules[id] ?? setting;
    return setting;
  };
}
