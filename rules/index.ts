// The explicit registry of built-in lint rules, alphabetical by id.
import type { Rule } from '../src/lint/engine.js';

export const BUILTIN_RULES: readonly Rule[] = [];
