// The disruption controller's status.disruptionsAllowed for a PodDisruptionBudget written without a status: what it
// counts on its first sync from the cluster's pods and their controllers.
// upstream: pkg/controller/disruption/disruption.go trySync, getExpectedPodCount, getExpectedScale, the finders
// (getPodReplicationController, getPodDeployment, getPodReplicaSet, getPodStatefulSet), countHealthyPods,
// updatePdbStatus, failSafe (v1.36); apimachinery intstr.GetScaledValueFromIntOrPercent
import { matchesSelector, toLabelSelector } from '../../model/labels.js';
import { groupOf } from '../../model/kinds.js';
import { asArray, asRecord, asStringMap, controllerReference, stringField, type KubeObject } from '../../model/object.js';

/** The pods and controllers the controller's listers hold. */
export interface DisruptionScope {
  readonly pods: readonly KubeObject[];
  /** The cluster's ReplicaSets, StatefulSets and ReplicationControllers. */
  readonly controllers: readonly KubeObject[];
}

type OwnerReference = Readonly<Record<string, unknown>>;

/** The groups each finder accepts for its kind (verifyGroupKind). */
const FINDER_GROUPS: Readonly<Record<string, readonly string[]>> = {
  ReplicationController: [''],
  ReplicaSet: ['apps', 'extensions'],
  StatefulSet: ['apps'],
};

/**
 * The finders: the scale (spec.replicas, 1 when unset) of the controller the reference names, looked up by kind and
 * name in the namespace and matched by uid. A ReplicaSet a Deployment controls counts as the Deployment, which the
 * cluster's objects do not hold (getPodDeployment then finds nothing either); undefined when no finder finds it.
 */
function scaleOf(reference: OwnerReference, namespace: string, controllers: readonly KubeObject[]): { readonly uid: string; readonly scale: number } | undefined {
  const kind = stringField(reference, 'kind');
  if (!FINDER_GROUPS[kind]?.includes(groupOf(stringField(reference, 'apiVersion')))) return undefined;
  const name = stringField(reference, 'name');
  const controller = controllers.find((c) => c.ref.kind === kind && c.ref.namespace === namespace && c.ref.name === name);
  const uid = stringField(asRecord(controller?.value['metadata']), 'uid');
  if (!controller || uid !== stringField(reference, 'uid')) return undefined;
  if (kind === 'ReplicaSet' && stringField(controllerReference(controller.value['metadata']), 'kind') === 'Deployment') return undefined;
  const replicas = asRecord(controller.value['spec'])?.['replicas'];
  return { uid, scale: typeof replicas === 'number' ? replicas : 1 };
}

/** getExpectedScale: the scales of the pods' controllers summed; undefined when a managed pod's controller is not found. */
function expectedScale(pods: readonly KubeObject[], controllers: readonly KubeObject[]): number | undefined {
  const scales = new Map<string, number>();
  for (const pod of pods) {
    const reference = controllerReference(pod.value['metadata']);
    // an unmanaged pod is left out (the controller warns that the status cannot be right)
    if (!reference || scales.has(stringField(reference, 'uid'))) continue;
    const found = scaleOf(reference, pod.ref.namespace, controllers);
    if (!found) return undefined;
    scales.set(found.uid, found.scale);
  }
  let total = 0;
  for (const scale of scales.values()) total += scale;
  return total;
}

/** GetScaledValueFromIntOrPercent with roundUp: an integer as is, "N%" of `total` rounded up; undefined otherwise. */
function scaledValue(value: unknown, total: number): number | undefined {
  if (Number.isInteger(value)) return value as number;
  const percent = typeof value === 'string' && /^[0-9]+%$/.test(value) ? Number(value.slice(0, -1)) : undefined;
  return percent === undefined ? undefined : Math.ceil((percent * total) / 100);
}

/** getExpectedPodCount: how many pods are expected and how many must stay healthy; undefined on an error. */
function expectedPodCount(spec: Readonly<Record<string, unknown>> | undefined, pods: readonly KubeObject[], controllers: readonly KubeObject[]): { expected: number; desired: number } | undefined {
  const maxUnavailable = spec?.['maxUnavailable'];
  const minAvailable = spec?.['minAvailable'];
  if (maxUnavailable !== undefined && maxUnavailable !== null) {
    const expected = expectedScale(pods, controllers);
    const unavailable = expected === undefined ? undefined : scaledValue(maxUnavailable, expected);
    return expected === undefined || unavailable === undefined ? undefined : { expected, desired: Math.max(0, expected - unavailable) };
  }
  if (Number.isInteger(minAvailable)) return { expected: pods.length, desired: minAvailable as number };
  if (minAvailable !== undefined && minAvailable !== null) {
    const expected = expectedScale(pods, controllers);
    const desired = expected === undefined ? undefined : scaledValue(minAvailable, expected);
    return expected === undefined || desired === undefined ? undefined : { expected, desired };
  }
  return { expected: 0, desired: 0 };
}

/** countHealthyPods (no disruptedPods yet): pods not being deleted whose Ready condition is True (IsPodReady). */
function countHealthyPods(pods: readonly KubeObject[]): number {
  return pods.filter((pod) => {
    if (asRecord(pod.value['metadata'])?.['deletionTimestamp'] !== undefined) return false;
    const conditions = asArray(asRecord(pod.value['status'])?.['conditions']).map(asRecord);
    return conditions.find((condition) => condition?.['type'] === 'Ready')?.['status'] === 'True';
  }).length;
}

/**
 * trySync and updatePdbStatus: the healthy pods beyond those that must stay, 0 while no pod is expected; an error
 * (a controller not found, a malformed value) leaves the budget fail-safe at 0.
 */
export function disruptionsAllowed(budget: KubeObject, { pods, controllers }: DisruptionScope): number {
  const spec = asRecord(budget.value['spec']);
  const selector = toLabelSelector(spec?.['selector']);
  const selected = pods.filter((pod) => pod.ref.namespace === budget.ref.namespace && matchesSelector(selector, asStringMap(asRecord(pod.value['metadata'])?.['labels'])));
  const count = expectedPodCount(spec, selected, controllers);
  if (!count || count.expected <= 0) return 0;
  return Math.max(0, countHealthyPods(selected) - count.desired);
}
