// `npm run bench`: generates the seeded inputs, runs every case as whole processes and prints the table.
// Options: --runs N multiplies the run count of each case; --quick skips the 20,000-node and peer rows.
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as cases from './cases.js';
import { crdCache } from './crd-cache.js';
import { Inputs } from './inputs.js';
import { kubeconformRows } from './kubeconform.js';
import { TimedOut } from './measure.js';
import { installPeers, PEER_CASES, runPeer, unavailable } from './peers.js';
import { renderTable, type Row } from './table.js';

const { values } = parseArgs({ options: { runs: { type: 'string' }, quick: { type: 'boolean' } } });
const factor = Math.max(1, Number(values.runs ?? 1));
const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const context: cases.BenchContext = {
  inputs: new Inputs(resolve(projectRoot, '.bench')),
  runs: (base) => base * factor,
  corpus: process.env['KUBEFIT_CORPUS'] ?? findCorpus(projectRoot),
};

const loadBefore = loadavg()[0] ?? 0;
const rows: Row[] = [];
const step = (make: () => Row, name = '', size = '') => {
  const [row] = steps(() => [make()], name, size);
  return row;
};
function steps(make: () => Row[], name = '', size = ''): Row[] {
  const made = attempt(make, name, size);
  for (const row of made) {
    rows.push(row);
    process.stderr.write(`${row.name} ${row.size}: ${row.medianMs === undefined ? row.note : `${Math.round(row.medianMs)} ms`}\n`);
  }
  return made;
}

steps(() => cases.coldStart(context));
const lint1k = step(() => cases.lintDocuments(context, 1000));
const lint10k = step(() => cases.lintDocuments(context, 10_000));
step(() => cases.lintDocuments(context, 50_000), 'lint + schema, one file', '50,000 documents');
if (!values.quick) steps(() => cases.formatsAtScale(context, 'lint, 50,000 documents', ['lint', context.inputs.manifests(50_000)], '50,000 documents'));
step(() => cases.feasibility(context, 1000, 5000), 'fit feasibility', '1,000 pods x 5,000 nodes');
// the same cluster as `kubectl get nodes,pods -A -o json` writes it (37 MiB in one document)
step(() => cases.feasibility(context, 1000, 5000, 'json-list'), 'fit feasibility, one JSON List', '1,000 pods x 5,000 nodes');
step(() => cases.htmlReport(context, 1000, 5000), 'fit report as HTML vs JSON', '1,000 pods x 5,000 nodes');
step(() => cases.placement(context, { workloads: 500, replicas: 100, nodes: 5000, limitMs: 5000 }), 'placement', '50,000 replicas x 5,000 nodes');
step(() => cases.placement(context, { workloads: 1400, replicas: 100, nodes: 5000, limitMs: 10_000 }), 'placement', '140,000 replicas x 5,000 nodes');
// issue #13 §5: a few Deployments with required pod anti-affinity among many plain ones (target about 6 s)
step(() => cases.placement(context, { workloads: 500, replicas: 100, nodes: 5000, limitMs: 6000, antiAffinityEvery: 50 }), 'placement with anti-affinity', '50,000 replicas x 5,000 nodes');
// zone DoNotSchedule with hostname spreading, as most charts set it (147 s for this shape before round 18)
step(() => cases.placement(context, { workloads: 200, replicas: 100, nodes: 5000, limitMs: 10_000, spread: true }), 'placement with topology spreading', '20,000 replicas x 5,000 nodes');
step(() => cases.placement(context, { workloads: 100, replicas: 100, nodes: 5000, limitMs: 10_000, preferApart: true }), 'placement, replicas preferring separate nodes', '10,000 replicas x 5,000 nodes');
// pods that fit nowhere at their turn, tried again once a later bind lets them in (the queueing hints)
step(() => cases.placement(context, { workloads: 500, replicas: 100, nodes: 5000, limitMs: 6000, waitForNextEvery: 10 }), 'placement, workloads waiting for the next one', '50,000 replicas x 5,000 nodes');
// every replica a pod of its own, scored with the system default spreading (4.2 s before round 18)
step(() => cases.statefulSetPlacement(context, 50, 20, 5000), 'placement of StatefulSets with claims', '1,000 replicas x 5,000 nodes');
step(() => cases.capacity(context, 100, 5000), 'placement + --capacity', '100 workloads x 5,000 nodes');
step(() => cases.statefulSetPlacement(context, 50, 20, 5000, true), 'placement of StatefulSets with claims + --capacity', '1,000 replicas x 5,000 nodes');
if (!values.quick) step(() => cases.nodeScaling(context), 'fit feasibility, 20,000 vs 5,000 nodes', '1,000 pods x 20,000 nodes');
// nodes alike but their names (one class, no bound pods): what the node classes should make nearly free
if (!values.quick) step(() => cases.nodeScaling(context, 'alike'), 'fit feasibility, 20,000 vs 5,000 alike nodes', '1,000 pods x 20,000 nodes');
for (const nodes of values.quick ? [1000, 5000] : [1000, 5000, 20_000]) step(() => cases.scaling(context, nodes), 'scaling: fit feasibility', `1,000 pods x ${nodes.toLocaleString('en-US')} nodes`);
step(() => cases.corpus(context));
for (const row of attemptRows(() => crdCache(context), 'kube-prometheus with CRDs')) rows.push(row);
if (!values.quick) {
  step(() => cases.corpusCopies(context, 20), 'real corpus x20');
  steps(() => cases.formatsAtScale(context, 'fit feasibility', ['fit', context.inputs.pending(1000, 1), '--cluster', context.inputs.cluster(20_000)], '1,000 pods x 20,000 nodes'));
  steps(() => cases.formatsAtScale(context, 'placement', ['fit', context.inputs.pending(1400, 100), '--cluster', context.inputs.cluster(5000)], '150,000 pods on 5,000 nodes'));
  steps(() => kubeconformRows(context, projectRoot, cases.CLI));
}
if (!values.quick) {
  const peersRoot = resolve(projectRoot, 'bench/.peers');
  const failure = installPeers(peersRoot);
  for (const peer of PEER_CASES) {
    const ours = peer.documents === 10_000 ? lint10k : lint1k;
    const oursTimes = { medianMs: ours?.medianMs ?? Number.NaN, cpuMs: ours?.cpuMs ?? Number.NaN };
    step(() => (failure ? unavailable(peer, failure) : runPeer(context, peer, peersRoot, oursTimes)));
  }
}
const machine = `node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} CPUs, load average ${loadBefore.toFixed(1)} before / ${(loadavg()[0] ?? 0).toFixed(1)} after`;
process.stdout.write(`${renderTable(rows)}\n\n${machine}; medians of several whole-process runs (CPU = user + system); inputs seeded under .bench/\n`);

/** ../shared/corpus beside the clone (a worktree sits one level deeper). */
function findCorpus(root: string): string {
  const candidates = [resolve(root, '../shared/corpus'), resolve(root, '../../shared/corpus')];
  return candidates.find((path) => existsSync(path)) ?? candidates[0] ?? '';
}

/** Several rows from one case; any failure becomes one row saying so. */
function attemptRows(make: () => Row[], name: string): Row[] {
  try {
    return make();
  } catch (error) {
    return attempt(() => { throw error; }, name, '-');
  }
}

/** A case whose run hit the time limit still gets its row, saying so. */
function attempt(make: () => Row[], name: string, size: string): Row[] {
  try {
    return make();
  } catch (error) {
    if (!(error instanceof TimedOut)) throw error;
    return [{ name, size, medianMs: undefined, throughput: '-', peakRssMiB: undefined, target: 'MISSED', note: `${error.message} (killed)` }];
  }
}
