// The ConfigMaps and Secrets a kustomization's generators make: `kustomize build` writes them beside the resources,
// and a workload of the build refers to them by the generator's name (kustomize's name reference rewrites it to the
// hashed name). They are known by name only, for the rules that look objects up: their data is the files' and
// literals' (not read here), and no rule reports on them.
// upstream: kustomize api/internal/generators (configMapGenerator, secretGenerator), api/konfig/builtinpluginconsts/namereference.go
import { asArray, asRecord, toKubeObject, type KubeObject } from '../model/object.js';
import { NeighbourDocument } from './neighbour-document.js';

const GENERATED_KINDS = [['configMapGenerator', 'ConfigMap'], ['secretGenerator', 'Secret']] as const;

/** The objects the generators of `kustomizations` make, numbered from `firstOrder`. */
export function generatedObjects(kustomizations: readonly { readonly file: string; readonly value: unknown }[], firstOrder: number): KubeObject[] {
  const out: KubeObject[] = [];
  for (const { file, value } of kustomizations) {
    const kustomization = asRecord(value) ?? {};
    const namespace = kustomization['namespace'];
    for (const [field, kind] of GENERATED_KINDS) {
      for (const entry of asArray(kustomization[field]).map(asRecord)) {
        const name = entry?.['name'];
        if (typeof name !== 'string' || name === '') continue;
        const inNamespace = typeof entry?.['namespace'] === 'string' ? entry['namespace'] : namespace;
        const generated = { apiVersion: 'v1', kind, metadata: { name, ...(typeof inNamespace === 'string' && inNamespace !== '' && { namespace: inNamespace }) } };
        out.push(toKubeObject({ value: generated, document: new NeighbourDocument(file, out.length, generated), basePath: [], order: firstOrder + out.length, fromCluster: false }));
      }
    }
  }
  return out;
}
