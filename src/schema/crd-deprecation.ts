// The warning the API server returns for a deprecated CRD version without its own deprecationWarning.
import type { CustomResourceDefinition } from './custom-resource-definition.js';

/** upstream: apiextensions-apiserver pkg/apiserver/customresource_handler.go defaultDeprecationWarning */
export function deprecationWarning(deprecatedVersion: string, definition: CustomResourceDefinition): string {
  const message = `${definition.group}/${deprecatedVersion} ${definition.kind} is deprecated`;
  const newer = definition.versions
    .filter((version) => version.served && !version.deprecated && compareKubeAwareVersions(deprecatedVersion, version.name) < 0)
    .map((version) => version.name)
    .sort((a, b) => compareKubeAwareVersions(b, a));
  return newer[0] === undefined ? message : `${message}; use ${definition.group}/${newer[0]} ${definition.kind}`;
}

const KUBE_VERSION = /^v(\d+)(?:(alpha|beta)(\d+))?$/;
const STABILITY: Readonly<Record<string, number>> = { alpha: 0, beta: 1, '': 2 };

/**
 * Negative when `a` sorts before `b`: GA > beta > alpha, then by major and minor number; versions that do not look like
 * Kubernetes versions sort below those that do, and among themselves alphabetically
 * (upstream: apimachinery pkg/version/helpers.go CompareKubeAwareVersionStrings).
 */
export function compareKubeAwareVersions(a: string, b: string): number {
  const left = KUBE_VERSION.exec(a);
  const right = KUBE_VERSION.exec(b);
  if (!left || !right) {
    if (left) return 1;
    if (right) return -1;
    return a < b ? 1 : a > b ? -1 : 0;
  }
  const stability = (STABILITY[left[2] ?? ''] ?? 0) - (STABILITY[right[2] ?? ''] ?? 0);
  if (stability !== 0) return stability;
  return Number(left[1]) - Number(right[1]) || Number(left[3] ?? 0) - Number(right[3] ?? 0);
}
