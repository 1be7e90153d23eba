// A pod that violates the Pod Security level its namespace enforces is refused by the PodSecurity admission plugin.
import { defineRule } from '../src/lint/define-rule.js';
import { aggregateForbiddenDetail } from '../src/lint/pod-security/checks.js';
import { enforcedPolicy, formatLevelVersion } from '../src/lint/pod-security/level-version.js';
import { evaluatePod } from '../src/lint/pod-security/registry.js';
import { hasDeclaredNamespace } from '../src/model/apply-namespace.js';
import { asRecord, asStringMap } from '../src/model/object.js';

export default defineRule({
  meta: {
    id: 'pod-security-admission',
    severity: 'error',
    category: 'security',
    description: 'pod violates the Pod Security Standard its namespace enforces (pod-security.kubernetes.io/enforce)',
    rationale:
      'The PodSecurity admission plugin refuses every pod that violates the level its Namespace enforces with the pod-security.kubernetes.io/enforce label (baseline or restricted, at the version of pod-security.kubernetes.io/enforce-version, latest by default). For a Deployment, StatefulSet, DaemonSet, Job or CronJob the API server only warns, and the controller\'s pods are then refused, so the workload never runs. The rule runs the upstream checks of that level and version on the pod spec when the inputs define the Namespace (of several with that name, the one in its file, else in its directory tree, else the first) and the object declares metadata.namespace; an unknown level is enforced as restricted and an unknown version as latest, as upstream does. Exemptions the API server\'s admission configuration grants (usernames, runtime classes, namespaces such as kube-system) are out of sight of the manifests and not applied, and "latest" (or a newer version) means the checks of the Kubernetes version kubefit checks (kubernetesVersion), as the API server evaluates it at its own version.',
    remediation:
      'Set the securityContext fields the message names (for restricted: allowPrivilegeEscalation: false, capabilities.drop: ["ALL"], runAsNonRoot: true and seccompProfile.type: RuntimeDefault), remove host namespaces, host ports and hostPath volumes, or deploy the workload to a namespace with a level it needs.',
    defaultOn: true,
    queries: ['Namespace'],
    appliesTo: { target: 'podSpec' },
    messages: { violates: 'violates PodSecurity "{{policy}}": {{detail}}' },
  },
  check(workload, { index, kubernetesVersion, report }) {
    // a pod without metadata.namespace lands wherever it is applied: the Namespace of the inputs may not be its own
    if (!hasDeclaredNamespace(workload.object)) return;
    const namespace = index.clusterNamed('Namespace', workload.object.ref.namespace, workload.object);
    if (!namespace) return;
    const policy = enforcedPolicy(asStringMap(asRecord(namespace.value['metadata'])?.['labels']));
    const results = evaluatePod(policy, workload, Number(kubernetesVersion.split('.')[1]));
    if (results.every((result) => result.allowed)) return;
    report({ messageId: 'violates', data: { policy: formatLevelVersion(policy), detail: aggregateForbiddenDetail(results) }, at: workload.podSpecPath, on: 'key' });
  },
});
