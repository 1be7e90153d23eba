import { describe, expect, it } from 'vitest';
import { toClusterSnapshot } from '../model/cluster.js';
import { AffinityTermHolders } from './affinity-term-holders.js';
import { NodeClasses } from './node-classes.js';
import type { PodInfo } from './pod-info.js';
import { addPodToNode, removePodsFromNode } from './node-info.js';
import { toSchedulerSnapshot } from './snapshot.js';
import { objectsFromYaml } from './test-support.js';

const node = (name: string) => `apiVersion: v1
kind: Node
metadata: {name: ${name}, labels: {kubernetes.io/hostname: ${name}}}
status: {allocatable: {cpu: "4", memory: 8Gi, pods: "110"}}`;

/** A running pod on `nodeName` with `affinity` (YAML flow) and labels app: `app`. */
const pod = (name: string, nodeName: string, app: string, affinity?: string) => `apiVersion: v1
kind: Pod
metadata: {name: ${name}, labels: {app: ${app}}}
spec: {nodeName: ${nodeName}, containers: [{name: c, image: x:1}]${affinity ? `, affinity: ${affinity}` : ''}}
status: {phase: Running}`;

const preferAway = (selector: string) => `{podAntiAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [{weight: 5, podAffinityTerm: {labelSelector: ${selector}, topologyKey: kubernetes.io/hostname}}]}}`;
const requireNear = (selector: string) => `{podAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{labelSelector: ${selector}, topologyKey: kubernetes.io/hostname}]}}`;

function nodesOf(...docs: string[]) {
  return toSchedulerSnapshot(toClusterSnapshot(objectsFromYaml(docs.join('\n---\n'))), 35).nodes;
}

describe('AffinityTermHolders', () => {
  const nodes = nodesOf(
    node('n0'), node('n1'), node('n2'), node('n3'),
    pod('a', 'n0', 'web', preferAway('{matchLabels: {app: web}}')),
    pod('b', 'n1', 'db', requireNear('{matchExpressions: [{key: app, operator: In, values: [web, api]}]}')),
    pod('c', 'n2', 'x', preferAway('{matchExpressions: [{key: app, operator: Exists}]}')),
    pod('d', 'n3', 'web'),
  );

  it('finds the nodes whose pods have a scored term that may match the labels (a term without an In requirement matches any)', () => {
    const holders = new AffinityTermHolders(nodes);
    expect(holders.holders({ app: 'web' })).toEqual([0, 1, 2]);
    expect(holders.holders({ app: 'api' })).toEqual([1, 2]);
    expect(holders.holders({ app: 'db' })).toEqual([2]);
  });

  it('follows binds through NodeClasses.replace, and is built again when a node loses pods', () => {
    const classes = new NodeClasses(nodes);
    const cluster = classes.clusterState(new Map(), 35);
    const [incoming] = nodesOf(node('n3'), pod('e', 'n3', 'db', preferAway('{matchLabels: {app: db}}')))[0]?.pods ?? [];
    const web = nodes[3]?.pods[0];
    const [n0, n3] = [nodes[0], nodes[3]];
    if (!incoming || !web || !n0 || !n3) throw new Error('no pod');
    const names = (pod: PodInfo) => cluster.nodesWithTermsFor(pod).map((n) => n.name);
    expect(names(incoming)).toEqual(['n2']);
    classes.replace(3, addPodToNode(n3, incoming));
    expect(names(incoming)).toEqual(['n2', 'n3']);
    expect(names(web)).toEqual(['n0', 'n1', 'n2']);
    classes.replace(0, removePodsFromNode(n0, n0.pods));
    expect(names(web)).toEqual(['n1', 'n2']);
  });
});
