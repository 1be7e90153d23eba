// File paths as URIs relative to the project root, the way SARIF consumers (GitHub code scanning) resolve them.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

export const STDIN_FILE = '<stdin>';

/** `k8s/web.yaml` for a file under `cwd`; a `file://` URI for one outside it; undefined for standard input. */
export function artifactUri(file: string, cwd: string): string | undefined {
  if (file === STDIN_FILE) return undefined;
  const absolute = resolve(cwd, file);
  const relativePath = relative(cwd, absolute);
  if (relativePath === '' || relativePath.startsWith('..') || isAbsolute(relativePath)) return pathToFileURL(absolute).href;
  return relativePath.split(sep).map(encodeURIComponent).join('/');
}
