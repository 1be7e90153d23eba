// Paths a pod writes below a volume or its root (subPath, volume item paths, a seccomp profile) and node paths a volume
// names (hostPath).
import { appendAll } from '../../model/append.js';
import { invalid, type ErrorList, type FieldPath } from './field-error.js';

// upstream: validation.go validatePathNoBacksteps (one error however many '..' segments)
export function pathNoBackstepsErrors(path: string, field: FieldPath): ErrorList {
  return path.split('/').includes('..') ? [invalid(field, path, "must not contain '..'")] : [];
}

// upstream: validation.go validateLocalDescendingPath
export function localDescendingPathErrors(path: string, field: FieldPath): ErrorList {
  const errors: ErrorList = path.startsWith('/') ? [invalid(field, path, 'must be a relative path')] : [];
  return appendAll(errors, pathNoBackstepsErrors(path, field));
}

// upstream: validation.go ValidateLocalNonReservedPath
export function localNonReservedPathErrors(path: string, field: FieldPath): ErrorList {
  const errors = localDescendingPathErrors(path, field);
  if (path.startsWith('..') && !path.startsWith('../')) errors.push(invalid(field, path, "must not start with '..'"));
  return errors;
}

