// The pod-template-hash label the Deployment controller gives the pods of the ReplicaSet it creates for a template.
import { andSelectors, selectorFromSet, type Labels, type LabelSelector } from '../model/labels.js';
import { asRecord, type KubeObject } from '../model/object.js';

// upstream: staging/src/k8s.io/api/apps/v1/types.go DefaultDeploymentUniqueLabelKey
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

// upstream: staging/src/k8s.io/apimachinery/pkg/util/rand/rand.go alphanums
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/**
 * The label's value for a Deployment: fnv32a with the collision count and SafeEncodeString, as upstream's ComputeHash,
 * but over the template's JSON with sorted keys, not go-spew's printout of the API server's defaulted Go struct. The
 * value therefore differs from the one a cluster shows; it is equal exactly when the templates are, which is what
 * matchLabelKeys reads: a Deployment's new pods share it and never match the pods of an earlier revision.
 */
// upstream: pkg/controller/controller_utils.go ComputeHash (v1.35)
export function podTemplateHash(deployment: KubeObject): string {
  const spec = asRecord(deployment.value['spec']);
  let hash = 0x811c9dc5;
  const write = (bytes: Uint8Array): void => {
    for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  };
  write(new TextEncoder().encode(JSON.stringify(spec?.['template'] ?? null, sortedKeys)));
  const collisionCount = asRecord(deployment.value['status'])?.['collisionCount'];
  if (typeof collisionCount === 'number') {
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setUint32(0, collisionCount >>> 0, true);
    write(bytes);
  }
  return safeEncodeString(String(hash));
}

/**
 * The pods' labels and their ReplicaSet's selector, each with the hash added under `key` (getNewReplicaSet; an Argo
 * Rollout's ReplicaSets carry rollouts-pod-template-hash, computed by the same ComputeHash).
 */
// upstream: pkg/controller/deployment/sync.go getNewReplicaSet (v1.35); argo-rollouts rollout/replicaset.go
export function withPodTemplateHash(hash: string, labels: Labels, selector: LabelSelector | undefined, key = POD_TEMPLATE_HASH_LABEL): { labels: Labels; selector: LabelSelector | undefined } {
  return {
    labels: { ...labels, [key]: hash },
    selector: selector && andSelectors(selector, selectorFromSet({ [key]: hash })),
  };
}

// upstream: staging/src/k8s.io/apimachinery/pkg/util/rand/rand.go SafeEncodeString
function safeEncodeString(text: string): string {
  let out = '';
  for (const char of text) out += ALPHANUMS[(char.codePointAt(0) ?? 0) % ALPHANUMS.length];
  return out;
}

function sortedKeys(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
