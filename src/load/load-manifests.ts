// The loader's entry point: inputs → files read once → documents → Kubernetes objects, with load findings.
import { appendAll } from '../model/append.js';
import { detached } from '../model/detached.js';
import type { Finding } from '../model/finding.js';
import { asRecord, type KubeObject } from '../model/object.js';
import { buildDocuments } from './build-values.js';
import { fileDigestOf, readFileThroughCache } from './document-cache.js';
import { expandInputs, resolveFrom, type ContextListing } from './expand-inputs.js';
import { chartFolderOf, foldChartTemplates } from './helm-charts.js';
import { generatedObjects } from './kustomize-generators.js';
import { fileFinding, parseDocuments, readDocuments, type ParseLimits, type Reader } from './parse-documents.js';
import { LOAD_CHECKS } from './load-checks.js';
import { SourceText } from './source-text.js';
import { assertionFiles, chainsawPatchFiles, isChainsawTestFile } from './test-assertions.js';
import { entryPath, remoteEntries, unreadablePaths, unreadEntries, type UnreadablePath } from './kustomize-paths.js';
import type { RuleMeta } from '../model/rule-meta.js';
import { valueAt } from '../model/workload.js';
import { ParsedDocument } from './parsed-document.js';
import { decodeStdin, readSourceFile, type DigestOf, type ReadResult } from './read-file.js';
import { objectsOf } from './to-objects.js';
import { SnapshotReading } from './snapshot-reading.js';
import { SnapshotDocument, SnapshotFile } from './snapshot-document.js';
import type { CodeStore } from './validator-cache-dir.js';
import { isKustomizationFile, isKustomizeConfiguration, isPatchDocument, isWholeWorkload, kustomizeNameAffixes, kustomizeRoles, kustomizeTransforms, namedPatchFiles, namespacedBuildFiles, transformerPatchFiles, type KustomizeRoles, type ServiceAccountsOf } from './kustomize.js';
import { serviceAccountsOfFiles } from './kustomize-service-accounts.js';
import type { PatchDocument, PatchSources } from './kustomize-patches.js';
import { kustomizedDocument, type KustomizeTransform } from './kustomized-document.js';
import { kustomizationDecodingError } from './kustomization-decoding.js';
import { dirname, normalize, resolve, sep } from 'node:path';

export interface LoadLimits extends ParseLimits {
  /** Bytes one file may have. */
  readonly maxFileSize: number;
}

export const DEFAULT_LIMITS: LoadLimits = {
  maxFileSize: 32 * 1024 * 1024,
  maxDocuments: 100_000,
  maxDepth: 256,
  maxExpandedNodes: 1_000_000,
};

/**
 * Values a cluster snapshot's document may hold. `kubectl get nodes,pods -A -o yaml` is one List document: 5,000
 * Nodes and their Pods are some 2 million values, over the limit that keeps hostile manifests (alias bombs) cheap.
 */
const CLUSTER_DOCUMENT_VALUES = 50_000_000;

/**
 * Bytes a cluster snapshot's file may have (or the limit given, when larger): `kubectl get nodes,pods -A -o json` of
 * 5,000 Nodes and 10,000 Pods is some 37 MiB, over the 32 MiB that keeps a hostile manifest cheap.
 */
const CLUSTER_FILE_BYTES = 256 * 1024 * 1024;

export interface LoadOptions {
  readonly cwd?: string;
  /**
   * Reads standard input when an input is "-": to its end, or (so that endless input costs no more) as soon as it
   * holds more than `maxBytes`, the file size limit, which the bytes read then say.
   */
  readonly readStdin?: (maxBytes: number) => Promise<Buffer>;
  readonly ignorePaths?: readonly string[];
  readonly limits?: Partial<LoadLimits>;
  /** Objects are marked as coming from a cluster snapshot (not linted or schema-checked). */
  readonly fromCluster?: boolean;
  /** Order number of the first object (so several loads keep one global input order). */
  readonly firstOrder?: number;
  /** Called after each file is parsed, for progress displays. */
  readonly onProgress?: (filesDone: number, filesTotal: number) => void;
  /** Absolute paths of files another load already read (a cluster snapshot inside a checked folder is read once). */
  readonly skipFiles?: ReadonlySet<string>;
  /** Keeps the values of large documents between runs (document-cache.ts); none when absent. */
  readonly documentCache?: CodeStore | undefined;
  /**
   * The paths (files or folders, as given) whose manifests the run sees besides the inputs (--context), and their files:
   * a kustomization's resource there is no kustomize-unread (a pre-commit hook passes the staged kustomization and
   * `--context .`), and their kustomizations say what a checked file is to their builds.
   */
  readonly context?: ContextListing | undefined;
}

export interface LoadResult {
  /** Files (and standard input) read. */
  readonly files: number;
  readonly objects: KubeObject[];
  /** Strategic-merge patches (files kustomizations name only as patches, documents with a root `$patch`): fragments, not objects. */
  readonly patches: KubeObject[];
  readonly findings: Finding[];
  /** False when the inputs named nothing readable at all (a usage error for the CLI). */
  readonly matched: boolean;
  /** Inputs that named no file (missing path, empty folder, pattern matching nothing). */
  readonly unmatchedInputs: readonly string[];
  /** Absolute paths of the files read. */
  readonly paths: readonly string[];
  /** True when standard input was named and held nothing but white space. */
  readonly emptyStdin: boolean;
  /** The ConfigMaps and Secrets the kustomizations' generators make, known by name only (kustomize-generators.ts). */
  readonly generated: readonly KubeObject[];
}

/** What one document of the main inputs holds, handed over while the document is still in memory. */
export interface LoadedDocument {
  readonly objects: readonly KubeObject[];
  /** Strategic-merge patches (see LoadResult.patches). */
  readonly patches: readonly KubeObject[];
}

/** A LoadResult without the objects, which streamManifests hands over document by document. */
export type StreamResult = Omit<LoadResult, 'objects' | 'patches'> & {
  /** Objects and patches handed over. */
  readonly count: number;
};

/** Who reads a file after kubefit, by the Helm chart folder that holds it (chartFolderOf): Helm renders templates/ only. */
const CHART_READERS: Readonly<Record<'templates' | 'crds' | 'none', Reader>> = { templates: 'chart', crds: 'chart-crds', none: 'manifest' };

/** Files read ahead of the one being parsed: enough to keep the disk busy, few enough to bound the texts in memory. */
const READ_AHEAD = 16;
/**
 * Text read ahead at most, judged by the largest file read so far. Each read fills a buffer of the file's size: 16
 * cluster files of 2.7 MB read at once are 43 MB of buffers in new pages, where a few at a time reuse the memory of
 * those already decoded (page faults are a fifth of what 15,000 more nodes cost, bench/README.md).
 */
const READ_AHEAD_CHARACTERS = 8 * 1024 * 1024;

export async function loadManifests(inputs: readonly string[], options: LoadOptions = {}): Promise<LoadResult> {
  const objects: KubeObject[] = [];
  const patches: KubeObject[] = [];
  const result = await streamManifests(inputs, options, (document) => {
    appendAll(objects, document.objects);
    appendAll(patches, document.patches);
  });
  const { count: _count, ...rest } = result;
  return { ...rest, objects, patches };
}

/**
 * loadManifests one document at a time: `visit` gets each document's objects as soon as it is parsed, and nothing
 * here keeps a document (or a file's text) once visited, so memory holds what `visit` keeps plus one file.
 */
export async function streamManifests(inputs: readonly string[], options: LoadOptions, visit: (document: LoadedDocument) => void): Promise<StreamResult> {
  const cwd = options.cwd ?? process.cwd();
  const given = { ...DEFAULT_LIMITS, ...options.limits };
  const limits = options.fromCluster ? { ...given, maxExpandedNodes: Math.max(given.maxExpandedNodes, CLUSTER_DOCUMENT_VALUES), maxFileSize: Math.max(given.maxFileSize, CLUSTER_FILE_BYTES) } : given;
  const expanded = await expandInputs(inputs, cwd, options.ignorePaths ?? []);
  const skipped = options.skipFiles ?? new Set<string>();
  const files = expanded.files.filter((file) => !skipped.has(resolveFrom(cwd, file)));
  // kustomizations and chainsaw tests say what the files they name are: read first
  const readFirst = files.filter((file) => isKustomizationFile(file) || isChainsawTestFile(file));
  const readAll = (paths: readonly string[]) => Promise.all(paths.map(async (file) => [file, await readSourceFile(file, resolveFrom(cwd, file), limits.maxFileSize)] as const));
  const known = new Map(await readAll(readFirst));
  // a file checked alone (the file a pre-commit hook passes, with --context): the context's kustomizations say what it
  // is, a patch or a resource their builds transform, as they do when the whole tree is checked
  const contextReads = buildsThrough(await readAll(contextKustomizationFiles(options.context?.files ?? [], cwd, files)), files, cwd);
  const inputKustomizations = documentsOf([...known].filter(([file]) => isKustomizationFile(file)).map(([, read]) => read), limits, 'kustomize');
  const kustomizations = [...inputKustomizations, ...documentsOf(contextReads.map(([, read]) => read), limits, 'kustomize')];
  // the patches they name, read before the resources they patch
  const patchFiles = namedPatchFiles(kustomizations);
  const patchReads = await readAll(files.filter((file) => patchFiles.has(normalize(file)) && !known.has(file)));
  for (const [file, read] of patchReads) known.set(file, read);
  const namedPatches = patchSources(patchReads.map(([, read]) => read), kustomizations, limits);
  // and the patches the builtin patch transformers among those name
  const transformerPatches = transformerPatchFiles(kustomizations, namedPatches);
  const morePatchReads = await readAll(files.filter((file) => transformerPatches.has(normalize(file)) && !known.has(file)));
  for (const [file, read] of morePatchReads) known.set(file, read);
  const patches = morePatchReads.length === 0 ? namedPatches : patchSources([...patchReads, ...morePatchReads].map(([, read]) => read), kustomizations, limits);
  const contextPaths = (options.context?.paths ?? []).map((path) => entryPath(resolveFrom(cwd, path), '.'));
  const isChecked = checkedPaths(files.map((file) => resolveFrom(cwd, file)), contextPaths);
  const namespacedFiles = namespacedBuildFiles(kustomizations);
  const serviceAccounts = namespacedFiles.size === 0 ? undefined : await serviceAccountsOfFiles(files.filter((file) => namespacedFiles.has(normalize(file))), cwd, limits, known);
  const { roles, transforms, findings: allKustomizeFindings } = kustomizeRolesOf(kustomizations, { patches, serviceAccounts }, cwd, isChecked, transformerPatches);
  // the context's kustomizations are not checked: only the inputs' get findings
  const kustomizeFindings = contextReads.length === 0 ? allKustomizeFindings : allKustomizeFindings.filter((finding) => inputKustomizations.some(({ file }) => file === finding.file));
  const nameAffixes = kustomizeNameAffixes(kustomizations, patches);
  const chainsawTests = documentsOf([...known].filter(([file]) => isChainsawTestFile(file)).map(([, read]) => read), limits);
  const assertions = assertionFiles(chainsawTests, files);
  const chainsawPatches = chainsawPatchFiles(chainsawTests, files);
  const findings: Finding[] = [...expanded.findings, ...kustomizeFindings, ...patches.findings];
  const total = files.length + (expanded.stdin ? 1 : 0);
  let order = options.firstOrder ?? 0;
  let count = 0;
  let done = 0;
  let stdin: ReadResult | undefined;
  const snapshot = options.fromCluster ? new SnapshotReading() : undefined;
  // a cluster snapshot's objects keep no text of their files (snapshot-document.ts), unless a file cannot be read again
  const snapshotFile = (read: { source: SourceText }, rereadable: boolean) =>
    options.fromCluster && rereadable ? SnapshotFile.of(read.source.file, resolveFrom(cwd, read.source.file), limits) : undefined;
  // the folders that are Helm charts (a Chart.yaml on disk), by absolute path
  const charts = new Map<string, boolean>();
  const parse = (read: ReadResult, rereadable = true) => {
    options.onProgress?.(++done, total);
    if ('finding' in read) {
      findings.push(read.finding);
      return;
    }
    if (read.warning) findings.push(read.warning);
    const file = normalize(read.source.file);
    if (assertions.has(file)) {
      findings.push(assertionFinding(read.source));
      return;
    }
    const fileRole = roles.get(file) ?? (chainsawPatches.has(file) ? 'patch' : undefined);
    const patchUnlessWhole = roles.isPatchUnlessWhole(file);
    const objectFindings: Finding[] = [];
    let data: Finding | undefined;
    const { documentCache } = options;
    const readByKustomize = fileRole === 'kustomization' || fileRole === 'configuration' || fileRole === 'data';
    const reader: Reader = readByKustomize ? 'kustomize' : fileRole === 'patch' ? 'patch' : CHART_READERS[chartFolderOf(resolveFrom(cwd, file), charts) ?? 'none'];
    const rereads = fileRole === undefined && !transforms.has(file) ? snapshotFile(read, rereadable) : undefined;
    const readAll = () => readDocuments(read.source, limits, options.fromCluster ? 'none' : 'eager', documentCache, reader, snapshot);
    const items = documentCache && read.digest !== undefined ? readFileThroughCache(documentCache, read.source, read.digest, buildDocuments, limits, readAll) : readAll();
    for (const item of items) {
      // a whole workload in a file only named like a patch, or beside an overlay's patches, is an object (isWholeWorkload)
      const role = patchUnlessWhole && item instanceof ParsedDocument && isWholeWorkload(item.value) ? undefined : fileRole;
      if (!(item instanceof ParsedDocument)) {
        // a message may quote the text: a copy of it, so that the finding does not keep the file's text in memory
        findings.push({ ...item, message: detached(item.message) });
        continue;
      }
      if (role === 'data' && !data) data = generatorDataFinding(item);
      if (readByKustomize) continue;
      // a resource of kustomizations with label or image transformers is read as `kustomize build` writes it
      const applied = role === undefined ? transforms.get(file) : undefined;
      // (a file that is read again is no kustomize resource: `applied` and `rereads` never both hold)
      const built = applied ? kustomizedDocument(item, applied) : item;
      // a patch of the build deletes the object: `kustomize build` does not write it
      if (!built) continue;
      const found = objectsOf(built, {
        firstOrder: order,
        fromCluster: options.fromCluster ?? false,
        kept: rereads && new SnapshotDocument(item, rereads),
        nameAffixes: role === undefined ? nameAffixes.get(file) : undefined,
      });
      const document = { objects: [] as KubeObject[], patches: [] as KubeObject[] };
      for (const object of found.objects) {
        if (isKustomizeConfiguration(object.value)) continue;
        (role === 'patch' || isPatchDocument(object.value) ? document.patches : document.objects).push(object);
      }
      if (role !== 'patch') appendAll(objectFindings, found.findings);
      order += found.objects.length;
      count += document.objects.length + document.patches.length;
      visit(document);
    }
    appendAll(findings, objectFindings);
    if (data) findings.push(data);
  };
  // a large file of one document is looked up by its bytes before its text is decoded (document-cache.ts)
  const digesters = { json: fileDigestOf(limits, true), yaml: fileDigestOf(limits, false) };
  const digestOf = options.documentCache && !options.fromCluster ? (file: string) => (/\.json$/i.test(file) ? digesters.json : digesters.yaml) : undefined;
  for await (const read of readInOrder(files, cwd, { maxFileSize: limits.maxFileSize, digestOf }, known)) parse(read);
  if (expanded.stdin) parse((stdin = await readStdin(options, limits.maxFileSize)), false);
  return {
    files: total,
    count,
    findings: foldChartTemplates(findings, files, cwd),
    matched: expanded.files.length > 0 || expanded.stdin,
    unmatchedInputs: expanded.unmatched,
    paths: files.map((file) => resolveFrom(cwd, file)),
    emptyStdin: stdin !== undefined && 'source' in stdin && stdin.source.text.trim() === '',
    generated: generatedObjects(kustomizations, order, nameAffixes),
  };
}

/**
 * The info for a generator's data file whose document is an object, named in its metadata (a ClusterResourceSet
 * payload): read as values, its objects are not checked. Undefined for other data, among them a component's
 * configuration file, which has a kind but no metadata (kubebuilder's ControllerManagerConfig, a
 * KubeSchedulerConfiguration).
 */
function generatorDataFinding(document: ParsedDocument): Finding | undefined {
  const value = asRecord(document.value);
  if (typeof value?.['apiVersion'] !== 'string' || typeof value['kind'] !== 'string' || typeof asRecord(value['metadata'])?.['name'] !== 'string') return undefined;
  const check = LOAD_CHECKS.kustomizeGeneratorData;
  const message = 'this file is the data of a kustomization\'s ConfigMap or Secret generator: its objects are values of the generated object, not cluster objects, and are not checked here';
  return { ruleId: check.id, severity: check.severity, message, ...document.keyRangeOf(['kind']), object: null, path: null };
}

/** What the kustomization files among the inputs say about the other files (see kustomize.ts), and the paths they name that kustomize cannot read. */
function kustomizeRolesOf(kustomizations: readonly ReadDocument[], sources: { readonly patches: PatchSources; readonly serviceAccounts: ServiceAccountsOf | undefined }, cwd: string, isChecked: (path: string, folder: boolean) => boolean, transformerPatches: ReadonlySet<string>): { roles: KustomizeRoles; transforms: Map<string, KustomizeTransform[]>; findings: Finding[] } {
  const findingsOf = (document: ParsedDocument, entries: readonly UnreadablePath[], check: RuleMeta): Finding[] =>
    entries.map(({ at, message }) => ({ ruleId: check.id, severity: check.severity, message, ...document.rangeOf(at), object: null, path: null }));
  const findings = kustomizations.flatMap(({ file, value, document }) => [
    ...findingsOf(document, [kustomizationDecodingError(value), ...unreadablePaths(resolveFrom(cwd, file), value)].filter((entry) => entry !== undefined), LOAD_CHECKS.kustomizeBuild),
    ...findingsOf(document, remoteEntries(value), LOAD_CHECKS.kustomizeRemote),
    ...findingsOf(document, unreadEntries(resolveFrom(cwd, file), value, isChecked), LOAD_CHECKS.kustomizeUnread),
  ]);
  return { roles: kustomizeRoles(kustomizations, transformerPatches), transforms: kustomizeTransforms(kustomizations, sources.patches, sources.serviceAccounts), findings };
}

/**
 * The patch files read first (by normalised path) and inline patches, read as kustomize merges them into a build. What
 * an inline patch brings is reported at its entry in the kustomization; one that does not parse gets a finding there
 * (`findings`, filled as the transformers are made).
 */
function patchSources(reads: readonly ReadResult[], kustomizations: readonly ReadDocument[], limits: LoadLimits): PatchSources & { readonly findings: Finding[] } {
  const files = new Map<string, PatchDocument[]>();
  const templated = new Set<string>();
  for (const read of reads) {
    if (!('source' in read)) continue;
    const parsed = parseDocuments(read.source, limits, 'eager', 'patch');
    files.set(normalize(read.source.file), parsed.documents.map((document) => ({ value: document.value, index: document })));
    if (parsed.findings.some((finding) => finding.ruleId === LOAD_CHECKS.helmTemplate.id)) templated.add(normalize(read.source.file));
  }
  const byFile = new Map(kustomizations.map((kustomization) => [normalize(kustomization.file), kustomization.document]));
  const findings: Finding[] = [];
  return {
    findings,
    file: (path) => files.get(path),
    templated: (path) => templated.has(path),
    inline: (text, file, at) => {
      const entry = byFile.get(file) ?? files.get(file)?.find((document) => valueAt(document.value, at) === text)?.index;
      if (!entry) return [];
      // its entry's key (`patch:`): the block of text that follows starts a line below
      const index = { rangeOf: () => entry.keyRangeOf(at), keyRangeOf: () => entry.keyRangeOf(at), has: () => true };
      const parsed = parseDocuments(new SourceText(file, text), limits, 'eager', 'patch');
      // (a patch with Helm actions is one kustomize reads as it is: helmify's; it is not applied, and no mistake)
      const problem = parsed.findings.find((finding) => finding.ruleId === LOAD_CHECKS.yamlSyntax.id);
      if (problem) {
        const check = LOAD_CHECKS.kustomizeBuild;
        findings.push({ ruleId: check.id, severity: check.severity, message: `kustomize build fails: the patch written here does not parse (${problem.message})`, ...index.rangeOf(), object: null, path: null });
      }
      return parsed.documents.map(({ value }) => ({ value, index }));
    },
  };
}

/** Whether a path is one of the checked files (`paths`, absolute), a folder that holds one, or lies in a context path (absolute). */
function checkedPaths(paths: readonly string[], context: readonly string[]): (path: string, folder: boolean) => boolean {
  // built on the first question: most runs (a cluster snapshot's thousands of files) hold no kustomization to ask it
  let sets: { files: Set<string>; folders: Set<string> } | undefined;
  const setsOf = () => {
    const folders = new Set<string>();
    for (const file of paths) {
      for (let folder = dirname(file); !folders.has(folder); folder = dirname(folder)) {
        folders.add(folder);
        if (dirname(folder) === folder) break;
      }
    }
    return { files: new Set(paths), folders };
  };
  return (path, folder) => {
    sets ??= setsOf();
    return (folder ? sets.folders : sets.files).has(path) || context.some((root) => path === root || path.startsWith(root === sep ? root : `${root}${sep}`));
  };
}

interface ReadDocument {
  readonly file: string;
  readonly value: unknown;
  readonly text: string;
  readonly document: ParsedDocument;
}

/** The documents of files read first (their findings come when the files are parsed in input order). */
/** The kustomization files under the --context paths that are not inputs themselves. */
function contextKustomizationFiles(files: readonly string[], cwd: string, inputs: readonly string[]): string[] {
  if (files.length === 0) return [];
  const inputPaths = new Set(inputs.map((file) => resolveFrom(cwd, file)));
  return files.filter((file) => isKustomizationFile(file) && !inputPaths.has(resolveFrom(cwd, file)));
}

/**
 * The kustomizations a build of the inputs may go through: those that name an input or one of its folders by a path
 * relative to their own folder, then, over and over, those that name the folder of one already kept. Parsing every
 * kustomization of a large context (233 in kubeflow's manifests) cost each pre-commit run 0.3 s, for the few a staged
 * file's builds go through. A word of the text that is no path resolves to no such file, which costs nothing.
 */
function buildsThrough<T extends readonly [string, ReadResult]>(reads: readonly T[], inputs: readonly string[], cwd: string): T[] {
  const targets = new Set<string>();
  for (const input of inputs) for (let path = resolve(cwd, input); !targets.has(path); path = dirname(path)) targets.add(path);
  const named = reads.map((read) => {
    const folder = dirname(resolve(cwd, read[0]));
    const words = 'source' in read[1] ? (read[1].source.text.match(PATH_WORD) ?? []) : [];
    return { read, folder, paths: new Set(words.map((word) => resolve(folder, word))) };
  });
  const kept: T[] = [];
  let pending = named;
  for (let grew = true; grew; ) {
    grew = false;
    const rest: typeof named = [];
    for (const entry of pending) {
      if (![...entry.paths].some((path) => targets.has(path))) {
        rest.push(entry);
        continue;
      }
      kept.push(entry.read);
      grew = true;
      targets.add(entry.folder);
    }
    pending = rest;
  }
  return kept;
}

/** The words of a kustomization's text that may be paths (scalars without quotes, brackets or white space). */
const PATH_WORD = /[^\s'",[\]{}#]+/g;

function documentsOf(reads: readonly ReadResult[], limits: LoadLimits, reader: Reader = 'manifest'): ReadDocument[] {
  const documents: ReadDocument[] = [];
  for (const read of reads) {
    if ('finding' in read) continue;
    const { file, text } = read.source;
    for (const document of parseDocuments(read.source, limits, 'eager', reader).documents) documents.push({ file, value: document.value, text, document });
  }
  return documents;
}

/** The one finding of a test assertion file (test-assertions.ts), which is not read further. */
function assertionFinding(source: SourceText): Finding {
  const message = 'file is an assertion of an end-to-end test (a chainsaw or kuttl step checks the cluster against it; it is never applied); skipped';
  return fileFinding(source, 0, 0, { ...LOAD_CHECKS.notKubernetes, message });
}

interface FileReading {
  readonly maxFileSize: number;
  /** Names a file's bytes for the document cache (document-cache.ts's fileDigestOf), when there is one. */
  readonly digestOf: ((file: string) => DigestOf) | undefined;
}

/**
 * The files read in input order, up to READ_AHEAD of them at once (one until the first is read: its size says how
 * many fit in READ_AHEAD_CHARACTERS); `known` holds files already read.
 */
async function* readInOrder(files: readonly string[], cwd: string, reading: FileReading, known: ReadonlyMap<string, ReadResult>): AsyncGenerator<ReadResult> {
  const pending: Promise<ReadResult>[] = [];
  let next = 0;
  let largest = 0;
  const readNext = () => {
    const file = files[next++] ?? '';
    pending.push(Promise.resolve(known.get(file) ?? readSourceFile(file, resolveFrom(cwd, file), reading.maxFileSize, reading.digestOf?.(file))));
  };
  if (files.length > 0) readNext();
  for (let read = pending.shift(); read !== undefined; read = pending.shift()) {
    const result = await read;
    if ('source' in result) largest = Math.max(largest, result.source.length);
    const ahead = Math.max(1, Math.min(READ_AHEAD, Math.floor(READ_AHEAD_CHARACTERS / Math.max(1, largest))));
    while (next < files.length && pending.length < ahead) readNext();
    yield result;
  }
}

async function readStdin(options: LoadOptions, maxFileSize: number): Promise<ReadResult> {
  const bytes = options.readStdin ? await options.readStdin(maxFileSize) : Buffer.alloc(0);
  return decodeStdin(bytes, maxFileSize);
}
