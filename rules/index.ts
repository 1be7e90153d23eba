// The explicit registry of built-in lint rules, alphabetical by id.
import type { Rule } from '../src/lint/define-rule.js';
import apiWarning from './api-warning.js';
import automountServiceAccountToken from './automount-service-account-token.js';
import capabilitiesNotDropped from './capabilities-not-dropped.js';
import cronjobStartingDeadline from './cronjob-starting-deadline.js';
import dangerousCapabilities from './dangerous-capabilities.js';
import danglingHpa from './dangling-hpa.js';
import danglingIngress from './dangling-ingress.js';
import danglingNetworkPolicy from './dangling-network-policy.js';
import danglingService from './dangling-service.js';
import defaultNamespace from './default-namespace.js';
import defaultServiceAccount from './default-service-account.js';
import deprecatedServiceAccountField from './deprecated-service-account-field.js';
import dockerSocket from './docker-socket.js';
import duplicateDefaultPriorityClass from './duplicate-default-priority-class.js';
import duplicateEnvVar from './duplicate-env-var.js';
import envVarSecret from './env-var-secret.js';
import ephemeralStorage from './ephemeral-storage.js';
import hostIpc from './host-ipc.js';
import hostNetwork from './host-network.js';
import hostPathVolume from './host-path-volume.js';
import hostPid from './host-pid.js';
import hostPort from './host-port.js';
import hpaMinEqualsMax from './hpa-min-equals-max.js';
import hpaReplicas from './hpa-replicas.js';
import identicalProbes from './identical-probes.js';
import imagePullPolicy from './image-pull-policy.js';
import kubeletPluginMounts from './kubelet-plugin-mounts.js';
import latestTag from './latest-tag.js';
import limitrange from './limitrange.js';
import limitrangePod from './limitrange-pod.js';
import limitrangePvc from './limitrange-pvc.js';
import livenessProbe from './liveness-probe.js';
import memoryLimitMissing from './memory-limit-missing.js';
import missingSecretOrConfigmap from './missing-secret-or-configmap.js';
import nonExistentPriorityClass from './non-existent-priority-class.js';
import nonExistentRuntimeClass from './non-existent-runtime-class.js';
import nonExistentServiceAccount from './non-existent-service-account.js';
import pdbBlocksEviction from './pdb-blocks-eviction.js';
import pdbMissing from './pdb-missing.js';
import peerSuppression from './peer-suppression.js';
import plaintextSecret from './plaintext-secret.js';
import podAntiAffinity from './pod-anti-affinity.js';
import podPriorityMismatch from './pod-priority-mismatch.js';
import podSecurityAdmission from './pod-security-admission.js';
import privilegeEscalation from './privilege-escalation.js';
import privilegedContainer from './privileged-container.js';
import privilegedPorts from './privileged-ports.js';
import probePortNotExposed from './probe-port-not-exposed.js';
import rbacClusterAdminBinding from './rbac-cluster-admin-binding.js';
import rbacPodExec from './rbac-pod-exec.js';
import rbacPrivilegeEscalation from './rbac-privilege-escalation.js';
import rbacSecretsRead from './rbac-secrets-read.js';
import rbacWildcard from './rbac-wildcard.js';
import readOnlyRootFilesystem from './read-only-root-filesystem.js';
import readinessProbe from './readiness-probe.js';
import recommendedLabels from './recommended-labels.js';
import requestsMissing from './requests-missing.js';
import resourcequota from './resourcequota.js';
import runAsNonRoot from './run-as-non-root.js';
import runtimeClassMismatch from './runtime-class-mismatch.js';
import seccompProfile from './seccomp-profile.js';
import sensitiveHostMounts from './sensitive-host-mounts.js';
import serviceTargetPort from './service-target-port.js';
import singleReplica from './single-replica.js';
import statefulsetServiceName from './statefulset-service-name.js';
import unsafeProcMount from './unsafe-proc-mount.js';
import unsafeSysctls from './unsafe-sysctls.js';
import windowsHostProcess from './windows-host-process.js';
import writableHostPath from './writable-host-path.js';

export const BUILTIN_RULES: readonly Rule[] = [
  apiWarning,
  automountServiceAccountToken,
  capabilitiesNotDropped,
  cronjobStartingDeadline,
  dangerousCapabilities,
  danglingHpa,
  danglingIngress,
  danglingNetworkPolicy,
  danglingService,
  defaultNamespace,
  defaultServiceAccount,
  deprecatedServiceAccountField,
  dockerSocket,
  duplicateDefaultPriorityClass,
  duplicateEnvVar,
  envVarSecret,
  ephemeralStorage,
  hostIpc,
  hostNetwork,
  hostPathVolume,
  hostPid,
  hostPort,
  hpaMinEqualsMax,
  hpaReplicas,
  identicalProbes,
  imagePullPolicy,
  kubeletPluginMounts,
  latestTag,
  limitrange,
  limitrangePod,
  limitrangePvc,
  livenessProbe,
  memoryLimitMissing,
  missingSecretOrConfigmap,
  nonExistentPriorityClass,
  nonExistentRuntimeClass,
  nonExistentServiceAccount,
  pdbBlocksEviction,
  pdbMissing,
  peerSuppression,
  plaintextSecret,
  podAntiAffinity,
  podPriorityMismatch,
  podSecurityAdmission,
  privilegeEscalation,
  privilegedContainer,
  privilegedPorts,
  probePortNotExposed,
  rbacClusterAdminBinding,
  rbacPodExec,
  rbacPrivilegeEscalation,
  rbacSecretsRead,
  rbacWildcard,
  readOnlyRootFilesystem,
  readinessProbe,
  recommendedLabels,
  requestsMissing,
  resourcequota,
  runAsNonRoot,
  runtimeClassMismatch,
  seccompProfile,
  sensitiveHostMounts,
  serviceTargetPort,
  singleReplica,
  statefulsetServiceName,
  unsafeProcMount,
  unsafeSysctls,
  windowsHostProcess,
  writableHostPath,
];
