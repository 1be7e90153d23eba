// The benchmark cases: each runs whole `kubefit` processes (or a measured child script) over generated input.
import { cpSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BOUND_PODS_PER_NODE, NODE_CLASSES, type Inputs } from './inputs.js';
import { FORMAT_NAMES } from '../src/report/formatters/index.js';
import { measure, measureInterleaved, type Measurement } from './measure.js';
import { formatMs, perSecond, thousands, type Row } from './table.js';

export interface BenchContext {
  readonly inputs: Inputs;
  /** Multiplies the run count of every case (1 = the default, more for quieter medians). */
  readonly runs: (base: number) => number;
  readonly corpus: string;
}

/** The package's bin (the launcher of the esbuild bundle) and the tsc output it is built from. */
export const CLI = fileURLToPath(new URL('../bundle/cli/bin.js', import.meta.url));
const SOURCES_CLI = fileURLToPath(new URL('../src/cli/bin.js', import.meta.url));
const PARSE_FLOOR = fileURLToPath(new URL('./parse-floor.js', import.meta.url));
/** 50,000 generated documents are 64 MiB in one file, over the default 32 MiB limit. */
const LARGE_FILES = ['--max-file-size', '256Mi'];
const FIT_PHASES = fileURLToPath(new URL('./fit-phases.js', import.meta.url));

function cli(context: BenchContext, args: readonly string[], runs: number, timeoutMs?: number): Measurement {
  return measure([CLI, ...args], { runs: context.runs(runs), workDir: context.inputs.root, ...(timeoutMs !== undefined && { timeoutMs }) });
}

function verdict(ms: number, limitMs: number, label: string): string {
  return `${ms <= limitMs ? 'met' : 'MISSED'} (<= ${label})`;
}

/**
 * Bare node, the tsc output and the bin (with its code cache in .bench/, warmed by the first round, and without) on one
 * small file, interleaved; the target is the bin over bare node.
 */
export function coldStart(context: BenchContext): Row[] {
  const file = context.inputs.oneDeployment();
  const cacheDir = join(context.inputs.root, 'code-cache');
  const [bare, sources, bundle, uncached] = measureInterleaved(
    [{ args: ['-e', '0'] }, { args: [SOURCES_CLI, 'lint', file] }, { args: [CLI, 'lint', file], env: { KUBEFIT_CACHE_DIR: cacheDir } }, { args: [CLI, 'lint', file], env: { KUBEFIT_CACHE_DIR: 'off' } }],
    { runs: context.runs(10), workDir: context.inputs.root },
  );
  if (!bare || !sources || !bundle || !uncached) return [];
  const ratio = (measured: Measurement) => `${(measured.medianMs / bare.medianMs).toFixed(2)}x bare node (CPU ${(measured.medianCpuMs / bare.medianCpuMs).toFixed(2)}x)`;
  const row = (name: string, measured: Measurement, target: string, note: string): Row => ({ name, size: '1 document', medianMs: measured.medianMs, cpuMs: measured.medianCpuMs, throughput: '-', peakRssMiB: measured.peakRssMiB, target, note });
  return [
    row('cold start: node -e 0', bare, '-', 'the floor'),
    row('cold start: lint, tsc output (dist/src)', sources, ratio(sources), 'about 130 ES modules'),
    row('cold start: lint, the bin', bundle, `${ratio(bundle)}: ${bundle.medianMs <= 1.6 * bare.medianMs ? 'met' : 'MISSED'} (<= 1.6x)`, 'esbuild CommonJS bundle run through V8\'s code cache'),
    row('cold start: lint, the bin, code cache off', uncached, ratio(uncached), 'KUBEFIT_CACHE_DIR=off (the first run after an install or upgrade)'),
  ];
}

/** lint + schema beside the js-yaml parse floor of the same file, interleaved (whole processes both). */
export function lintDocuments(context: BenchContext, documents: number): Row {
  const file = context.inputs.manifests(documents);
  const [ours, floor] = measureInterleaved(
    [{ args: [CLI, 'lint', file, ...LARGE_FILES] }, { args: [PARSE_FLOOR, file] }],
    { runs: context.runs(documents > 5000 ? 3 : 5), workDir: context.inputs.root, timeoutMs: 180_000 },
  );
  if (!ours || !floor) throw new Error('no measurement');
  const ratio = ours.medianMs / floor.medianMs;
  const target = documents === 10_000 ? `${ratio.toFixed(2)}x floor: ${ratio <= 2 ? 'met' : 'MISSED'} (<= 2x)` : `${ratio.toFixed(2)}x floor`;
  const perDocument = `${((ours.medianCpuMs * 1000) / documents).toFixed(0)} µs CPU/document`;
  return { name: `lint + schema, one file`, size: `${thousands(documents)} documents`, medianMs: ours.medianMs, cpuMs: ours.medianCpuMs, throughput: perSecond(documents, ours.medianMs, 'documents'), peakRssMiB: ours.peakRssMiB, target, note: `${perDocument}; js-yaml loadAll floor ${formatMs(floor.medianMs)} wall, ${formatMs(floor.medianCpuMs)} CPU` };
}

/** Every output format over one large input, written to a file: the run must finish (no stack or string overflow). */
export function formatsAtScale(context: BenchContext, label: string, args: readonly string[], size: string): Row[] {
  return FORMAT_NAMES.map((format) => {
    const output = join(context.inputs.root, `out.${format}`);
    const result = cli(context, [...args, '--format', format, '--output', output, ...LARGE_FILES], 1, 300_000);
    return { name: `${label}, --format ${format}`, size, medianMs: result.medianMs, cpuMs: result.medianCpuMs, throughput: '-', peakRssMiB: result.peakRssMiB, target: 'completes', note: `${(statSync(output).size / 2 ** 20).toFixed(0)} MiB written` };
  });
}

export function feasibility(context: BenchContext, pods: number, nodes: number, snapshot: 'files' | 'json-list' = 'files'): Row {
  const cluster = snapshot === 'files' ? context.inputs.cluster(nodes) : context.inputs.clusterList(nodes);
  const result = cli(context, ['fit', context.inputs.pending(pods, 1), '--cluster', cluster, '--format', 'json'], 3);
  const name = snapshot === 'files' ? 'fit feasibility (JSON)' : 'fit feasibility, cluster as one kubectl -o json List (JSON)';
  const from = snapshot === 'files' ? `${Math.ceil(nodes / 1000)} YAML files` : `one List of ${(statSync(cluster).size / 2 ** 20).toFixed(0)} MiB`;
  return { name, size: `${thousands(pods)} pods x ${thousands(nodes)} nodes`, medianMs: result.medianMs, cpuMs: result.medianCpuMs, throughput: perSecond(pods, result.medianMs, 'pods'), peakRssMiB: result.peakRssMiB, target: verdict(result.medianMs, 1000, '1 s'), note: `${clusterNote()} in ${from}; ${thousands(result.stdout.length)} bytes of JSON` };
}

/** --format html beside --format json on the same run, interleaved: writing the page may add at most 20%. */
export function htmlReport(context: BenchContext, pods: number, nodes: number): Row {
  const args = ['fit', context.inputs.pending(pods, 1), '--cluster', context.inputs.cluster(nodes)];
  const [json, html] = measureInterleaved(
    [{ args: [CLI, ...args, '--format', 'json'] }, { args: [CLI, ...args, '--format', 'html'] }],
    { runs: context.runs(3), workDir: context.inputs.root },
  );
  if (!json || !html) throw new Error('no measurement');
  const page = `page ${(html.stdout.length / 2 ** 20).toFixed(1)} MiB (< 20 MiB)`;
  return ratioRow({ name: 'fit report as HTML vs JSON', size: `${thousands(pods)} pods x ${thousands(nodes)} nodes`, pods }, { measured: html, base: json, limit: 1.2, baseName: 'the JSON run' }, page);
}

interface RatioTarget {
  readonly measured: Measurement;
  readonly base: Measurement;
  /** The largest CPU ratio measured / base that meets the target. */
  readonly limit: number;
  readonly baseName: string;
}

/** A row whose target is a CPU ratio to another run of the same bench (so the shared machine's load cancels out). */
function ratioRow(row: { name: string; size: string; pods: number }, target: RatioTarget, extraNote?: string): Row {
  const { measured, base, limit, baseName } = target;
  const ratio = measured.medianCpuMs / base.medianCpuMs;
  return {
    name: row.name,
    size: row.size,
    medianMs: measured.medianMs, cpuMs: measured.medianCpuMs,
    throughput: perSecond(row.pods, measured.medianMs, 'pods'),
    peakRssMiB: measured.peakRssMiB,
    target: `${ratio <= limit ? 'met' : 'MISSED'} (<= ${limit}x ${baseName})`,
    note: `CPU ${ratio.toFixed(2)}x ${baseName} (${Math.round(base.medianCpuMs)} ms)${extraNote === undefined ? '' : `; ${extraNote}`}`,
  };
}

/** 20,000 identical-class nodes against 5,000, measured in one run so the shared machine's load cancels out. */
export function nodeScaling(context: BenchContext, shape: 'snapshot' | 'alike' = 'snapshot'): Row {
  const pods = 1000;
  const clusterOf = (nodes: number) => (shape === 'alike' ? context.inputs.alikeCluster(nodes) : context.inputs.cluster(nodes));
  // interleaved (5,000 then 20,000 nodes, each round): a ratio of runs minutes apart measures the VM's drift too
  const fitOn = (nodes: number) => ({ args: [CLI, 'fit', context.inputs.pending(pods, 1), '--cluster', clusterOf(nodes), '--format', 'json'] });
  const [small, large] = measureInterleaved([fitOn(5000), fitOn(20_000)], { runs: context.runs(5), workDir: context.inputs.root });
  if (!small || !large) throw new Error('no measurement');
  const name = shape === 'alike' ? 'fit feasibility, 20,000 vs 5,000 alike nodes (JSON)' : 'fit feasibility, 20,000 vs 5,000 nodes (JSON)';
  return ratioRow({ name, size: `${thousands(pods)} pods x 20,000 nodes`, pods }, { measured: large, base: small, limit: 1.5, baseName: 'the 5,000-node run' });
}

/** --capacity: one probe per workload from the final node state. */
export function capacity(context: BenchContext, workloads: number, nodes: number): Row {
  const result = cli(context, ['fit', context.inputs.pending(workloads, 100), '--cluster', context.inputs.cluster(nodes), '--capacity', '--format', 'json'], 3);
  return {
    name: 'placement + --capacity (JSON)',
    size: `${thousands(workloads)} workloads x ${thousands(nodes)} nodes`,
    medianMs: result.medianMs, cpuMs: result.medianCpuMs,
    throughput: perSecond(workloads, result.medianMs, 'workloads'),
    peakRssMiB: result.peakRssMiB,
    target: verdict(result.medianMs, 5000, '5 s'),
    note: `${thousands(workloads * 100)} replicas, then up to 1,000 more per workload probed`,
  };
}

/**
 * Replicas of `workloads` Deployments placed one by one; with `antiAffinityEvery`, every such one keeps its replicas
 * apart; with `spread`, every one spreads them over zones and nodes.
 */
export function placement(context: BenchContext, options: { workloads: number; replicas: number; nodes: number; limitMs: number; antiAffinityEvery?: number; spread?: boolean; preferApart?: boolean; waitForNextEvery?: number }): Row {
  const { workloads, replicas, nodes, limitMs, antiAffinityEvery, spread, preferApart, waitForNextEvery } = options;
  const pending = antiAffinityEvery
    ? context.inputs.pendingWithAntiAffinity(workloads, replicas, antiAffinityEvery)
    : spread ? context.inputs.pendingWithSpreading(workloads, replicas)
    : preferApart ? context.inputs.pendingPreferringApart(workloads, replicas)
    : waitForNextEvery ? context.inputs.pendingWaitingForNext(workloads, replicas, waitForNextEvery) : context.inputs.pending(workloads, replicas);
  const result = cli(context, ['fit', pending, '--cluster', context.inputs.cluster(nodes), '--format', 'json'], 3);
  const pods = workloads * replicas;
  const anti = antiAffinityEvery ? `, ${thousands(Math.ceil(workloads / antiAffinityEvery))} with required anti-affinity` : '';
  const kind = anti ? ' with anti-affinity' : spread ? ' with topology spreading' : preferApart ? ', replicas preferring separate nodes' : waitForNextEvery ? ', workloads waiting for the next one' : '';
  return {
    name: `placement${kind} (${thousands(pods + nodes * BOUND_PODS_PER_NODE)} pods in all)`,
    size: `${thousands(pods)} replicas x ${thousands(nodes)} nodes`,
    medianMs: result.medianMs, cpuMs: result.medianCpuMs,
    throughput: perSecond(pods, result.medianMs, 'replicas'),
    peakRssMiB: result.peakRssMiB,
    target: verdict(result.medianMs, limitMs, `${limitMs / 1000} s`),
    note: `${thousands(workloads)} Deployments${anti}${spread ? ', each spread over zones (DoNotSchedule) and nodes' : ''}${preferApart ? ', each with preferred hostname anti-affinity against its own pods (InterPodAffinity scores every replica after the first)' : ''}${waitForNextEvery ? `, every ${waitForNextEvery}th required in a zone with a pod of the next one (placed once that one's first bind queues it again)` : ''}; ${clusterNote()}`,
  };
}

/**
 * StatefulSets with volumeClaimTemplates: every replica is a pod of its own, placed one at a time; with `capacity`,
 * each set then probes its next ordinals, each with new claims.
 */
export function statefulSetPlacement(context: BenchContext, count: number, replicas: number, nodes: number, capacity = false): Row {
  const result = cli(context, ['fit', context.inputs.statefulSets(count, replicas), '--cluster', context.inputs.cluster(nodes), '--format', 'json', ...(capacity ? ['--capacity'] : [])], 3);
  const pods = count * replicas;
  return {
    name: `placement of StatefulSets with claims${capacity ? ' + --capacity' : ''}`,
    size: `${thousands(pods)} replicas x ${thousands(nodes)} nodes`,
    medianMs: result.medianMs, cpuMs: result.medianCpuMs,
    throughput: perSecond(pods, result.medianMs, 'replicas'),
    peakRssMiB: result.peakRssMiB,
    target: capacity ? verdict(result.medianMs, 5000, '5 s') : verdict(result.medianMs, 3000, '3 s'),
    note: `${thousands(count)} StatefulSets, volumeClaimTemplates of a WaitForFirstConsumer StorageClass, half with preferred hostname anti-affinity${capacity ? ', then the next 20 ordinals of each probed' : ''}; ${clusterNote()}`,
  };
}

/** Same workloads at growing cluster sizes: scheduling cost should follow node classes, not nodes. */
export function scaling(context: BenchContext, nodes: number): Row {
  const pods = 1000;
  const result = measure([FIT_PHASES, context.inputs.pending(pods, 1), context.inputs.cluster(nodes)], { runs: context.runs(1), workDir: context.inputs.root });
  const phases = JSON.parse(result.stdout) as { loadMs: number; fitMs: number };
  const scheduleMs = Math.max(0, phases.fitMs - phases.loadMs);
  return {
    name: 'scaling: fit feasibility',
    size: `${thousands(pods)} pods x ${thousands(nodes)} nodes`,
    medianMs: phases.fitMs,
    throughput: perSecond(pods, phases.fitMs, 'pods'),
    peakRssMiB: result.peakRssMiB,
    target: '-',
    note: `load ${Math.round(phases.loadMs)} ms, scheduling ${Math.round(scheduleMs)} ms; ${clusterNote()}`,
  };
}

export function corpus(context: BenchContext): Row {
  if (!existsSync(context.corpus)) {
    return { name: 'real corpus', size: '-', medianMs: undefined, throughput: '-', peakRssMiB: undefined, target: '-', note: `skipped: ${context.corpus} not found` };
  }
  const result = cli(context, ['lint', context.corpus, '--format', 'json'], 3);
  const summary = (JSON.parse(result.stdout) as { summary: { objects: number; files: number } }).summary;
  return { name: 'real corpus: lint + schema', size: `${thousands(summary.objects)} objects, ${summary.files} files`, medianMs: result.medianMs, cpuMs: result.medianCpuMs, throughput: perSecond(summary.objects, result.medianMs, 'objects'), peakRssMiB: result.peakRssMiB, target: '-', note: 'whole process' };
}

function clusterNote(): string {
  return `${NODE_CLASSES} node classes, ${BOUND_PODS_PER_NODE} bound pods per node`;
}

/** The real corpus copied `copies` times (a large repository): peak memory is the point. */
export function corpusCopies(context: BenchContext, copies: number): Row {
  if (!existsSync(context.corpus)) return { name: `real corpus x${copies}`, size: '-', medianMs: undefined, throughput: '-', peakRssMiB: undefined, target: '-', note: `skipped: ${context.corpus} not found` };
  const root = join(context.inputs.root, `corpus-x${copies}`);
  if (!existsSync(root)) for (let copy = 1; copy <= copies; copy++) cpSync(context.corpus, join(root, `copy-${copy}`), { recursive: true });
  const result = cli(context, ['lint', root, '--format', 'json'], 1, 300_000);
  const summary = (JSON.parse(result.stdout) as { summary: { objects: number; files: number } }).summary;
  const memory = result.peakRssMiB <= 600 ? 'met' : 'MISSED';
  return { name: `real corpus x${copies}: lint + schema`, size: `${thousands(summary.objects)} objects, ${thousands(summary.files)} files`, medianMs: result.medianMs, cpuMs: result.medianCpuMs, throughput: perSecond(summary.objects, result.medianMs, 'objects'), peakRssMiB: result.peakRssMiB, target: `memory ${memory} (<= 600 MiB)`, note: 'one run, whole process' };
}
