// Which checks a level and version run, and in what order. upstream: policy/registry.go (checkRegistry, populate)
import { maxOf } from '../../model/append.js';
import { BASELINE_CHECKS } from './baseline-checks.js';
import type { Check, CheckResult, PodInput, VersionedCheck } from './checks.js';
import { RESTRICTED_CHECKS } from './restricted-checks.js';
import type { LevelVersion } from './level-version.js';

const DEFAULT_CHECKS: readonly Check[] = [...BASELINE_CHECKS, ...RESTRICTED_CHECKS];

/** The newest minimum version of any check: an API server at it or newer evaluates "latest" as this version. */
export const MAX_VERSION = maxOf(DEFAULT_CHECKS.map((check) => check.versions.at(-1)?.minimumVersion ?? 0));

/** Baseline checks first, then restricted, each sorted by id (byte order): the order reasons appear in. */
const ORDERED = [...DEFAULT_CHECKS].sort(
  (a, b) => Number(a.level === 'restricted') - Number(b.level === 'restricted') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
);

/** The variant of a check in force at a 1.x minor version, if the check exists yet. */
export function variantAt(check: Check, minor: number): VersionedCheck | undefined {
  return check.versions.findLast((variant) => variant.minimumVersion <= minor);
}

/** The variants a level runs at a version: restricted runs every baseline check its own variants do not override. */
function checksFor(level: 'baseline' | 'restricted', minor: number): VersionedCheck[] {
  const inForce = ORDERED.flatMap((check) => {
    const variant = check.level === 'baseline' || level === 'restricted' ? variantAt(check, minor) : undefined;
    return variant ? [{ check, variant }] : [];
  });
  const overridden = new Set(level === 'restricted' ? inForce.flatMap(({ variant }) => variant.overrideCheckIds ?? []) : []);
  return inForce.filter(({ check }) => !(check.level === 'baseline' && overridden.has(check.id))).map(({ variant }) => variant);
}

/**
 * The result of every check a level and version run on the pod, in upstream's order; none for privileged. An API
 * server evaluates "latest", and any version newer than its own, as its own (`emulatedMinor`, the 1.x release it runs
 * or emulates; upstream: NewEvaluator's emulationVersion), or as the newest check version when that is older.
 */
export function evaluatePod({ level, version }: LevelVersion, pod: PodInput, emulatedMinor = MAX_VERSION): CheckResult[] {
  if (level === 'privileged') return [];
  const newest = Math.min(emulatedMinor, MAX_VERSION);
  const minor = version === 'latest' ? newest : Math.min(version.minor, newest);
  return checksFor(level, minor).map((variant) => variant.checkPod(pod));
}
