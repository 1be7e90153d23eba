// Build step: starts from an empty dist/, so no file of a module since removed or renamed is packed.
import { rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
