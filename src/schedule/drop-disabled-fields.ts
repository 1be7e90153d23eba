// Pod fields of features a release has off by default: the API server drops them when it creates the pod, so the
// scheduler never reads them (kubefit's schema check warns where a manifest sets one).
// upstream: pkg/api/pod/util.go dropDisabledFields (v1.28 to v1.30)
import { asArray, asRecord } from '../model/object.js';

/** SidecarContainers on by default (beta): before, an init container's restartPolicy is dropped. */
const SIDECAR_CONTAINERS_SINCE = 29;
/** MatchLabelKeysInPodAffinity on by default (beta): before, pod (anti-)affinity terms lose matchLabelKeys and mismatchLabelKeys. */
const MATCH_LABEL_KEYS_IN_POD_AFFINITY_SINCE = 31;

type Spec = Readonly<Record<string, unknown>>;

/** The pod spec as the API server of Kubernetes 1.`minor` stores it. */
export function dropDisabledFields(spec: Spec, minor: number): Spec {
  let out = spec;
  if (minor < SIDECAR_CONTAINERS_SINCE) out = withListEntries(out, 'initContainers', (container) => without(container, ['restartPolicy']));
  if (minor < MATCH_LABEL_KEYS_IN_POD_AFFINITY_SINCE) out = withoutAffinityLabelKeys(out);
  return out;
}

// upstream: dropDisabledMatchLabelKeysFieldInPodAffinity
function withoutAffinityLabelKeys(spec: Spec): Spec {
  const affinity = asRecord(spec['affinity']);
  if (!affinity) return spec;
  let changed = affinity;
  for (const kind of ['podAffinity', 'podAntiAffinity']) {
    const terms = asRecord(changed[kind]);
    if (!terms) continue;
    let kept: Spec = terms;
    kept = withListEntries(kept, 'requiredDuringSchedulingIgnoredDuringExecution', (term) => without(term, LABEL_KEYS));
    kept = withListEntries(kept, 'preferredDuringSchedulingIgnoredDuringExecution', (weighted) => {
      const term = asRecord(asRecord(weighted)?.['podAffinityTerm']);
      const dropped = term && without(term, LABEL_KEYS);
      return dropped === term ? weighted : { ...asRecord(weighted), podAffinityTerm: dropped };
    });
    if (kept !== terms) changed = { ...changed, [kind]: kept };
  }
  return changed === affinity ? spec : { ...spec, affinity: changed };
}

const LABEL_KEYS = ['matchLabelKeys', 'mismatchLabelKeys'];

/** `record` with the list at `key` mapped entry by entry, or `record` itself when no entry changed. */
function withListEntries(record: Spec, key: string, map: (entry: unknown) => unknown): Spec {
  const list = asArray(record[key]);
  const mapped = list.map(map);
  return mapped.some((entry, i) => entry !== list[i]) ? { ...record, [key]: mapped } : record;
}

/** `value` without `keys`, or `value` itself when it holds none of them. */
function without(value: unknown, keys: readonly string[]): unknown {
  const record = asRecord(value);
  if (!record || !keys.some((key) => record[key] !== undefined)) return value;
  return Object.fromEntries(Object.entries(record).filter(([key]) => !keys.includes(key)));
}
