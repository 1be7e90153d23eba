// Node built-ins that a short run (a pre-commit lint of one file) never calls, required at their first call instead of
// at start: a static import of node:crypto alone costs ~3 ms of a ~70 ms start (bench/README.md, cold start).
import type * as Crypto from 'node:crypto';
import { createRequire } from 'node:module';
import type * as Net from 'node:net';

const requireBuiltin = createRequire(import.meta.url);

export const createHash: typeof Crypto.createHash = (algorithm, options) => (requireBuiltin('node:crypto') as typeof Crypto).createHash(algorithm, options);

export const isIP: typeof Net.isIP = (input) => (requireBuiltin('node:net') as typeof Net).isIP(input);
