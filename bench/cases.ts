// The benchmark cases: each runs whole `kubefit` processes (or a measured child script) over generated input.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BOUND_PODS_PER_NODE, NODE_CLASSES, type Inputs } from './inputs.js';
import { measure, type Measurement } from './measure.js';
import { perSecond, thousands, type Row } from './table.js';

export interface BenchContext {
  readonly inputs: Inputs;
  /** Multiplies the run count of every case (1 = the default, more for quieter medians). */
  readonly runs: (base: number) => number;
  readonly corpus: string;
}

const CLI = fileURLToPath(new URL('../src/cli/bin.js', import.meta.url));
const FIT_PHASES = fileURLToPath(new URL('./fit-phases.js', import.meta.url));

function cli(context: BenchContext, args: readonly string[], runs: number): Measurement {
  return measure([CLI, ...args], { runs: context.runs(runs), workDir: context.inputs.root });
}

function verdict(ms: number, limitMs: number, label: string): string {
  return `${ms <= limitMs ? 'met' : 'MISSED'} (<= ${label})`;
}

export function coldStart(context: BenchContext): Row {
  const result = cli(context, ['lint', context.inputs.oneDeployment()], 10);
  return { name: 'cold start: lint one-deployment.yaml', size: '1 document', medianMs: result.medianMs, cpuMs: result.medianCpuMs, throughput: '-', peakRssMiB: result.peakRssMiB, target: verdict(result.medianMs, 150, '150 ms'), note: 'whole process' };
}

export function lintDocuments(context: BenchContext, documents: number): Row {
  const result = cli(context, ['lint', context.inputs.manifests(documents)], documents > 5000 ? 3 : 5);
  const target = documents === 10_000 ? verdict(result.medianMs, 2000, '2 s') : '-';
  return { name: `lint + schema, one file`, size: `${thousands(documents)} documents`, medianMs: result.medianMs, cpuMs: result.medianCpuMs, throughput: perSecond(documents, result.medianMs, 'documents'), peakRssMiB: result.peakRssMiB, target, note: 'whole process, text report' };
}

export function feasibility(context: BenchContext, pods: number, nodes: number): Row {
  const result = cli(context, ['fit', context.inputs.pending(pods, 1), '--cluster', context.inputs.cluster(nodes), '--format', 'json'], 3);
  return { name: 'fit feasibility (JSON)', size: `${thousands(pods)} pods x ${thousands(nodes)} nodes`, medianMs: result.medianMs, cpuMs: result.medianCpuMs, throughput: perSecond(pods, result.medianMs, 'pods'), peakRssMiB: result.peakRssMiB, target: verdict(result.medianMs, 1000, '1 s'), note: `${clusterNote()}; ${thousands(result.stdout.length)} bytes of JSON` };
}

/** 20,000 identical-class nodes against 5,000, measured in one run so the shared machine's load cancels out. */
export function nodeScaling(context: BenchContext): Row {
  const pods = 1000;
  const small = cli(context, ['fit', context.inputs.pending(pods, 1), '--cluster', context.inputs.cluster(5000), '--format', 'json'], 3);
  const large = cli(context, ['fit', context.inputs.pending(pods, 1), '--cluster', context.inputs.cluster(20_000), '--format', 'json'], 3);
  const ratio = large.medianCpuMs / small.medianCpuMs;
  return {
    name: 'fit feasibility, 20,000 vs 5,000 nodes (JSON)',
    size: `${thousands(pods)} pods x 20,000 nodes`,
    medianMs: large.medianMs, cpuMs: large.medianCpuMs,
    throughput: perSecond(pods, large.medianMs, 'pods'),
    peakRssMiB: large.peakRssMiB,
    target: `${ratio <= 1.5 ? 'met' : 'MISSED'} (<= 1.5x of 5,000 nodes)`,
    note: `CPU ${ratio.toFixed(2)}x the 5,000-node run (${Math.round(small.medianCpuMs)} ms)`,
  };
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

export function placement(context: BenchContext, options: { workloads: number; replicas: number; nodes: number; limitMs: number }): Row {
  const { workloads, replicas, nodes, limitMs } = options;
  const result = cli(context, ['fit', context.inputs.pending(workloads, replicas), '--cluster', context.inputs.cluster(nodes), '--format', 'json'], 3);
  const pods = workloads * replicas;
  return {
    name: `placement (${thousands(pods + nodes * BOUND_PODS_PER_NODE)} pods in all)`,
    size: `${thousands(pods)} replicas x ${thousands(nodes)} nodes`,
    medianMs: result.medianMs, cpuMs: result.medianCpuMs,
    throughput: perSecond(pods, result.medianMs, 'replicas'),
    peakRssMiB: result.peakRssMiB,
    target: verdict(result.medianMs, limitMs, `${limitMs / 1000} s`),
    note: `${thousands(workloads)} Deployments; ${clusterNote()}`,
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
