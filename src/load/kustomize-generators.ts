// The ConfigMaps and Secrets a kustomization's generators make: `kustomize build` writes them beside the resources,
// and a workload of the build refers to them by the generator's name (kustomize's name reference rewrites it to the
// hashed name). They are known by name only, for the rules that look objects up: their data is the files' and
// literals' (not read here), and no rule reports on them.
// upstream: kustomize api/internal/generators (configMapGenerator, secretGenerator), api/konfig/builtinpluginconsts/namereference.go
import { dirname, normalize } from 'node:path';
import { builtNames, type NameAffix } from '../model/built-names.js';
import { asArray, asRecord, toKubeObject, type KubeObject } from '../model/object.js';
import { componentsOf, entriesOf } from './kustomize.js';
import { namespaceOf } from './kustomize-namespace.js';
import { NeighbourDocument } from './neighbour-document.js';

const GENERATED_KINDS = [['configMapGenerator', 'ConfigMap'], ['secretGenerator', 'Secret']] as const;

/**
 * The objects the generators of `kustomizations` make, numbered from `firstOrder`: one per namespace the builds that
 * include the kustomization place them in (the outermost build's `namespace`, else the generator entry's own), known
 * also by the names `nameAffixes` (kustomizeNameAffixes) gives the kustomization's file.
 */
export function generatedObjects(kustomizations: readonly { readonly file: string; readonly value: unknown }[], firstOrder: number, nameAffixes: ReadonlyMap<string, readonly NameAffix[]>): KubeObject[] {
  const read = new Map(kustomizations.map(({ file, value }) => [normalize(dirname(file)), { file, record: asRecord(value) ?? {} }] as const));
  if (![...read.values()].some(({ record }) => GENERATED_KINDS.some(([field]) => asArray(record[field]).length > 0))) return [];
  const namespaces = new Map<string, Set<string | undefined>>();
  const visit = (directory: string, outer: string | undefined, seen: ReadonlySet<string>) => {
    const kustomization = read.get(directory);
    if (!kustomization) return;
    // an including build's namespace transformer runs after this one's, on everything it built
    const namespace = outer ?? namespaceOf(kustomization.record);
    namespaces.set(directory, (namespaces.get(directory) ?? new Set()).add(namespace));
    for (const target of [...entriesOf(directory, kustomization.record), ...componentsOf(directory, kustomization.record)]) {
      if (!seen.has(target)) visit(target, namespace, new Set([...seen, target]));
    }
  };
  const included = new Set([...read].flatMap(([directory, { record }]) => [...entriesOf(directory, record), ...componentsOf(directory, record)]));
  for (const directory of read.keys()) if (!included.has(directory)) visit(directory, undefined, new Set([directory]));
  const out: KubeObject[] = [];
  for (const [directory, { file, record }] of read) {
    for (const [field, kind] of GENERATED_KINDS) {
      for (const entry of asArray(record[field]).map(asRecord)) {
        const name = entry?.['name'];
        if (typeof name !== 'string' || name === '') continue;
        const own = typeof entry?.['namespace'] === 'string' && entry['namespace'] !== '' ? entry['namespace'] : undefined;
        for (const namespace of namespaces.get(directory) ?? [undefined]) {
          const inNamespace = namespace ?? own;
          const generated = { apiVersion: 'v1', kind, metadata: { name, ...(inNamespace !== undefined && { namespace: inNamespace }) } };
          // known by the names the builds' namePrefix and nameSuffix give it too
          const aliases = builtNames(generated, nameAffixes.get(normalize(file)) ?? []);
          out.push(toKubeObject({ value: generated, document: new NeighbourDocument(file, out.length, generated), basePath: [], order: firstOrder + out.length, fromCluster: false, aliases }));
        }
      }
    }
  }
  return out;
}
