// pkg/apis/core/validation for security contexts: a container's (user and group ids, procMount, privilege escalation,
// seccomp, AppArmor) and the pod's (ids, sysctls, host namespaces with process sharing or user namespaces, seccomp,
// AppArmor), as the API server checks them on create.
import { GO_INTEGER_BOUNDS } from '../go-integers.js';
import { appendAll } from '../../model/append.js';
import { goTrimSpace } from '../../model/go-strings.js';
import { byteLength, inclusiveRangeError } from '../../model/name-validation.js';
import { duplicate, forbidden, GoStruct, invalid, notSupported, pointing, required, tooLong, toPath, unsupportedValue, type ErrorList, type FieldError, type FieldPath } from './field-error.js';
import { localDescendingPathErrors } from './local-path.js';
import { arrayField, asRecord, recordField, stringField, type Fields } from './values.js';

/** What a container's security context is checked against besides itself. */
export interface SecurityContextOptions {
  /** The pod shares the host's user namespace: hostUsers is unset or true. */
  readonly hostUsers: boolean;
  /** ProcMountType is on (beta, on by default since 1.33): else PrepareForCreate sets every procMount to Default. */
  readonly procMountType: boolean;
}

const PROC_MOUNT_TYPES = ['Default', 'Unmasked'];

// upstream: validation.go ValidateSecurityContext (v1.36; privileged is allowed: the cluster's --allow-privileged),
// ValidateProcMountType; pkg/api/pod/util.go dropDisabledProcMountField
export function validateSecurityContext(context: Fields | undefined, field: FieldPath, options: SecurityContextOptions): ErrorList {
  if (!context) return [];
  const errors = validateIDs(context, ['runAsUser', 'runAsGroup'], field);
  const procMount = stringField(context, 'procMount');
  if (options.procMountType && procMount !== undefined) {
    if (!PROC_MOUNT_TYPES.includes(procMount)) errors.push(notSupported(field.concat('procMount'), procMount, PROC_MOUNT_TYPES));
    if (options.hostUsers && procMount === 'Unmasked') errors.push(invalid(field.concat('procMount'), procMount, '`hostUsers` must be false to use `Unmasked`'));
  }
  appendAll(errors, validateSeccompProfile(recordField(context, 'seccompProfile'), field.concat('seccompProfile')));
  if (context['allowPrivilegeEscalation'] === false) {
    if (context['privileged'] === true) errors.push(invalid(field, internalSecurityContext(context), 'cannot set `allowPrivilegeEscalation` to false and `privileged` to true'));
    for (const capability of arrayField(recordField(context, 'capabilities'), 'add')) {
      if (capability === 'CAP_SYS_ADMIN') errors.push(invalid(field, internalSecurityContext(context), 'cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN'));
    }
  }
  return appendAll(errors, validateAppArmorProfile(recordField(context, 'appArmorProfile'), field.concat('appArmorProfile')));
}

const MAX_ID = GO_INTEGER_BOUNDS.int32.maximum;

// upstream: apimachinery validation.go IsValidUserID, IsValidGroupID (both 0..math.MaxInt32)
const isValidID = (id: unknown): boolean => typeof id !== 'number' || (id >= 0 && id <= MAX_ID);
const idError = (id: unknown, field: FieldPath): FieldError => invalid(field, id, inclusiveRangeError(0, MAX_ID));

function validateIDs(context: Fields, names: readonly string[], field: FieldPath): ErrorList {
  return names.filter((name) => !isValidID(context[name])).map((name) => idError(context[name], field.concat(name)));
}

const SECCOMP_TYPES = ['Localhost', 'RuntimeDefault', 'Unconfined'];

// upstream: validation.go validateSeccompProfileField, validateSeccompProfileType
function validateSeccompProfile(profile: Fields | undefined, field: FieldPath): ErrorList {
  if (!profile) return [];
  const errors: ErrorList = [];
  const type = stringField(profile, 'type') ?? '';
  if (type === '') errors.push(required(field.concat('type'), 'type is required when seccompProfile is set'));
  else if (!SECCOMP_TYPES.includes(type)) errors.push(notSupported(field.concat('type'), type, SECCOMP_TYPES));
  const localhostProfile = stringField(profile, 'localhostProfile');
  if (type === 'Localhost') {
    if (localhostProfile === undefined) errors.push(required(field.concat('localhostProfile'), 'must be set when seccomp type is Localhost'));
    else appendAll(errors, localDescendingPathErrors(localhostProfile, field.concat('localhostProfile')));
  } else if (localhostProfile !== undefined) {
    errors.push(invalid(field.concat('localhostProfile'), profileStruct(profile), 'can only be set when seccomp type is Localhost'));
  }
  return errors;
}

const APPARMOR_TYPES = ['Localhost', 'RuntimeDefault', 'Unconfined'];
const APPARMOR_LOCALHOST_REQUIRED = 'must be set when AppArmor type is Localhost';
const MAX_LOCALHOST_PROFILE_LENGTH = 4095;

// upstream: validation.go ValidateAppArmorProfileField (v1.36): an unset or unsupported type is the only error
function validateAppArmorProfile(profile: Fields | undefined, field: FieldPath): ErrorList {
  if (!profile) return [];
  const type = stringField(profile, 'type') ?? '';
  const localhostProfile = stringField(profile, 'localhostProfile');
  const at = field.concat('localhostProfile');
  if (type === '') return [required(field.concat('type'), 'type is required when appArmorProfile is set')];
  if (!APPARMOR_TYPES.includes(type)) return [notSupported(field.concat('type'), type, APPARMOR_TYPES)];
  if (type !== 'Localhost') return localhostProfile === undefined ? [] : [invalid(at, localhostProfile, 'can only be set when AppArmor type is Localhost')];
  if (localhostProfile === undefined) return [required(at, APPARMOR_LOCALHOST_REQUIRED)];
  const errors: ErrorList = [];
  if (goTrimSpace(localhostProfile) !== localhostProfile) errors.push(invalid(at, localhostProfile, 'must not be padded with whitespace'));
  else if (localhostProfile === '') errors.push(required(at, APPARMOR_LOCALHOST_REQUIRED));
  if (byteLength(localhostProfile) > MAX_LOCALHOST_PROFILE_LENGTH) errors.push(tooLong(at, MAX_LOCALHOST_PROFILE_LENGTH));
  return errors;
}

// upstream: validation.go validFSGroupChangePolicies, validSupplementalGroupsPolicies (sets.List: sorted)
const FS_GROUP_CHANGE_POLICIES = ['Always', 'OnRootMismatch'];
const SUPPLEMENTAL_GROUPS_POLICIES = ['Merge', 'Strict'];

/**
 * The pod's own checks of its security context; the internal PodSecurityContext holds v1's hostNetwork, hostPID,
 * hostIPC, shareProcessNamespace and hostUsers, so their errors name spec.securityContext (and point at the field).
 */
// upstream: validation.go validatePodSpecSecurityContext (ids, process sharing, sysctls, fsGroupChangePolicy, seccomp,
// AppArmor, supplementalGroupsPolicy where the release keeps it), validateHostUsers
export function validatePodSecurityContext(spec: Fields, field: FieldPath, supplementalGroupsPolicy: boolean): ErrorList {
  const context = recordField(spec, 'securityContext');
  const contextField = field.concat('securityContext');
  const errors = context ? validateIDs(context, ['fsGroup', 'runAsUser', 'runAsGroup'], contextField) : [];
  arrayField(context, 'supplementalGroups').forEach((group, index) => {
    if (!isValidID(group)) errors.push(idError(group, contextField.concat('supplementalGroups', index)));
  });
  if (spec['shareProcessNamespace'] === true && spec['hostPID'] === true) {
    errors.push(pointing(invalid(contextField.concat('shareProcessNamespace'), true, 'ShareProcessNamespace and HostPID cannot both be enabled'), toPath(field.concat('shareProcessNamespace'))));
  }
  const sysctls = arrayField(context, 'sysctls');
  if (sysctls.length > 0) appendAll(errors, validateSysctls(sysctls, spec, contextField.concat('sysctls')));
  appendAll(errors, unsupportedValue(contextField.concat('fsGroupChangePolicy'), stringField(context, 'fsGroupChangePolicy'), FS_GROUP_CHANGE_POLICIES));
  appendAll(errors, validateSeccompProfile(recordField(context, 'seccompProfile'), contextField.concat('seccompProfile')));
  appendAll(errors, validateAppArmorProfile(recordField(context, 'appArmorProfile'), contextField.concat('appArmorProfile')));
  if (supplementalGroupsPolicy) appendAll(errors, unsupportedValue(contextField.concat('supplementalGroupsPolicy'), stringField(context, 'supplementalGroupsPolicy'), SUPPLEMENTAL_GROUPS_POLICIES));
  if (spec['hostUsers'] === false) {
    // UserNamespacesHostNetworkSupport is alpha (off): no host network either; upstream names HostPID and HostIPC so
    for (const [v1Name, internalName] of [['hostNetwork', 'hostNetwork'], ['hostPID', 'HostPID'], ['hostIPC', 'HostIPC']] as const) {
      if (spec[v1Name] === true) errors.push(pointing(forbidden(field.concat(internalName), 'when `hostUsers` is false'), toPath(field.concat(v1Name))));
    }
  }
  return errors;
}

const SYSCTL_SEGMENT = '[a-z0-9]([-_a-z0-9]*[a-z0-9])?';
const SYSCTL_NAME_FORMAT = `(${SYSCTL_SEGMENT}[\\./])*${SYSCTL_SEGMENT}`;
const SYSCTL_NAME = new RegExp(`^${SYSCTL_NAME_FORMAT}$`);
const SYSCTL_MAX_LENGTH = 253;

// upstream: validation.go validateSysctls, IsValidSysctlName, ValidateHostSysctl (AllowNamespacedSysctlsForHostNetAndHostIPC
// is off on create)
function validateSysctls(sysctls: readonly unknown[], spec: Fields, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const names = new Set<string>();
  sysctls.forEach((entry, index) => {
    const name = stringField(asRecord(entry), 'name') ?? '';
    const at = field.concat(index, 'name');
    if (name === '') errors.push(required(at));
    else if (name.length > SYSCTL_MAX_LENGTH || !SYSCTL_NAME.test(name)) errors.push(invalid(at, name, `must have at most ${SYSCTL_MAX_LENGTH} characters and match regex ^${SYSCTL_NAME_FORMAT}$`));
    else if (names.has(name)) errors.push(duplicate(at, name));
    const namespace = sysctlNamespace(name);
    if (spec['hostNetwork'] === true && namespace === 'net') errors.push(invalid(at, name, "may not be specified when 'hostNetwork' is true"));
    else if (spec['hostIPC'] === true && namespace === 'ipc') errors.push(invalid(at, name, "may not be specified when 'hostIPC' is true"));
    names.add(name);
  });
  return errors;
}

const IPC_SYSCTLS = new Set(['kernel.sem', 'kernel.shmall', 'kernel.shmmax', 'kernel.shmmni', 'kernel.shm_rmid_forced', 'kernel.shm', 'kernel.msgmax', 'kernel.msgmnb', 'kernel.msgmni', 'kernel.msg']);

/** The kernel namespace a sysctl belongs to (upstream: component-helpers sysctl GetNamespace, NormalizeName). */
function sysctlNamespace(sysctl: string): 'net' | 'ipc' | undefined {
  const separator = sysctl.search(/[./]/);
  const normalized = separator === -1 || sysctl[separator] === '.' ? sysctl : sysctl.replace(/[./]/g, (character) => (character === '.' ? '/' : '.'));
  const star = normalized.indexOf('*');
  const name = star === -1 ? normalized : normalized.slice(0, star);
  if (IPC_SYSCTLS.has(name)) return 'ipc';
  if (name.startsWith('net.')) return 'net';
  return name.startsWith('fs.mqueue.') ? 'ipc' : undefined;
}

// ---- the internal version's Go structs (pkg/apis/core/types.go), as json.Marshal prints them in an error's value ----

const orNull = (value: unknown): unknown => value ?? null;

function profileStruct(profile: Fields): GoStruct {
  return new GoStruct([['Type', stringField(profile, 'type') ?? ''], ['LocalhostProfile', orNull(profile['localhostProfile'])]]);
}

function internalSecurityContext(context: Fields): GoStruct {
  const capabilities = recordField(context, 'capabilities');
  const seLinux = recordField(context, 'seLinuxOptions');
  const windows = recordField(context, 'windowsOptions');
  const seccomp = recordField(context, 'seccompProfile');
  const appArmor = recordField(context, 'appArmorProfile');
  return new GoStruct([
    ['Capabilities', capabilities ? new GoStruct([['Add', orNull(capabilities['add'])], ['Drop', orNull(capabilities['drop'])]]) : null],
    ['Privileged', orNull(context['privileged'])],
    ['SELinuxOptions', seLinux ? new GoStruct(['user', 'role', 'type', 'level'].map((name) => [name[0]?.toUpperCase() + name.slice(1), stringField(seLinux, name) ?? ''])) : null],
    ['WindowsOptions', windows ? new GoStruct([['GMSACredentialSpecName', orNull(windows['gmsaCredentialSpecName'])], ['GMSACredentialSpec', orNull(windows['gmsaCredentialSpec'])], ['RunAsUserName', orNull(windows['runAsUserName'])], ['HostProcess', orNull(windows['hostProcess'])]]) : null],
    ['RunAsUser', orNull(context['runAsUser'])],
    ['RunAsGroup', orNull(context['runAsGroup'])],
    ['RunAsNonRoot', orNull(context['runAsNonRoot'])],
    ['ReadOnlyRootFilesystem', orNull(context['readOnlyRootFilesystem'])],
    ['AllowPrivilegeEscalation', orNull(context['allowPrivilegeEscalation'])],
    ['ProcMount', orNull(context['procMount'])],
    ['SeccompProfile', seccomp ? profileStruct(seccomp) : null],
    ['AppArmorProfile', appArmor ? profileStruct(appArmor) : null],
  ]);
}

const HOST_PROCESS_LISTS = ['containers', 'initContainers', 'ephemeralContainers'] as const;

// upstream: validation.go validateWindowsHostProcessPod (v1.36); the cluster is taken to allow privileged pods
// (--allow-privileged, which every common installer sets), so "disallowed by cluster policy" is not reported
export function validateWindowsHostProcessPod(spec: Fields, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const hostProcessOf = (context: Fields | undefined) => {
    const value = recordField(context, 'windowsOptions')?.['hostProcess'];
    return typeof value === 'boolean' ? value : undefined;
  };
  const pod = hostProcessOf(recordField(spec, 'securityContext'));
  let containers = 0;
  let hostProcessContainers = 0;
  for (const list of HOST_PROCESS_LISTS) {
    arrayField(spec, list).forEach((entry, index) => {
      containers++;
      const own = hostProcessOf(recordField(asRecord(entry), 'securityContext'));
      if (pod !== undefined && own !== undefined && pod !== own) {
        errors.push(invalid(field.concat(list, index, 'securityContext', 'windowsOptions', 'hostProcess'), own, `pod hostProcess value must be identical if both are specified, was ${pod}`));
      }
      if (own ?? pod) hostProcessContainers++;
    });
  }
  if (hostProcessContainers === 0) return errors;
  if (hostProcessContainers !== containers) errors.push(invalid(field, '', 'If pod contains any hostProcess containers then all containers must be HostProcess containers'));
  if (spec['hostNetwork'] !== true) errors.push(invalid(field.concat('hostNetwork'), false, 'hostNetwork must be true if pod contains any hostProcess containers'));
  return errors;
}
