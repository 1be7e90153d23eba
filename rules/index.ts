// The explicit registry of built-in lint rules, alphabetical by id.
import type { Rule } from '../src/lint/define-rule.js';
import latestTag from './latest-tag.js';
import limitsBelowRequests from './limits-below-requests.js';
import livenessProbe from './liveness-probe.js';
import memoryLimitMissing from './memory-limit-missing.js';
import readinessProbe from './readiness-probe.js';
import requestsMissing from './requests-missing.js';

export const BUILTIN_RULES: readonly Rule[] = [
  latestTag,
  limitsBelowRequests,
  livenessProbe,
  memoryLimitMissing,
  readinessProbe,
  requestsMissing,
];
