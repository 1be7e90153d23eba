// Writes the benchmark inputs (seeded, so identical on every run and machine) under .bench/ once.
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCluster, generateClusterList, generatePending, generateStatefulSets } from './generate-cluster.js';
import { generateManifests } from './generate-manifests.js';

export const SEED = 20_261_123;
/** Node classes of every generated cluster. */
export const NODE_CLASSES = 12;
/** Pods bound to every generated node before placement starts. */
export const BOUND_PODS_PER_NODE = 2;

/** Writes `name` under `root` unless it is already there; returns its path. */
function once(root: string, name: string, make: () => string | string[]): string {
  const path = join(root, name);
  if (existsSync(path)) return path;
  const content = make();
  if (typeof content === 'string') writeFileSync(path, content);
  else {
    // written aside and renamed, so an interrupted run never leaves half a cluster behind
    rmSync(`${path}.tmp`, { recursive: true, force: true });
    mkdirSync(`${path}.tmp`, { recursive: true });
    content.forEach((text, index) => writeFileSync(join(`${path}.tmp`, `nodes-${String(index).padStart(3, '0')}.yaml`), text));
    renameSync(`${path}.tmp`, path);
  }
  return path;
}

export class Inputs {
  readonly root: string;

  constructor(root: string) {
    this.root = root;
    mkdirSync(root, { recursive: true });
  }

  manifests(documents: number): string {
    return once(this.root, `manifests-${documents}.yaml`, () => generateManifests({ documents, seed: SEED }));
  }

  oneDeployment(): string {
    return once(this.root, 'one-deployment.yaml', () => generateManifests({ documents: 1, seed: SEED, problemRate: 0, kind: 'Deployment' }));
  }

  cluster(nodes: number): string {
    // -v2: per-node condition times and per-pod token volumes; a new name, so no input of the older generator is reused
    return once(this.root, `cluster-${nodes}-v2`, () => generateCluster({ nodes, classes: NODE_CLASSES, podsPerNode: BOUND_PODS_PER_NODE, seed: SEED }));
  }

  /** cluster(nodes) as one `kubectl get nodes,pods -A -o json` List. */
  clusterList(nodes: number): string {
    return once(this.root, `cluster-${nodes}-v2.json`, () => generateClusterList({ nodes, classes: NODE_CLASSES, podsPerNode: BOUND_PODS_PER_NODE, seed: SEED }));
  }

  /** Nodes of one class (all alike but their names, zones and condition times) and no bound pods. */
  alikeCluster(nodes: number): string {
    return once(this.root, `cluster-${nodes}-alike`, () => generateCluster({ nodes, classes: 1, podsPerNode: 0, seed: SEED }));
  }

  /** `workloads` distinct pod templates with `replicas` each (bare Pods when 1). */
  pending(workloads: number, replicas: number): string {
    return once(this.root, `pending-${workloads}x${replicas}.yaml`, () => generatePending({ workloads, replicas, classes: NODE_CLASSES, seed: SEED }));
  }

  /** `count` StatefulSets of `replicas` replicas, each replica claiming a volume of its own (half preferring nodes apart). */
  statefulSets(count: number, replicas: number): string {
    return once(this.root, `statefulsets-${count}x${replicas}-soft.yaml`, () => generateStatefulSets(count, replicas));
  }

  /** As `pending`, with every workload spreading its replicas over zones and nodes (topologySpreadConstraints). */
  pendingWithSpreading(workloads: number, replicas: number): string {
    return once(this.root, `pending-${workloads}x${replicas}-spread.yaml`, () => generatePending({ workloads, replicas, classes: NODE_CLASSES, seed: SEED, spread: true }));
  }

  /** As `pending`, with every workload preferring its replicas on separate nodes (preferred hostname anti-affinity). */
  pendingPreferringApart(workloads: number, replicas: number): string {
    return once(this.root, `pending-${workloads}x${replicas}-prefer-apart.yaml`, () => generatePending({ workloads, replicas, classes: NODE_CLASSES, seed: SEED, preferApart: true }));
  }

  /** As `pending`, with every `every`-th workload required in a zone with a pod of the workload after it. */
  pendingWaitingForNext(workloads: number, replicas: number, every: number): string {
    return once(this.root, `pending-${workloads}x${replicas}-wait${every}.yaml`, () => generatePending({ workloads, replicas, classes: NODE_CLASSES, seed: SEED, waitForNextEvery: every }));
  }

  /** As `pending`, with every `every`-th workload keeping its replicas apart by required hostname anti-affinity. */
  pendingWithAntiAffinity(workloads: number, replicas: number, every: number): string {
    const name = `pending-${workloads}x${replicas}-anti${every}.yaml`;
    return once(this.root, name, () => generatePending({ workloads, replicas, classes: NODE_CLASSES, seed: SEED, antiAffinityEvery: every }));
  }
}
