// Turns the paths a user names (files, directories, globs, "-") into a sorted list of files to read.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Finding } from '../model/finding.js';
import { matchesGlob } from '../model/glob.js';
import { inputFinding, LOAD_CHECKS } from './load-checks.js';
import { describeFsError } from './read-file.js';

export interface ExpandedInputs {
  /** Files to read, sorted by path, each once. */
  readonly files: readonly string[];
  readonly stdin: boolean;
  /** Inputs that do not exist or match nothing. */
  readonly findings: readonly Finding[];
}

const MANIFEST_GLOB = '**/*.{yaml,yml,json}';
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

export async function expandInputs(inputs: readonly string[], cwd: string, ignorePaths: readonly string[]): Promise<ExpandedInputs> {
  const files = new Set<string>();
  const findings: Finding[] = [];
  let stdin = false;
  for (const input of inputs) {
    if (input === '-') {
      stdin = true;
      continue;
    }
    const matched = await expandOne(input, cwd, ignorePaths);
    if (typeof matched === 'string') findings.push(inputFinding(input, LOAD_CHECKS.fileUnreadable, matched));
    else for (const file of matched) files.add(file);
  }
  const kept = [...files].filter((file) => !ignorePaths.some((glob) => matchesGlob(normalise(file), glob)));
  return { files: kept.sort(compareCodeUnits), stdin, findings };
}

/** The files an input names, or why it names none. */
async function expandOne(input: string, cwd: string, ignorePaths: readonly string[]): Promise<string[] | string> {
  try {
    const info = await stat(resolveFrom(cwd, input));
    if (!info.isDirectory()) return [input];
    const fg = await fastGlob();
    const found = await fg(MANIFEST_GLOB, { cwd: resolveFrom(cwd, input), ignore: [...ALWAYS_IGNORED, ...ignorePaths], onlyFiles: true, followSymbolicLinks: true, suppressErrors: true });
    return found.map((file) => join(input, file));
  } catch (error) {
    const fg = await fastGlob();
    if (!fg.isDynamicPattern(input)) return describeFsError(error);
    const found = await fg(input, { cwd, ignore: [...ALWAYS_IGNORED, ...ignorePaths], onlyFiles: true, suppressErrors: true });
    return found.length > 0 ? found : 'no files match this pattern';
  }
}

/** fast-glob is loaded only when a directory or a pattern needs it: a pre-commit run on named files skips it. */
async function fastGlob() {
  return (await import('fast-glob')).default;
}

export function resolveFrom(cwd: string, path: string): string {
  return path.startsWith('/') ? path : join(cwd, path);
}

function normalise(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\.\//, '');
}


export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
