// The API server treats a null field as absent (`creationTimestamp: null` is everywhere in generated manifests).

/** The value with null-valued mapping entries removed, recursively; unchanged parts keep their identity. */
export function withoutNulls(value: unknown): unknown {
  return hasNullEntry(value) ? stripNullEntries(value) : value;
}

/** Most objects have no null entry: finding that out allocates nothing. */
function hasNullEntry(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some(hasNullEntry);
  for (const key in value) {
    const entry = (value as Record<string, unknown>)[key];
    if (entry === null || hasNullEntry(entry)) return true;
  }
  return false;
}

function stripNullEntries(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) if (entry !== null) out[key] = withoutNulls(entry);
  return out;
}
