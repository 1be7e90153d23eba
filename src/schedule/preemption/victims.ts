// What becomes of the pods preemption evicts: a controller re-creates its pod, which is scheduled again; a bare Pod is
// gone. upstream: preemption.go PreemptPod deletes the victim; its controller (ReplicaSet, StatefulSet, Job,
// DaemonSet, ...) sees a pod missing and creates a new one, which enters the scheduling queue like any other.
import { asRecord, controllerReference, type KubeObject } from '../../model/object.js';
import { pinnedToNode } from '../daemonset.js';
import type { NodeInfo } from '../node-info.js';
import { placeAll, type PlacementOutcome, type PlacementRequest } from '../placement.js';
import { buildPodInfo, podSourceOfEvicted, type SchedulerSnapshot } from '../snapshot.js';

/** One evicted pod and what follows. */
export interface VictimFate {
  /** "<namespace>/<name>". */
  readonly pod: string;
  /** "<Kind>/<name>" of the controller that re-creates the pod, or null: no controller, the pod is gone for good. */
  readonly controller: string | null;
  /** For a re-created pod: the node it lands on, or null when it stays Pending. */
  readonly node?: string | null;
  /** For a re-created pod that stays Pending: kube-scheduler's message. */
  readonly message?: string;
  /** Pods the re-created pod preempts in turn (not followed further). */
  readonly preempted?: readonly string[];
}

/** The ownerReference with `controller: true`, as "<Kind>/<name>". */
export function controllerOf(pod: KubeObject): string | undefined {
  const owner = controllerReference(pod.value['metadata']);
  const kind = owner?.['kind'];
  const name = owner?.['name'];
  return typeof kind === 'string' && typeof name === 'string' ? `${kind}/${name}` : undefined;
}

/** The pod its controller creates in the victim's place: the same spec, unbound (a DaemonSet's stays on its node). */
function replacementOf(victim: KubeObject, controller: string, snapshot: SchedulerSnapshot): PlacementRequest {
  const source = podSourceOfEvicted(victim, snapshot.controllers);
  const nodeName = asRecord(victim.value['spec'])?.['nodeName'];
  const pinned = controller.startsWith('DaemonSet/') && typeof nodeName === 'string';
  const pod = buildPodInfo(pinned ? { ...source, spec: pinnedToNode(source.spec, nodeName) } : source, snapshot.podOptions, []);
  return { pods: [{ pod, replicas: 1 }], priority: pod.priority };
}

function fateOf(pod: string, controller: string, outcome: PlacementOutcome | undefined): VictimFate {
  const node = Object.keys(outcome?.nodes ?? {})[0] ?? null;
  return {
    pod,
    controller,
    node,
    ...(node === null && outcome?.message && { message: outcome.message }),
    ...(outcome && outcome.preempted.length > 0 && { preempted: [...outcome.preempted].sort() }),
  };
}

/**
 * The fate of every pod evicted during placement (`evicted[i]`: those of request i, as "<namespace>/<name>"). The
 * re-created pods are placed after every workload, on the cluster as placement left it (`end`), higher priority
 * first (kube-scheduler would interleave them with the pods still queued).
 */
export function victimFates(
  evicted: readonly (readonly string[])[],
  boundPods: readonly KubeObject[],
  placed: { readonly snapshot: SchedulerSnapshot; readonly end: readonly NodeInfo[] },
): VictimFate[][] {
  const byKey = podsByKey(boundPods, new Set(evicted.flat()));
  const requests: PlacementRequest[] = [];
  const pending: { readonly pod: string; readonly controller: string; readonly request: number }[] = [];
  const fates = evicted.map((keys) =>
    keys.map((pod): VictimFate => {
      const object = byKey.get(pod);
      const controller = object && controllerOf(object);
      if (!object || !controller) return { pod, controller: null };
      pending.push({ pod, controller, request: requests.length });
      requests.push(replacementOf(object, controller, placed.snapshot));
      return { pod, controller };
    }),
  );
  if (requests.length === 0) return fates;
  const run = placeAll(requests, placed.snapshot, placed.end);
  const replaced = new Map(pending.map(({ pod, controller, request }) => [pod, fateOf(pod, controller, run.outcomes[request])]));
  return fates.map((list) => list.map((fate) => replaced.get(fate.pod) ?? fate));
}

/** The bound pods named by `keys` ("<namespace>/<name>"; the last of a name wins): none to look at when nothing was evicted. */
function podsByKey(boundPods: readonly KubeObject[], keys: ReadonlySet<string>): Map<string, KubeObject> {
  const byKey = new Map<string, KubeObject>();
  if (keys.size === 0) return byKey;
  for (const pod of boundPods) {
    const key = `${pod.ref.namespace}/${pod.ref.name}`;
    if (keys.has(key)) byKey.set(key, pod);
  }
  return byKey;
}
