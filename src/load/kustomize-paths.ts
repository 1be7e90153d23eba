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
/** Fields whose entries are files kustomize reads as its own configuration, and the generators that read data files. */
const CONFIGURATION_FIELDS = ['configurations', 'crds', 'transformers', 'generators', 'validators'] as const;
const GENERATOR_FIELDS = ['configMapGenerator', 'secretGenerator'] as const;

/** The data files a generator reads: `files` entries (`path` or `key=path`), `envs` and the old `env`. */
export function generatorFiles(generator: Readonly<Record<string, unknown>> | undefined): { at: Path; path: string }[] {
  const files = asArray(generator?.['files']).flatMap((entry, index) => (typeof entry === 'string' ? [{ at: ['files', index], path: entry.slice(entry.indexOf('=') + 1) }] : []));
  const envs = asArray(generator?.['envs']).flatMap((entry, index) => (typeof entry === 'string' ? [{ at: ['envs', index], path: entry }] : []));
  const env = typeof generator?.['env'] === 'string' ? [{ at: ['env'], path: generator['env'] }] : [];
  // (a generator reads a file, never a repository: only a URL is remote)
  return [...files, ...envs, ...env].filter(({ path }) => path !== '' && !/^[a-z]+:\/\//.test(path));
}

/**
 * The remote targets a kustomization names (a URL, a git repository, `github.com/org/repo/path`): kustomize build
 * fetches them; kubefit, offline, does not, so their objects are not checked. And the Helm charts it inflates
 * (`helmCharts`, the older `helmChartInflationGenerator`): `kustomize build --enable-helm` has Helm pull and render
 * them (without the flag the build stops: "must specify --enable-helm"); kubefit renders no chart.
 */
// upstream: kustomize api/internal/builtins/HelmChartInflationGenerator.go Config
export function remoteEntries(kustomization: unknown): UnreadablePath[] {
  const record = asRecord(kustomization) ?? {};
  const packages = PACKAGE_FIELDS.flatMap((field) => asArray(record[field]).flatMap((entry, index) =>
    typeof entry === 'string' && mayBeRemote(entry) ? [{ at: [field, index], message: `${field} entry "${entry}" is fetched by kustomize build; kubefit works offline and does not check its objects` }] : [],
  ));
  const charts = HELM_CHART_FIELDS.flatMap(({ field, name }) => asArray(record[field]).flatMap((entry, index) => {
    const chart = asRecord(entry)?.[name];
    return typeof chart === 'string' && chart !== '' ? [{ at: [field, index, name], message: `${field} entry "${chart}" is a Helm chart that kustomize build --enable-helm renders; kubefit renders no chart and does not check its objects` }] : [];
  }));
  return [...packages, ...charts];
}

/** The fields that name Helm charts to inflate, and the key of each entry that names its chart. */
const HELM_CHART_FIELDS = [{ field: 'helmCharts', name: 'name' }, { field: 'helmChartInflationGenerator', name: 'chartName' }] as const;

/**
 * The local resources, bases and components of `kustomization` (the file at the absolute path `file`) that exist and
 * that `isChecked` says are not among the checked paths: a file that is not one of them, or a kustomization folder
 * none of them is in. kubefit does not follow the kustomization there, so their objects are not checked.
 */
export function unreadEntries(file: string, kustomization: unknown, isChecked: (path: string, folder: boolean) => boolean): UnreadablePath[] {
  const record = asRecord(kustomization) ?? {};
  const directory = dirname(file);
  return PACKAGE_FIELDS.flatMap((field) => asArray(record[field]).flatMap((entry, index) => {
    if (typeof entry !== 'string' || mayBeRemote(entry)) return [];
    const path = entryPath(directory, entry);
    const kind = kindOf(path);
    if ((kind !== 'file' && kind !== 'package') || isChecked(path, kind === 'package')) return [];
    return [{ at: [field, index], message: `${field} entry "${entry}" is not among the checked paths: its objects are not checked (check the folder that holds the whole build)` }];
  }));
}

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
      // upstream: api/loader/fileloader.go errIfArgEqualOrHigher, before it looks for a kustomization there
      if ((kind === 'package' || kind === 'folder') && holds(entryPath(directory, entry), directory)) {
        out.push({ at: [field, index], message: `kustomize build fails: ${field} entry "${entry}" is this kustomization's folder or one above it (cycle detected: candidate root contains visited root)` });
      } else if (kind === 'missing') out.push({ at: [field, index], message: `kustomize build fails: ${field} entry "${entry}" does not exist` });
      else if (kind === 'folder') out.push({ at: [field, index], message: `kustomize build fails: ${field} entry "${entry}" is a folder without a kustomization.yaml` });
    });
  }
  for (const field of CONFIGURATION_FIELDS) {
    asArray(record[field]).forEach((entry, index) => {
      // an inline configuration (a transformer's YAML written in place) is no file
      if (typeof entry !== 'string' || entry.includes('\n') || entry.trim() === '' || mayBeRemote(entry)) return;
      if (kindOf(join(directory, entry)) === 'missing') out.push({ at: [field, index], message: `kustomize build fails: ${field} entry "${entry}" does not exist` });
    });
  }
  for (const field of GENERATOR_FIELDS) {
    asArray(record[field]).forEach((generator, index) => {
      for (const { at, path } of generatorFiles(asRecord(generator))) {
        if (kindOf(join(directory, path)) === 'missing') out.push({ at: [field, index, ...at], message: `kustomize build fails: ${field} file "${path}" does not exist` });
      }
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

/** Whether `folder` is `directory` or a folder above it. */
function holds(folder: string, directory: string): boolean {
  return folder === directory || directory.startsWith(folder.endsWith(sep) ? folder : `${folder}${sep}`);
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
