// Turns the paths a user names (files, directories, globs, "-") into a sorted list of files to read.
import { stat } from './async-fs.js';
import { join } from 'node:path';
import type { Finding } from '../model/finding.js';
import { compareStrings } from '../model/finding.js';
import { matchesPathGlob } from '../model/glob.js';
import { UsageError } from '../model/usage-error.js';
import { inputFinding, LOAD_CHECKS } from './load-checks.js';
import { describeFsError } from './read-file.js';
import { expandGlob, walkDirectory, type Listing } from './walk-directory.js';

export interface ExpandedInputs {
  /** Files to read, sorted by path, each once. */
  readonly files: readonly string[];
  readonly stdin: boolean;
  /** Inputs that do not exist or match nothing, and folders that cannot be listed. */
  readonly findings: readonly Finding[];
  /** The inputs that named no file at all. */
  readonly unmatched: readonly string[];
}

export async function expandInputs(inputs: readonly string[], cwd: string, ignorePaths: readonly string[]): Promise<ExpandedInputs> {
  const files = new Set<string>();
  const findings: Finding[] = [];
  const unmatched: string[] = [];
  let stdin = false;
  for (const input of inputs) {
    if (input === '-') {
      stdin = true;
      continue;
    }
    const matched = await expandOne(input, cwd, ignorePaths);
    if (typeof matched === 'string') {
      unmatched.push(input);
      findings.push(inputFinding(input, LOAD_CHECKS.fileUnreadable, matched));
      continue;
    }
    for (const file of matched.files) files.add(file);
    for (const [folder, reason] of matched.unreadable) findings.push(inputFinding(folder, LOAD_CHECKS.fileUnreadable, reason));
    for (const folder of matched.vendored) findings.push(inputFinding(folder, LOAD_CHECKS.vendoredDependencies, VENDORED_MESSAGE));
  }
  const kept = [...files].filter((file) => !ignorePaths.some((glob) => matchesPathGlob(file, glob)));
  return { files: kept.sort(compareStrings), stdin, findings, unmatched };
}

/**
 * The --context paths as given and the files under them. Listed once per run: the loader reads the kustomizations among
 * them (what a checked file is to its builds) and loadContext the rest (walking kubeflow's manifests, 1,117 files, twice
 * cost a pre-commit run some 0.1 s).
 */
export interface ContextListing {
  readonly paths: readonly string[];
  readonly files: readonly string[];
}

/** The listing of the --context paths; none without them. A path that names no file is a usage error. */
export async function listContext(paths: readonly string[], cwd: string, ignorePaths: readonly string[]): Promise<ContextListing | undefined> {
  if (paths.length === 0) return undefined;
  const expanded = await expandInputs(paths, cwd, ignorePaths);
  if (expanded.unmatched.length > 0) throw new UsageError(`context input "${expanded.unmatched[0]}" names no file`, 'Check the --context paths.');
  return { paths, files: expanded.files };
}

/** The files an input names (and the folders under it that could not be listed), or why it names none. */
async function expandOne(input: string, cwd: string, ignorePaths: readonly string[]): Promise<Listing | string> {
  // resolved, it would name the working folder; kubectl refuses it (cli-runtime builder.go: the path "" does not exist)
  if (input === '') return 'the path is empty (an unset shell variable?): it names no file';
  try {
    const info = await stat(resolveFrom(cwd, input));
    if (!info.isDirectory()) return { files: [input], unreadable: [], vendored: [] };
    const found = await walkDirectory(input, resolveFrom(cwd, input), ignorePaths);
    return found.files.length > 0 || found.unreadable.length > 0 || found.vendored.length > 0 ? found : 'directory has no .yaml, .yml or .json files';
  } catch (error) {
    const found = await expandGlob(input, cwd, ignorePaths);
    if (found === undefined) return describeFsError(error);
    return found.length > 0 ? { files: found, unreadable: [], vendored: [] } : 'no files match this pattern';
  }
}

const VENDORED_MESSAGE = 'this is a Go module\'s vendor folder (go mod vendor): its files are third-party dependencies, not checked; name the folder to check it';

export function resolveFrom(cwd: string, path: string): string {
  return path.startsWith('/') ? path : join(cwd, path);
}
