// Which Kubernetes minor release's scheduler kubefit imitates (wording and defaults changed between releases).

/** The newest release whose scheduler sources kubefit follows. */
export const NEWEST_MINOR = 36;

/** The minor version of "1.34", "v1.34.2" or "1.34.0-rc.1"; the newest release when absent or unreadable. */
export function toMinorVersion(text: string | undefined): number {
  const match = /^v?1\.(\d+)(?:\.\d+)?(?:[-+].*)?$/.exec(text?.trim() ?? '');
  return match ? Number(match[1]) : NEWEST_MINOR;
}

/**
 * PodIndexLabel on by default (beta) from this release: a StatefulSet's pods carry their ordinal
 * (`apps.kubernetes.io/pod-index`) and an Indexed Job's pods their completion index as labels.
 */
export const POD_INDEX_LABEL_SINCE = 28;
