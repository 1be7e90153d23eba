// Typed reads of decoded manifest values for the validators: undefined when absent or of another type (the schema reports that).
import { asArray, asRecord } from '../../model/object.js';

export { asArray, asRecord };

export type Fields = Readonly<Record<string, unknown>>;

export function stringField(record: Fields | undefined, name: string): string | undefined {
  const value = record?.[name];
  return typeof value === 'string' ? value : undefined;
}

/** An integer field; Go decodes absent and null as 0, which callers treat as "unset" where upstream does. */
export function intField(record: Fields | undefined, name: string): number | undefined {
  const value = record?.[name];
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

export function recordField(record: Fields | undefined, name: string): Fields | undefined {
  return asRecord(record?.[name]);
}

export function arrayField(record: Fields | undefined, name: string): readonly unknown[] {
  return asArray(record?.[name]);
}

/** Entries of a string map (labels, data), skipping non-string values. */
export function stringEntries(value: unknown): [string, string][] {
  return Object.entries(asRecord(value) ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
}

