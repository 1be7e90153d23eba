// A pod naming a ServiceAccount that does not exist is rejected at creation (the ServiceAccount admission plugin).
import { defineRule } from '../src/lint/define-rule.js';
import { isNameLike } from '../src/lint/object-name.js';
import { podServiceAccount } from '../src/lint/service-account.js';
import { treeHasKind } from '../src/lint/evidence.js';
import type { LintIndex } from '../src/lint/lint-index.js';
import { hasDeclaredNamespace } from '../src/model/apply-namespace.js';
import { isKnownAs, type KubeObject } from '../src/model/object.js';

/**
 * Whether the ServiceAccount exists where the pod may land: in its namespace or, for a pod without metadata.namespace
 * (applied to whatever namespace kubectl targets), in any namespace the inputs define it in.
 */
function isDefinedWhereApplied(index: LintIndex, pod: KubeObject, name: string): boolean {
  if (index.named('ServiceAccount', name, pod)) return true;
  return !hasDeclaredNamespace(pod) && index.ofKind('ServiceAccount').some((account) => isKnownAs(account, name));
}

/** Holds ServiceAccounts the cluster itself creates (kubeadm's kube-proxy and coredns, the controllers' own). */
const SYSTEM_NAMESPACE = 'kube-system';

export default defineRule({
  meta: {
    id: 'non-existent-service-account',
    severity: 'error',
    category: 'reliability',
    description: 'pod names a ServiceAccount that the inputs do not define, while they define others in its namespace',
    rationale:
      'The ServiceAccount admission plugin refuses pods whose ServiceAccount does not exist, so the controller keeps failing to create them. The rule runs only when the inputs define at least one ServiceAccount that shares the pod\'s namespace (for objects without metadata.namespace: in the same directory tree, see the README): then the manifests are clearly meant to carry their ServiceAccounts, and a missing one is a typo or an omission rather than something created elsewhere. A pod without metadata.namespace is not reported when the inputs define its ServiceAccount in another namespace: it may be applied there. Template placeholders ($KSA_NAME, <KSA_NAME>) are not names and are left to the schema stage. Pods in kube-system are not checked: the cluster creates ServiceAccounts there that manifests never carry (kubeadm\'s kube-proxy and coredns, the controllers\' own).',
    remediation: 'Add the ServiceAccount to the manifests, or correct serviceAccountName.',
    defaultOn: true,
    queries: ['ServiceAccount'],
    appliesTo: { target: 'podSpec' },
    messages: { missing: 'no ServiceAccount "{{name}}" is defined in namespace "{{namespace}}" of the inputs' },
  },
  check(workload, { index, report }) {
    const account = podServiceAccount(workload);
    const namespace = workload.object.ref.namespace;
    if (!account.isExplicit || account.name === 'default' || !isNameLike(account.name) || namespace === SYSTEM_NAMESPACE) return;
    if (!treeHasKind(index, 'ServiceAccount', workload.object) || isDefinedWhereApplied(index, workload.object, account.name)) return;
    report({ messageId: 'missing', data: { name: account.name, namespace }, at: account.at });
  },
});
