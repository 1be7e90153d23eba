// Helpers for the ports of upstream's test/integration/scheduler tests: the objects as the API server would hold them,
// and the whole scheduler (every filter, the scores, preemption) run over them.
import { stringify } from 'yaml';
import { toClusterSnapshot } from '../model/cluster.js';
import { toWorkload, type Workload } from '../model/workload.js';
import type { SchedulerProfiles } from './profile/profile.js';
import { scheduleWorkloads } from './schedule.js';
import type { SchedulingResult } from './scheduling-result.js';
import { objectsFromYaml } from './test-support.js';

type Labels = Readonly<Record<string, string>>;
export type Value = Readonly<Record<string, unknown>>;

export interface NodeDoc {
  readonly name: string;
  readonly labels?: Labels;
  readonly taints?: readonly Value[];
  /** Allocatable besides upstream's default of 32 pods. */
  readonly capacity?: Readonly<Record<string, string>>;
  /** Image name → size in bytes (node.status.images). */
  readonly images?: Readonly<Record<string, number>>;
}

export interface PodDoc {
  readonly name: string;
  readonly namespace?: string;
  readonly labels?: Labels;
  /** Bound here (and Running); pending when absent. */
  readonly node?: string;
  readonly priority?: number;
  readonly requests?: Readonly<Record<string, string>>;
  /** More of the pod's spec. */
  readonly spec?: Value;
}

export const node = ({ name, labels = {}, taints, capacity = {}, images }: NodeDoc): Value => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels },
  spec: taints ? { taints } : {},
  status: {
    allocatable: { pods: '32', ...capacity },
    ...(images && { images: Object.entries(images).map(([image, sizeBytes]) => ({ names: [image], sizeBytes })) }),
  },
});

export const pod = ({ name, namespace = 'default', labels = {}, node: nodeName, priority, requests, spec = {} }: PodDoc): Value => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace, labels },
  spec: {
    containers: [{ name: 'pause', image: 'registry.k8s.io/pause:3.10', ...(requests && { resources: { requests } }) }],
    ...(priority !== undefined && { priority }),
    ...spec,
    ...(nodeName && { nodeName }),
  },
  ...(nodeName && { status: { phase: 'Running' } }),
});

const asRecord = (value: unknown): Value => (typeof value === 'object' && value !== null ? (value as Value) : {});

/**
 * Schedules the pending pods of `docs`, in the scheduler's order; one result per pending pod, in `docs` order. The
 * objects are the whole cluster, as the API server of an integration test holds it: a claim they lack does not exist.
 */
export function schedule(docs: readonly Value[], profiles?: SchedulerProfiles): SchedulingResult[] {
  const objects = objectsFromYaml(docs.map((doc) => stringify(doc)).join('---\n'));
  const pending = new Set(docs.filter((doc) => doc['kind'] === 'Pod' && asRecord(doc['spec'])['nodeName'] === undefined).map((doc) => asRecord(doc['metadata'])['name']));
  const workloads = objects.map(toWorkload).filter((w): w is Workload => w !== undefined && pending.has(w.object.ref.name));
  return [...scheduleWorkloads(workloads, toClusterSnapshot(objects, true), { kubernetesVersion: undefined, drain: [], ...(profiles && { profiles }) }).results];
}

/** The node each pending pod landed on ('' when it did not fit), with kube-scheduler's default profile or `profiles`. */
export function place(docs: readonly Value[], profiles?: SchedulerProfiles): string[] {
  return schedule(docs, profiles).map((result) => Object.keys(result.placement.nodes)[0] ?? '');
}
