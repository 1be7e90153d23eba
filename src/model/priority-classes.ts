// The PriorityClasses every API server creates at startup (pkg/apis/scheduling SystemPriorityClasses), so pods may name
// them when the inputs do not hold them: SystemCriticalPriority (2 x 10^9) and 1000 above it.

export const SYSTEM_PRIORITY_CLASSES: ReadonlyMap<string, number> = new Map([
  ['system-node-critical', 2_000_001_000],
  ['system-cluster-critical', 2_000_000_000],
]);
