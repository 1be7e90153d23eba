// Measured child of the scaling table: times the whole `fit` analysis and loading alone, in one warmed-up process.
import { analyze } from '../src/check.js';
import { loadManifests } from '../src/load/load-manifests.js';

const [pending, cluster] = process.argv.slice(2);
if (pending === undefined || cluster === undefined) throw new Error('usage: fit-phases PENDING CLUSTER');

const load = async () => {
  await loadManifests([pending]);
  await loadManifests([cluster], { fromCluster: true });
};
await load(); // warm-up, so both timed phases run equally optimised code
let started = performance.now();
const { report } = await analyze('fit', [pending], { cluster: [cluster] });
const fitMs = performance.now() - started;
started = performance.now();
await load();
const loadMs = performance.now() - started;
process.stdout.write(`${JSON.stringify({ loadMs, fitMs, workloads: report.summary.workloads })}\n`);
