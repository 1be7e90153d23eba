// Strategic-merge patches as `kustomize build` applies them (upstream: kustomize kyaml/yaml/merge2 and yaml/walk, with
// the schema kyaml embeds, Kubernetes v1.21.2's OpenAPI; api/filters/patchstrategicmerge merges with
// ListIncreaseDirection Prepend). Maps merge field by field and `null` deletes a field; a list the schema gives a merge
// key merges element by element (the patch's elements first, then the others), a list of strings with the merge
// strategy is a set; every other list, and every list of a kind the schema does not know (a custom resource), is
// replaced. `$patch: delete | replace | merge` directives are honoured; kustomize's other directives are dropped. The
// walk rebuilds every list with merge keys of the patched object, also those the patch does not name: each keeps one
// element per merge key values (repeated ones collapse, see walkedAlone).
import { asRecord } from '../model/object.js';
import type { PositionIndex } from '../model/document.js';
import { derivedList, derivedMap, type PatchSource } from './value-origins.js';

/** What kyaml's schema says of the fields of one object type: only fields whose merge differs from the defaults. */
export interface MergeSchema {
  readonly [field: string]: MergeField;
}

/** A field's type (for the fields below it) and, for a list kyaml merges, its merge keys ([]: a set of scalars). */
export interface MergeField {
  readonly schema?: MergeSchema;
  readonly keys?: readonly string[];
}

/** Where kustomize fails the build (a map patched with a list or a scalar, an unknown `$patch`): nothing is applied. */
export const MERGE_FAILED: unique symbol = Symbol('merge failed');

/** A field or list element the patch removes; at the top, the object itself (`$patch: delete`): the build drops it. */
export const CLEARED: unique symbol = Symbol('cleared');

/** A merged value, and whether it is the patch's own (a scalar, a list replaced, a map the target lacked). */
type Merged = { readonly value: unknown; readonly fromPatch: boolean } | typeof CLEARED | typeof MERGE_FAILED;

/**
 * `target` with `patch` merged into it (both objects), CLEARED when the patch deletes it, or MERGE_FAILED; `target`
 * itself is never changed. `patchIndex` holds the patch's positions: what the patch brings is located there
 * (value-origins.ts).
 */
// upstream: kustomize api/filters/patchstrategicmerge Filter (a nil result is dropped from the build)
export function strategicMerge(target: Readonly<Record<string, unknown>>, patch: Readonly<Record<string, unknown>>, schema: MergeSchema | undefined, patchIndex: PositionIndex): Readonly<Record<string, unknown>> | typeof CLEARED | typeof MERGE_FAILED {
  const merged = mergeValue(target, patch, { schema }, { index: patchIndex, path: [] });
  if (merged === MERGE_FAILED || merged === CLEARED) return merged;
  return asRecord(merged.value) ?? MERGE_FAILED;
}

function mergeValue(target: unknown, patch: unknown, field: MergeField | undefined, at: PatchSource): Merged {
  if (patch === undefined) return { value: walkedAlone(target, field), fromPatch: false };
  if (patch === null) return CLEARED;
  const targetKind = kindOf(target);
  const patchKind = kindOf(patch);
  if (targetKind !== 'null' && targetKind !== patchKind) return MERGE_FAILED;
  if (patchKind === 'map') return mergeMap(target, patch as Readonly<Record<string, unknown>>, field?.schema, at);
  if (patchKind === 'list' && field?.keys) return mergeList(target, patch as readonly unknown[], field, at);
  // a scalar the patch repeats (a merge key) stays the file's
  return { value: added(patch), fromPatch: patch !== target };
}

function mergeMap(target: unknown, patch: Readonly<Record<string, unknown>>, schema: MergeSchema | undefined, at: PatchSource): Merged {
  const directive = patch['$patch'];
  if (directive === 'delete') return CLEARED;
  if (directive !== undefined && directive !== 'replace' && directive !== 'merge') return MERGE_FAILED;
  if (directive === 'replace') return { value: added(patch), fromPatch: true };
  // a map the target lacks: the patch merged into nothing, so its own lists lose their repeated keys as kyaml's do
  const base = asRecord(target);
  if (!base) {
    const merged = mergeMap({}, patch, schema, at);
    return merged === CLEARED || merged === MERGE_FAILED ? merged : { value: merged.value, fromPatch: true };
  }
  const out: Record<string, unknown> = { ...base };
  const sources = new Map<string, PatchSource>();
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$')) continue;
    const source = { index: at.index, path: [...at.path, key] };
    const merged = mergeValue(base[key], value, schema?.[key], source);
    if (merged === MERGE_FAILED) return MERGE_FAILED;
    if (merged === CLEARED) {
      delete out[key];
      continue;
    }
    out[key] = merged.value;
    if (merged.fromPatch) sources.set(key, source);
  }
  // merge2 walks the target's fields the patch lacks too
  for (const [key, inner] of Object.entries(schema ?? {})) if (!Object.hasOwn(patch, key) && Object.hasOwn(base, key)) out[key] = walkedAlone(base[key], inner);
  return { value: derivedMap(out, base, sources), fromPatch: false };
}

/** A patch's map or list where the target has none: its directives resolved against nothing, its nulls dropped. */
function added(patch: unknown): unknown {
  if (Array.isArray(patch)) return patch.filter((item) => asRecord(item)?.['$patch'] === undefined).map(added);
  const record = asRecord(patch);
  if (!record) return patch;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) if (!key.startsWith('$') && value !== null) out[key] = added(value);
  return out;
}

/** An element of a merged list: what the patch and the target hold under the same merge key values. */
interface Entry {
  values: readonly string[];
  /** The target's element and its index there. */
  target?: unknown;
  index?: number;
  /** The patch's element and its index there. */
  patch?: unknown;
  patchIndex?: number;
  /** The target repeats its key values: `target` is the last such element, which stands as the file has it. */
  repeated?: boolean;
}

function mergeList(target: unknown, listed: readonly unknown[], field: MergeField, at: PatchSource): Merged {
  const directive = listDirective(listed);
  if (directive === MERGE_FAILED) return MERGE_FAILED;
  if (directive === 'delete') return CLEARED;
  // validateKeys: a key no element of either list holds is no key
  const keys = effectiveKeys(field.keys ?? [], [...listed, ...(Array.isArray(target) ? target : [])]);
  const patch = withoutRepeatedKeys(listed, keys, Array.isArray(target) && directive !== 'replace' ? 'first' : 'last');
  if (!Array.isArray(target) || directive === 'replace') return { value: added(patch), fromPatch: true };
  // an element's place in the patch as written (a repeated key's element is the last one written)
  const elementAt = (index: number): PatchSource => ({ index: at.index, path: [...at.path, listed.lastIndexOf(patch[index])] });
  if (keys.length > 1) return mergeByKeys(target, patch, keys, field, elementAt);
  if (keys.length === 0) {
    const set = [...new Set([...patch, ...target])];
    return { value: derivedList(set, target, set.map((item) => (target.includes(item) ? target.indexOf(item) : elementAt(patch.indexOf(item))))), fromPatch: false };
  }
  // walk/associative_sequence.go: the patch's elements in its order, then the target's that it does not name
  const entries: Entry[] = [];
  const unkeyed: { value: unknown; index: number }[] = [];
  patch.forEach((item, patchIndex) => {
    if (isDirective(item)) return;
    const values = keyValues(item, keys);
    if (values.every((value) => value === '')) unkeyed.push({ value: added(item), index: patchIndex });
    else entries.push({ values, patch: item, patchIndex });
  });
  target.forEach((item: unknown, index: number) => {
    const values = keyValues(item, keys);
    // appendListNode: the target's later element of the same key values replaces the merged one in its place
    const earlier = values[0] === '' ? undefined : entries.find((candidate) => candidate.index !== undefined && sameElement(candidate.values, values));
    if (earlier) {
      Object.assign(earlier, { target: item, index, repeated: true });
      return;
    }
    const entry = entries.find((candidate) => candidate.index === undefined && sameElement(candidate.values, values));
    if (entry) Object.assign(entry, { target: item, index });
    else entries.push({ values, target: item, index });
  });
  const out: unknown[] = [];
  const origins: (number | PatchSource)[] = [];
  for (const entry of entries) {
    const source = elementAt(entry.patchIndex ?? 0);
    const merged = mergeValue(entry.index === undefined ? null : entry.target, entry.patch, { schema: field.schema }, source);
    if (merged === MERGE_FAILED) return MERGE_FAILED;
    if (merged === CLEARED) continue;
    out.push(entry.repeated ? entry.target : merged.value);
    origins.push(entry.index ?? source);
  }
  for (const { value, index } of unkeyed) {
    out.push(value);
    origins.push(elementAt(index));
  }
  return { value: derivedList(out, target, origins), fromPatch: false };
}

/**
 * A patch list with one element per merge key values, as kyaml walks it: in the first one's place, the first element
 * where it merges into the target's list, the last where the target has none (two `C` env entries of a new container
 * are the second one; kubectl kustomize v5.5). Elements without keys stay.
 */
function withoutRepeatedKeys(items: readonly unknown[], keys: readonly string[], keep: 'first' | 'last'): readonly unknown[] {
  if (keys.length === 0) return items;
  const placed = new Map<string, number>();
  const out: unknown[] = [];
  for (const item of items) {
    const values = keyValues(item, keys);
    const key = values.join('\u0000');
    const at = values.every((value) => value === '') || isDirective(item) ? undefined : placed.get(key);
    if (at === undefined) {
      if (!values.every((value) => value === '')) placed.set(key, out.length);
      out.push(item);
    } else if (keep === 'last') out[at] = item;
  }
  return out.length === items.length ? items : out;
}

/** The merge keys some element of `items` holds, or all of them when none holds any (kyaml's validateKeys). */
function effectiveKeys(keys: readonly string[], items: readonly unknown[]): readonly string[] {
  const used = keys.filter((key) => items.some((item) => keyValues(item, [key])[0] !== ''));
  return used.length > 0 ? used : keys;
}

/**
 * A list merged on several keys (ports on containerPort and protocol), as kyaml's walker ends up merging it: a patch
 * element whose key values all equal a target element's merges into it, one that would match only through a key the
 * other lacks (a port with `protocol: TCP` against one without) is dropped, the target's element staying as it is;
 * the patch's other elements come first, then the target's in their order (kubectl kustomize, kustomize v5.5).
 */
function mergeByKeys(target: readonly unknown[], patch: readonly unknown[], keys: readonly string[], field: MergeField, elementAt: (index: number) => PatchSource): Merged {
  const targetValues = target.map((item) => keyValues(item, keys));
  const merging = new Map<number, { item: unknown; index: number }>();
  const out: unknown[] = [];
  const origins: (number | PatchSource)[] = [];
  for (const [index, item] of patch.entries()) {
    if (isDirective(item)) continue;
    const values = keyValues(item, keys);
    const exact = targetValues.findIndex((other, at) => !merging.has(at) && other.every((value, key) => value === values[key]));
    if (exact >= 0) merging.set(exact, { item, index });
    else if (!targetValues.some((other) => sameElement(other, values))) {
      const merged = mergeValue(null, item, { schema: field.schema }, elementAt(index));
      if (merged === MERGE_FAILED) return MERGE_FAILED;
      if (merged === CLEARED) continue;
      out.push(merged.value);
      origins.push(elementAt(index));
    }
  }
  // (a patch element merges into the first of repeated ones, which the last replaces: the patch is lost)
  const repeated = repeatedElements(target, keys);
  for (const [at, item] of target.entries()) {
    const last = repeated.get(identityOf(item, keys) ?? '');
    if (last !== undefined && last !== at) continue;
    const patched = merging.get(at);
    const merged = last === undefined ? mergeValue(item, patched?.item, { schema: field.schema }, elementAt(patched?.index ?? 0)) : { value: item, fromPatch: false };
    if (merged === MERGE_FAILED) return MERGE_FAILED;
    if (merged === CLEARED) continue;
    out.push(merged.value);
    origins.push(at);
  }
  return { value: derivedList(out, target, origins), fromPatch: false };
}

/**
 * A value the patch does not reach, as merge2's walk still rebuilds it: each list with merge keys below it keeps one
 * element per merge key values (walkedListAlone).
 */
function walkedAlone(value: unknown, field: MergeField | undefined): unknown {
  if (Array.isArray(value)) return field?.keys ? walkedListAlone(value, field) : value;
  const record = asRecord(value);
  if (!record || !field?.schema) return value;
  let out: Record<string, unknown> | undefined;
  for (const [key, inner] of Object.entries(field.schema)) {
    const walked = Object.hasOwn(record, key) ? walkedAlone(record[key], inner) : undefined;
    if (walked !== record[key]) (out ??= { ...record })[key] = walked;
  }
  return out ? derivedMap(out, record, new Map()) : value;
}

/**
 * A list with merge keys the patch does not reach, as kyaml rebuilds it (walk/associative_sequence.go elementValues
 * takes each key values once; setAssociativeSequenceElements walks the first element of them, then appendListNode
 * sets each element of the target in its place): elements that repeat key values become the last of them, as the
 * file has it, in the first one's place (with several keys appendListNode removes and appends: in the last one's
 * place); the others are walked in turn; a set of scalars keeps each value once, in its first place. Elements
 * without every key stay as they are.
 */
function walkedListAlone(list: readonly unknown[], field: MergeField): readonly unknown[] {
  const keys = effectiveKeys(field.keys ?? [], list);
  if (keys.length === 0) {
    const set = [...new Set(list)];
    return set.length === list.length ? list : derivedList(set, list, set.map((item) => list.indexOf(item)));
  }
  const repeated = repeatedElements(list, keys);
  const placed = new Set<string>();
  const out: unknown[] = [];
  const origins: number[] = [];
  list.forEach((item, index) => {
    const identity = identityOf(item, keys);
    const last = repeated.get(identity ?? '');
    if (identity === undefined || last === undefined) {
      out.push(walkedAlone(item, { schema: field.schema }));
      origins.push(index);
    } else if (keys.length === 1 ? !placed.has(identity) : index === last) {
      placed.add(identity);
      out.push(list[last]);
      origins.push(last);
    }
  });
  return out.length === list.length && out.every((item, index) => item === list[index]) ? list : derivedList(out, list, origins);
}

/** The index of the last element of each merge key values (every key set) that more than one element of `items` holds. */
function repeatedElements(items: readonly unknown[], keys: readonly string[]): ReadonlyMap<string, number> {
  const last = new Map<string, number>();
  const repeated = new Map<string, number>();
  items.forEach((item, index) => {
    const identity = identityOf(item, keys);
    if (identity === undefined) return;
    if (last.has(identity)) repeated.set(identity, index);
    last.set(identity, index);
  });
  return repeated;
}

/** The element's merge key values as one string, or undefined when it lacks one. */
function identityOf(item: unknown, keys: readonly string[]): string | undefined {
  const values = keyValues(item, keys);
  return values.includes('') ? undefined : values.join('\u0000');
}

/** `- $patch: replace` (or delete, merge): a list's directive element. */
function isDirective(item: unknown): boolean {
  const record = asRecord(item);
  return record !== undefined && record['$patch'] !== undefined && Object.keys(record).length === 1;
}

/** The list's directive, none, or MERGE_FAILED for another word. */
function listDirective(patch: readonly unknown[]): string | undefined | typeof MERGE_FAILED {
  const directive = asRecord(patch.find(isDirective))?.['$patch'];
  if (directive === undefined) return undefined;
  return directive === 'replace' || directive === 'delete' || directive === 'merge' ? String(directive) : MERGE_FAILED;
}

/** The element's merge key values as text ("" where it has none: a wildcard, as walk.match reads it). */
function keyValues(item: unknown, keys: readonly string[]): string[] {
  const record = asRecord(item);
  return keys.map((key) => {
    const value = record?.[key];
    return value === undefined || value === null ? '' : String(value);
  });
}

/** upstream: walk.match: every key equal or missing on one side, and at least one equal. */
function sameElement(a: readonly string[], b: readonly string[]): boolean {
  let common = false;
  for (let index = 0; index < a.length; index++) {
    if (a[index] === b[index]) common = true;
    else if (a[index] !== '' && b[index] !== '') return false;
  }
  return common;
}

function kindOf(value: unknown): 'null' | 'map' | 'list' | 'scalar' {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  return typeof value === 'object' ? 'map' : 'scalar';
}
