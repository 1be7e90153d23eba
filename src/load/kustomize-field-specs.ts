// kustomize's field specs (api/types/fieldspec.go): which field of which kinds a transformer writes, as the builtin
// configurations list them and as a kustomization's `configurations:` files add to them (`namespace:`,
// `varReference:`). A path's steps go through every item of a list they meet (`webhooks/clientConfig/service/name` is
// the service name of each webhook).
import { groupOf } from '../model/kinds.js';
import { asArray, asRecord } from '../model/object.js';
import { mapItems } from './kustomized-document.js';

export interface FieldSpec {
  readonly kind?: string;
  readonly group?: string;
  readonly version?: string;
  readonly path: readonly string[];
  /** Missing maps on the way are created (the namespace transformer's `create: true`). */
  readonly create: boolean;
}

/** The field specs a configuration file lists under `field` (`namespace`, `varReference`). */
export function fieldSpecsOf(configuration: unknown, field: string): FieldSpec[] {
  return asArray(asRecord(configuration)?.[field]).flatMap((entry) => {
    const record = asRecord(entry);
    const path = record?.['path'];
    if (!record || typeof path !== 'string' || path === '') return [];
    // an escaped slash is part of a key (`matchLabels/kubernetes.io\/metadata.name`; upstream: types.FieldSpec.PathSlice)
    const steps = path.split(/(?<!\\)\//).map((step) => step.replaceAll('\\/', '/'));
    // deeper than any document the loader reads: no value there, and creating one would only nest maps
    if (steps.length > MAX_PATH_STEPS) return [];
    const text = (name: string) => (typeof record[name] === 'string' && record[name] !== '' ? { [name]: record[name] as string } : {});
    return [{ ...text('kind'), ...text('group'), ...text('version'), path: steps, create: record['create'] === true }];
  });
}

/** The loader's maxDepth (load-manifests.ts DEFAULT_LIMITS): no document nests deeper. */
export const MAX_PATH_STEPS = 256;

/** Whether the spec applies to an object of this apiVersion and kind (api/resid/gvk.go IsSelected: unset parts match any). */
export function selects(spec: FieldSpec, apiVersion: string, kind: string): boolean {
  if (spec.kind !== undefined && spec.kind !== kind) return false;
  if (spec.group !== undefined && spec.group !== groupOf(apiVersion)) return false;
  return spec.version === undefined || spec.version === (apiVersion.includes('/') ? apiVersion.slice(apiVersion.indexOf('/') + 1) : apiVersion);
}

/**
 * `node` with each scalar at `path` mapped by `edit` (undefined leaves it as it is): through every list item on the way,
 * and every item or map value the path ends at (`metadata/labels` is each label's value). `create` makes the missing
 * maps on the way and the last field, for which `edit` gets undefined. Copies only what changes: `node` itself when
 * nothing does.
 */
export function editAt(node: unknown, path: readonly string[], create: boolean, edit: (value: unknown) => unknown, step = 0): unknown {
  if (Array.isArray(node)) return mapItems(node as readonly unknown[], (item) => editAt(item, path, create, edit, step));
  const map = asRecord(node);
  const head = path[step];
  if (head === undefined) return map ? editValues(map, edit) : (edit(node) ?? node);
  if (!map) return node;
  const child = map[head];
  if (child !== undefined && child !== null) {
    const next = editAt(child, path, create, edit, step + 1);
    return next === child ? node : { ...map, [head]: next };
  }
  if (!create) return node;
  const fresh = {};
  const created = step + 1 === path.length ? edit(undefined) : editAt(fresh, path, create, edit, step + 1);
  return created === undefined || created === fresh ? node : { ...map, [head]: created };
}

function editValues(map: Readonly<Record<string, unknown>>, edit: (value: unknown) => unknown): Readonly<Record<string, unknown>> {
  let out: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(map)) {
    const next = editAt(value, [], false, edit);
    if (next !== value) (out ??= { ...map })[key] = next;
  }
  return out ?? map;
}
