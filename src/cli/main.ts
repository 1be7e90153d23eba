// The CLI: argv and I/O in, exit code out. Only bin.ts touches `process`.
import { maxOf } from '../model/append.js';
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { createColors } from 'picocolors';
import { ruleSetOf } from '../catalog.js';
import { analyze } from '../check.js';
import { loadRunConfig } from '../config/load-run-config.js';
import { cacheDirectory } from '../load/validator-cache-dir.js';
import type { RuleMeta } from '../model/rule-meta.js';
import { exitCode } from '../report/exit-code.js';
import { loadFormatter } from '../report/formatters/load-formatter.js';
import type { Report } from '../report/report.js';
import { terminalText } from '../report/formatters/terminal-text.js';
import { toolVersion } from '../version.js';
import { stat } from '../load/async-fs.js';
import { dirname } from 'node:path';
import { resolveFrom } from '../load/expand-inputs.js';
import { didYouMean, suggestName } from '../model/closest-name.js';
import { PEER_CHECK_NAMES, peerChecksNamed, peerNameHint, peerNamesText, peerNameSentence } from '../lint/peer-check-names.js';
import { parseInvocation, type Invocation } from './args.js';
import { COMMANDS } from './command-names.js';
import { runInit } from './commands/init.js';
import { UsageError } from '../model/usage-error.js';
import { writeUserFile } from './write-user-file.js';
import { helpText } from './help.js';
import { createProgress } from './progress.js';

export interface CliIo {
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY?: boolean;
  readonly readStdin: (maxBytes: number) => Promise<Buffer>;
}

export async function main(io: CliIo): Promise<number> {
  try {
    const invocation = parseInvocation(io.argv);
    if (invocation.help) return write(io, helpText(toolVersion()), 0);
    if (invocation.version) return write(io, `${toolVersion()}\n`, 0);
    if (invocation.command === 'rules') return write(io, listRules(await configuredCatalog(invocation, io), invocation.format), 0);
    if (invocation.command === 'explain') return write(io, explainRule(invocation.paths[0], await configuredCatalog(invocation, io)), 0);
    if (invocation.command === 'init') return write(io, await runInit(io.cwd), 0);
    return await runAnalysis(invocation, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`kubefit: ${error.message}\n${error.hint ?? 'Run "kubefit --help" for usage.'}\n`);
    return 2;
  }
}

async function runAnalysis(invocation: Invocation, io: CliIo): Promise<number> {
  await checkNotMisspeltCommand(invocation, io.cwd);
  const outputFile = invocation.output === undefined ? undefined : resolveFrom(io.cwd, invocation.output);
  if (outputFile !== undefined) await checkOutputPath(outputFile);
  const fileConfig = await loadRunConfig({
    cwd: io.cwd,
    ...(invocation.config !== undefined && { configFile: invocation.config }),
    ...(invocation.failOn !== undefined && { failOn: invocation.failOn }),
    ...(invocation.kubernetesVersion !== undefined && { kubernetesVersion: invocation.kubernetesVersion }),
    cluster: invocation.cluster,
    warn: (message) => warn(io, message),
  });
  const config = { ...fileConfig, schemas: [...fileConfig.schemas, ...invocation.schemas] };
  const paths = defaultPaths(invocation, config.cluster.length > 0);
  const progress = createProgress(io.stderr, io.stderrIsTTY === true && !io.env['CI']);
  const { report, matched, emptyStdin, noNodes, noWorkloads, warnings, catalog } = await analyze(invocation.command === 'fit' ? 'fit' : invocation.command === 'lint' ? 'lint' : 'check', paths, {
    cwd: io.cwd,
    config,
    readStdin: io.readStdin,
    context: invocation.context,
    strictKinds: invocation.strictKinds,
    drain: invocation.drain,
    capacity: invocation.capacity,
    allNodes: invocation.allNodes,
    ...(invocation.schedulerConfig !== undefined && { schedulerConfig: invocation.schedulerConfig }),
    ...(outputFile !== undefined && { reportFile: outputFile }),
    cacheDir: cacheDirectory(io.env) ?? false,
    onProgress: progress.update,
    ...(invocation.maxFileSize !== undefined && { limits: { maxFileSize: invocation.maxFileSize } }),
  });
  progress.clear();
  if (emptyStdin) throw new UsageError('standard input is empty', 'The command that should feed kubefit printed nothing (did helm template or kustomize fail?).');
  if (!matched) throw new UsageError(`no input found in ${paths.map((path) => `"${path}"`).join(', ')}${loadErrorsText(report)}`, 'Name YAML or JSON files, directories, glob patterns, or - for standard input.');
  if (noNodes && invocation.command === 'fit') throw new UsageError(`no Node objects to schedule on${loadErrorsText(report)}`, 'Pass the cluster with --cluster, e.g. the output of kubectl get nodes,pods -A -o yaml.');
  if (noNodes) io.stderr.write('kubefit: no Node objects in the inputs or --cluster, so the scheduling dry-run was skipped\n');
  // `fit --cluster snapshot.yaml` asks "why is my Pod pending": a snapshot without one gets a word, not only "0 problems"
  else if (invocation.command === 'fit' && noWorkloads) io.stderr.write('kubefit: nothing to schedule: no workload in the inputs and no pending Pod in the cluster\n');
  for (const warning of warnings) warn(io, warning);
  const formatter = await loadFormatter(invocation.format);
  const useColor = invocation.output === undefined && colorEnabled(invocation, io);
  const output = formatter(report, { rules: catalog, colors: createColors(useColor), cwd: io.cwd, quiet: invocation.quiet, failOn: config.failOn, readSource: sourceReader(io.cwd) });
  if (outputFile !== undefined) await writeUserFile(outputFile, output, 'Check the --output path.');
  else if (typeof output === 'string') io.stdout.write(output);
  else for (const chunk of output) io.stdout.write(chunk);
  return exitCode(report, config.failOn);
}

/** A warning on standard error, its input text written as a terminal shows it. */
function warn(io: CliIo, message: string): void {
  io.stderr.write(`kubefit: warning: ${terminalText(message)}\n`);
}

/** The checks of the configuration the run would read (its custom rules and `rulesDirs` modules too), for rules and explain. */
async function configuredCatalog(invocation: Invocation, io: CliIo): Promise<readonly RuleMeta[]> {
  const config = await loadRunConfig({
    cwd: io.cwd,
    ...(invocation.config !== undefined && { configFile: invocation.config }),
    warn: (message) => warn(io, message),
  });
  return (await ruleSetOf(config, io.cwd)).catalog;
}

/** The input errors that may be why no input or no Node was found (a missing file, a cluster file that does not parse), one per line. */
function loadErrorsText(report: Report): string {
  const errors = report.findings.filter((finding) => finding.severity === 'error' && finding.object === null);
  return errors.map((finding) => `\n  ${terminalText(`${finding.file}:${finding.line}:${finding.column}: ${finding.message}`)} (${finding.ruleId})`).join('');
}

/** Reads input files again for formats that show source lines; files that cannot be read show none. */
function sourceReader(cwd: string): (file: string) => string | undefined {
  return (file) => {
    if (file === '<stdin>') return undefined;
    try {
      return readFileSync(isAbsolute(file) ? file : join(cwd, file), 'utf8');
    } catch {
      return undefined;
    }
  };
}

/**
 * With no path the current directory is checked, except by `fit` given a cluster snapshot: "why is my Pod pending"
 * then needs nothing but the snapshot.
 */
function defaultPaths(invocation: Invocation, clusterInConfig: boolean): readonly string[] {
  if (invocation.paths.length > 0) return invocation.paths;
  return invocation.command === 'fit' && (invocation.cluster.length > 0 || clusterInConfig) ? [] : ['.'];
}

/** `kubefit lnt k8s/`: a first word that is no path but close to a command is a typo, not an input. */
async function checkNotMisspeltCommand(invocation: Invocation, cwd: string): Promise<void> {
  const first = invocation.paths[0];
  if (!invocation.implicitCommand || first === undefined || first === '-' || /[*?[{]/.test(first)) return;
  // kubectl, helm and kube-linter have a version command; kubefit has --version
  const suggestion = first === 'version' ? '--version' : suggestName(first, COMMANDS);
  if (suggestion === undefined || (await exists(resolveFrom(cwd, first)))) return;
  throw new UsageError(`unknown command "${first}" (did you mean ${suggestion}?)`);
}

/** The report file is checked before the run, so a typo in -o does not waste a long analysis. */
async function checkOutputPath(file: string): Promise<void> {
  const info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) throw new UsageError(`cannot write the report to ${file}: it is a directory`, 'Name a file with --output.');
  const folder = await stat(dirname(file)).catch(() => undefined);
  if (!folder?.isDirectory()) throw new UsageError(`cannot write the report to ${file}: folder ${dirname(file)} does not exist`, 'Create the folder first, or name another --output file.');
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined)) !== undefined;
}

function colorEnabled(invocation: Invocation, io: CliIo): boolean {
  if (invocation.color !== undefined) return invocation.color;
  if (io.env['NO_COLOR']) return false;
  if (io.env['TERM'] === 'dumb' && !io.env['FORCE_COLOR']) return false;
  const force = io.env['FORCE_COLOR'];
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return io.stdoutIsTTY;
}

function listRules(rules: readonly RuleMeta[], format: string): string {
  if (format === 'json') return `${JSON.stringify(rules.map(({ id, severity, defaultOn, category, description }) => ({ id, severity, defaultOn, category, description })), null, 2)}\n`;
  if (format !== 'text') throw new UsageError(`kubefit rules writes text or json, not ${format}`);
  const width = maxOf(rules.map((rule) => rule.id.length));
  const lines = rules.map((rule) => `${rule.id.padEnd(width)}  ${(rule.defaultOn ? rule.severity : 'off').padEnd(7)}  ${rule.category.padEnd(11)}  ${rule.description}`);
  return `${lines.join('\n')}\n`;
}

function explainRule(id: string | undefined, rules: readonly RuleMeta[]): string {
  if (id === undefined) throw new UsageError('explain needs a rule id', 'Run "kubefit rules" to list them.');
  const rule = rules.find((candidate) => candidate.id === id);
  if (rule) return ruleText(rule);
  const peers = peerChecksNamed(id);
  const covering = [...new Set(peers.flatMap((peer) => peer.ruleIds))].flatMap((ruleId) => rules.filter((candidate) => candidate.id === ruleId));
  if (covering.length === 0) {
    // a peer check kubefit has no counterpart for is named as such, not taken for a typo
    const names = [...new Set([...rules.map((candidate) => candidate.id), ...PEER_CHECK_NAMES.map((peer) => peer.name)])];
    throw new UsageError(`unknown rule "${id}"${peers.length > 0 ? peerNameHint(id) : didYouMean(id, names)}`, 'Run "kubefit rules" to list them.');
  }
  return [peers.map((peer) => `${peerNameSentence(peer, true)}.\n`).join(''), ...covering.map(ruleText)].join('\n');
}

function ruleText(rule: RuleMeta): string {
  const state = rule.defaultOn ? 'on by default' : 'off by default';
  const peers = peerNamesText(rule.id);
  return `${rule.id} (${rule.severity}, ${rule.category}, ${state})\n\n${rule.description}\n\nWhy: ${rule.rationale}\n\nFix: ${rule.remediation}\n${optionsText(rule)}${peers === '' ? '' : `\nIn other tools: ${peers}\n`}`;
}

/** The options a lint rule takes (meta.options), one line each with type, default and description. */
function optionsText(rule: RuleMeta): string {
  const { options } = rule;
  if (!options) return '';
  const defaults = options.defaults as Readonly<Record<string, unknown>>;
  const lines = Object.entries(options.schema.properties ?? {}).map(([name, schema]) => `  ${name} (${schema.type ?? 'any'}, default ${JSON.stringify(defaults[name])}): ${schema.description ?? ''}`);
  return `\nOptions (rules: {${rule.id}: [${rule.severity}, {...}]}):\n${lines.join('\n')}\n`;
}

function write(io: CliIo, text: string, code: number): number {
  io.stdout.write(text);
  return code;
}
