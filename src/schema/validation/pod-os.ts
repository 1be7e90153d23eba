// pkg/apis/core/validation for spec.os: a supported OS name, and no field of the other OS's security settings.
import type { ValidationContext } from './core-pod.js';
import { forbidden, notSupported, pointing, required, toPath, type ErrorList, type FieldPath } from './field-error.js';
import { arrayField, asRecord, recordField, stringField, type Fields } from './values.js';

const OS_NAMES = ['linux', 'windows'];
const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;
const NOT_FOR_WINDOWS = 'cannot be set for a windows pod';
const NOT_FOR_LINUX = 'windows options cannot be set for a linux pod';

// upstream: validation.go validateWindows (v1.36): the pod security context's fields a windows pod may not set
const WINDOWS_POD_SECURITY_FIELDS = ['appArmorProfile', 'seLinuxOptions', 'seccompProfile', 'fsGroup', 'fsGroupChangePolicy', 'runAsUser', 'runAsGroup', 'supplementalGroups', 'supplementalGroupsPolicy', 'seLinuxChangePolicy'];
const WINDOWS_CONTAINER_SECURITY_FIELDS = ['appArmorProfile', 'seLinuxOptions', 'seccompProfile', 'capabilities', 'readOnlyRootFilesystem', 'privileged', 'allowPrivilegeEscalation', 'procMount', 'runAsUser', 'runAsGroup'];

const isSet = (value: unknown): boolean => value !== undefined && value !== null;

// upstream: validation.go ValidatePodSpec (spec.OS != nil), validateOS, validateLinux, validateWindows (v1.36)
export function validatePodOS(spec: Fields, field: FieldPath, context: ValidationContext): ErrorList {
  const os = recordField(spec, 'os');
  if (!os) return [];
  const name = stringField(os, 'name') ?? '';
  if (name === '') return [required(field.concat('os', 'name'))];
  if (!OS_NAMES.includes(name)) return [pointing(notSupported(field.concat('os'), name, OS_NAMES), toPath(field.concat('os', 'name')))];
  return name === 'linux' ? validateLinux(spec, field) : validateWindows(spec, field, context);
}

function validateLinux(spec: Fields, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  if (isSet(recordField(spec, 'securityContext')?.['windowsOptions'])) errors.push(forbidden(field.concat('securityContext', 'windowsOptions'), NOT_FOR_LINUX));
  forEachSecurityContext(spec, field, (context, at) => {
    if (isSet(context['windowsOptions'])) errors.push(forbidden(at.concat('windowsOptions'), NOT_FOR_LINUX));
  });
  return errors;
}

/**
 * The internal PodSecurityContext also holds v1's hostUsers, hostPID, hostIPC and shareProcessNamespace, which upstream
 * names at the spec; v1's conversion always makes a pod security context, so they are checked without one.
 */
function validateWindows(spec: Fields, field: FieldPath, context: ValidationContext): ErrorList {
  const errors: ErrorList = [];
  const security = recordField(spec, 'securityContext') ?? {};
  const contextField = field.concat('securityContext');
  for (const name of WINDOWS_POD_SECURITY_FIELDS) if (isSet(security[name])) errors.push(forbidden(contextField.concat(name), NOT_FOR_WINDOWS));
  if (arrayField(security, 'sysctls').length > 0) errors.push(forbidden(contextField.concat('sysctls'), NOT_FOR_WINDOWS));
  // pkg/api/pod/util.go drops hostUsers while UserNamespacesSupport is off
  if (context.userNamespaces && isSet(spec['hostUsers'])) errors.push(forbidden(field.concat('hostUsers'), NOT_FOR_WINDOWS));
  for (const name of ['hostPID', 'hostIPC']) if (spec[name] === true) errors.push(forbidden(field.concat(name), NOT_FOR_WINDOWS));
  if (isSet(spec['shareProcessNamespace'])) errors.push(forbidden(field.concat('shareProcessNamespace'), NOT_FOR_WINDOWS));
  forEachSecurityContext(spec, field, (containerContext, at) => {
    for (const name of WINDOWS_CONTAINER_SECURITY_FIELDS) if (isSet(containerContext[name])) errors.push(forbidden(at.concat(name), NOT_FOR_WINDOWS));
  });
  return errors;
}

// upstream: pkg/apis/core/pods/helpers.go VisitContainersWithPath (init, regular, ephemeral containers)
function forEachSecurityContext(spec: Fields, field: FieldPath, visit: (context: Fields, at: FieldPath) => void): void {
  for (const list of CONTAINER_LISTS) {
    arrayField(spec, list).forEach((entry, index) => {
      const context = recordField(asRecord(entry), 'securityContext');
      if (context) visit(context, field.concat(list, index, 'securityContext'));
    });
  }
}
