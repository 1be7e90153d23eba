// The loader's entry point: inputs → files read once → documents → Kubernetes objects, with load findings.
import { appendAll } from '../model/append.js';
import type { Finding } from '../model/finding.js';
import type { KubeObject } from '../model/object.js';
import { expandInputs, resolveFrom } from './expand-inputs.js';
import { parseDocuments, type ParseLimits } from './parse-documents.js';
import { decodeStdin, readSourceFile, type ReadResult } from './read-file.js';
import { objectsOf } from './to-objects.js';
import { isKustomizationFile, isKustomizeConfiguration, isPatchDocument, kustomizeRoles, type KustomizeRole } from './kustomize.js';
import { normalize } from 'node:path';

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

export interface LoadOptions {
  readonly cwd?: string;
  /** Reads standard input when an input is "-". */
  readonly readStdin?: () => Promise<Buffer>;
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
}

const READ_CONCURRENCY = 32;

export async function loadManifests(inputs: readonly string[], options: LoadOptions = {}): Promise<LoadResult> {
  const cwd = options.cwd ?? process.cwd();
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const expanded = await expandInputs(inputs, cwd, options.ignorePaths ?? []);
  const skipped = options.skipFiles ?? new Set<string>();
  const files = expanded.files.filter((file) => !skipped.has(resolveFrom(cwd, file)));
  const reads = await readAll(files, cwd, limits.maxFileSize);
  const stdin = expanded.stdin ? await readStdin(options, limits.maxFileSize) : undefined;
  if (stdin) reads.push(stdin);
  const objects: KubeObject[] = [];
  const patches: KubeObject[] = [];
  const findings: Finding[] = [...expanded.findings];
  const roles = kustomizeRolesOf(reads, limits);
  let order = options.firstOrder ?? 0;
  for (const [index, read] of reads.entries()) {
    options.onProgress?.(index + 1, reads.length);
    if ('finding' in read) {
      findings.push(read.finding);
      continue;
    }
    const parsed = parseDocuments(read.source, limits, options.fromCluster ? 'none' : 'eager');
    appendAll(findings, parsed.findings);
    const role = roles.get(normalize(read.source.file));
    if (role === 'kustomization' || role === 'configuration') continue;
    for (const document of parsed.documents) {
      const found = objectsOf(document, order, options.fromCluster ?? false);
      for (const object of found.objects) {
        if (isKustomizeConfiguration(object.value)) continue;
        (role === 'patch' || isPatchDocument(object.value) ? patches : objects).push(object);
      }
      if (role !== 'patch') appendAll(findings, found.findings);
      order += found.objects.length;
    }
  }
  return {
    files: reads.length,
    objects,
    patches,
    findings,
    matched: expanded.files.length > 0 || expanded.stdin,
    unmatchedInputs: expanded.unmatched,
    paths: files.map((file) => resolveFrom(cwd, file)),
    emptyStdin: stdin !== undefined && 'source' in stdin && stdin.source.text.trim() === '',
  };
}

/** What the kustomization files among the inputs say about the other files (see kustomize.ts). */
function kustomizeRolesOf(reads: readonly ReadResult[], limits: LoadLimits): Map<string, KustomizeRole> {
  const kustomizations: { file: string; value: unknown }[] = [];
  for (const read of reads) {
    if ('finding' in read || !isKustomizationFile(read.source.file)) continue;
    for (const document of parseDocuments(read.source, limits).documents) kustomizations.push({ file: read.source.file, value: document.value });
  }
  return kustomizeRoles(kustomizations);
}

async function readAll(files: readonly string[], cwd: string, maxFileSize: number): Promise<ReadResult[]> {
  const results: ReadResult[] = new Array(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      const file = files[index] ?? '';
      results[index] = await readSourceFile(file, resolveFrom(cwd, file), maxFileSize);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, files.length) }, worker));
  return results;
}

async function readStdin(options: LoadOptions, maxFileSize: number): Promise<ReadResult> {
  const bytes = options.readStdin ? await options.readStdin() : Buffer.alloc(0);
  return decodeStdin(bytes, maxFileSize);
}
