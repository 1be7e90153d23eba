// The `kubefit.dev/ignore` annotation: "latest-tag, liveness-probe" or "latest-tag=pinned by Renovate, ...".

export const IGNORE_ANNOTATION = 'kubefit.dev/ignore';

export interface IgnoredRule {
  readonly ruleId: string;
  readonly reason: string | undefined;
}

export function parseIgnoreAnnotation(value: string): IgnoredRule[] {
  const out: IgnoredRule[] = [];
  for (const part of value.split(',')) {
    const equals = part.indexOf('=');
    const ruleId = (equals < 0 ? part : part.slice(0, equals)).trim();
    if (ruleId === '') continue;
    out.push({ ruleId, reason: equals < 0 ? undefined : part.slice(equals + 1).trim() });
  }
  return out;
}
