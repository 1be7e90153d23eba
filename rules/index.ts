// The explicit registry of built-in lint rules, alphabetical by id.
import type { Rule } from '../src/lint/define-rule.js';
import capabilitiesNotDropped from './capabilities-not-dropped.js';
import dangerousCapabilities from './dangerous-capabilities.js';
import latestTag from './latest-tag.js';
import limitsBelowRequests from './limits-below-requests.js';
import livenessProbe from './liveness-probe.js';
import memoryLimitMissing from './memory-limit-missing.js';
import privilegeEscalation from './privilege-escalation.js';
import privilegedContainer from './privileged-container.js';
import readOnlyRootFilesystem from './read-only-root-filesystem.js';
import readinessProbe from './readiness-probe.js';
import requestsMissing from './requests-missing.js';
import runAsNonRoot from './run-as-non-root.js';

export const BUILTIN_RULES: readonly Rule[] = [
  capabilitiesNotDropped,
  dangerousCapabilities,
  latestTag,
  limitsBelowRequests,
  livenessProbe,
  memoryLimitMissing,
  privilegeEscalation,
  privilegedContainer,
  readOnlyRootFilesystem,
  readinessProbe,
  requestsMissing,
  runAsNonRoot,
];
