// The --context cache's bytes, with the CustomResourceDefinitions' schemas kept as JSON text until one is read. The
// schemas are most of a context that vendors CRDs (9.3 of the 10.3 MB kubeflow's manifests cache), and a pre-commit
// run reads the schema of the few kinds its staged files hold at most, so parsing all of them, and collecting what
// they become, was the larger part of reading the cache. The file is one line of JSON (the cache, each schema replaced
// by a marker naming its byte range) followed by the schemas' texts.
import { asRecord } from '../model/object.js';

/** A deferred schema in the first line: the byte range of its text after that line. */
const MARKER = '\u0000json';

type Json = Record<string, unknown>;

/** The cache's bytes: `entries` (file name → cached file, whose `values` are objects) with their CRD schemas apart. */
export function encodeCache(entries: Readonly<Record<string, unknown>>): string {
  const texts: string[] = [];
  let offset = 0;
  const defer = (schema: unknown): unknown => {
    const text = JSON.stringify(schema);
    const start = offset;
    offset += Buffer.byteLength(text);
    texts.push(text);
    return { [MARKER]: [start, offset] };
  };
  const head: Record<string, unknown> = {};
  for (const [name, entry] of Object.entries(entries)) {
    const record = asRecord(entry);
    const values = record?.['values'];
    head[name] = Array.isArray(values) ? { ...record, values: values.map((value) => mapSchemas(value, defer)) } : entry;
  }
  return `${JSON.stringify(head)}\n${texts.join('')}`;
}

/** The cache `encodeCache` wrote: each schema is parsed from its text when it is first read. Throws on damaged bytes. */
export function decodeCache(bytes: Buffer): unknown {
  const end = bytes.indexOf(0x0a);
  const head = JSON.parse(bytes.toString('utf8', 0, end < 0 ? bytes.length : end)) as unknown;
  const record = asRecord(head);
  if (!record || end < 0) return head;
  const texts = bytes.subarray(end + 1);
  for (const entry of Object.values(record)) {
    const values = asRecord(entry)?.['values'];
    if (Array.isArray(values)) for (const value of values) forEachSchemaHolder(value, (holder) => deferRead(holder, texts));
  }
  return head;
}

/** `value` with each version's `schema.openAPIV3Schema` replaced by `defer`'s result, when it is a CRD. */
function mapSchemas(value: unknown, defer: (schema: unknown) => unknown): unknown {
  const versions = crdVersions(value);
  if (!versions) return value;
  const spec = asRecord(asRecord(value)?.['spec']);
  return {
    ...asRecord(value),
    spec: {
      ...spec,
      versions: versions.map((version) => {
        const schema = asRecord(asRecord(version)?.['schema']);
        if (!schema || !('openAPIV3Schema' in schema)) return version;
        return { ...asRecord(version), schema: { ...schema, openAPIV3Schema: defer(schema['openAPIV3Schema']) } };
      }),
    },
  };
}

function forEachSchemaHolder(value: unknown, visit: (holder: Json) => void): void {
  for (const version of crdVersions(value) ?? []) {
    const schema = asRecord(asRecord(version)?.['schema']);
    if (schema) visit(schema as Json);
  }
}

function crdVersions(value: unknown): readonly unknown[] | undefined {
  const record = asRecord(value);
  if (record?.['kind'] !== 'CustomResourceDefinition') return undefined;
  const versions = asRecord(record['spec'])?.['versions'];
  return Array.isArray(versions) ? versions : undefined;
}

/** Replaces a marker at `holder.openAPIV3Schema` by a property that parses its text on first read (and keeps it). */
function deferRead(holder: Json, texts: Buffer): void {
  const marker = holder['openAPIV3Schema'];
  const record = asRecord(marker);
  if (!record || !(MARKER in record)) return;
  const [start, end] = Array.isArray(record[MARKER]) ? (record[MARKER] as unknown[]) : [];
  if (typeof start !== 'number' || typeof end !== 'number' || !Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > texts.length || start > end) {
    throw new Error('damaged context cache: a schema lies outside the file');
  }
  Object.defineProperty(holder, 'openAPIV3Schema', {
    configurable: true,
    enumerable: true,
    get() {
      // a damaged range parses to nothing rather than failing the rules that read it
      let schema: unknown;
      try {
        schema = JSON.parse(texts.toString('utf8', start, end));
      } catch {
        schema = undefined;
      }
      Object.defineProperty(holder, 'openAPIV3Schema', { value: schema, configurable: true, enumerable: true, writable: true });
      return schema;
    },
  });
}
