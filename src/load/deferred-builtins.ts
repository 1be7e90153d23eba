// Node built-ins that a short run (a pre-commit lint of one file) never calls, required at their first call instead of
// at start: a static import of node:crypto alone costs ~3 ms of a ~70 ms start, node:fs/promises ~1.6 ms (bench/README.md).
// Not import(): the bundled CLI runs through node:vm, which gives it no module loader (see import-module.ts).
import type * as Crypto from 'node:crypto';
import type * as FsPromises from 'node:fs/promises';
import { createRequire } from 'node:module';
import type * as Net from 'node:net';

const requireBuiltin = createRequire(import.meta.url);

export const createHash: typeof Crypto.createHash = (algorithm, options) => (requireBuiltin('node:crypto') as typeof Crypto).createHash(algorithm, options);

export const isIP: typeof Net.isIP = (input) => (requireBuiltin('node:net') as typeof Net).isIP(input);

/** node:fs/promises' writeFile, which also writes an iterable of chunks as they come (src/load/async-fs.ts has the rest). */
export const writeFile: typeof FsPromises.writeFile = (file, data, options) => (requireBuiltin('node:fs/promises') as typeof FsPromises).writeFile(file, data, options);
