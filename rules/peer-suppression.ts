// kube-linter, kube-score and Polaris suppression annotations look like they silence kubefit too; they do not.
import { defineRule } from '../src/lint/define-rule.js';
import { IGNORE_ANNOTATION, parseIgnoreAnnotation } from '../src/lint/ignore-annotation.js';
import { kubefitEquivalent, peerSuppressionOf, type KubefitEquivalent } from '../src/lint/peer-suppressions.js';
import { suppressionMetadataPaths } from '../src/lint/suppression-metadata.js';
import { asRecord, asStringMap } from '../src/model/object.js';
import { valueAt } from '../src/model/workload.js';

export default defineRule({
  meta: {
    id: 'peer-suppression',
    severity: 'info',
    category: 'metadata',
    description: 'a kube-linter, kube-score or Polaris suppression annotation, which kubefit does not honour',
    rationale:
      'Teams moving from kube-linter (ignore-check.kube-linter.io/<check>, kube-linter.io/ignore-all), kube-score (kube-score/ignore) or Polaris (polaris.fairwinds.com/<check>-exempt, polaris.fairwinds.com/exempt) keep those annotations, and readers take the object for exempt. kubefit reads only its own kubefit.dev/ignore, so the finding the annotation meant to silence is still reported. The finding names the kubefit annotation that does the same; it is not reported when the object\'s kubefit.dev/ignore already covers those checks.',
    remediation:
      'Where kubefit reports the finding the peer annotation meant to silence, add the kubefit.dev/ignore annotation the message names, with the reason, next to the peer annotation (keep that one while the other tool still runs). Where it reports none, the kubefit annotation would be an unused-suppression: turn this rule off for the object instead (kubefit.dev/ignore: peer-suppression=<reason>).',
    defaultOn: true,
    appliesTo: { target: 'object' },
    messages: { notHonoured: "kubefit does not honour {{tool}}'s {{key}} annotation{{advice}}" },
  },
  check(object, { report }) {
    for (const metadataPath of suppressionMetadataPaths(object.ref)) {
      const annotations = asStringMap(asRecord(valueAt(object.value, metadataPath))?.['annotations']);
      const ignored = new Set(parseIgnoreAnnotation(annotations[IGNORE_ANNOTATION] ?? '').map((entry) => entry.ruleId));
      for (const [key, value] of Object.entries(annotations)) {
        const suppression = peerSuppressionOf(key, value);
        if (suppression === undefined) continue;
        const equivalent = kubefitEquivalent(suppression);
        const missing = ignored.has('*') ? [] : equivalent.ruleIds.filter((ruleId) => !ignored.has(ruleId));
        if (missing.length === 0 && equivalent.ruleIds.length > 0) continue;
        report({
          messageId: 'notHonoured',
          data: { tool: suppression.tool, key, advice: advice(suppression.tool, { ...equivalent, ruleIds: missing }) },
          at: [...metadataPath, 'annotations', key],
          on: 'key',
        });
      }
    }
  },
});

/** "; kubefit's equivalent is kubefit.dev/ignore: read-only-root-filesystem=<reason>" and what has no equivalent. */
function advice(tool: string, { ruleIds, withoutCounterpart, unknown }: KubefitEquivalent): string {
  const parts: string[] = [];
  if (ruleIds.length > 0) {
    const value = ruleIds.map((ruleId) => `${ruleId}=<reason>`).join(', ');
    // a plain YAML scalar cannot start with '*' (an alias)
    parts.push(`kubefit's equivalent is ${IGNORE_ANNOTATION}: ${value.startsWith('*') ? `"${value}"` : value}`);
  }
  if (withoutCounterpart.length > 0) parts.push(`kubefit has no counterpart of ${withoutCounterpart.join(', ')}`);
  if (unknown.length > 0) parts.push(`${unknown.join(', ')} ${unknown.length === 1 ? `is no ${tool} check` : `are no ${tool} checks`} kubefit knows`);
  return parts.map((part) => `; ${part}`).join('');
}
