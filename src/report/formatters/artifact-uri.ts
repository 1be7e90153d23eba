// File paths relative to the project root, as CI annotations and SARIF consumers (GitHub code scanning) resolve them.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

export const STDIN_FILE = '<stdin>';

type ArtifactPath = { readonly within: true; readonly segments: readonly string[] } | { readonly within: false; readonly absolute: string };

function artifactPath(file: string, cwd: string): ArtifactPath {
  const absolute = resolve(cwd, file);
  const relativePath = relative(cwd, absolute);
  if (relativePath === '' || relativePath.startsWith('..') || isAbsolute(relativePath)) return { within: false, absolute };
  return { within: true, segments: relativePath.split(sep) };
}

/** `k8s/web.yaml` for a file under `cwd`, the absolute path for one outside it; undefined for standard input. */
export function repositoryPath(file: string, cwd: string): string | undefined {
  if (file === STDIN_FILE) return undefined;
  const path = artifactPath(file, cwd);
  return path.within ? path.segments.join('/') : path.absolute.split(sep).join('/');
}

/** Like repositoryPath, as a URI reference: percent-encoded, a `file://` URI outside `cwd`. */
export function artifactUri(file: string, cwd: string): string | undefined {
  if (file === STDIN_FILE) return undefined;
  const path = artifactPath(file, cwd);
  return path.within ? path.segments.map(encodeURIComponent).join('/') : pathToFileURL(path.absolute).href;
}
