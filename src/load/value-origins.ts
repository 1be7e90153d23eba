// Where the parts of an object a kustomize patch rebuilt are written: each element of a rebuilt list is an element of
// the list the file holds (its index there) or one a patch brought, and each field a patch set is written in that
// patch. A finding on the third container of a merged list points at the container it was in the file; one on a
// value a patch brought (a port, an image) points at the patch that wrote it.
import type { Path, PositionIndex } from '../model/document.js';
import { asRecord } from '../model/object.js';

/** A value a patch brought: the patch document and the value's path in it. */
export interface PatchSource {
  readonly index: PositionIndex;
  readonly path: Path;
}

/** An element's index in the list it came from (-1: unknown), or where a patch wrote it. */
export type ElementOrigin = number | PatchSource;

const elementOrigins = new WeakMap<readonly unknown[], readonly ElementOrigin[]>();
const fieldOrigins = new WeakMap<object, ReadonlyMap<string, PatchSource>>();

/** Records that element i of `list` is `origins[i]` (an index into `from`, or a patch's); returns `list`. */
export function derivedList<T>(list: T[], from: readonly unknown[] | undefined, origins: readonly ElementOrigin[]): T[] {
  const before = from && elementOrigins.get(from);
  elementOrigins.set(list, before ? origins.map((origin) => (typeof origin === 'number' ? (before[origin] ?? origin) : origin)) : origins);
  return list;
}

/** Records that the fields `sources` names of `map` (a copy of `from` with changes) were written by patches; returns `map`. */
export function derivedMap<T extends object>(map: T, from: object | undefined, sources: ReadonlyMap<string, PatchSource>): T {
  const before = from && fieldOrigins.get(from);
  const merged = before ? new Map([...before].filter(([key]) => Object.hasOwn(map, key))) : new Map<string, PatchSource>();
  for (const [key, source] of sources) merged.set(key, source);
  if (merged.size > 0) fieldOrigins.set(map, merged);
  return map;
}

/** `path` in `value` as a path of the file's text, or of the patch that wrote the value it leads to. */
export function locate(value: unknown, path: Path): { readonly source?: PatchSource; readonly path: Path } {
  const out: (string | number)[] = [];
  let current = value;
  for (let at = 0; at < path.length; at++) {
    const segment = path[at] as string | number;
    let origin: ElementOrigin | undefined;
    if (Array.isArray(current) && typeof segment === 'number') {
      origin = elementOrigins.get(current)?.[segment];
      current = current[segment];
    } else {
      origin = typeof current === 'object' && current !== null ? fieldOrigins.get(current)?.get(String(segment)) : undefined;
      current = asRecord(current)?.[String(segment)];
    }
    if (origin !== undefined && typeof origin !== 'number') return { source: origin, path: [...origin.path, ...path.slice(at + 1)] };
    // an element an operation moved or copied: the list
    if (typeof origin === 'number' && origin < 0) return { path: out };
    out.push(origin ?? segment);
  }
  return { path: out };
}
