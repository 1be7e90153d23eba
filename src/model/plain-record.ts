// Mappings as YAML and JSON readers build them: plain objects, not arrays or class instances (dates, buffers).

/** Whether `value` is a plain object (its prototype Object.prototype, or none). */
export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
