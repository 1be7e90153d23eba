// The API server treats a null field as absent (`creationTimestamp: null` is everywhere in generated manifests).

/** The value with null-valued mapping entries removed, recursively; unchanged parts keep their identity. */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(withoutNulls);
    return items.some((item, index) => item !== value[index]) ? items : value;
  }
  if (typeof value !== 'object' || value === null) return value;
  let changed = false;
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (entry === null) {
      changed = true;
      continue;
    }
    const kept = withoutNulls(entry);
    if (kept !== entry) changed = true;
    out[key] = kept;
  }
  return changed ? out : value;
}
