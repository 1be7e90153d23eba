// A NetworkPolicy whose pod selectors match no pod of the inputs protects nothing, or opens nothing.
import { WORKLOADS, CUSTOM_RESOURCES } from '../src/lint/lint-index.js';
import type { Path } from '../src/model/document.js';
import { defineRule } from '../src/lint/define-rule.js';
import { directoryHasWorkloads, hasCustomResources } from '../src/lint/evidence.js';
import type { LintIndex } from '../src/lint/lint-index.js';
import { selectsSomePods } from '../src/lint/label-selector.js';
import { asArray, asRecord, type KubeObject } from '../src/model/object.js';
import { valueAt } from '../src/model/workload.js';

/** Peer podSelectors that select pods of the policy's own namespace (no namespaceSelector beside them). */
function peerSelectorPaths(policy: KubeObject): Path[] {
  const paths: Path[] = [];
  for (const [direction, peers] of [['ingress', 'from'], ['egress', 'to']] as const) {
    asArray(valueAt(policy.value, ['spec', direction])).forEach((rule, ruleIndex) => {
      asArray(asRecord(rule)?.[peers]).forEach((peer, peerIndex) => {
        const record = asRecord(peer);
        if (record?.['podSelector'] !== undefined && record['namespaceSelector'] === undefined) paths.push(['spec', direction, ruleIndex, peers, peerIndex, 'podSelector']);
      });
    });
  }
  return paths;
}

function isEmptySelector(selector: unknown): boolean {
  const record = asRecord(selector);
  return record !== undefined && Object.keys(asRecord(record['matchLabels']) ?? {}).length === 0 && asArray(record['matchExpressions']).length === 0;
}

function selectsAnyPod(index: LintIndex, namespace: string, selector: unknown): boolean {
  return isEmptySelector(selector) || index.workloadsIn(namespace).some((workload) => selectsSomePods(selector, workload));
}

function describeSelector(selector: unknown): string {
  const record = asRecord(selector);
  const labels = Object.entries(asRecord(record?.['matchLabels']) ?? {}).map(([key, value]) => `${key}=${String(value)}`);
  const expressions = asArray(record?.['matchExpressions']).map((entry) => {
    const expression = asRecord(entry);
    return `${String(expression?.['key'])} ${String(expression?.['operator'])} (${asArray(expression?.['values']).join(',')})`;
  });
  return [...labels, ...expressions].join(',');
}

export default defineRule({
  meta: {
    id: 'dangling-network-policy',
    severity: 'warning',
    category: 'networking',
    description: 'NetworkPolicy podSelector, or a peer podSelector of its own namespace, matches no pod template of the inputs',
    rationale:
      'A NetworkPolicy applies to the pods its spec.podSelector matches; when that is none, the policy meant to isolate a workload isolates nothing, usually because of a label typo. A peer podSelector that matches nothing allows no traffic, so the pods that should be reachable are not. As in kube-linter\'s dangling-networkpolicy and dangling-networkpolicypeer-podselector, workloads of the policy\'s namespace in every input directory are searched. The rule runs only when the policy\'s own directory defines workloads of its namespace and the namespace has no custom resources (an operator may create the pods). Empty selectors (every pod) and peers with a namespaceSelector are not checked.',
    remediation: 'Make the selector match the pod template labels (spec.template.metadata.labels) of the workloads the policy is meant for.',
    defaultOn: true,
    queries: [WORKLOADS, CUSTOM_RESOURCES],
    appliesTo: { target: 'object', kinds: ['NetworkPolicy'] },
    messages: {
      noPods: 'podSelector {{selector}} matches no pod template of namespace "{{namespace}}" in the inputs',
      noPeerPods: 'peer podSelector {{selector}} matches no pod template of namespace "{{namespace}}" in the inputs',
    },
  },
  check(policy, { index, report }) {
    const { namespace } = policy.ref;
    if (!directoryHasWorkloads(index, policy) || hasCustomResources(index, namespace)) return;
    const selector = valueAt(policy.value, ['spec', 'podSelector']);
    if (asRecord(selector) && !selectsAnyPod(index, namespace, selector)) {
      report({ messageId: 'noPods', data: { selector: describeSelector(selector), namespace }, at: ['spec', 'podSelector'], on: 'key' });
    }
    for (const path of peerSelectorPaths(policy)) {
      const peer = valueAt(policy.value, path);
      if (asRecord(peer) && !selectsAnyPod(index, namespace, peer)) report({ messageId: 'noPeerPods', data: { selector: describeSelector(peer), namespace }, at: path, on: 'key' });
    }
  },
});
