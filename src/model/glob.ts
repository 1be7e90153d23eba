// Shell-style globs for names and paths in configuration: `*` (no slash), `**` (any depth), `?`.

const cache = new Map<string, RegExp>();

export function globToRegExp(glob: string): RegExp {
  const cached = cache.get(glob);
  if (cached) return cached;
  let source = '';
  for (let index = 0; index < glob.length; index++) {
    const char = glob.charAt(index);
    if (char === '*' && glob.charAt(index + 1) === '*') {
      const slash = glob.charAt(index + 2) === '/';
      source += slash ? '(?:.*/)?' : '.*';
      index += slash ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[\\^$.|+()[\]{}]/g, '\\$&');
  }
  const regexp = new RegExp(`^${source}$`);
  cache.set(glob, regexp);
  return regexp;
}

/** A file path as globs see it: forward slashes, no leading "./". */
function normalisePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\.\//, '');
}

/** True when the file path matches the path glob, both read without a leading "./". */
export function matchesPathGlob(path: string, glob: string): boolean {
  return matchesGlob(normalisePath(path), normalisePath(glob));
}

/** True when `text` matches `glob` (the whole text). */
export function matchesGlob(text: string, glob: string): boolean {
  return globToRegExp(glob).test(text);
}
