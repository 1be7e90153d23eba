// pkg/apis/core/validation for the annotations a pod or pod template gives meaning to: mirror pods, deletion cost,
// the deprecated seccomp and AppArmor annotations.
import { GO_INTEGER_BOUNDS } from '../go-integers.js';
import { goQuote, invalid, key, type ErrorList, type FieldPath } from './field-error.js';
import { localDescendingPathErrors } from './local-path.js';
import { arrayField, asRecord, stringEntries, stringField, type Fields } from './values.js';
import { appendAll } from '../../model/append.js';

const MIRROR_POD = 'kubernetes.io/config.mirror';
const POD_DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';
const SECCOMP_POD = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';
const APPARMOR_CONTAINER_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';
const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;

/**
 * `field` is the annotations' path. The scheduler's tolerations annotation (scheduler.alpha.kubernetes.io/tolerations),
 * whose errors are encoding/json's, is not checked.
 */
// upstream: validation.go ValidatePodSpecificAnnotations (v1.36; PodDeletionCost is on by default in every release
// kubefit knows, so AllowInvalidPodDeletionCost is false), ValidateSeccompPodAnnotations, ValidateAppArmorPodAnnotations
export function validatePodSpecificAnnotations(annotations: unknown, spec: Fields | undefined, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  for (const [name, value] of stringEntries(annotations)) {
    if (name === MIRROR_POD && !stringField(spec, 'nodeName')) errors.push(invalid(field.concat(key(name)), value, 'must set spec.nodeName if mirror pod annotation is set'));
    else if (name === POD_DELETION_COST && !isInt32Text(value)) errors.push(invalid(field.concat(key(name)), value, 'must be a 32bit integer'));
    else if (name === SECCOMP_POD || name.startsWith(SECCOMP_CONTAINER_PREFIX)) appendAll(errors, validateSeccompProfile(value, field.concat(name)));
    else if (name.startsWith(APPARMOR_CONTAINER_PREFIX)) appendAll(errors, validateAppArmorAnnotation(name, value, { spec, field }));
  }
  return errors;
}


// upstream: pkg/apis/core/helper/helpers.go GetDeletionCostFromPodAnnotations, validFirstDigit (no "+", no leading 0),
// strconv.ParseInt(value, 10, 32)
function isInt32Text(value: string): boolean {
  if (!/^(-[0-9]+|0|[1-9][0-9]*)$/.test(value)) return false;
  const number = Number(value);
  return number >= GO_INTEGER_BOUNDS.int32.minimum && number <= GO_INTEGER_BOUNDS.int32.maximum;
}

const SECCOMP_NAMED_PROFILES = ['runtime/default', 'docker/default', 'unconfined'];
const SECCOMP_LOCALHOST_PREFIX = 'localhost/';

// upstream: validation.go ValidateSeccompProfile (of an annotation; the path is fldPath.Child(key), printed with dots)
function validateSeccompProfile(profile: string, field: FieldPath): ErrorList {
  if (SECCOMP_NAMED_PROFILES.includes(profile)) return [];
  if (profile.startsWith(SECCOMP_LOCALHOST_PREFIX)) return localDescendingPathErrors(profile.slice(SECCOMP_LOCALHOST_PREFIX.length), field);
  return [invalid(field, profile, 'must be a valid seccomp profile')];
}

const APPARMOR_NAMED_PROFILES = ['', 'runtime/default', 'unconfined'];
const APPARMOR_LOCALHOST_PREFIX = 'localhost/';

// upstream: validation.go ValidateAppArmorPodAnnotations, podSpecHasContainer, ValidateAppArmorProfileFormat
function validateAppArmorAnnotation(name: string, profile: string, pod: { spec: Fields | undefined; field: FieldPath }): ErrorList {
  const errors: ErrorList = [];
  const at = pod.field.concat(key(name));
  const containerName = name.slice(APPARMOR_CONTAINER_PREFIX.length);
  const containers = CONTAINER_LISTS.flatMap((list) => arrayField(pod.spec, list));
  if (!containers.some((container) => stringField(asRecord(container), 'name') === containerName)) errors.push(invalid(at, containerName, 'container not found'));
  if (!APPARMOR_NAMED_PROFILES.includes(profile) && !profile.startsWith(APPARMOR_LOCALHOST_PREFIX)) errors.push(invalid(at, profile, `invalid AppArmor profile name: ${goQuote(profile)}`));
  return errors;
}
