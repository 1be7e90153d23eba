// Paths a pod writes below a volume or its root: subPath, volume item paths, a seccomp profile.
import { invalid, type ErrorList, type FieldPath } from './field-error.js';

// upstream: validation.go validateLocalDescendingPath, validatePathNoBacksteps
export function localDescendingPathErrors(path: string, field: FieldPath): ErrorList {
  const errors: ErrorList = [];
  if (path.startsWith('/')) errors.push(invalid(field, path, 'must be a relative path'));
  if (path.split('/').includes('..')) errors.push(invalid(field, path, "must not contain '..'"));
  return errors;
}

// upstream: validation.go ValidateLocalNonReservedPath
export function localNonReservedPathErrors(path: string, field: FieldPath): ErrorList {
  const errors = localDescendingPathErrors(path, field);
  if (path.startsWith('..') && !path.startsWith('../')) errors.push(invalid(field, path, "must not start with '..'"));
  return errors;
}

