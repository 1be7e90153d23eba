// One text for equal JSON values: mappings are unordered in YAML and JSON, so two objects that differ only in the order
// of their keys are the same object to the API server.

/** JSON of `value` with every object's keys sorted (as strings, as Go's json.Marshal sorts a map's keys). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Readonly<Record<string, unknown>>;
    const keys = Object.keys(record).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
