// The Pod Security level and version a namespace enforces, read from its labels.
// upstream: pod-security-admission/api/helpers.go (ParseLevel, ParseVersion, PolicyToEvaluate), admission/api/v1/defaults.go
import type { Level } from './checks.js';

export const ENFORCE_LEVEL_LABEL = 'pod-security.kubernetes.io/enforce';
export const ENFORCE_VERSION_LABEL = 'pod-security.kubernetes.io/enforce-version';

/** A 1.x minor version, or latest. */
export type PolicyVersion = 'latest' | { readonly minor: number };

export interface LevelVersion {
  readonly level: Level;
  readonly version: PolicyVersion;
}

/** An unknown level fails closed: upstream's ParseLevel returns restricted with its error, and admission enforces it. */
function parseLevel(text: string): Level {
  return text === 'privileged' || text === 'baseline' || text === 'restricted' ? text : 'restricted';
}

const MAX_INT64 = 2n ** 63n - 1n;

/** An unreadable version is latest (ParseVersion's fallback); a minor beyond Go's int does not parse either. */
function parseVersion(text: string): PolicyVersion {
  const match = /^v1\.([0-9]|[1-9][0-9]*)$/.exec(text);
  if (!match?.[1] || BigInt(match[1]) > MAX_INT64) return 'latest';
  return { minor: Number(match[1]) };
}

/**
 * The policy a namespace with these labels enforces; the defaults (privileged:latest, the admission configuration's
 * when it sets none) for labels it lacks.
 */
export function enforcedPolicy(labels: Readonly<Record<string, string>>): LevelVersion {
  const level = labels[ENFORCE_LEVEL_LABEL];
  const version = labels[ENFORCE_VERSION_LABEL];
  return { level: level === undefined ? 'privileged' : parseLevel(level), version: version === undefined ? 'latest' : parseVersion(version) };
}

/** `restricted:latest`, `baseline:v1.25`: how the forbidden message names the policy. upstream: LevelVersion.String */
export function formatLevelVersion({ level, version }: LevelVersion): string {
  return `${level}:${version === 'latest' ? 'latest' : `v1.${version.minor}`}`;
}
