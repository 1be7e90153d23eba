// JSON for caches on disk: only values that JSON.parse gives back equal.

/** JSON.stringify of `value` when JSON.parse gives it back equal; undefined for NaN, Infinity, -0, undefined, a bigint. */
export function exactJson(value: unknown): string | undefined {
  let exact = true;
  try {
    const json = JSON.stringify(value, (_key, entry: unknown) => {
      if (typeof entry === 'number' ? !Number.isFinite(entry) || Object.is(entry, -0) : entry === undefined || typeof entry === 'function' || typeof entry === 'symbol') exact = false;
      return entry;
    });
    return exact ? json : undefined;
  } catch {
    return undefined; // a bigint or a cycle
  }
}
