// The Pod Security Standards check contract and its aggregate verdict, as upstream's policy package defines them.
// upstream: staging/src/k8s.io/pod-security-admission/policy/checks.go, helpers.go (kubernetes master, 2026-07)
import { asArray, asRecord } from '../../model/object.js';
import type { ContainerView, Workload } from '../../model/workload.js';

export type Level = 'privileged' | 'baseline' | 'restricted';

/** What a check reads of a pod: its spec, its annotations, and its containers in visitContainers order. */
export type PodInput = Pick<Workload, 'podSpec' | 'podAnnotations' | 'containers'>;

export type CheckResult = { readonly allowed: true } | { readonly allowed: false; readonly forbiddenReason: string; readonly forbiddenDetail: string };

export type CheckPod = (pod: PodInput) => CheckResult;

export interface VersionedCheck {
  /** The 1.x minor release from which this variant applies, until the next variant's. */
  readonly minimumVersion: number;
  readonly checkPod: CheckPod;
  /** Baseline checks this (restricted) variant replaces in the restricted level. */
  readonly overrideCheckIds?: readonly string[];
}

export interface Check {
  readonly id: string;
  readonly level: 'baseline' | 'restricted';
  /** Strictly increasing minimum versions. */
  readonly versions: readonly VersionedCheck[];
}

export const ALLOWED: CheckResult = { allowed: true };

export function forbidden(forbiddenReason: string, forbiddenDetail: string): CheckResult {
  return { allowed: false, forbiddenReason, forbiddenDetail };
}

/**
 * The reasons with their details in parentheses, comma-separated: the text after `violates PodSecurity "...": `.
 * upstream: AggregateCheckResult.ForbiddenDetail
 */
export function aggregateForbiddenDetail(results: readonly CheckResult[]): string {
  return results
    .flatMap((result) => (result.allowed ? [] : [result.forbiddenDetail === '' ? result.forbiddenReason : `${result.forbiddenReason} (${result.forbiddenDetail})`]))
    .join(', ');
}

/** `"a", "b"`; empty for no items. upstream: joinQuote */
export function joinQuote(items: readonly string[]): string {
  return items.length === 0 ? '' : `"${items.join('", "')}"`;
}

export function pluralize(singular: string, plural: string, count: number): string {
  return count === 1 ? singular : plural;
}

/** `containers "a", "b"`: how details name a list of containers. */
export function containersPhrase(names: readonly string[]): string {
  return `${pluralize('container', 'containers', names.length)} ${joinQuote(names)}`;
}

/** `pod and containers "a"`: who set a forbidden value, as the setter-style details say it. */
export function settersPhrase(pod: boolean, containers: readonly string[]): string {
  const setters = pod ? ['pod'] : [];
  if (containers.length > 0) setters.push(containersPhrase(containers));
  return setters.join(' and ');
}

/** A set's members sorted as Go's sets.List returns them. */
export function sortedList(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

/**
 * The variant of a check from 1.35 that admits pods in a user namespace (hostUsers: false), where root maps to an
 * unprivileged host user. upstream: relaxPolicyForUserNamespacePod
 */
export function exceptUserNamespacePods(check: CheckPod): CheckPod {
  return (pod) => (pod.podSpec['hostUsers'] === false ? ALLOWED : check(pod));
}

export function podSecurityContext(pod: PodInput): Readonly<Record<string, unknown>> | undefined {
  return asRecord(pod.podSpec['securityContext']);
}

export function containerSecurityContext(container: ContainerView): Readonly<Record<string, unknown>> | undefined {
  return asRecord(container.value['securityContext']);
}

/** A container's name as Go reads it: the empty string when unset. */
export function nameOf(container: ContainerView): string {
  return container.name ?? '';
}

/** The string entries of a list field (capabilities, drop lists); other entries would fail decoding upstream. */
export function stringsOf(value: unknown): string[] {
  return asArray(value).filter((entry): entry is string => typeof entry === 'string');
}
