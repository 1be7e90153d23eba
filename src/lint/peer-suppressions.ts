// The suppression annotations of kube-linter, kube-score and Polaris, which kubefit reads only to point at its own.
import { peerChecksNamed, type PeerTool } from './peer-check-names.js';

/** kube-linter pkg/ignore/ignore.go: AnnotationKeyPrefix + check name, any value; AllAnnotationKey, any value. */
const KUBE_LINTER_PREFIX = 'ignore-check.kube-linter.io/';
const KUBE_LINTER_ALL = 'kube-linter.io/ignore-all';
/** kube-score scorecard/scorecard.go ignoredChecksAnnotation: comma-separated check ids (scorecard/enabled.go). */
const KUBE_SCORE_IGNORE = 'kube-score/ignore';
/** kube-score scorecard/scorecard.go impliedIgnoreAnnotations: ignoring the first also ignores the others. */
const KUBE_SCORE_IMPLIED: ReadonlyMap<string, readonly string[]> = new Map([['container-resources', ['container-ephemeral-storage-request-and-limit']]]);
/** Polaris pkg/validator/schema.go exemptionAnnotationKey and exemptionAnnotationPattern, honoured when "true". */
const POLARIS_EXEMPT = 'polaris.fairwinds.com/exempt';
const POLARIS_CHECK_EXEMPT = /^polaris\.fairwinds\.com\/(.+)-exempt$/;

export interface PeerSuppression {
  readonly tool: PeerTool;
  /** The annotation key. */
  readonly key: string;
  /** The peer check names it suppresses; empty for every check. */
  readonly checks: readonly string[];
}

/** The annotation as a peer suppression, or undefined when it is none (or one the peer would not honour either). */
export function peerSuppressionOf(key: string, value: string): PeerSuppression | undefined {
  if (key === KUBE_LINTER_ALL) return { tool: 'kube-linter', key, checks: [] };
  if (key.startsWith(KUBE_LINTER_PREFIX) && key.length > KUBE_LINTER_PREFIX.length) {
    return { tool: 'kube-linter', key, checks: [key.slice(KUBE_LINTER_PREFIX.length)] };
  }
  if (key === KUBE_SCORE_IGNORE) {
    const checks = value.split(',').map((check) => check.trim()).filter((check) => check !== '');
    for (const check of [...checks]) for (const implied of KUBE_SCORE_IMPLIED.get(check) ?? []) if (!checks.includes(implied)) checks.push(implied);
    return checks.length === 0 ? undefined : { tool: 'kube-score', key, checks };
  }
  // strings.ToLower(val) == "true" in hasExemptionAnnotation
  if (value.toLowerCase() !== 'true') return undefined;
  if (key === POLARIS_EXEMPT) return { tool: 'Polaris', key, checks: [] };
  const check = POLARIS_CHECK_EXEMPT.exec(key)?.[1];
  return check === undefined ? undefined : { tool: 'Polaris', key, checks: [check] };
}

export interface KubefitEquivalent {
  /** The kubefit check ids to name in kubefit.dev/ignore ('*' for every check); empty when none covers them. */
  readonly ruleIds: readonly string[];
  /** Peer check names kubefit has no counterpart for. */
  readonly withoutCounterpart: readonly string[];
  /** Names that are no check of the peer tool. */
  readonly unknown: readonly string[];
}

/** The kubefit checks the peer suppression's checks correspond to. */
export function kubefitEquivalent(suppression: PeerSuppression): KubefitEquivalent {
  if (suppression.checks.length === 0) return { ruleIds: ['*'], withoutCounterpart: [], unknown: [] };
  const ruleIds = new Set<string>();
  const withoutCounterpart: string[] = [];
  const unknown: string[] = [];
  for (const check of suppression.checks) {
    const peer = peerChecksNamed(check).find((candidate) => candidate.tool === suppression.tool);
    if (peer === undefined) unknown.push(check);
    else if (peer.ruleIds.length === 0) withoutCounterpart.push(check);
    else for (const ruleId of peer.ruleIds) ruleIds.add(ruleId);
  }
  return { ruleIds: [...ruleIds], withoutCounterpart, unknown };
}
