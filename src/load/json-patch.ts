// JSON patches (RFC 6902) as kustomize applies them (upstream: api/filters/patchjson6902 with
// gopkg.in/evanphx/json-patch.v4, patch.go): operations in order, each on the result of the one before; an operation
// that cannot apply (a missing parent, an index out of range, a missing key to remove, a failed `test`) fails the whole
// patch, and kustomize the build.
import { asRecord } from '../model/object.js';
import { derivedList, derivedMap, type ElementOrigin, type PatchSource } from './value-origins.js';

/** The patch could not apply: kustomize fails the build, so kubefit leaves the object as its file has it. */
export const PATCH_FAILED: unique symbol = Symbol('patch failed');

/**
 * `value` with `operations` applied (copies of what changes), or PATCH_FAILED. `source`: where the operations are
 * written, so that a value an operation brings is located at its `value` there (value-origins.ts).
 */
export function applyJsonPatch(value: unknown, operations: readonly unknown[], source?: PatchSource): unknown {
  let current = value;
  for (const [at, operation] of operations.entries()) {
    const record = asRecord(operation);
    const path = pointer(record?.['path']);
    if (!record || !path) return PATCH_FAILED;
    const next = applyOperation(current, record, path, source && { index: source.index, path: [...source.path, at, 'value'] });
    if (next === PATCH_FAILED) return PATCH_FAILED;
    current = next;
  }
  return current;
}

function applyOperation(value: unknown, operation: Readonly<Record<string, unknown>>, path: readonly string[], source: PatchSource | undefined): unknown {
  switch (operation['op']) {
    case 'add':
      return 'value' in operation ? added(value, path, operation['value'], source) : PATCH_FAILED;
    case 'remove':
      return removed(value, path);
    case 'replace':
      // v4 sets a missing key of an existing mapping (partialDoc.get never fails); an array index must exist
      return 'value' in operation ? replaced(value, path, operation['value'], source) : PATCH_FAILED;
    case 'move': {
      const from = pointer(operation['from']);
      const moving = from ? valueAt(value, from) : PATCH_FAILED;
      if (!from || moving === PATCH_FAILED) return PATCH_FAILED;
      const without = removed(value, from);
      return without === PATCH_FAILED ? PATCH_FAILED : added(without, path, moving, undefined);
    }
    case 'copy': {
      const from = pointer(operation['from']);
      const copied = from ? valueAt(value, from) : PATCH_FAILED;
      return copied === PATCH_FAILED ? PATCH_FAILED : added(value, path, copied, undefined);
    }
    case 'test': {
      // v4 reads a missing key of an existing mapping as null
      const found = valueAt(value, path);
      const actual = found === PATCH_FAILED && isMissingKey(value, path) ? null : found;
      return 'value' in operation && actual !== PATCH_FAILED && deepEqual(actual, operation['value']) ? value : PATCH_FAILED;
    }
    default:
      return PATCH_FAILED;
  }
}

/** The reference tokens of a JSON pointer ("" is the whole document), or undefined for a malformed one. */
function pointer(text: unknown): string[] | undefined {
  if (typeof text !== 'string' || (text !== '' && !text.startsWith('/'))) return undefined;
  return text === '' ? [] : text.slice(1).split('/').map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const token of path) {
    if (Array.isArray(current)) {
      const index = arrayIndex(token, current.length - 1);
      if (index === undefined) return PATCH_FAILED;
      current = current[index];
    } else {
      const record = asRecord(current);
      if (!record || !Object.hasOwn(record, token)) return PATCH_FAILED;
      current = record[token];
    }
  }
  return current;
}

/** Whether `path` names a key its mapping lacks (its parent exists and is no list). */
function isMissingKey(value: unknown, path: readonly string[]): boolean {
  const parent = path.length === 0 ? PATCH_FAILED : valueAt(value, path.slice(0, -1));
  const record = Array.isArray(parent) ? undefined : asRecord(parent);
  return record !== undefined && !Object.hasOwn(record, path.at(-1) as string);
}

/** An array index token no larger than `max` (no leading zeros, as RFC 6901 reads indices). */
function arrayIndex(token: string, max: number): number | undefined {
  if (!/^(?:0|[1-9][0-9]*)$/.test(token)) return undefined;
  const index = Number(token);
  return index <= max ? index : undefined;
}

/** `value` with the container at path[0..-1] changed by `change`, copying each container on the way. */
function changedAt(value: unknown, path: readonly string[], change: (container: unknown, token: string) => unknown): unknown {
  if (path.length === 0) return PATCH_FAILED;
  const [token, ...rest] = path as [string, ...string[]];
  if (rest.length === 0) return change(value, token);
  if (Array.isArray(value)) {
    const index = arrayIndex(token, value.length - 1);
    if (index === undefined) return PATCH_FAILED;
    const child = changedAt(value[index], rest, change);
    return child === PATCH_FAILED ? PATCH_FAILED : rebuilt(value, (origins) => origins, (items) => items.map((item, at) => (at === index ? child : item)));
  }
  const record = asRecord(value);
  if (!record || !Object.hasOwn(record, token)) return PATCH_FAILED;
  const child = changedAt(record[token], rest, change);
  return child === PATCH_FAILED ? PATCH_FAILED : derivedMap({ ...record, [token]: child }, record, new Map());
}

/** A copy of `record` with `token` set to `item`, located at `source` when an operation brought it. */
function withField(record: Readonly<Record<string, unknown>>, token: string, item: unknown, source: PatchSource | undefined): Record<string, unknown> {
  return derivedMap({ ...record, [token]: item }, record, source ? new Map([[token, source]]) : new Map());
}

function added(value: unknown, path: readonly string[], item: unknown, source: PatchSource | undefined): unknown {
  if (path.length === 0) return item;
  return changedAt(value, path, (container, token) => {
    if (Array.isArray(container)) {
      const index = token === '-' ? container.length : arrayIndex(token, container.length);
      return index === undefined ? PATCH_FAILED : rebuilt(container, (origins) => origins.toSpliced(index, 0, source ?? -1), (items) => items.toSpliced(index, 0, item));
    }
    const record = asRecord(container);
    return record ? withField(record, token, item, source) : PATCH_FAILED;
  });
}

function removed(value: unknown, path: readonly string[]): unknown {
  return changedAt(value, path, (container, token) => {
    if (Array.isArray(container)) {
      const index = arrayIndex(token, container.length - 1);
      return index === undefined ? PATCH_FAILED : rebuilt(container, (origins) => origins.toSpliced(index, 1), (items) => items.toSpliced(index, 1));
    }
    const record = asRecord(container);
    if (!record || !Object.hasOwn(record, token)) return PATCH_FAILED;
    const { [token]: _removed, ...rest } = record;
    return derivedMap(rest, record, new Map());
  });
}

function replaced(value: unknown, path: readonly string[], item: unknown, source: PatchSource | undefined): unknown {
  if (path.length === 0) return item;
  return changedAt(value, path, (container, token) => {
    if (Array.isArray(container)) {
      const index = arrayIndex(token, container.length - 1);
      return index === undefined ? PATCH_FAILED : rebuilt(container, (origins) => origins.with(index, source ?? -1), (items) => items.with(index, item));
    }
    const record = asRecord(container);
    return record ? withField(record, token, item, source) : PATCH_FAILED;
  });
}

/** A copy of `list` changed by `change`, whose elements came from `list` as `origins` maps its indices. */
function rebuilt(list: readonly unknown[], origins: (indices: ElementOrigin[]) => ElementOrigin[], change: (items: readonly unknown[]) => unknown[]): unknown[] {
  return derivedList(change(list), list, origins(list.map((_, index) => index)));
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
  const left = asRecord(a);
  const right = asRecord(b);
  if (!left || !right || Array.isArray(b)) return false;
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((key) => Object.hasOwn(right, key) && deepEqual(left[key], right[key]));
}
