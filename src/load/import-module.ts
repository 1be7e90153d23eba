// import() of a module outside kubefit (a rule module from rulesDirs). The CLI's launcher (src/cli/launch.ts) runs the
// bundled CLI through node:vm for V8's code cache, and on Node 20 code compiled that way has no module loader for
// import(): the launcher, an ordinary module, lends its own under IMPORT_MODULE.
export const IMPORT_MODULE = Symbol.for('kubefit.importModule');

type ImportModule = (url: string) => Promise<unknown>;

export function importModule(url: string): Promise<unknown> {
  const lent = (globalThis as { [IMPORT_MODULE]?: ImportModule })[IMPORT_MODULE];
  return lent ? lent(url) : import(url);
}
