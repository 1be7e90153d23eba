// A kustomization kustomize cannot decode: kustomize build (and kubectl apply -k) stops with "invalid Kustomization"
// before it reads anything. It decodes the file's JSON strictly into its Kustomization type (unknown fields refused,
// field names matched case-insensitively as encoding/json does) and reports the first problem.
// upstream: kustomize api/types/kustomization.go (*Kustomization).Unmarshal; Go encoding/json's error texts
import type { Path } from '../model/document.js';
import type { UnreadablePath } from './kustomize-paths.js';

/**
 * A field's Go type as encoding/json names it: a string (or a named string type), a map of strings, a struct, or a
 * slice of either.
 */
type GoType = { readonly kind: 'string'; readonly name: string } | { readonly kind: 'map' } | { readonly kind: 'struct'; readonly name: string } | { readonly kind: 'slice'; readonly of: GoType };

const STRING: GoType = { kind: 'string', name: 'string' };
const MAP: GoType = { kind: 'map' };
const struct = (name: string): GoType => ({ kind: 'struct', name: `types.${name}` });
const slice = (of: GoType): GoType => ({ kind: 'slice', of });

/** The Kustomization's fields by their JSON names (TypeMeta inline). */
const FIELDS: ReadonlyMap<string, GoType> = new Map([
  ['apiVersion', STRING], ['kind', STRING], ['metadata', struct('ObjectMeta')], ['openapi', MAP],
  ['namePrefix', STRING], ['nameSuffix', STRING], ['namespace', STRING], ['commonLabels', MAP], ['labels', slice(struct('Label'))],
  ['commonAnnotations', MAP], ['patchesStrategicMerge', slice({ kind: 'string', name: 'types.PatchStrategicMerge' })], ['patchesJson6902', slice(struct('Patch'))],
  ['patches', slice(struct('Patch'))], ['images', slice(struct('Image'))], ['imageTags', slice(struct('Image'))],
  ['replacements', slice(struct('ReplacementField'))], ['replicas', slice(struct('Replica'))], ['vars', slice(struct('Var'))],
  ['sortOptions', struct('SortOptions')], ['resources', slice(STRING)], ['components', slice(STRING)], ['crds', slice(STRING)],
  ['bases', slice(STRING)], ['configMapGenerator', slice(struct('ConfigMapArgs'))], ['secretGenerator', slice(struct('SecretArgs'))],
  ['helmGlobals', struct('HelmGlobals')], ['helmCharts', slice(struct('HelmChart'))], ['helmChartInflationGenerator', slice(struct('HelmChartArgs'))],
  ['generatorOptions', struct('GeneratorOptions')], ['configurations', slice(STRING)], ['generators', slice(STRING)],
  ['transformers', slice(STRING)], ['validators', slice(STRING)], ['buildMetadata', slice(STRING)],
]);

const BY_LOWER_CASE = new Map([...FIELDS.keys()].map((name) => [name.toLowerCase(), name]));

/** The first error kustomize's strict JSON decoding meets, as an UnreadablePath at its key, or none. */
export function kustomizationDecodingError(kustomization: unknown): UnreadablePath | undefined {
  if (typeof kustomization !== 'object' || kustomization === null || Array.isArray(kustomization)) return undefined;
  for (const [key, value] of Object.entries(kustomization)) {
    const field = BY_LOWER_CASE.get(key.toLowerCase());
    if (field === undefined) return failure([key], `json: unknown field ${JSON.stringify(key)}`);
    const type = FIELDS.get(field) as GoType;
    const problem = mismatch(value, type);
    if (problem) return failure(problem.at.length > 0 ? [key, ...problem.at] : [key], `json: cannot unmarshal ${problem.got} into Go struct field Kustomization.${field} of type ${problem.type}`);
  }
  return undefined;
}

function failure(at: Path, error: string): UnreadablePath {
  return { at, message: `kustomize build fails: invalid Kustomization: ${error}` };
}

/** encoding/json's name of a JSON value's kind, as its UnmarshalTypeError says it. */
function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return 'object';
  return typeof value === 'boolean' ? 'bool' : typeof value === 'number' ? 'number' : 'string';
}

function typeName(type: GoType): string {
  if (type.kind === 'map') return 'map[string]string';
  return type.kind === 'slice' ? `[]${typeName(type.of)}` : type.name;
}

/** The first value that does not decode into `type` (null decodes into anything), with where it is below the field. */
function mismatch(value: unknown, type: GoType): { at: Path; got: string; type: string } | undefined {
  if (value === null || value === undefined) return undefined;
  const got = jsonKind(value);
  if (type.kind === 'string') return got === 'string' ? undefined : { at: [], got, type: typeName(type) };
  if (type.kind === 'struct') return got === 'object' ? undefined : { at: [], got, type: typeName(type) };
  if (type.kind === 'map') {
    if (got !== 'object') return { at: [], got, type: typeName(type) };
    for (const [key, entry] of Object.entries(value as object)) {
      if (entry !== null && typeof entry !== 'string') return { at: [key], got: jsonKind(entry), type: 'string' };
    }
    return undefined;
  }
  if (!Array.isArray(value)) return { at: [], got, type: typeName(type) };
  for (const [index, item] of value.entries()) {
    const inner = mismatch(item, type.of);
    if (inner) return { ...inner, at: [index, ...inner.at] };
  }
  return undefined;
}
