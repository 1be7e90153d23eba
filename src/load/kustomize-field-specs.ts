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
    const text = (name: string) => (typeof record[name] === 'string' && record[name] !== '' ? { [name]: record[name] as string } : {});
    return [{ ...text('kind'), ...text('group'), ...text('version'), path: path.split('/'), create: record['create'] === true }];
  });
}

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
export function editAt(node: unknown, path: readonly string[], create: boolean, edit: (value: unknown) => unknown): unknown {
  if (Array.isArray(node)) return mapItems(node as readonly unknown[], (item) => editAt(item, path, create, edit));
  const map = asRecord(node);
  const [head, ...rest] = path;
  if (head === undefined) return map ? editValues(map, edit) : (edit(node) ?? node);
  if (!map) return node;
  const child = map[head];
  if (child !== undefined && child !== null) {
    const next = editAt(child, rest, create, edit);
    return next === child ? node : { ...map, [head]: next };
  }
  if (!create) return node;
  const fresh = {};
  const created = rest.length === 0 ? edit(undefined) : editAt(fresh, rest, create, edit);
  return created === undefined || created === fresh ? node : { ...map, [head]: created };
}

function editValues(map: Readonly<Record<string, unknown>>, edit: (value: unknown) => unknown): Readonly<Record<string, unknown>> {
  let out = map;
  for (const [key, value] of Object.entries(map)) {
    const next = editAt(value, [], false, edit);
    if (next !== value) out = { ...out, [key]: next };
  }
  return out;
}
