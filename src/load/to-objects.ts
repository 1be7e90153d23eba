// Documents → Kubernetes objects: `kind: List` and every `*List` flattened, non-Kubernetes documents reported.
import type { Finding } from '../model/finding.js';
import { asRecord, toKubeObject, type KubeObject } from '../model/object.js';
import type { ManifestDocument, Path } from '../model/document.js';
import { LOAD_CHECKS } from './load-checks.js';

export interface ObjectsOfDocument {
  readonly objects: KubeObject[];
  readonly findings: Finding[];
}

/** The base path of a document's own object, shared by all of them. */
const ROOT: Path = Object.freeze([]);

/** Lists nest at most this deep (a List of Lists is legal; a bomb of them is not). */
const MAX_LIST_DEPTH = 8;

export function objectsOf(document: ManifestDocument, firstOrder: number, fromCluster: boolean): ObjectsOfDocument {
  const out: ObjectsOfDocument = { objects: [], findings: [] };
  if (document.value === null || document.value === undefined) return out;
  collect(document, document.value, ROOT, { out, firstOrder, fromCluster, depth: 0 });
  return out;
}

interface Walk {
  readonly out: ObjectsOfDocument;
  readonly firstOrder: number;
  readonly fromCluster: boolean;
  readonly depth: number;
}

function collect(document: ManifestDocument, value: unknown, basePath: Path, walk: Walk): void {
  const record = asRecord(value);
  const kind = record?.['kind'];
  if (!record || typeof kind !== 'string' || typeof record['apiVersion'] !== 'string' || kind === '') {
    walk.out.findings.push(notKubernetes(document, basePath, record));
    return;
  }
  if (kind.endsWith('List') && Array.isArray(record['items']) && walk.depth < MAX_LIST_DEPTH) {
    record['items'].forEach((item, index) => collect(document, item, [...basePath, 'items', index], { ...walk, depth: walk.depth + 1 }));
    return;
  }
  walk.out.objects.push(
    toKubeObject({ value: record, document, basePath, order: walk.firstOrder + walk.out.objects.length, fromCluster: walk.fromCluster }),
  );
}

function notKubernetes(document: ManifestDocument, path: Path, record: Readonly<Record<string, unknown>> | undefined): Finding {
  const missing = !record
    ? 'is not a mapping'
    : ['apiVersion', 'kind'].filter((field) => typeof record[field] !== 'string' || record[field] === '').join(' and ');
  const message = record ? `document has no ${missing}; skipped` : `document ${missing}; skipped`;
  const range = document.rangeOf(path);
  const check = LOAD_CHECKS.notKubernetes;
  return { ruleId: check.id, severity: check.severity, message, ...range, endLine: range.line, endColumn: range.column, object: null, path: null };
}
