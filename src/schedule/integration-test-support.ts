// Helpers for the ports of upstream's test/integration/scheduler tests: the objects as the API server would hold them,
// and the whole scheduler (every filter, the scores, preemption) run over them.
import { stringify } from 'yaml';
import { toClusterSnapshot } from '../model/cluster.js';
import { toWorkload, type Workload } from '../model/workload.js';
import { findNodesThatFit } from './feasibility.js';
import { NodeClasses } from './node-classes.js';
import type { SchedulerProfiles } from './profile/profile.js';
import { readSchedulerConfiguration } from './profile/scheduler-configuration.js';
import { runPreFilters } from './run-filters.js';
import { scheduleWorkloads } from './schedule.js';
import type { SchedulingResult } from './scheduling-result.js';
import { SCORE_PLUGINS } from './scoring/index.js';
import { feasibleClasses, prepareScoring, rawScores, selectHost, totals } from './select-host.js';
import { buildPodInfo, podSourceOfPod, toSchedulerSnapshot } from './snapshot.js';
import { feasibleNodes, objectsFromYaml } from './test-support.js';
import { NEWEST_MINOR } from './version.js';

type Labels = Readonly<Record<string, string>>;
export type Value = Readonly<Record<string, unknown>>;

export interface NodeDoc {
  readonly name: string;
  readonly labels?: Labels;
  readonly taints?: readonly Value[];
  /** spec.unschedulable (the NodeUnschedulable filter rejects the node). */
  readonly unschedulable?: boolean;
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

export const node = ({ name, labels = {}, taints, unschedulable, capacity = {}, images }: NodeDoc): Value => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels },
  spec: { ...(taints && { taints }), ...(unschedulable && { unschedulable }) },
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
 * `kubernetesVersion` ("1.35"): the release to follow, the newest by default.
 */
export function schedule(docs: readonly Value[], profiles?: SchedulerProfiles, kubernetesVersion?: string): SchedulingResult[] {
  return scheduleObjects(docs, false, profiles, kubernetesVersion);
}

/**
 * The same with `docs` read as a cluster snapshot (kubectl get -o yaml) rather than manifests to apply: a pending pod
 * keeps its status, so a status.nominatedNodeName nominates it (the API server drops a manifest's status on create).
 */
export function scheduleSnapshot(docs: readonly Value[]): SchedulingResult[] {
  return scheduleObjects(docs, true);
}

function scheduleObjects(docs: readonly Value[], fromCluster: boolean, profiles?: SchedulerProfiles, kubernetesVersion?: string): SchedulingResult[] {
  const objects = objectsFromYaml(docs.map((doc) => stringify(doc)).join('---\n'), 'test.yaml', fromCluster);
  const pending = new Set(docs.filter((doc) => doc['kind'] === 'Pod' && asRecord(doc['spec'])['nodeName'] === undefined).map((doc) => asRecord(doc['metadata'])['name']));
  const workloads = objects.map(toWorkload).filter((w): w is Workload => w !== undefined && pending.has(w.object.ref.name));
  return [...scheduleWorkloads(workloads, toClusterSnapshot(objects, 'snapshot'), { kubernetesVersion, drain: [], ...(profiles && { profiles }) }).results];
}

/** The node each pending pod landed on ('' when it did not fit), with kube-scheduler's default profile or `profiles`. */
export function place(docs: readonly Value[], profiles?: SchedulerProfiles): string[] {
  return schedule(docs, profiles).map((result) => Object.keys(result.placement.nodes)[0] ?? '');
}

/**
 * A KubeSchedulerConfiguration whose default profile scores with `plugin` alone (or with each plugin of a list), at
 * weight 1, with `args` for it if given, and filters with NodeUnschedulable alone: as in upstream's score plugin tests,
 * every node is a candidate except the ones marked `spec.unschedulable` (their failedNodes).
 */
export function scoreOnlyConfig(plugin: string | readonly string[], args?: Value, minor = NEWEST_MINOR): SchedulerProfiles {
  const plugins = typeof plugin === 'string' ? [plugin] : plugin;
  const config = {
    apiVersion: 'kubescheduler.config.k8s.io/v1',
    kind: 'KubeSchedulerConfiguration',
    profiles: [{
      schedulerName: 'default-scheduler',
      plugins: {
        filter: { disabled: [{ name: '*' }], enabled: [{ name: 'NodeUnschedulable' }] },
        score: { disabled: [{ name: '*' }], enabled: plugins.map((name) => ({ name, weight: 1 })) },
      },
      ...(args && { pluginConfig: [{ name: plugins[0], args }] }),
    }],
  };
  return readSchedulerConfiguration(JSON.stringify(config), 'test.json', minor).profiles;
}

/**
 * The weighted, normalised score total of every feasible node for the one pending pod of `docs`, as kube-scheduler's
 * prioritizeNodes sums them before selectHost: through the filters, PreScore over the feasible nodes (grouped into node
 * classes as placement groups them), Score on each class and NormalizeScore. Nodes a filter rejects are left out.
 */
export function scoreNodes(docs: readonly Value[], profiles: SchedulerProfiles, minor = NEWEST_MINOR): Record<string, number> {
  const { pod, nodes, cluster, feasibility } = filtered(docs, profiles, minor);
  const scoring = prepareScoring(pod, feasibility, nodes, cluster);
  const groups: readonly (readonly number[])[] = feasibility.spec
    ? feasibleClasses(feasibility, nodes, scoring.spec).map((nodeClass) => nodeClass.members)
    : feasibility.verdicts.flatMap((verdict) => (verdict.status ? [] : verdict.members.map((member) => [member])));
  const total = totals(rawScores(pod, groups.map((members) => members[0] ?? -1), nodes, scoring.active), scoring.active);
  const out: Record<string, number> = {};
  groups.forEach((members, i) => {
    for (const member of members) {
      const node = nodes.nodes[member];
      if (node) out[node.name] = total[i] ?? 0;
    }
  });
  return byName(out);
}

/**
 * The same totals computed the plain way: every feasible node scored on its own by each of the profile's score
 * plugins (PreScore over the feasible nodes one by one, Score, NormalizeScore, weight), as kube-scheduler does.
 */
export function scoreEachNode(docs: readonly Value[], profiles: SchedulerProfiles, minor = NEWEST_MINOR): Record<string, number> {
  const { pod, nodes, cluster, feasibility } = filtered(docs, profiles, minor);
  const feasible = feasibility.verdicts.flatMap((verdict) => (verdict.status ? [] : verdict.members.flatMap((member) => nodes.nodes[member] ?? [])));
  const total = feasible.map(() => 0);
  for (const plugin of pod.profile?.scores ?? SCORE_PLUGINS) {
    const state = plugin.preScore(pod, feasibleNodes(feasible), cluster);
    if (state === undefined) continue;
    const scores = feasible.map((node) => plugin.score(pod, node, state));
    plugin.normalize?.(scores, state);
    scores.forEach((score, i) => (total[i] = (total[i] ?? 0) + score * plugin.weight));
  }
  return byName(Object.fromEntries(feasible.map((node, i) => [node.name, total[i] ?? 0])));
}

/** The node selectHost picks for the pending pod of `docs` (undefined when none is feasible). */
export function selectedNode(docs: readonly Value[], profiles: SchedulerProfiles, minor = NEWEST_MINOR): string | undefined {
  const { pod, nodes, cluster, feasibility } = filtered(docs, profiles, minor);
  const index = selectHost(pod, feasibility, nodes, cluster);
  return index === undefined ? undefined : nodes.nodes[index]?.name;
}

const byName = (scores: Readonly<Record<string, number>>): Record<string, number> => Object.fromEntries(Object.entries(scores).sort(([a], [b]) => a.localeCompare(b)));

/** The one pending pod of `docs` and the nodes the profile's filters leave it, as the scheduler sees them. */
function filtered(docs: readonly Value[], profiles: SchedulerProfiles, minor: number) {
  const objects = objectsFromYaml(docs.map((doc) => stringify(doc)).join('---\n'));
  const incoming = objects.find((object) => object.ref.kind === 'Pod' && asRecord(object.value['spec'])['nodeName'] === undefined);
  if (!incoming) throw new Error('no pending pod');
  const built = toSchedulerSnapshot(toClusterSnapshot(objects, 'snapshot'), minor, [], [incoming.ref.namespace]);
  const nodes = new NodeClasses(built.nodes);
  const cluster = nodes.clusterState(built.namespaceLabels, built.minor, { storage: built.storage, devices: built.devices });
  const pod = buildPodInfo(podSourceOfPod(incoming), { ...built.podOptions, profiles }, []);
  return { pod, nodes, cluster, feasibility: findNodesThatFit(runPreFilters(pod, cluster), nodes) };
}
