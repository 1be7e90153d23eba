// The local paths a kustomization names that `kustomize build` cannot read: a resource, base or component that does
// not exist, a folder without a kustomization, a patch file that does not exist. kustomize stops at the first one
// ("accumulating resources: ... no such file or directory", "unable to find one of 'kustomization.yaml' ..."), so
// nothing of that build is deployed.
import { statSync, readdirSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import type { Path } from '../model/document.js';
import { asArray, asRecord } from '../model/object.js';

export interface UnreadablePath {
  /** Where the path is written in the kustomization. */
  readonly at: Path;
  readonly message: string;
}

/** Fields whose entries are files or kustomization folders, and fields whose entries are patch files. */
const PACKAGE_FIELDS = ['resources', 'bases', 'components'] as const;
const PATCH_FILE_FIELDS = ['patchesStrategicMerge', 'patches', 'patchesJson6902'] as const;
const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/**
 * The path of an entry a kustomization in `directory` names: `../base/` is `../base` (kustomize reads both as the same
 * folder; a trailing separator must not make it another file or folder to kubefit).
 */
export function entryPath(directory: string, entry: string): string {
  const path = normalize(join(directory, entry));
  return path.length > 1 && path.endsWith(sep) ? path.slice(0, -1) : path;
}

/** The entries of `kustomization` (the file at the absolute path `file`) that kustomize build cannot read. */
export function unreadablePaths(file: string, kustomization: unknown): UnreadablePath[] {
  const record = asRecord(kustomization);
  if (!record) return [];
  const directory = dirname(file);
  const out: UnreadablePath[] = [];
  for (const field of PACKAGE_FIELDS) {
    asArray(record[field]).forEach((entry, index) => {
      if (typeof entry !== 'string' || mayBeRemote(entry)) return;
      const kind = kindOf(join(directory, entry));
      if (kind === 'missing') out.push({ at: [field, index], message: `kustomize build fails: ${field} entry "${entry}" does not exist` });
      else if (kind === 'folder') out.push({ at: [field, index], message: `kustomize build fails: ${field} entry "${entry}" is a folder without a kustomization.yaml` });
    });
  }
  for (const field of PATCH_FILE_FIELDS) {
    asArray(record[field]).forEach((entry, index) => {
      const path = typeof entry === 'string' ? entry : asRecord(entry)?.['path'];
      // an inline patch (several lines, or a document) is no file
      if (typeof path !== 'string' || path.includes('\n') || path.trim() === '' || mayBeRemote(path)) return;
      if (kindOf(join(directory, path)) === 'missing') out.push({ at: typeof entry === 'string' ? [field, index] : [field, index, 'path'], message: `kustomize build fails: patch file "${path}" does not exist` });
    });
  }
  return out;
}

/**
 * kustomize reads an entry as a remote target when it has a scheme or a `?ref=`, is `git@...`, or starts with a host
 * name (`github.com/org/repo/path`): those are not local paths to check.
 */
function mayBeRemote(entry: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry) || entry.startsWith('git@') || /[?&](?:ref|version|timeout|submodules)=/.test(entry)) return true;
  const slash = entry.indexOf('/');
  const first = slash < 0 ? '' : entry.slice(0, slash);
  return first !== '' && first !== '.' && first !== '..' && first.includes('.');
}

function kindOf(path: string): 'file' | 'package' | 'folder' | 'missing' {
  try {
    if (!statSync(path).isDirectory()) return 'file';
    const names = readdirSync(path);
    return KUSTOMIZATION_FILES.some((name) => names.includes(name)) ? 'package' : 'folder';
  } catch {
    return 'missing';
  }
}
