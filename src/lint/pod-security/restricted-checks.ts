// The restricted Pod Security Standard's own checks (it also runs baseline's), each ported from upstream
// policy/check_<id>.go (kubernetes master, 2026-07).
import { appendAll } from '../../model/append.js';
import { asArray, asRecord, stringField } from '../../model/object.js';
import {
  CAPABILITIES_BASELINE_ID, HOST_PATH_VOLUMES_ID, PROC_MOUNT_ID, SECCOMP_PROFILE_BASELINE_ID, isRuntimeDefaultOrLocalhost, procMountDefaultOnly,
} from './baseline-checks.js';
import {
  ALLOWED, containerSecurityContext, containersPhrase, exceptUserNamespacePods, forbidden, joinQuote, nameOf, pluralize,
  podSecurityContext, settersPhrase, sortedList, stringsOf, type Check, type CheckPod, type CheckResult, type PodInput,
} from './checks.js';
import { isWindowsPod } from '../container.js';

/** Variants from 1.25 admit Windows pods: API validation forbids these Linux-only fields on them. */
function exceptWindowsPods(check: CheckPod): CheckPod {
  return (pod) => (isWindowsPod(pod) ? ALLOWED : check(pod));
}

function allowPrivilegeEscalation(pod: PodInput): CheckResult {
  const bad = pod.containers.filter((c) => containerSecurityContext(c)?.['allowPrivilegeEscalation'] !== false).map(nameOf);
  return bad.length === 0 ? ALLOWED : forbidden('allowPrivilegeEscalation != false', `${containersPhrase(bad)} must set securityContext.allowPrivilegeEscalation=false`);
}

function capabilitiesRestricted(pod: PodInput): CheckResult {
  const missingDropAll: string[] = [];
  const addingForbidden: string[] = [];
  const forbiddenCapabilities: string[] = [];
  for (const container of pod.containers) {
    const capabilities = asRecord(containerSecurityContext(container)?.['capabilities']);
    if (!stringsOf(capabilities?.['drop']).includes('ALL')) missingDropAll.push(nameOf(container));
    const added = stringsOf(capabilities?.['add']).filter((capability) => capability !== 'NET_BIND_SERVICE');
    if (added.length > 0) addingForbidden.push(nameOf(container));
    appendAll(forbiddenCapabilities, added);
  }
  const details = [
    ...(missingDropAll.length > 0 ? [`${containersPhrase(missingDropAll)} must set securityContext.capabilities.drop=["ALL"]`] : []),
    ...(addingForbidden.length > 0
      ? [`${containersPhrase(addingForbidden)} must not include ${joinQuote(sortedList(forbiddenCapabilities))} in securityContext.capabilities.add`]
      : []),
  ];
  return details.length === 0 ? ALLOWED : forbidden('unrestricted capabilities', details.join('; '));
}

/** Volume sources the restricted level allows; any other makes the volume restricted. */
const ALLOWED_VOLUME_SOURCES = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'image', 'persistentVolumeClaim', 'projected', 'secret'];

/** The other sources, in upstream's order of precedence: a volume is reported by the first it sets. */
const RESTRICTED_VOLUME_SOURCES = [
  'hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'nfs', 'iscsi', 'glusterfs', 'rbd', 'flexVolume', 'cinder', 'cephfs',
  'flocker', 'fc', 'azureFile', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'portworxVolume', 'scaleIO', 'storageos',
];

function restrictedVolumes(pod: PodInput): CheckResult {
  const bad: string[] = [];
  const types: string[] = [];
  for (const volume of asArray(pod.podSpec['volumes']).map(asRecord)) {
    const sets = (source: string) => asRecord(volume?.[source]) !== undefined;
    const restricted = RESTRICTED_VOLUME_SOURCES.find(sets);
    // the API server defaults a volume without a source to an emptyDir before admission (v1 SetDefaults_Volume), so
    // upstream's "unknown" type never shows
    if (ALLOWED_VOLUME_SOURCES.some(sets) || restricted === undefined) continue;
    bad.push(stringField(volume, 'name'));
    types.push(restricted);
  }
  if (bad.length === 0) return ALLOWED;
  const sorted = sortedList(types);
  return forbidden(
    'restricted volume types',
    `${pluralize('volume', 'volumes', bad.length)} ${joinQuote(bad)} ${pluralize('uses', 'use', bad.length)} ${pluralize('restricted volume type', 'restricted volume types', sorted.length)} ${joinQuote(sorted)}`,
  );
}

function runAsNonRoot(pod: PodInput): CheckResult {
  const podValue = podSecurityContext(pod)?.['runAsNonRoot'];
  const explicitlyBad: string[] = [];
  const implicitlyBad: string[] = [];
  for (const container of pod.containers) {
    const value = containerSecurityContext(container)?.['runAsNonRoot'];
    if (value === false) explicitlyBad.push(nameOf(container));
    else if (typeof value !== 'boolean' && podValue !== true) implicitlyBad.push(nameOf(container));
  }
  if (podValue === false || explicitlyBad.length > 0) {
    return forbidden('runAsNonRoot != true', `${settersPhrase(podValue === false, explicitlyBad)} must not set securityContext.runAsNonRoot=false`);
  }
  if (implicitlyBad.length === 0) return ALLOWED;
  return forbidden('runAsNonRoot != true', `pod or ${containersPhrase(implicitlyBad)} must set securityContext.runAsNonRoot=true`);
}

function runAsUser(pod: PodInput): CheckResult {
  const podIsRoot = podSecurityContext(pod)?.['runAsUser'] === 0;
  const bad = pod.containers.filter((c) => containerSecurityContext(c)?.['runAsUser'] === 0).map(nameOf);
  return !podIsRoot && bad.length === 0 ? ALLOWED : forbidden('runAsUser=0', `${settersPhrase(podIsRoot, bad)} must not set runAsUser=0`);
}

function seccompProfileRestricted(pod: PodInput): CheckResult {
  const podProfile = asRecord(podSecurityContext(pod)?.['seccompProfile']);
  const podIsBad = podProfile !== undefined && !isRuntimeDefaultOrLocalhost(podProfile);
  const badValues = podIsBad ? [stringField(podProfile, 'type')] : [];
  const explicitlyBad: string[] = [];
  const implicitlyBad: string[] = [];
  for (const container of pod.containers) {
    const profile = asRecord(containerSecurityContext(container)?.['seccompProfile']);
    if (profile && !isRuntimeDefaultOrLocalhost(profile)) {
      explicitlyBad.push(nameOf(container));
      badValues.push(stringField(profile, 'type'));
    } else if (!profile && (podProfile === undefined || podIsBad)) implicitlyBad.push(nameOf(container));
  }
  if (podIsBad || explicitlyBad.length > 0) {
    return forbidden('seccompProfile', `${settersPhrase(podIsBad, explicitlyBad)} must not set securityContext.seccompProfile.type to ${joinQuote(sortedList(badValues))}`);
  }
  if (implicitlyBad.length === 0) return ALLOWED;
  return forbidden('seccompProfile', `pod or ${containersPhrase(implicitlyBad)} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`);
}

export const RESTRICTED_CHECKS: readonly Check[] = [
  {
    id: 'allowPrivilegeEscalation',
    level: 'restricted',
    versions: [{ minimumVersion: 8, checkPod: allowPrivilegeEscalation }, { minimumVersion: 25, checkPod: exceptWindowsPods(allowPrivilegeEscalation) }],
  },
  {
    id: 'capabilities_restricted',
    level: 'restricted',
    versions: [
      { minimumVersion: 22, checkPod: capabilitiesRestricted, overrideCheckIds: [CAPABILITIES_BASELINE_ID] },
      { minimumVersion: 25, checkPod: exceptWindowsPods(capabilitiesRestricted), overrideCheckIds: [CAPABILITIES_BASELINE_ID] },
    ],
  },
  // Before 1.35 baseline's procMount blocked every pod; from 1.35 it admits user-namespace pods, and restricted keeps the unconditional block.
  { id: 'procMount_restricted', level: 'restricted', versions: [{ minimumVersion: 35, checkPod: procMountDefaultOnly, overrideCheckIds: [PROC_MOUNT_ID] }] },
  { id: 'restrictedVolumes', level: 'restricted', versions: [{ minimumVersion: 0, checkPod: restrictedVolumes, overrideCheckIds: [HOST_PATH_VOLUMES_ID] }] },
  { id: 'runAsNonRoot', level: 'restricted', versions: [{ minimumVersion: 0, checkPod: runAsNonRoot }, { minimumVersion: 35, checkPod: exceptUserNamespacePods(runAsNonRoot) }] },
  { id: 'runAsUser', level: 'restricted', versions: [{ minimumVersion: 23, checkPod: runAsUser }, { minimumVersion: 35, checkPod: exceptUserNamespacePods(runAsUser) }] },
  {
    id: 'seccompProfile_restricted',
    level: 'restricted',
    versions: [
      { minimumVersion: 19, checkPod: seccompProfileRestricted, overrideCheckIds: [SECCOMP_PROFILE_BASELINE_ID] },
      { minimumVersion: 25, checkPod: exceptWindowsPods(seccompProfileRestricted), overrideCheckIds: [SECCOMP_PROFILE_BASELINE_ID] },
    ],
  },
];
