// Which Kubernetes minor release a run checks: parsing "1.29" / "v1.29.3", the shipped range, and ordering.
import { UsageError } from './usage-error.js';
import { KUBERNETES_RELEASES } from './kubernetes-releases.js';

export const OLDEST_RELEASE: string = KUBERNETES_RELEASES[0];
export const NEWEST_RELEASE: string = KUBERNETES_RELEASES.at(-1) ?? OLDEST_RELEASE;

/** "1.29" for "1.29", "v1.29.3" or "1.29.0-rc.1"; undefined when the text is no Kubernetes version. */
export function toMinorRelease(text: string): string | undefined {
  const match = /^v?(\d+)\.(\d+)(?:\.\d+)?(?:[-+].*)?$/.exec(text.trim());
  return match ? `${Number(match[1])}.${Number(match[2])}` : undefined;
}

/**
 * The release a run checks: the newest shipped one when none is asked for. A version that is unreadable or outside
 * the shipped range is a usage error naming the range (`setting` says where it came from).
 */
export function resolveKubernetesRelease(text: string | undefined, setting = 'kubernetesVersion'): string {
  if (text === undefined) return NEWEST_RELEASE;
  const release = toMinorRelease(text);
  if (release === undefined) throw new UsageError(`${setting} must look like 1.34 or v1.34.2, got "${text}"`);
  if (!(KUBERNETES_RELEASES as readonly string[]).includes(release)) {
    throw new UsageError(`${setting} ${text} is not supported: kubefit checks Kubernetes ${OLDEST_RELEASE} to ${NEWEST_RELEASE}`);
  }
  return release;
}

/** Orders "1.25" / "v1.25.3" style versions by major and minor. */
export function compareReleases(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.replace(/^v/, '').split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.replace(/^v/, '').split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}
