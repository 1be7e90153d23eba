// Kustomize inputs: kustomization files and the files they use as patches or configuration are not cluster objects.
import { basename, dirname, normalize } from 'node:path';
import type { NameAffix } from '../model/built-names.js';
import { asArray, asRecord } from '../model/object.js';
import { imageRulesOf, imageTagTransformerRule, withImage, type ImageRule } from './kustomize-images.js';
import { replacementsTransforms } from './kustomize-replacements.js';
import { annotationSetsOf, labelSetsOf, transformerPairSet, withPairs, type PairSet } from './kustomize-labels.js';
import { namespaceOf, withNamespace, withSubjectReferences, withUnsetSubjectNamespaces, type BuildServiceAccounts } from './kustomize-namespace.js';
import { replicaCountsOf, withReplicas, type ReplicaCount } from './kustomize-replicas.js';
import type { KustomizeTransform } from './kustomized-document.js';
import { kustomizationPatches, type PatchSources } from './kustomize-patches.js';
import { entryPath, generatorFiles } from './kustomize-paths.js';
import { fieldSpecsOf, type FieldSpec } from './kustomize-field-specs.js';
import { BUILTIN_VAR_REFERENCES, varNamesOf, varReferencesTransform } from './kustomize-vars.js';

/**
 * `kustomization`: a kustomization.yaml (its own kind, or none); `patch`: a file named only as a patch, whose documents
 * are fragments of the objects they patch; `configuration`: transformer, generator, validator, replacement and
 * openapi files, read by kustomize only; `data`: the files a ConfigMap or Secret generator reads as values.
 */
export type KustomizeRole = 'kustomization' | 'patch' | 'configuration' | 'data';

const KUSTOMIZATION_NAMES = new Set(['kustomization.yaml', 'kustomization.yml', 'Kustomization']);

export function isKustomizationFile(file: string): boolean {
  return KUSTOMIZATION_NAMES.has(basename(file));
}

/** A kustomize configuration object: `kustomize.config.k8s.io` kinds and built-in plugin configs (`apiVersion: builtin`). */
export function isKustomizeConfiguration(value: Readonly<Record<string, unknown>>): boolean {
  const apiVersion = value['apiVersion'];
  return apiVersion === 'builtin' || (typeof apiVersion === 'string' && apiVersion.startsWith('kustomize.config.k8s.io/'));
}

/** A document that only makes sense as a strategic-merge patch (`$patch: delete` or `replace` at its root). */
export function isPatchDocument(value: Readonly<Record<string, unknown>>): boolean {
  return typeof value['$patch'] === 'string';
}

/**
 * The role of every file the kustomizations name (paths joined to the kustomization's directory, normalised). `text`:
 * a kustomization's text, for the patches it lists commented out (commentedPatchPaths).
 */
export function kustomizeRoles(kustomizations: readonly { file: string; value: unknown; text?: string }[], transformerPatches: ReadonlySet<string> = new Set()): KustomizeRoles {
  const patches = new Set<string>(transformerPatches);
  const resources = new Set<string>();
  const roles = new Map<string, KustomizeRole>();
  const packages = new Set<string>();
  const data = new Set<string>();
  for (const { file, value, text } of kustomizations) {
    roles.set(normalize(file), 'kustomization');
    packages.add(normalize(dirname(file)));
    const record = asRecord(value) ?? {};
    const at = (entry: string) => entryPath(dirname(file), entry);
    for (const entry of pathsOf(record, ['resources'])) resources.add(at(entry));
    for (const entry of [...pathsOf(record, PATCH_FIELDS), ...commentedPatchPaths(text ?? '')]) patches.add(at(entry));
    for (const entry of pathsOf(record, ['configurations', 'transformers', 'generators', 'validators', 'replacements', 'openapi', 'crds'])) roles.set(at(entry), 'configuration');
    for (const entry of generatorDataPaths(record)) data.add(at(entry));
  }
  // a generator's data file that some kustomization also builds as a resource stays an object file
  for (const file of data) if (!resources.has(file)) roles.set(file, 'data');
  for (const patch of patches) if (!resources.has(patch) && !roles.has(patch)) roles.set(patch, 'patch');
  // a directory that patches come from and no resource (kubebuilder's config/crd/patches): the files in it that no
  // kustomization names are patches too; in a kustomization's own folder (an overlay's, beside its patches: pixie's
  // sanitizer) unless one holds a whole workload, which may be applied on its own
  const patchDirectories = new Set([...roles].filter(([, role]) => role === 'patch').map(([file]) => dirname(file)));
  for (const directory of [...resources].map(dirname)) patchDirectories.delete(directory);
  const overlayDirectories = new Set([...packages].filter((directory) => patchDirectories.delete(directory)));
  return new KustomizeRoles(roles, { patchDirectories, overlayDirectories, resources });
}

/**
 * The role of a file in the kustomize trees among the inputs (undefined: an object file). A file no kustomization names
 * as a resource is a patch when its name says so (`patch.json`, `replicas-patch.yaml`, `manager_auth_proxy_patch.yaml`:
 * what `kubectl patch --patch-file` and kustomize overlays read), or when it sits beside a kustomization's patches.
 */
export class KustomizeRoles {
  readonly #named: ReadonlyMap<string, KustomizeRole>;
  readonly #patchDirectories: ReadonlySet<string>;
  readonly #overlayDirectories: ReadonlySet<string>;
  readonly #resources: ReadonlySet<string>;

  constructor(named: ReadonlyMap<string, KustomizeRole>, unnamed: { readonly patchDirectories: ReadonlySet<string>; readonly overlayDirectories: ReadonlySet<string>; readonly resources: ReadonlySet<string> }) {
    this.#named = named;
    this.#patchDirectories = unnamed.patchDirectories;
    this.#overlayDirectories = unnamed.overlayDirectories;
    this.#resources = unnamed.resources;
  }

  /** `file`: a normalised path, as the kustomizations' entries are joined. */
  get(file: string): KustomizeRole | undefined {
    const named = this.#named.get(file);
    if (named !== undefined || this.#resources.has(file)) return named;
    return this.#patchDirectories.has(dirname(file)) || this.isPatchUnlessWhole(file) ? 'patch' : undefined;
  }

  /**
   * Whether the file is a patch only by its name or by sitting in a kustomization's folder beside its patches (no
   * kustomization names it, and it is in no folder of patches only): a whole workload in it is an object (isWholeWorkload).
   */
  isPatchUnlessWhole(file: string): boolean {
    if (this.#named.has(file) || this.#resources.has(file) || this.#patchDirectories.has(dirname(file))) return false;
    return this.#overlayDirectories.has(dirname(file)) || PATCH_FILE_NAME.test(basename(file));
  }
}

/** `patch` or `patches` as a word of the file's name (not `dispatch.yaml` or `patchwork.yaml`). */
const PATCH_FILE_NAME = /(?:^|[-_.])patch(?:es)?(?:[-_.][^/]*)?\.(?:ya?ml|json)$/i;

/** Kinds whose selector a patch leaves out (immutable, set once) but a whole object must carry. */
const SELECTOR_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);

/**
 * Whether a document of a file taken for a patch by its name or its place (isPatchUnlessWhole) is a whole workload (a
 * name, a selector and an image for every container), as the Kubernetes docs' deployment-patch.yaml is, which
 * `kubectl apply` creates before `kubectl patch` changes it: a patch repeats no selector.
 */
export function isWholeWorkload(value: unknown): boolean {
  const object = asRecord(value);
  if (!object || typeof object['kind'] !== 'string' || !SELECTOR_KINDS.has(object['kind'])) return false;
  if (typeof asRecord(object['metadata'])?.['name'] !== 'string') return false;
  const spec = asRecord(object['spec']);
  const containers = asArray(asRecord(asRecord(spec?.['template'])?.['spec'])?.['containers']);
  return asRecord(spec?.['selector']) !== undefined && containers.length > 0 && containers.every((container) => typeof asRecord(container)?.['image'] === 'string');
}

const PATCH_FIELDS = ['patches', 'patchesStrategicMerge', 'patchesJson6902'];

/**
 * Files a kustomization lists as patches in comments: kubebuilder's scaffold (config/default, config/crd) names the
 * patches a project may turn on as `#- manager_webhook_patch.yaml` under `patches:` or a commented-out
 * `#patchesStrategicMerge:`. Such a file is a fragment of the object it would patch, not an object: kubectl never
 * applies it. The section is the last key at the start of a line before the entry, commented or not.
 */
function commentedPatchPaths(text: string): string[] {
  if (!text.includes('#')) return [];
  const paths: string[] = [];
  let section = '';
  for (const line of text.split(/\r?\n/)) {
    const key = SECTION_KEY.exec(line);
    if (key) section = key[1] ?? '';
    const entry = key ? null : COMMENTED_ENTRY.exec(line);
    if (entry && PATCH_FIELDS.includes(section)) paths.push(entry[1] ?? '');
  }
  return paths;
}

/** `patches:` or `#patchesStrategicMerge:` at the start of a line (a top-level key, perhaps commented out). */
const SECTION_KEY = /^#? ?([A-Za-z][\w]*):\s*(?:#.*)?$/;
/** `#- file.yaml`, `# - path: file.yaml`: a list entry naming a YAML file, commented out. */
const COMMENTED_ENTRY = /^\s*#+\s*-\s+(?:path:\s*)?([^\s#'"]+\.ya?ml)\s*$/;

/**
 * The transformers (kustomized-document.ts) `kustomize build` applies to each resource file, innermost kustomization
 * first. A file is built from each kustomization that no other one includes (an entry point such as config/default),
 * through the kustomizations that include it as a directory (`resources`, `bases`); it gets the transformers every
 * such build applies (inEveryBuild), so a base that one overlay retags and another does not keeps its own image, and
 * one that every overlay retags, each to its own tag, has the first one's.
 */
export function kustomizeTransforms(kustomizations: readonly { file: string; value: unknown }[], patches: PatchSources, serviceAccounts?: ServiceAccountsOf): Map<string, KustomizeTransform[]> {
  const read = new Map<string, { file: string; record: Readonly<Record<string, unknown>>; configurations: readonly unknown[] }>();
  for (const { file, value } of kustomizations) {
    const record = asRecord(value) ?? {};
    read.set(normalize(dirname(file)), { file: normalize(file), record, configurations: configurationsOf(normalize(file), record, patches) });
  }
  const buildOf = (entry: string) => buildMembers(read, entry).map(([, member]) => member);
  // a build's transformers read the field specs of the configurations of every kustomization it includes
  // (ResAccumulator.MergeConfig), so an overlay's namespace reaches the fields a base's configuration names; only the
  // namespace transformer reads them, so a tree is walked only for a kustomization that sets a namespace
  const anyConfigurations = [...read.values()].some(({ configurations }) => configurations.length > 0);
  const transformerConfigs = (directory: string, record: Readonly<Record<string, unknown>>): TransformerConfig[] =>
    transformerFiles(directory, record, (path) => read.get(path)?.record).flatMap((file) => (patches.file(file) ?? []).map((document) => ({ file, value: document.value })));
  const byDirectory = new Map([...read].map(([directory, { file, record }]) => {
    const namespaced = namespaceOf(record) !== undefined;
    const configurations = anyConfigurations && namespaced ? buildOf(directory).flatMap((member) => member.configurations) : [];
    const build = { configurations, serviceAccounts: namespaced && serviceAccounts ? buildServiceAccounts(buildFiles(read, directory), serviceAccounts) : undefined };
    return [directory, { record, ...transformsOf(file, record, build, patches, transformerConfigs(directory, record)) }] as const;
  }));
  /** The vars the kustomizations of a build declare, replaced at its end in the fields all their configurations list. */
  const anyVars = [...read.values()].some(({ record }) => varNamesOf(record).length > 0);
  const varsOf = (entry: string): BuildVars | undefined => {
    if (!anyVars) return undefined;
    const members = buildOf(entry);
    const names = members.flatMap(({ record }) => varNamesOf(record));
    return names.length === 0 ? undefined : { names, references: members.flatMap(({ configurations }) => configurations.flatMap((configuration) => fieldSpecsOf(configuration, 'varReference'))) };
  };
  // a file several builds include gets the vars of each: a reference is replaced in some build (an unused base's
  // build, left with `$(NAME)`, is not what is deployed)
  const varsByFile = new Map<string, BuildVars>();
  const included = new Set([...byDirectory].flatMap(([directory, { record }]) => entriesOf(directory, record)));
  const out = new Map<string, KustomizeTransform[]>();
  // what the templated builds (Helm charts in the making) do to a file, used only where no other build reaches it
  const templatedOut = new Map<string, KustomizeTransform[]>();
  const visit = (directory: string, inherited: readonly KustomizeTransform[], seen: ReadonlySet<string>, vars: BuildVars | undefined, outerTemplated = false) => {
    const kustomization = byDirectory.get(directory);
    if (!kustomization) return;
    const templated = outerTemplated || kustomization.templated;
    // its components transform what its resources built before its own transformers do (KustTarget.accumulateComponents)
    const components = componentsOf(directory, kustomization.record).flatMap((target) => byDirectory.get(target)?.transforms ?? []);
    // what an including kustomization sets outright (namespace, a replica count) is what its build writes: the inner one's is moot
    const own = [...components, ...kustomization.transforms].filter((transform) => transform.sets === undefined || !inherited.some((outer) => outer.sets === transform.sets));
    const transforms = [...own, ...inherited];
    for (const target of entriesOf(directory, kustomization.record)) {
      if (byDirectory.has(target)) {
        if (!seen.has(target)) visit(target, transforms, new Set([...seen, target]), vars, templated);
        continue;
      }
      const known = varsByFile.get(target);
      if (vars) varsByFile.set(target, known ? { names: [...known.names, ...vars.names], references: [...known.references, ...vars.references] } : vars);
      const builds = templated ? templatedOut : out;
      const common = builds.get(target);
      builds.set(target, common === undefined ? transforms : inEveryBuild(common, transforms));
    }
  };
  for (const directory of byDirectory.keys()) if (!included.has(directory)) visit(directory, [], new Set([directory]), varsOf(directory));
  for (const [file, transforms] of templatedOut) if (!out.has(file)) out.set(file, transforms);
  for (const [file, { names, references }] of varsByFile) {
    out.set(file, [...(out.get(file) ?? []), varReferencesTransform(new Set(names), [...BUILTIN_VAR_REFERENCES, ...references])]);
  }
  for (const [file, transforms] of out) if (transforms.length === 0) out.delete(file);
  return out;
}

/** The ServiceAccounts a resource file (a normalised path) holds, or undefined when it is not among the inputs. */
export type ServiceAccountsOf = (file: string) => readonly ServiceAccountId[] | undefined;

/** A ServiceAccount as its file writes it: `namespace` is default where it writes none. */
export interface ServiceAccountId {
  readonly name: string;
  readonly namespace: string;
}

/** The kustomizations a build reads, by directory: its own and those it includes (resources, bases, components), directly or not. */
function buildMembers<T extends { readonly record: Readonly<Record<string, unknown>> }>(read: ReadonlyMap<string, T>, entry: string): [string, T][] {
  const tree = new Map<string, T>();
  const walk = (directory: string) => {
    const kustomization = read.get(directory);
    if (!kustomization || tree.has(directory)) return;
    tree.set(directory, kustomization);
    for (const target of [...entriesOf(directory, kustomization.record), ...componentsOf(directory, kustomization.record)]) walk(target);
  };
  walk(entry);
  return [...tree];
}

/** The resource files (not kustomization folders) of the build from `entry`. */
function buildFiles(read: ReadonlyMap<string, { readonly record: Readonly<Record<string, unknown>> }>, entry: string): string[] {
  return buildMembers(read, entry).flatMap(([directory, { record }]) => entriesOf(directory, record).filter((target) => !read.has(target)));
}

/**
 * The resource files of the builds whose kustomization sets a namespace: the ServiceAccounts there are those a
 * binding's subject may name (serviceAccounts of kustomizeTransforms).
 */
export function namespacedBuildFiles(kustomizations: readonly { file: string; value: unknown }[]): Set<string> {
  const read = new Map(kustomizations.map(({ file, value }) => [normalize(dirname(file)), { record: asRecord(value) ?? {} }] as const));
  return new Set([...read].filter(([, { record }]) => namespaceOf(record) !== undefined).flatMap(([directory]) => buildFiles(read, directory)));
}

/** The ServiceAccounts in `files`, or undefined when one of the files is not among the inputs. */
function buildServiceAccounts(files: readonly string[], serviceAccounts: ServiceAccountsOf): BuildServiceAccounts | undefined {
  const namespaces = new Map<string, Set<string>>();
  for (const file of files) {
    const held = serviceAccounts(file);
    if (held === undefined) return undefined;
    for (const { name, namespace } of held) namespaces.set(name, (namespaces.get(name) ?? new Set()).add(namespace));
  }
  return namespaces;
}

/**
 * What every build does to a file (`common`, what the builds before did, and `transforms`, what one more does): the
 * transforms both make, and where both write a field, each to its own value (a replica count, an image's tag), the
 * first build's (or what both do, `whereBuildsDisagree`): the value the file holds is deployed by neither, so a finding
 * on it would be false, and the first build's value is one that is deployed. Where one build writes a field and the
 * other leaves it, the file's own value stands: it is deployed. Linear in the transforms of the builds.
 */
function inEveryBuild(common: readonly KustomizeTransform[], transforms: readonly KustomizeTransform[]): KustomizeTransform[] {
  const shared = new Set(transforms.map((transform) => transform.key));
  const kept = new Set(common.map((transform) => transform.key));
  // what the other build writes its own way (a transform these builds share writes the same value in both)
  const ownWrites = new Set(transforms.filter((transform) => !kept.has(transform.key)).map(writesOf));
  return common.flatMap((transform) => {
    if (shared.has(transform.key)) return [transform];
    const writes = writesOf(transform);
    return writes !== undefined && ownWrites.has(writes) ? [transform.whereBuildsDisagree ?? transform] : [];
  });
}

function writesOf(transform: KustomizeTransform): string | undefined {
  return transform.writes ?? transform.sets;
}

/**
 * The namePrefix/nameSuffix pairs that the builds reaching each resource file give its objects (kustomize's
 * PrefixSuffixTransformer), by normalised path. A nested kustomization's pair goes inside the including one's (outer
 * prefix + inner prefix + name + inner suffix + outer suffix), and a component's inside the kustomization that uses
 * it (its transformers run first, on what was built before it). Unlike the transformers, the pair of every build
 * counts: each is a name the object is deployed under. A file no build renames is not in the map. A kustomization's
 * own pair is its namePrefix and nameSuffix inside those of the builtin PrefixSuffixTransformer, PrefixTransformer
 * and SuffixTransformer configurations its `transformers:` names (which run after them, each around the one before).
 * A kustomization's own file is in the map too, with the pairs its generators' objects get.
 */
export function kustomizeNameAffixes(kustomizations: readonly { file: string; value: unknown }[], sources: PatchSources): Map<string, NameAffix[]> {
  const read = new Map(kustomizations.map(({ file, value }) => [normalize(dirname(file)), asRecord(value) ?? {}] as const));
  const own = new Map([...read].map(([directory, record]) => {
    const configs = transformerFiles(directory, record, (path) => read.get(path)).flatMap((path) => sources.file(path) ?? []);
    return [directory, configs.reduce((affix, { value }) => within(transformerAffixOf(asRecord(value)), affix), affixOf(record))] as const;
  }));
  const affixAt = (directory: string) => own.get(directory) ?? UNNAMED;
  const found = new Map<string, Map<string, NameAffix>>();
  if ([...own.values()].every(isUnnamed)) return new Map();
  const reach = (directory: string, affix: NameAffix, seen: ReadonlySet<string>) => {
    for (const target of entriesOf(directory, read.get(directory) ?? {})) {
      if (read.has(target)) {
        if (!seen.has(target)) visit(target, affix, new Set([...seen, target]));
      } else if (!isUnnamed(affix)) {
        const pairs = found.get(target) ?? new Map<string, NameAffix>();
        found.set(target, pairs.set(`${affix.prefix}\0${affix.suffix}`, affix));
      }
    }
  };
  const fileOf = new Map(kustomizations.map(({ file }) => [normalize(dirname(file)), normalize(file)] as const));
  const visit = (directory: string, outer: NameAffix, seen: ReadonlySet<string>) => {
    const record = read.get(directory) ?? {};
    let affix = within(outer, affixAt(directory));
    // the objects its own generators make, keyed by the kustomization's file (its components run before them)
    const file = fileOf.get(directory);
    if (file !== undefined && !isUnnamed(affix)) found.set(file, (found.get(file) ?? new Map<string, NameAffix>()).set(`${affix.prefix}\0${affix.suffix}`, affix));
    // the last component's transformers run last: its pair is outermost, and it renames only what was built before it
    for (const component of componentsOf(directory, record).filter((target) => read.has(target) && !seen.has(target)).reverse()) {
      affix = within(affix, affixAt(component));
      reach(component, affix, seen);
    }
    reach(directory, affix, seen);
  };
  const included = new Set([...read].flatMap(([directory, record]) => [...entriesOf(directory, record), ...componentsOf(directory, record)]));
  for (const directory of read.keys()) if (!included.has(directory)) visit(directory, UNNAMED, new Set([directory]));
  return new Map([...found].map(([file, pairs]) => [file, [...pairs.values()]]));
}

const UNNAMED: NameAffix = { prefix: '', suffix: '' };

/** A kustomization's namePrefix and nameSuffix; one that writes a Helm action (helmify's) is not applied. */
function affixOf(record: Readonly<Record<string, unknown>>): NameAffix {
  const [prefix, suffix] = [record['namePrefix'], record['nameSuffix']].map((value) => (typeof value === 'string' && !value.includes('{{') ? value : ''));
  return { prefix: prefix ?? '', suffix: suffix ?? '' };
}

/** The pair of a builtin PrefixSuffixTransformer, PrefixTransformer or SuffixTransformer configuration; none for another document. */
function transformerAffixOf(config: Readonly<Record<string, unknown>> | undefined): NameAffix {
  const kind = config?.['kind'];
  if (config?.['apiVersion'] !== 'builtin' || (kind !== 'PrefixSuffixTransformer' && kind !== 'PrefixTransformer' && kind !== 'SuffixTransformer')) return UNNAMED;
  return affixOf({ namePrefix: kind === 'SuffixTransformer' ? undefined : config['prefix'], nameSuffix: kind === 'PrefixTransformer' ? undefined : config['suffix'] });
}

function within(outer: NameAffix, inner: NameAffix): NameAffix {
  return { prefix: outer.prefix + inner.prefix, suffix: inner.suffix + outer.suffix };
}

function isUnnamed(affix: NameAffix): boolean {
  return affix.prefix === '' && affix.suffix === '';
}

/** The resources and bases a kustomization in `directory` includes, as paths. */
export function entriesOf(directory: string, record: Readonly<Record<string, unknown>>): string[] {
  return pathsOf(record, ['resources', 'bases']).map((entry) => entryPath(directory, entry));
}

/** The components a kustomization in `directory` uses, as paths. */
export function componentsOf(directory: string, record: Readonly<Record<string, unknown>>): string[] {
  return pathsOf(record, ['components']).map((entry) => entryPath(directory, entry));
}

/** The names of the vars a build declares, and the fields its configurations add to the builtin varReference specs. */
interface BuildVars {
  readonly names: readonly string[];
  readonly references: readonly FieldSpec[];
}

/** One document of a file a kustomization's `transformers:` names (a normalised path). */
interface TransformerConfig {
  readonly file: string;
  readonly value: unknown;
}

/**
 * A kustomization's transformers kubefit applies, in kustomize's order (api/internal/target/kusttarget_configplugin.go):
 * strategic-merge patches and `patches`, namespace, labels (then commonLabels), commonAnnotations, `patchesJson6902`,
 * replicas, images, replacements (as values only the build knows), then the builtin configurations its
 * `transformers:` names.
 * One that writes a template action (helmify's `release: "{{ .Release.Name }}"`) builds a Helm chart whose values
 * only `helm template` knows: it is not applied.
 */
function transformsOf(file: string, record: Readonly<Record<string, unknown>>, build: { readonly configurations: readonly unknown[]; readonly serviceAccounts: BuildServiceAccounts | undefined }, sources: PatchSources, transformers: readonly TransformerConfig[]): BuildTransforms {
  const namespace = namespaceOf(record);
  const specs = build.configurations.flatMap((configuration) => fieldSpecsOf(configuration, 'namespace'));
  const patches = kustomizationPatches(file, record, sources, (entry) => entryPath(dirname(file), entry));
  const replacements = replacementsTransforms(asArray(record['replacements']), (entry) => sources.file(entryPath(dirname(file), entry)));
  const fields = [
    ...(namespace === undefined ? [] : [namespaceTransform(namespace, specs, build.serviceAccounts)]),
    ...labelSetsOf(record).map((set) => pairsTransform('labels', set)),
    ...annotationSetsOf(record).map((set) => pairsTransform('annotations', set)),
  ];
  const counts = [...replicaCountsOf(record).map(replicaTransform), ...imageRulesOf(record).map(imageTransform)];
  // the `transformers:` run after the kustomization's own fields (KustTarget.runTransformers)
  const builtins = builtinTransforms(file, transformers, sources);
  // the nameReference transformer runs once the build's transformers have (KustTarget.AccumulateTarget: FixBackReferences)
  const references = namespace === undefined ? [] : [subjectReferencesTransform(namespace, build.serviceAccounts)];
  const transforms = [...patches.first, ...fields.filter(isPlainTransform), ...patches.afterLabels, ...counts.filter(isPlainTransform), ...replacements, ...builtins.filter(isPlainTransform), ...references];
  return { transforms, templated: patches.templated || [...fields, ...counts, ...builtins].some((transform) => !isPlainTransform(transform)) };
}

/**
 * A kustomization's transforms; `templated` when one writes a template action and is left out: the build is a chart
 * `helm template` renders later (helmify), whose output no build of the inputs shows.
 */
interface BuildTransforms {
  readonly transforms: KustomizeTransform[];
  readonly templated: boolean;
}

/** Not a transform that writes a template action (see transformsOf). */
function isPlainTransform(transform: KustomizeTransform): boolean {
  return !transform.key.includes('{{');
}

/**
 * The builtin transformer configurations (`apiVersion: builtin`) among a kustomization's `transformers:` documents,
 * in order, each as the kustomization field it stands for (api/internal/builtins): ImageTagTransformer as an `images`
 * entry, LabelTransformer and AnnotationsTransformer as labels and annotations at their own field specs,
 * NamespaceTransformer as `namespace`, ReplicaCountTransformer as a `replicas` entry, PatchTransformer,
 * PatchStrategicMergeTransformer and PatchJson6902Transformer as patches (their paths from the kustomization's
 * directory, which kustomize's loader reads them from). The renaming ones (PrefixSuffixTransformer, PrefixTransformer,
 * SuffixTransformer) give names as namePrefix does (kustomizeNameAffixes); a NamespaceTransformer with `unsetOnly`
 * is not applied.
 */
function builtinTransforms(kustomization: string, configs: readonly TransformerConfig[], sources: PatchSources): KustomizeTransform[] {
  return configs.flatMap(({ file, value }): KustomizeTransform[] => {
    const config = asRecord(value);
    if (config?.['apiVersion'] !== 'builtin') return [];
    switch (config['kind']) {
      case 'ImageTagTransformer':
        return [imageTagTransformerRule(config)].flatMap((rule) => (rule ? [imageTransform(rule)] : []));
      case 'LabelTransformer':
      case 'AnnotationsTransformer': {
        const kind = config['kind'] === 'LabelTransformer' ? 'labels' : 'annotations';
        return [transformerPairSet(config, kind)].flatMap((set) => (set ? [pairsTransform(kind, set)] : []));
      }
      case 'ReplicaCountTransformer':
        return replicaCountsOf({ replicas: [config['replica']] }).map(replicaTransform);
      case 'NamespaceTransformer': {
        const namespace = namespaceOf(asRecord(config['metadata']) ?? {});
        return namespace === undefined || config['unsetOnly'] === true ? [] : [namespaceTransform(namespace, fieldSpecsOf(config, 'fieldSpecs'), undefined)];
      }
      default: {
        const patches = patchFieldsOf(config);
        if (!patches) return [];
        // an inline patch is the configuration's own text (its `inline` field), positioned there
        const inConfig: PatchSources = { file: (path) => sources.file(path), templated: (path) => sources.templated?.(path) === true, inline: (text) => sources.inline(text, file, [patches.inline]) };
        const { first, afterLabels } = kustomizationPatches(file, patches.fields, inConfig, (entry) => entryPath(dirname(kustomization), entry));
        return [...first, ...afterLabels];
      }
    }
  });
}

/** The kustomization patch fields a builtin patch transformer's configuration stands for, and the key of its inline patch text. */
function patchFieldsOf(config: Readonly<Record<string, unknown>>): { readonly fields: Readonly<Record<string, unknown>>; readonly inline: string } | undefined {
  switch (config['kind']) {
    case 'PatchTransformer':
      return { fields: { patches: [{ path: config['path'], patch: config['patch'], target: config['target'], options: config['options'] }] }, inline: 'patch' };
    case 'PatchStrategicMergeTransformer':
      return { fields: { patchesStrategicMerge: [...asArray(config['paths']), ...(typeof config['patches'] === 'string' ? [config['patches']] : [])] }, inline: 'patches' };
    case 'PatchJson6902Transformer':
      return { fields: { patchesJson6902: [{ target: config['target'], path: config['path'], patch: config['jsonOp'] }] }, inline: 'jsonOp' };
    default:
      return undefined;
  }
}

function pairsTransform(kind: 'labels' | 'annotations', set: PairSet): KustomizeTransform {
  return { key: `${kind} ${JSON.stringify(set)}`, apply: (value) => withPairs(value, [set]) };
}

function replicaTransform(rule: ReplicaCount): KustomizeTransform {
  return { key: `replicas ${JSON.stringify(rule)}`, sets: `replicas ${rule.name}`, apply: (value) => withReplicas(value, rule) };
}

/**
 * The namespace transformer; where builds set different namespaces, what they all do: the subjects of a
 * (Cluster)RoleBinding that name no namespace get one (the first build's standing for each).
 */
function namespaceTransform(namespace: string, specs: readonly FieldSpec[], serviceAccounts: BuildServiceAccounts | undefined): KustomizeTransform {
  return { key: `namespace ${JSON.stringify(namespace)}`, sets: 'namespace', apply: (value) => withNamespace(value, namespace, specs), whereBuildsDisagree: unsetSubjectsTransform(namespace, serviceAccounts) };
}

/** The subjects of bindings that name a ServiceAccount of a build that sets `namespace` (withSubjectReferences). */
function subjectReferencesTransform(namespace: string, serviceAccounts: BuildServiceAccounts | undefined): KustomizeTransform {
  return { key: `subject references ${JSON.stringify(namespace)}`, sets: 'namespace', apply: (value) => withSubjectReferences(value, namespace, serviceAccounts), whereBuildsDisagree: unsetSubjectsTransform(namespace, serviceAccounts) };
}

function unsetSubjectsTransform(namespace: string, serviceAccounts: BuildServiceAccounts | undefined): KustomizeTransform {
  // (a third build setting yet another namespace agrees with this one)
  const subjects: KustomizeTransform = { key: 'subject namespaces where unset', sets: 'namespace', apply: (value) => withUnsetSubjectNamespaces(value, namespace, serviceAccounts), get whereBuildsDisagree() { return subjects; } };
  return subjects;
}

function imageTransform(rule: ImageRule): KustomizeTransform {
  return { key: `image ${JSON.stringify(rule)}`, writes: `image ${rule.name}`, apply: (value) => withImage(value, rule) };
}

/**
 * The files the kustomizations name as patches or transformer configurations (normalised paths joined to each
 * kustomization's directory): read before the resources they change.
 */
export function namedPatchFiles(kustomizations: readonly { file: string; value: unknown }[]): Set<string> {
  const files = new Set<string>();
  const byDirectory = new Map(kustomizations.map(({ file, value }) => [normalize(dirname(file)), asRecord(value) ?? {}]));
  for (const { file, value } of kustomizations) {
    const [directory, record] = [dirname(file), asRecord(value) ?? {}];
    for (const entry of pathsOf(record, [...PATCH_FIELDS, 'configurations', 'replacements'])) files.add(entryPath(directory, entry));
    for (const path of transformerFiles(directory, record, (folder) => byDirectory.get(folder))) files.add(path);
  }
  return files;
}

/**
 * The patch files the builtin patch transformer configurations (of the files `namedPatchFiles` gave) name: read in a
 * second round, before the resources (their paths are from the naming kustomization's directory).
 */
export function transformerPatchFiles(kustomizations: readonly { file: string; value: unknown }[], sources: PatchSources): Set<string> {
  const files = new Set<string>();
  const byDirectory = new Map(kustomizations.map(({ file, value }) => [normalize(dirname(file)), asRecord(value) ?? {}]));
  for (const [directory, record] of byDirectory) {
    for (const path of transformerFiles(directory, record, (folder) => byDirectory.get(folder))) {
      for (const { value } of sources.file(path) ?? []) {
        const config = asRecord(value);
        const patches = config?.['apiVersion'] === 'builtin' ? patchFieldsOf(config) : undefined;
        if (patches) for (const entry of pathsOf(patches.fields, PATCH_FIELDS)) files.add(entryPath(directory, entry));
      }
    }
  }
  return files;
}

/**
 * The files a kustomization's `transformers:` entries name: a file, or the resources of a kustomization folder
 * (`kustomizationAt` a folder's kustomization among the inputs), which are the transformer configurations.
 */
function transformerFiles(directory: string, record: Readonly<Record<string, unknown>>, kustomizationAt: (path: string) => Readonly<Record<string, unknown>> | undefined): string[] {
  return pathsOf(record, ['transformers']).flatMap((entry) => {
    const path = entryPath(directory, entry);
    const folder = kustomizationAt(path);
    return folder ? entriesOf(path, folder) : [path];
  });
}

/** The documents of the kustomization's `configurations:` files (field specs for its transformers) among the inputs. */
function configurationsOf(file: string, record: Readonly<Record<string, unknown>>, sources: PatchSources): unknown[] {
  return pathsOf(record, ['configurations']).flatMap((entry) => sources.file(entryPath(dirname(file), entry)) ?? []).map((document) => document.value);
}

/**
 * The files a ConfigMap or Secret generator reads as data (`files:` entries, `path` or `key=path`; `envs:`; the old
 * `env:`): their text becomes the generated object's values, so a YAML file among them (kubebuilder's
 * controller_manager_config.yaml) is no object of the build.
 */
function generatorDataPaths(record: Readonly<Record<string, unknown>>): string[] {
  return ['configMapGenerator', 'secretGenerator'].flatMap((field) => asArray(record[field]).flatMap((entry) => generatorFiles(asRecord(entry)).map(({ path }) => path)));
}

/** File paths listed under `fields`: plain strings or `{ path }` entries; inline patches (several lines) are not files. */
function pathsOf(record: Readonly<Record<string, unknown>>, fields: readonly string[]): string[] {
  const paths: string[] = [];
  for (const field of fields) {
    const value = record[field];
    for (const entry of Array.isArray(value) ? value : [value]) {
      const path = typeof entry === 'string' ? entry : asRecord(entry)?.['path'];
      if (typeof path === 'string' && !path.includes('\n') && !/^[a-z]+:\/\//.test(path)) paths.push(path);
    }
  }
  return paths;
}

/** Root keys of a strategic-merge patch, with the directives (`$patch`, `$setElementOrder/…`, `$retainKeys`) removed. */
export function withoutPatchDirectives(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPatchDirectives);
  const record = asRecord(value);
  if (!record) return value;
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(record)) if (!key.startsWith('$')) out[key] = withoutPatchDirectives(entry);
  return out;
}
