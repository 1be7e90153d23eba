// kubefit's public library API: re-exports only.
export { analyze, check, fit, lint, type Analysis, type CheckOptions, type Command } from './check.js';
export { loadManifests, DEFAULT_LIMITS, type LoadLimits, type LoadOptions, type LoadResult } from './load/load-manifests.js';
export type { ManifestDocument, Path, SourceRange } from './model/document.js';
export type { Finding, Severity } from './model/finding.js';
export type { KubeObject } from './model/object.js';
export type { ObjectRef } from './model/object-ref.js';
export type { RuleMeta } from './model/rule-meta.js';
export type { Workload, ContainerView } from './model/workload.js';
export type { Report, ReportSummary } from './report/report.js';
export type { Placement, SchedulingResult } from './schedule/scheduling-result.js';
export type { KubefitConfig } from './config/config.js';
export { ruleCatalog } from './catalog.js';
export { FORMATTERS } from './report/formatters/index.js';
