// The check names of kube-linter, kube-score and Polaris, and the kubefit checks that cover them, for teams moving over.

export type PeerTool = 'kube-linter' | 'kube-score' | 'Polaris';

/** A peer tool's check (kube-linter `name`, kube-score `id`, Polaris `id`) and the kubefit check ids that cover it. */
export interface PeerCheckName {
  readonly tool: PeerTool;
  readonly name: string;
  /** Empty: kubefit has no counterpart (a name listed so that it is not taken for a typo). */
  readonly ruleIds: readonly string[];
  /** Where the kubefit check's scope differs from the peer's, or what to use instead. */
  readonly note?: string;
}

type Entry = readonly [name: string, ruleIds: string | readonly string[], note?: string];

const KUBE_LINTER: readonly Entry[] = [
  ['latest-tag', 'latest-tag'],
  ['no-readiness-probe', 'readiness-probe', 'kubefit asks it only of containers that serve traffic'],
  ['no-liveness-probe', 'liveness-probe'],
  ['liveness-port', 'probe-port-not-exposed'],
  ['readiness-port', 'probe-port-not-exposed'],
  ['startup-port', 'probe-port-not-exposed'],
  ['unset-cpu-requirements', 'requests-missing', 'kubefit reports a missing cpu or memory request'],
  ['unset-memory-requirements', 'memory-limit-missing'],
  ['privileged-container', 'privileged-container'],
  ['privilege-escalation-container', 'privilege-escalation', 'kubefit reports a privileged container or an added SYS_ADMIN under privileged-container and dangerous-capabilities'],
  ['run-as-non-root', 'run-as-non-root'],
  ['no-read-only-root-fs', 'read-only-root-filesystem'],
  ['drop-net-raw-capability', 'capabilities-not-dropped', 'kubefit accepts dropping ALL or NET_RAW'],
  ['unsafe-proc-mount', 'unsafe-proc-mount'],
  ['unsafe-sysctls', 'unsafe-sysctls'],
  ['host-network', 'host-network'],
  ['host-pid', 'host-pid'],
  ['host-ipc', 'host-ipc'],
  ['sensitive-host-mounts', 'sensitive-host-mounts'],
  ['docker-sock', 'docker-socket', 'kubefit also reports the containerd, CRI-O and Podman sockets'],
  ['writable-host-mount', 'writable-host-path'],
  ['privileged-ports', 'privileged-ports'],
  ['invalid-target-ports', 'invalid-port', 'kubefit also reports port numbers outside 1-65535'],
  ['env-var-secret', 'env-var-secret'],
  ['duplicate-env-var', 'duplicate-env-var'],
  ['env-value-from', 'missing-secret-or-configmap', 'kubefit reports it only when the inputs define other Secrets or ConfigMaps of the namespace'],
  ['default-service-account', 'default-service-account'],
  ['deprecated-service-account-field', 'deprecated-service-account-field'],
  ['non-existent-service-account', 'non-existent-service-account'],
  ['dangling-service', 'dangling-service'],
  ['dangling-ingress', 'dangling-ingress'],
  ['dangling-networkpolicy', 'dangling-network-policy'],
  ['dangling-networkpolicypeer-podselector', 'dangling-network-policy'],
  ['dangling-horizontalpodautoscaler', 'dangling-hpa'],
  ['minimum-three-replicas', 'single-replica', 'kubefit asks for 2 replicas unless its minReplicas option is set to 3'],
  ['no-anti-affinity', 'pod-anti-affinity', 'kubefit also accepts a topology spread constraint'],
  ['pdb-max-unavailable', 'pdb-blocks-eviction'],
  ['pdb-min-available', 'pdb-blocks-eviction'],
  ['no-extensions-v1beta', 'deprecated-api', 'kubefit reports every apiVersion the checked release deprecates or no longer serves'],
  ['mismatching-selector', 'selector-mismatch'],
  ['use-namespace', 'default-namespace'],
  ['schema-validation', 'schema'],
  ['cluster-admin-role-binding', 'rbac-cluster-admin-binding'],
  ['access-to-secrets', 'rbac-secrets-read', 'kubefit reports ClusterRoles that read Secrets in every namespace, on the role rather than its binding'],
  ['wildcard-in-rules', 'rbac-wildcard'],
  ['access-to-create-pods', []],
  ['dangling-servicemonitor', []],
  ['dnsconfig-options', []],
  ['exposed-services', []],
  ['hpa-minimum-three-replicas', []],
  ['job-ttl-seconds-after-finished', []],
  ['no-node-affinity', []],
  ['no-rolling-update-strategy', []],
  ['non-isolated-pod', []],
  ['pdb-unhealthy-pod-eviction-policy', []],
  ['priority-class-name', [], 'non-existent-priority-class checks that the class exists'],
  ['read-secret-from-env-var', []],
  ['required-annotation-email', [], 'a customRules entry in the configuration can require an annotation'],
  ['required-label-owner', [], 'a customRules entry in the configuration can require a label'],
  ['restart-policy', [], 'invalid-restart-policy reports the policies the API server rejects'],
  ['scc-deny-privileged-container', []],
  ['sorted-keys', []],
  ['ssh-port', []],
];

const KUBE_SCORE: readonly Entry[] = [
  ['container-image-tag', 'latest-tag'],
  ['container-image-pull-policy', 'image-pull-policy', 'kubefit asks for Always only when the tag is latest or missing'],
  ['pod-probes', ['readiness-probe', 'liveness-probe'], 'kube-score asks for probes only when a Service selects the pod'],
  ['pod-probes-identical', 'identical-probes'],
  ['container-resources', ['requests-missing', 'memory-limit-missing'], 'kubefit does not ask for a cpu limit'],
  ['container-ephemeral-storage-request-and-limit', 'ephemeral-storage'],
  ['container-security-context-privileged', 'privileged-container'],
  ['container-security-context-user-group-id', 'run-as-non-root', 'kubefit asks for a non-root user, kube-score for user and group ids above 10000'],
  ['container-security-context-readonlyrootfilesystem', 'read-only-root-filesystem'],
  ['container-seccomp-profile', 'seccomp-profile'],
  ['environment-variable-key-duplication', 'duplicate-env-var'],
  ['service-targets-pod', 'dangling-service'],
  ['ingress-targets-service', 'dangling-ingress'],
  ['networkpolicy-targets-pod', 'dangling-network-policy'],
  ['deployment-replicas', 'single-replica'],
  ['deployment-has-host-podantiaffinity', 'pod-anti-affinity', 'kubefit also accepts a topology spread constraint'],
  ['statefulset-has-host-podantiaffinity', 'pod-anti-affinity', 'kubefit also accepts a topology spread constraint'],
  ['deployment-has-poddisruptionbudget', 'pdb-missing', 'kubefit reports it only when the namespace has other PodDisruptionBudgets'],
  ['statefulset-has-poddisruptionbudget', 'pdb-missing', 'kubefit reports it only when the namespace has other PodDisruptionBudgets'],
  ['poddisruptionbudget-has-policy', 'pdb-blocks-eviction'],
  ['horizontalpodautoscaler-has-target', 'dangling-hpa'],
  ['deployment-targeted-by-hpa-does-not-have-replicas-configured', 'hpa-replicas'],
  ['deployment-pod-selector-labels-match-template-metadata-labels', 'selector-mismatch'],
  ['statefulset-pod-selector-labels-match-template-metadata-labels', 'selector-mismatch'],
  ['statefulset-has-servicename', 'statefulset-service-name'],
  ['cronjob-has-deadline', 'cronjob-starting-deadline'],
  ['cronjob-restartpolicy', 'invalid-restart-policy'],
  ['stable-version', 'deprecated-api'],
  ['label-values', 'invalid-label'],
  ['container-ports-check', 'invalid-port', 'kubefit checks port names and numbers; duplicate names are api-validation errors'],
  ['pod-topology-spread-constraints', 'api-validation', 'kubefit reports the constraints the API server rejects, which does not require a labelSelector'],
  ['container-resource-requests-equal-limits', []],
  ['container-cpu-requests-equal-limits', []],
  ['container-memory-requests-equal-limits', []],
  ['container-ephemeral-storage-request-equals-limit', []],
  ['deployment-strategy', []],
  ['horizontalpodautoscaler-replicas', []],
  ['pod-networkpolicy', []],
  ['service-type', []],
];

const POLARIS: readonly Entry[] = [
  ['tagNotSpecified', 'latest-tag'],
  ['pullPolicyNotAlways', 'image-pull-policy', 'kubefit asks for Always only when the tag is latest or missing'],
  ['readinessProbeMissing', 'readiness-probe'],
  ['livenessProbeMissing', 'liveness-probe'],
  ['cpuRequestsMissing', 'requests-missing'],
  ['memoryRequestsMissing', 'requests-missing'],
  ['memoryLimitsMissing', 'memory-limit-missing'],
  ['runAsPrivileged', 'privileged-container'],
  ['privilegeEscalationAllowed', 'privilege-escalation', 'kubefit reports only an explicit allowPrivilegeEscalation: true'],
  ['runAsRootAllowed', 'run-as-non-root'],
  ['notReadOnlyRootFilesystem', 'read-only-root-filesystem'],
  ['dangerousCapabilities', 'dangerous-capabilities'],
  ['insecureCapabilities', 'capabilities-not-dropped', 'Polaris asks to drop ALL or each of a list of default capabilities; kubefit accepts ALL or NET_RAW'],
  ['linuxHardening', 'seccomp-profile', 'Polaris also accepts AppArmor, SELinux or dropped capabilities'],
  ['procMount', 'unsafe-proc-mount'],
  ['hostProcess', 'windows-host-process'],
  ['hostNetworkSet', 'host-network'],
  ['hostPIDSet', 'host-pid'],
  ['hostIPCSet', 'host-ipc'],
  ['hostPathSet', 'host-path-volume'],
  ['hostPortSet', 'host-port'],
  ['sensitiveContainerEnvVar', 'env-var-secret'],
  ['sensitiveConfigmapContent', ['env-var-secret', 'plaintext-secret'], 'env-var-secret reads the keys, plaintext-secret the values (private keys and cloud credentials)'],
  ['automountServiceAccountToken', 'automount-service-account-token'],
  ['deploymentMissingReplicas', 'single-replica'],
  ['topologySpreadConstraint', 'pod-anti-affinity', 'kubefit also accepts pod anti-affinity, and asks only workloads with several replicas'],
  ['missingPodDisruptionBudget', 'pdb-missing', 'kubefit reports it only when the namespace has other PodDisruptionBudgets'],
  ['pdbDisruptionsIsZero', 'pdb-blocks-eviction'],
  ['hpaMaxAvailability', 'hpa-min-equals-max'],
  ['clusterrolebindingClusterAdmin', 'rbac-cluster-admin-binding'],
  ['rolebindingClusterAdminClusterRole', 'rbac-cluster-admin-binding'],
  ['clusterrolePodExecAttach', 'rbac-pod-exec'],
  ['rolePodExecAttach', 'rbac-pod-exec'],
  ['clusterrolebindingPodExecAttach', 'rbac-pod-exec', 'kubefit reports the role that allows it, not the binding'],
  ['rolebindingClusterRolePodExecAttach', 'rbac-pod-exec', 'kubefit reports the role that allows it, not the binding'],
  ['rolebindingRolePodExecAttach', 'rbac-pod-exec', 'kubefit reports the role that allows it, not the binding'],
  ['cpuLimitsMissing', [], 'kubefit does not ask for a cpu limit'],
  ['hpaMinAvailability', []],
  ['metadataAndInstanceMismatched', []],
  ['missingNetworkPolicy', []],
  ['pdbMinAvailableGreaterThanHPAMinReplicas', []],
  ['priorityClassNotSet', [], 'non-existent-priority-class checks that a named class exists'],
  ['rolebindingClusterAdminRole', [], 'rbac-wildcard reports the wildcard rules that make a Role cluster-admin-like'],
  ['tlsSettingsMissing', []],
];

function toNames(tool: PeerTool, entries: readonly Entry[]): PeerCheckName[] {
  return entries.map(([name, ruleIds, note]) => ({ tool, name, ruleIds: typeof ruleIds === 'string' ? [ruleIds] : ruleIds, ...(note === undefined ? {} : { note }) }));
}

/** Every check of kube-linter's built-in list, kube-score's README_CHECKS.md and Polaris' pkg/config/checks. */
export const PEER_CHECK_NAMES: readonly PeerCheckName[] = [...toNames('kube-linter', KUBE_LINTER), ...toNames('kube-score', KUBE_SCORE), ...toNames('Polaris', POLARIS)];

/** The peer checks called `name` (one name may belong to two tools), in the table's order. */
export function peerChecksNamed(name: string): PeerCheckName[] {
  return PEER_CHECK_NAMES.filter((peer) => peer.name === name);
}

/** The peer checks a kubefit check covers. */
export function peerChecksOf(ruleId: string): PeerCheckName[] {
  return PEER_CHECK_NAMES.filter((peer) => peer.ruleIds.includes(ruleId));
}

/** "kube-linter's no-read-only-root-fs is kubefit's read-only-root-filesystem", with the scope note if asked. */
export function peerNameSentence(peer: PeerCheckName, withNote: boolean): string {
  const subject = `${peer.tool}'s ${peer.name}`;
  const note = withNote ? peer.note : undefined;
  if (peer.ruleIds.length === 0) return `${subject} has no kubefit counterpart${note === undefined ? '' : `: ${note}`}`;
  return `${subject} is kubefit's ${peer.ruleIds.join(' and ')}${note === undefined ? '' : ` (${note})`}`;
}

/** " (kube-linter's no-read-only-root-fs is kubefit's read-only-root-filesystem)" for a peer name, or nothing. */
export function peerNameHint(name: string): string {
  // a peer name that is also the kubefit id (kube-linter's latest-tag) needs no hint
  const peers = peerChecksNamed(name).filter((peer) => !peer.ruleIds.includes(name));
  // the note is the useful part when kubefit has no counterpart: what to use instead
  return peers.length === 0 ? '' : ` (${peers.map((peer) => peerNameSentence(peer, peer.ruleIds.length === 0)).join('; ')})`;
}

/** "kube-linter: no-read-only-root-fs; kube-score: ...; Polaris: notReadOnlyRootFilesystem" for a kubefit check, or ''. */
export function peerNamesText(ruleId: string): string {
  const byTool = new Map<PeerTool, string[]>();
  for (const peer of peerChecksOf(ruleId)) byTool.set(peer.tool, [...(byTool.get(peer.tool) ?? []), peer.name]);
  return [...byTool].map(([tool, names]) => `${tool}: ${names.join(', ')}`).join('; ');
}
