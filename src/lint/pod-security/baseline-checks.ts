// The baseline Pod Security Standard's checks, each ported from its upstream policy/check_<id>.go (kubernetes master, 2026-07).
import { appendAll } from '../../model/append.js';
import { asArray, asRecord, stringField } from '../../model/object.js';
import { defaultedHostPort } from '../../model/pod-defaults.js';
import { safeSysctlsOf } from '../../model/safe-sysctls.js';
import type { ContainerView } from '../../model/workload.js';
import {
  ALLOWED, containerSecurityContext, containersPhrase, exceptUserNamespacePods, forbidden, joinQuote, nameOf, pluralize,
  podSecurityContext, settersPhrase, sortedList, stringsOf, type Check, type CheckResult, type PodInput,
} from './checks.js';
import { isWindowsPod } from '../container.js';

function hostNamespaces(pod: PodInput): CheckResult {
  const shared = (['hostNetwork', 'hostPID', 'hostIPC'] as const).filter((field) => pod.podSpec[field] === true);
  return shared.length === 0 ? ALLOWED : forbidden('host namespaces', shared.map((field) => `${field}=true`).join(', '));
}

function privileged(pod: PodInput): CheckResult {
  const bad = pod.containers.filter((c) => containerSecurityContext(c)?.['privileged'] === true).map(nameOf);
  return bad.length === 0 ? ALLOWED : forbidden('privileged', `${containersPhrase(bad)} must not set securityContext.privileged=true`);
}

const DEFAULT_CAPABILITIES = new Set([
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID',
  'SETPCAP', 'SETUID', 'SYS_CHROOT',
]);

/** The capabilities a container adds, or undefined when it has no securityContext.capabilities. */
export function addedCapabilities(container: ContainerView): string[] | undefined {
  const capabilities = asRecord(containerSecurityContext(container)?.['capabilities']);
  return capabilities ? stringsOf(capabilities['add']) : undefined;
}

function capabilitiesBaseline(pod: PodInput): CheckResult {
  const bad: string[] = [];
  const nonDefault: string[] = [];
  for (const container of pod.containers) {
    const added = (addedCapabilities(container) ?? []).filter((capability) => !DEFAULT_CAPABILITIES.has(capability));
    if (added.length > 0) bad.push(nameOf(container));
    appendAll(nonDefault, added);
  }
  if (bad.length === 0) return ALLOWED;
  return forbidden('non-default capabilities', `${containersPhrase(bad)} must not include ${joinQuote(sortedList(nonDefault))} in securityContext.capabilities.add`);
}

function hostPathVolumes(pod: PodInput): CheckResult {
  const names = asArray(pod.podSpec['volumes']).map(asRecord).filter((volume) => asRecord(volume?.['hostPath'])).map((volume) => stringField(volume, 'name'));
  return names.length === 0 ? ALLOWED : forbidden('hostPath volumes', `${pluralize('volume', 'volumes', names.length)} ${joinQuote(names)}`);
}

/** The hostPort of a container port as admission sees it (ephemeral containers are not defaulted). */
function hostPortOf(pod: PodInput, container: ContainerView, port: unknown): unknown {
  return defaultedHostPort(port, pod.podSpec['hostNetwork'] === true && container.type !== 'ephemeralContainer');
}

function hostPorts(pod: PodInput): CheckResult {
  const bad: string[] = [];
  const ports: string[] = [];
  for (const container of pod.containers) {
    const used = asArray(container.value['ports']).map((port) => hostPortOf(pod, container, port)).filter((port): port is number => typeof port === 'number' && port !== 0);
    if (used.length > 0) bad.push(nameOf(container));
    appendAll(ports, used.map(String));
  }
  if (bad.length === 0) return ALLOWED;
  const sorted = sortedList(ports);
  return forbidden('hostPort', `${containersPhrase(bad)} ${pluralize('uses', 'use', bad.length)} ${pluralize('hostPort', 'hostPorts', sorted.length)} ${sorted.join(', ')}`);
}

/** The hosts a probe or lifecycle handler sends its httpGet / tcpSocket to, other than the pod's own IP (empty). */
function handlerHosts(handler: unknown): string[] {
  return (['httpGet', 'tcpSocket'] as const).map((action) => stringField(asRecord(asRecord(handler)?.[action]), 'host')).filter((host) => host !== '');
}

function hostProbesAndHostLifecycle(pod: PodInput): CheckResult {
  const bad: string[] = [];
  const hosts: string[] = [];
  for (const container of pod.containers) {
    const lifecycle = asRecord(container.value['lifecycle']);
    const handlers = [container.value['livenessProbe'], container.value['readinessProbe'], container.value['startupProbe'], lifecycle?.['postStart'], lifecycle?.['preStop']];
    const found = handlers.flatMap(handlerHosts);
    if (found.length > 0) bad.push(nameOf(container));
    appendAll(hosts, found);
  }
  if (bad.length === 0) return ALLOWED;
  const [containers, forbiddenHosts] = [sortedList(bad), sortedList(hosts)];
  return forbidden(
    'probe or lifecycle host',
    `${containersPhrase(containers)} ${pluralize('uses', 'use', containers.length)} ${pluralize('probe or lifecycle host', 'probe or lifecycle hosts', forbiddenHosts.length)} ${joinQuote(forbiddenHosts)}`,
  );
}

const APPARMOR_ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

/** Whether a seccomp or AppArmor profile has one of the two types both checks allow. upstream: validSeccomp, allowedProfileType */
export function isRuntimeDefaultOrLocalhost(profile: Readonly<Record<string, unknown>>): boolean {
  const type = stringField(profile, 'type');
  return type === 'RuntimeDefault' || type === 'Localhost';
}

/** Whether a profile that is set has another type; collects the types it finds into `badTypes`. */
function hasForbiddenType(badTypes: string[]): (profile: Readonly<Record<string, unknown>> | undefined) => boolean {
  return (profile) => {
    if (!profile || isRuntimeDefaultOrLocalhost(profile)) return false;
    badTypes.push(stringField(profile, 'type'));
    return true;
  };
}

function isAllowedAppArmorAnnotation(value: string): boolean {
  return value === '' || value === 'runtime/default' || value.startsWith('localhost/');
}

/** `key="value"` as Go's %s=%q prints an annotation (JSON quoting matches %q for printable text). */
function annotationPhrase(key: string, value: string): string {
  return `${key}=${JSON.stringify(value)}`;
}

const UNCONFINED: Readonly<Record<string, unknown>> = { type: 'Unconfined' };

/**
 * A container's AppArmor profile as admission sees it: pod creation first copies the container's deprecated
 * annotation to a container without the field, unless the pod is a Windows pod or the profile equals the pod's (v1.33+
 * pkg/registry/core/pod/strategy.go applyAppArmorVersionSkew). Of the annotation values, only "unconfined" maps to a
 * forbidden type, so only it changes the verdict or the message.
 */
function containerAppArmorProfile(pod: PodInput, container: ContainerView, podProfile: Readonly<Record<string, unknown>> | undefined) {
  const own = asRecord(containerSecurityContext(container)?.['appArmorProfile']);
  if (own || isWindowsPod(pod) || stringField(podProfile, 'type') === 'Unconfined') return own;
  return pod.podAnnotations[APPARMOR_ANNOTATION_PREFIX + nameOf(container)] === 'unconfined' ? UNCONFINED : undefined;
}

function appArmorProfile(pod: PodInput): CheckResult {
  const badValues: string[] = [];
  const badProfile = hasForbiddenType(badValues);
  const podProfile = asRecord(podSecurityContext(pod)?.['appArmorProfile']);
  const podIsBad = badProfile(podProfile);
  const badContainers = pod.containers.filter((c) => badProfile(containerAppArmorProfile(pod, c, podProfile))).map(nameOf);
  const setters = badContainers.length > 0 || podIsBad ? [settersPhrase(podIsBad, badContainers)] : [];
  const annotations = Object.entries(pod.podAnnotations)
    .filter(([key, value]) => key.startsWith(APPARMOR_ANNOTATION_PREFIX) && !isAllowedAppArmorAnnotation(value))
    .map(([key, value]) => annotationPhrase(key, value))
    .sort();
  const values = [...sortedList(badValues), ...annotations];
  if (annotations.length > 0) setters.push(pluralize('annotation', 'annotations', annotations.length));
  if (setters.length === 0) return ALLOWED;
  return forbidden(
    pluralize('forbidden AppArmor profile', 'forbidden AppArmor profiles', values.length),
    `${setters.join(' and ')} must not set AppArmor profile type to ${joinQuote(values)}`,
  );
}

const SELINUX_TYPES_1_0 = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t']);
const SELINUX_TYPES_1_31 = new Set([...SELINUX_TYPES_1_0, 'container_engine_t']);

function seLinuxOptions(allowedTypes: ReadonlySet<string>) {
  return (pod: PodInput): CheckResult => {
    const badTypes: string[] = [];
    let [setUser, setRole] = [false, false];
    const isBad = (options: Readonly<Record<string, unknown>> | undefined): boolean => {
      if (!options) return false;
      const type = stringField(options, 'type');
      const user = stringField(options, 'user') !== '';
      const role = stringField(options, 'role') !== '';
      if (!allowedTypes.has(type)) badTypes.push(type);
      setUser ||= user;
      setRole ||= role;
      return !allowedTypes.has(type) || user || role;
    };
    const podIsBad = isBad(asRecord(podSecurityContext(pod)?.['seLinuxOptions']));
    const badContainers = pod.containers.filter((c) => isBad(asRecord(containerSecurityContext(c)?.['seLinuxOptions']))).map(nameOf);
    if (!podIsBad && badContainers.length === 0) return ALLOWED;
    const types = sortedList(badTypes);
    const data = [
      ...(types.length > 0 ? [`${pluralize('type', 'types', types.length)} ${joinQuote(types)}`] : []),
      ...(setUser ? ['user may not be set'] : []),
      ...(setRole ? ['role may not be set'] : []),
    ];
    return forbidden('seLinuxOptions', `${settersPhrase(podIsBad, badContainers)} set forbidden securityContext.seLinuxOptions: ${data.join('; ')}`);
  };
}

/** Blocks any procMount but Default. upstream: procMount_1_0, also the restricted procMount_restricted from 1.35. */
export function procMountDefaultOnly(pod: PodInput): CheckResult {
  const bad: string[] = [];
  const types: string[] = [];
  for (const container of pod.containers) {
    const procMount = containerSecurityContext(container)?.['procMount'];
    if (typeof procMount !== 'string' || procMount === 'Default') continue;
    bad.push(nameOf(container));
    types.push(procMount);
  }
  if (bad.length === 0) return ALLOWED;
  return forbidden('procMount', `${containersPhrase(bad)} must not set securityContext.procMount to ${joinQuote(sortedList(types))}`);
}

const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER_ANNOTATION_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';

function isValidSeccompAnnotation(value: string): boolean {
  return value === 'runtime/default' || value === 'docker/default' || value.startsWith('localhost/');
}

function seccompProfileBaseline1_0(pod: PodInput): CheckResult {
  const keys = [SECCOMP_POD_ANNOTATION, ...pod.containers.map((c) => SECCOMP_CONTAINER_ANNOTATION_PREFIX + nameOf(c))];
  const bad = keys.flatMap((key) => {
    const value = Object.hasOwn(pod.podAnnotations, key) ? pod.podAnnotations[key] : undefined;
    return value === undefined || isValidSeccompAnnotation(value) ? [] : [annotationPhrase(key, value)];
  });
  if (bad.length === 0) return ALLOWED;
  const sorted = sortedList(bad);
  return forbidden('seccompProfile', `forbidden ${pluralize('annotation', 'annotations', sorted.length)} ${sorted.join(', ')}`);
}

function seccompProfileBaseline1_19(pod: PodInput): CheckResult {
  const badValues: string[] = [];
  const isBad = hasForbiddenType(badValues);
  const podIsBad = isBad(asRecord(podSecurityContext(pod)?.['seccompProfile']));
  const badContainers = pod.containers.filter((c) => isBad(asRecord(containerSecurityContext(c)?.['seccompProfile']))).map(nameOf);
  if (!podIsBad && badContainers.length === 0) return ALLOWED;
  return forbidden('seccompProfile', `${settersPhrase(podIsBad, badContainers)} must not set securityContext.seccompProfile.type to ${joinQuote(sortedList(badValues))}`);
}

function sysctls(allowedSet: ReadonlySet<string>) {
  return (pod: PodInput): CheckResult => {
    const names = asArray(podSecurityContext(pod)?.['sysctls']).map((sysctl) => stringField(asRecord(sysctl), 'name'));
    const bad = names.filter((name) => !allowedSet.has(name));
    return bad.length === 0 ? ALLOWED : forbidden('forbidden sysctls', bad.join(', '));
  };
}

function windowsHostProcess(pod: PodInput): CheckResult {
  const isHostProcess = (context: Readonly<Record<string, unknown>> | undefined) => asRecord(context?.['windowsOptions'])?.['hostProcess'] === true;
  const badContainers = pod.containers.filter((c) => isHostProcess(containerSecurityContext(c))).map(nameOf);
  const podIsBad = isHostProcess(podSecurityContext(pod));
  if (!podIsBad && badContainers.length === 0) return ALLOWED;
  return forbidden('hostProcess', `${settersPhrase(podIsBad, badContainers)} must not set securityContext.windowsOptions.hostProcess=true`);
}

export const CAPABILITIES_BASELINE_ID = 'capabilities_baseline';
export const HOST_PATH_VOLUMES_ID = 'hostPathVolumes';
export const PROC_MOUNT_ID = 'procMount';
export const SECCOMP_PROFILE_BASELINE_ID = 'seccompProfile_baseline';

export const BASELINE_CHECKS: readonly Check[] = [
  { id: 'appArmorProfile', level: 'baseline', versions: [{ minimumVersion: 0, checkPod: appArmorProfile }] },
  { id: CAPABILITIES_BASELINE_ID, level: 'baseline', versions: [{ minimumVersion: 0, checkPod: capabilitiesBaseline }] },
  { id: 'hostNamespaces', level: 'baseline', versions: [{ minimumVersion: 0, checkPod: hostNamespaces }] },
  { id: HOST_PATH_VOLUMES_ID, level: 'baseline', versions: [{ minimumVersion: 0, checkPod: hostPathVolumes }] },
  { id: 'hostPorts', level: 'baseline', versions: [{ minimumVersion: 0, checkPod: hostPorts }] },
  { id: 'hostProbesAndHostLifecycle', level: 'baseline', versions: [{ minimumVersion: 34, checkPod: hostProbesAndHostLifecycle }] },
  { id: 'privileged', level: 'baseline', versions: [{ minimumVersion: 0, checkPod: privileged }] },
  {
    id: PROC_MOUNT_ID,
    level: 'baseline',
    versions: [{ minimumVersion: 0, checkPod: procMountDefaultOnly }, { minimumVersion: 35, checkPod: exceptUserNamespacePods(procMountDefaultOnly) }],
  },
  {
    id: 'seLinuxOptions',
    level: 'baseline',
    versions: [{ minimumVersion: 0, checkPod: seLinuxOptions(SELINUX_TYPES_1_0) }, { minimumVersion: 31, checkPod: seLinuxOptions(SELINUX_TYPES_1_31) }],
  },
  {
    id: SECCOMP_PROFILE_BASELINE_ID,
    level: 'baseline',
    versions: [{ minimumVersion: 0, checkPod: seccompProfileBaseline1_0 }, { minimumVersion: 19, checkPod: seccompProfileBaseline1_19 }],
  },
  {
    id: 'sysctls',
    level: 'baseline',
    versions: [
      { minimumVersion: 0, checkPod: sysctls(safeSysctlsOf('1.0')) },
      { minimumVersion: 27, checkPod: sysctls(safeSysctlsOf('1.27')) },
      { minimumVersion: 29, checkPod: sysctls(safeSysctlsOf('1.29')) },
      { minimumVersion: 32, checkPod: sysctls(safeSysctlsOf('1.32')) },
      { minimumVersion: 37, checkPod: sysctls(safeSysctlsOf('1.37')) },
    ],
  },
  { id: 'windowsHostProcess', level: 'baseline', versions: [{ minimumVersion: 0, checkPod: windowsHostProcess }] },
];
