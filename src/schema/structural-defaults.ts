// CRD `default`s applied to a custom resource (upstream: apiextensions-apiserver pkg/apiserver/schema/defaulting/algorithm.go Default).
import { asRecord } from '../model/object.js';

type Schema = Readonly<Record<string, unknown>>;

/** A copy of `value` with every absent property that has a default in `schema` set, recursively; `value` is untouched. */
export function applyDefaults(value: unknown, schema: Schema): unknown {
  if (Array.isArray(value)) {
    const items = asRecord(schema['items']);
    return items ? value.map((item) => applyDefaults(item, items)) : value;
  }
  const record = asRecord(value);
  if (!record) return value;
  const properties = asRecord(schema['properties']) ?? {};
  const additional = asRecord(schema['additionalProperties']);
  const out: Record<string, unknown> = { ...record };
  for (const [name, property] of Object.entries(properties)) {
    const fallback = asRecord(property)?.['default'];
    if (fallback !== undefined && fallback !== null && out[name] === undefined) out[name] = structuredClone(fallback);
  }
  for (const [name, entry] of Object.entries(out)) {
    const entrySchema = Object.hasOwn(properties, name) ? asRecord(properties[name]) : additional;
    if (entrySchema) out[name] = applyDefaults(entry, entrySchema);
  }
  return out;
}
