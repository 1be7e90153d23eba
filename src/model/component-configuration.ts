// Configuration files of Kubernetes' own components (kube-scheduler, kubelet, kube-proxy, the API server, kubeadm) and
// of tools (kind, clusterctl, chainsaw, Crossplane packages, operator-sdk scorecard) and kubeconfig files: they carry apiVersion and kind but are
// read from disk by their program, never applied as API objects.

/** API groups of component configuration types (the config packages of each component, the API server's file formats). */
const CONFIGURATION_GROUPS: ReadonlySet<string> = new Set([
  'kubescheduler.config.k8s.io', 'kubelet.config.k8s.io', 'kubeproxy.config.k8s.io', 'kubecontrollermanager.config.k8s.io',
  'cloudcontrollermanager.config.k8s.io', 'apiserver.config.k8s.io', 'apiserver.k8s.io', 'audit.k8s.io', 'kubeadm.k8s.io',
  'pod-security.admission.config.k8s.io', 'eventratelimit.admission.k8s.io', 'client.authentication.k8s.io',
]);

/**
 * API groups of other tools' files that carry apiVersion and kind, read from disk by the tool and never applied: a
 * repository may also hold their CRDs (for editors), which must not make them look like custom resources to check.
 */
const TOOL_GROUPS: ReadonlyMap<string, string> = new Map([
  ['kind.x-k8s.io', 'kind'], ['clusterctl.cluster.x-k8s.io', 'clusterctl'], ['meta.pkg.crossplane.io', 'a Crossplane package (crossplane xpkg build)'],
  ['chainsaw.kyverno.io', 'chainsaw'], ['kuttl.dev', 'kuttl'], ['kpt.dev', 'kpt'], ['k3d.io', 'k3d'],
  ['scorecard.operatorframework.io', 'operator-sdk scorecard'],
]);

/**
 * A kubeconfig (client-go's tools/clientcmd/api/v1 Config): its apiVersion is `v1`, as a core object's, but kubectl and
 * every other client read it from disk; applied, it would fail as no kind the API server serves.
 */
const KUBECONFIG = 'v1 Config';

/**
 * Why an object of another component's or tool's configuration is not validated, or undefined for an ordinary kind.
 * A KubeSchedulerConfiguration gets the option that reads it.
 */
/**
 * The API server's encryption configuration under its old name: apiserver.config.k8s.io/v1 registers it in the core
 * group too (upstream: k8s.io/apiserver/pkg/apis/apiserver/v1/register.go, "due to a docs bug"), and
 * --encryption-provider-config still reads it.
 */
const LEGACY_ENCRYPTION_CONFIG = 'v1 EncryptionConfig';

export function componentConfigurationNote(group: string, apiVersion: string, kind: string): string | undefined {
  if (`${apiVersion} ${kind}` === KUBECONFIG) return `${KUBECONFIG} is a kubeconfig file, read from disk by kubectl and other clients, not an API object: not validated`;
  if (`${apiVersion} ${kind}` === LEGACY_ENCRYPTION_CONFIG) return `${LEGACY_ENCRYPTION_CONFIG} is the API server's encryption configuration file (the old name of apiserver.config.k8s.io/v1 EncryptionConfiguration), not an API object: not validated`;
  const tool = TOOL_GROUPS.get(group);
  if (tool !== undefined) return `${apiVersion} ${kind} is a file of ${tool}, read from disk, not an API object: not validated`;
  if (!CONFIGURATION_GROUPS.has(group)) return undefined;
  const what = `${apiVersion} ${kind} is the configuration file of a Kubernetes component, not an API object: not validated`;
  return group === 'kubescheduler.config.k8s.io' ? `${what} here; pass it with --scheduler-config to check it and schedule with its profiles` : what;
}

/** Whether an object of this apiVersion and kind is a component's or tool's file (read from disk, never applied). */
export function isConfigurationFile(group: string, apiVersion: string, kind: string): boolean {
  return componentConfigurationNote(group, apiVersion, kind) !== undefined;
}
