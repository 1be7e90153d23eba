import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { toClusterSnapshot } from '../model/cluster.js';
import { filterChangedNode } from './changed-node.js';
import { node, pod, type Value } from './integration-test-support.js';
import { NodeClasses } from './node-classes.js';
import { addPodToNode, removePodsForDryRun } from './node-info.js';
import { filterNode, runPreFilters } from './run-filters.js';
import { buildPodInfo, podSourceOfPod, toSchedulerSnapshot } from './snapshot.js';
import { objectsFromYaml } from './test-support.js';
import { NEWEST_MINOR } from './version.js';

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A plugin state with its maps as sorted entries, without caches filled on demand, and without PodTopologySpread's
 * hostnamesAlike: a flag that only lets nodes share verdicts, which changedNode may leave false (per-node verdicts)
 * where PreFilter would find every hostname domain empty again (checked apart: never true where PreFilter's is false).
 */
function comparable(state: unknown): unknown {
  const skipped = new Set(['minCache', 'hostnamesAlike']);
  return JSON.parse(JSON.stringify(state, (key, value: unknown) => (skipped.has(key) ? undefined : value instanceof Map ? [...value].sort() : value)));
}

const hostnamesAlike = (state: unknown): boolean => (state as { hostnamesAlike?: boolean } | undefined)?.hostnamesAlike === true;

const SPREAD = {
  affinity: {
    podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'db' } }, topologyKey: 'topology.kubernetes.io/zone' }] },
    podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'web' } }, topologyKey: 'kubernetes.io/hostname' }] },
  },
  topologySpreadConstraints: [
    { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } } },
    { maxSkew: 2, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } }, minDomains: 3 },
  ],
};

// The pods here are neither terminating nor counted through an empty selector: for those PodTopologySpread's
// RemovePod/AddPod (updateWithPod) move counts its PreFilter never kept (preemption-fixture.test.ts).
describe('filterChangedNode: a plugin\'s changedNode state equals PreFilter run again on the changed cluster', () => {
  // upstream: default_preemption.go SelectVictimsOnNode (RemovePod), framework.go addGENominatedPods (AddPod)
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('random cluster %i: every node with pods removed and added', (seed) => {
    const next = random(seed);
    const docs: Value[] = [];
    const nodeCount = 3 + Math.floor(next() * 5);
    for (let n = 0; n < nodeCount; n++) docs.push(node({ name: `n${n}`, labels: { 'topology.kubernetes.io/zone': `z${n % 3}`, 'kubernetes.io/hostname': `n${n}` }, capacity: { cpu: '8', memory: '16Gi', pods: '110' } }));
    let pods = 0;
    for (let n = 0; n < nodeCount; n++) {
      for (let p = Math.floor(next() * 5); p > 0; p--) {
        const repels = next() < 0.2 ? { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'web' } }, topologyKey: 'topology.kubernetes.io/zone' }] } } } : {};
        docs.push(pod({ name: `p${pods++}`, node: `n${n}`, labels: { app: next() < 0.6 ? 'web' : 'db' }, priority: Math.floor(next() * 3), requests: { cpu: '100m' }, spec: repels }));
      }
    }
    docs.push(pod({ name: 'incoming', labels: { app: 'web' }, priority: 5, requests: { cpu: '100m' }, spec: SPREAD }));
    const objects = objectsFromYaml(docs.map((doc) => stringify(doc)).join('---\n'));
    const incoming = objects.find((object) => object.ref.name === 'incoming');
    if (!incoming) throw new Error('no incoming pod');
    const built = toSchedulerSnapshot(toClusterSnapshot(objects, 'snapshot'), NEWEST_MINOR, [], ['default']);
    const nodes = new NodeClasses(built.nodes);
    const cluster = nodes.clusterState(built.namespaceLabels, built.minor, { storage: built.storage });
    const prepared = runPreFilters(buildPodInfo(podSourceOfPod(incoming), built.podOptions, []), cluster);
    expect(prepared.active.filter(({ plugin }) => plugin.changedNode).map(({ plugin }) => plugin.name)).toEqual(['PodTopologySpread', 'InterPodAffinity']);
    const extra = built.nodes.flatMap((each) => each.pods);
    nodes.nodes.forEach((before, index) => {
      for (let trial = 0; trial < 6; trial++) {
        const removed = before.pods.filter(() => next() < 0.5);
        let after = removePodsForDryRun(before, removed);
        if (next() < 0.5 && extra.length > 0) after = addPodToNode(after, extra[Math.floor(next() * extra.length)] ?? extra[0]!);
        // the verdict, and each plugin's changedNode state, are what PreFilter run again on the changed cluster gives
        const changed = new NodeClasses(nodes.nodes.map((each, i) => (i === index ? after : each))).clusterState(built.namespaceLabels, built.minor, { storage: built.storage });
        expect(filterChangedNode(prepared, index, after, nodes)).toEqual(filterNode(runPreFilters(prepared.pod, changed, prepared.active.map(({ plugin }) => plugin)), after));
        for (const { plugin, state } of prepared.active) {
          if (!plugin.changedNode) continue;
          const fresh = runPreFilters(prepared.pod, changed, [plugin]).active[0]?.state;
          const incremental = plugin.changedNode(state, prepared.pod, before, after);
          expect(comparable(incremental)).toEqual(comparable(fresh));
          if (hostnamesAlike(incremental)) expect(hostnamesAlike(fresh)).toBe(true);
        }
      }
    });
  });
});
