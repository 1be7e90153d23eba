// The explicit registry of built-in lint rules, alphabetical by id.
import type { Rule } from '../src/lint/define-rule.js';
import capabilitiesNotDropped from './capabilities-not-dropped.js';
import dangerousCapabilities from './dangerous-capabilities.js';
import dockerSocket from './docker-socket.js';
import hostIpc from './host-ipc.js';
import hostNetwork from './host-network.js';
import hostPathVolume from './host-path-volume.js';
import hostPid from './host-pid.js';
import hostPort from './host-port.js';
import latestTag from './latest-tag.js';
import limitsBelowRequests from './limits-below-requests.js';
import livenessProbe from './liveness-probe.js';
import memoryLimitMissing from './memory-limit-missing.js';
import privilegeEscalation from './privilege-escalation.js';
import privilegedContainer from './privileged-container.js';
import privilegedPorts from './privileged-ports.js';
import readOnlyRootFilesystem from './read-only-root-filesystem.js';
import readinessProbe from './readiness-probe.js';
import requestsMissing from './requests-missing.js';
import runAsNonRoot from './run-as-non-root.js';
import sensitiveHostMounts from './sensitive-host-mounts.js';
import unsafeProcMount from './unsafe-proc-mount.js';
import unsafeSysctls from './unsafe-sysctls.js';

export const BUILTIN_RULES: readonly Rule[] = [
  capabilitiesNotDropped,
  dangerousCapabilities,
  dockerSocket,
  hostIpc,
  hostNetwork,
  hostPathVolume,
  hostPid,
  hostPort,
  latestTag,
  limitsBelowRequests,
  livenessProbe,
  memoryLimitMissing,
  privilegeEscalation,
  privilegedContainer,
  privilegedPorts,
  readOnlyRootFilesystem,
  readinessProbe,
  requestsMissing,
  runAsNonRoot,
  sensitiveHostMounts,
  unsafeProcMount,
  unsafeSysctls,
];
