// The ServiceAccounts in the resource files of the kustomize builds that set a namespace, read ahead of the files'
// turn: kustomize's nameReference transformer gives a (Cluster)RoleBinding subject the namespace of the build's
// ServiceAccount it names, and a subject naming none keeps no namespace (kustomize-namespace.ts withSubjectNamespaces).
import { normalize } from 'node:path';
import { asArray, asRecord } from '../model/object.js';
import { resolveFrom } from './expand-inputs.js';
import type { ServiceAccountId, ServiceAccountsOf } from './kustomize.js';
import { parseDocuments, type ParseLimits } from './parse-documents.js';
import { readSourceFile, type ReadResult } from './read-file.js';
import type { SourceText } from './source-text.js';

/**
 * Whether a file's text may declare a ServiceAccount (only such files are parsed ahead): a document's own `kind` at
 * the start of a line, or any mention in a List or a flow or JSON document. A RoleBinding's subjects name the kind
 * indented: parsing every RBAC file ahead cost kubeflow's manifests 0.38 s of a 1.9 s run.
 */
function mayHoldServiceAccount(text: string): boolean {
  return SERVICE_ACCOUNT.test(text) && (TOP_LEVEL_SERVICE_ACCOUNT.test(text) || LIST_OR_FLOW.test(text));
}

const SERVICE_ACCOUNT = /\bServiceAccount\b/;
const TOP_LEVEL_SERVICE_ACCOUNT = /^kind:[ \t]*(["']?)ServiceAccount\1[ \t]*(?:#.*)?$/m;
const LIST_OR_FLOW = /^(?:kind:[ \t]*["']?\w*List\b|[ \t]*[{[])/m;

/**
 * The ServiceAccounts each of `files` (among the inputs, as given) holds, a List's items too; a file not among them is
 * undefined. `known`: the files already read, by the names given.
 */
export async function serviceAccountsOfFiles(files: readonly string[], cwd: string, limits: ParseLimits & { readonly maxFileSize: number }, known: ReadonlyMap<string, ReadResult>): Promise<ServiceAccountsOf> {
  const held = new Map<string, readonly ServiceAccountId[]>();
  // one file after the other: their texts are not kept
  for (const file of files) {
    const read = known.get(file) ?? (await readSourceFile(file, resolveFrom(cwd, file), limits.maxFileSize));
    held.set(normalize(file), 'source' in read && mayHoldServiceAccount(read.source.text) ? serviceAccountIds(read.source, limits) : []);
  }
  return (file) => held.get(file);
}

function serviceAccountIds(source: SourceText, limits: ParseLimits): ServiceAccountId[] {
  const objects = parseDocuments(source, limits, 'none', 'manifest').documents.flatMap(({ value }) => {
    const record = asRecord(value);
    return typeof record?.['kind'] === 'string' && record['kind'].endsWith('List') ? asArray(record['items']) : [value];
  });
  return objects.flatMap((value) => {
    const object = asRecord(value);
    const metadata = asRecord(object?.['metadata']);
    const name = metadata?.['name'];
    if (object?.['apiVersion'] !== 'v1' || object['kind'] !== 'ServiceAccount' || typeof name !== 'string') return [];
    // upstream: api/resid/resid.go EffectiveNamespace (an unset namespace is default)
    const namespace = metadata?.['namespace'];
    return [{ name, namespace: typeof namespace === 'string' && namespace !== '' ? namespace : 'default' }];
  });
}
