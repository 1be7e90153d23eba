// Command-line parsing: argv → a typed invocation, or a UsageError with a one-line message.
import { COMMANDS, type CommandName } from './command-names.js';
import { parseArgs } from 'node:util';
import type { FailOn } from '../config/config.js';
import { resolveKubernetesRelease } from '../model/kubernetes-version.js';
import { FORMAT_NAMES } from '../report/formatters/load-formatter.js';
import { UsageError } from '../model/usage-error.js';
import { suggestName } from '../model/closest-name.js';

const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'info', 'none'];

export interface Invocation {
  readonly command: CommandName;
  /** True when no command was named, so the first path may be a misspelt command. */
  readonly implicitCommand: boolean;
  readonly paths: readonly string[];
  readonly cluster: readonly string[];
  /** --context PATH: neighbour manifests for cross-object rules, not checked themselves. */
  readonly context: readonly string[];
  /** --config FILE: the config file to use instead of the one discovered. */
  readonly config: string | undefined;
  /** --schemas DIR: JSON Schemas for custom resources, added to the config file's `schemas`. */
  readonly schemas: readonly string[];
  readonly format: string;
  readonly output: string | undefined;
  readonly failOn: FailOn | undefined;
  readonly quiet: boolean;
  readonly color: boolean | undefined;
  readonly kubernetesVersion: string | undefined;
  readonly strictKinds: boolean;
  readonly drain: readonly string[];
  readonly capacity: boolean;
  /** --all-nodes: per-node scheduling detail even above 100 nodes. */
  readonly allNodes: boolean;
  /** --scheduler-config FILE: a KubeSchedulerConfiguration whose profiles the dry-run runs. */
  readonly schedulerConfig: string | undefined;
  readonly maxFileSize: number | undefined;
  readonly help: boolean;
  readonly version: boolean;
}

const OPTIONS = {
  cluster: { type: 'string', multiple: true },
  context: { type: 'string', multiple: true },
  config: { type: 'string', short: 'c' },
  schemas: { type: 'string', multiple: true },
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  'fail-on': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  'kubernetes-version': { type: 'string' },
  'strict-kinds': { type: 'boolean' },
  drain: { type: 'string', multiple: true },
  capacity: { type: 'boolean' },
  'all-nodes': { type: 'boolean' },
  'scheduler-config': { type: 'string' },
  'max-file-size': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

export function parseInvocation(argv: readonly string[]): Invocation {
  const { values, positionals } = parseOrExplain(argv);
  const [first, ...rest] = positionals;
  const isCommand = COMMANDS.includes(first as CommandName);
  const command = isCommand ? (first as CommandName) : 'check';
  const paths = isCommand ? rest : positionals;
  checkArgumentCount(command, paths);
  if (!values.help && !values.version) checkOptionsUsed(command, Object.keys(values) as OptionName[]);
  // only the text report leaves findings out; the other formats are read by programs
  if (values.quiet && values.format !== undefined && values.format !== 'text') throw new UsageError(`--quiet is for the text format, not ${values.format}`);
  return {
    command,
    implicitCommand: !isCommand,
    paths,
    cluster: values.cluster ?? [],
    context: values.context ?? [],
    config: values.config,
    schemas: values.schemas ?? [],
    format: oneOf('--format', values.format ?? 'text', FORMAT_NAMES),
    output: values.output === undefined ? undefined : outputFile(values.output),
    failOn: values['fail-on'] === undefined ? undefined : oneOf('--fail-on', values['fail-on'], FAIL_ON),
    quiet: values.quiet ?? false,
    color: values['no-color'] ? false : values.color,
    kubernetesVersion: values['kubernetes-version'] === undefined ? undefined : resolveKubernetesRelease(values['kubernetes-version'], '--kubernetes-version'),
    strictKinds: values['strict-kinds'] ?? false,
    drain: values.drain ?? [],
    capacity: values.capacity ?? false,
    allNodes: values['all-nodes'] ?? false,
    schedulerConfig: values['scheduler-config'],
    maxFileSize: values['max-file-size'] === undefined ? undefined : byteCount(values['max-file-size']),
    help: (values.help ?? false) || command === 'help',
    version: values.version ?? false,
  };
}

/** The arguments a command other than check, lint and fit takes: `kubefit rules k8s/` reads no manifest. */
const ARGUMENTS_TAKEN: Partial<Record<CommandName, number>> = { rules: 0, explain: 1, init: 0 };

function checkArgumentCount(command: CommandName, args: readonly string[]): void {
  const most = ARGUMENTS_TAKEN[command];
  if (most === undefined || args.length <= most) return;
  const taken = most === 0 ? 'takes no argument' : 'takes one rule id';
  throw new UsageError(`${command} ${taken}, got ${args.slice(most).map((arg) => `"${arg}"`).join(', ')}`);
}

type OptionName = keyof typeof OPTIONS;

/** Options every command accepts. */
const GLOBAL_OPTIONS: readonly OptionName[] = ['help', 'version', 'color', 'no-color'];
const READING: readonly OptionName[] = ['config', 'cluster', 'format', 'output', 'fail-on', 'quiet', 'kubernetes-version', 'max-file-size'];
const VALIDATION: readonly OptionName[] = ['context', 'schemas', 'strict-kinds'];
const SCHEDULING: readonly OptionName[] = ['drain', 'capacity', 'all-nodes', 'scheduler-config'];

/** The options each command reads: `lint --scheduler-config x.yaml` would otherwise be ignored without a word. */
const OPTIONS_USED: Record<CommandName, readonly OptionName[]> = {
  check: [...READING, ...VALIDATION, ...SCHEDULING],
  lint: [...READING, ...VALIDATION],
  fit: [...READING, ...SCHEDULING],
  rules: ['format', 'config'],
  explain: ['config'],
  init: [],
  help: [],
};

function checkOptionsUsed(command: CommandName, given: readonly OptionName[]): void {
  const unused = given.find((option) => !GLOBAL_OPTIONS.includes(option) && !OPTIONS_USED[command].includes(option));
  if (unused === undefined) return;
  const users = COMMANDS.filter((name) => OPTIONS_USED[name].includes(unused));
  throw new UsageError(`${command} does not use --${unused}`, `--${unused} is for ${listed(users)}. Run "kubefit --help" for usage.`);
}

function parseOrExplain(argv: readonly string[]) {
  checkShortOptionValues(argv);
  checkSingleDashNames(argv);
  try {
    return parseArgs({ args: withAttachedValues(argv), options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const option = /'(-[^']*)'/.exec(text)?.[1];
    if (text.includes('Unknown option')) throw new UsageError(`unknown option ${option ?? ''}`.trim() + optionHint(option));
    // parseArgs names the option as its usage line does: "-f, --format <value>"
    const name = (option ?? '').replace(/ <value>$/, '');
    if (text.includes('argument missing')) throw new UsageError(`option ${name} needs a value`.replace('  ', ' '));
    if (text.includes('argument is ambiguous')) throw new UsageError(`option ${name} needs a value${optionAfter(argv, name)}`);
    // `--color=always` (ls, grep, git): a flag given a value
    if (text.includes('does not take an argument')) throw new UsageError(`option ${name} takes no value`.replace('  ', ' '));
    throw new UsageError(text.split('.')[0] ?? text);
  }
}

/**
 * `-q=1` would be read as -q -= -1 ("unknown option -="): a flag given a value is refused as `--quiet=1` is. A short
 * option that takes a value accepts `-f=json` as kubectl's flag parser (spf13/pflag parseSingleShortArg) does.
 */
function checkShortOptionValues(argv: readonly string[]): void {
  for (const arg of argv) {
    if (arg === '--') return;
    const flag = /^(-[^-])=/.exec(arg)?.[1];
    if (flag === undefined) continue;
    if (optionOf(flag)?.type === 'boolean') throw new UsageError(`option ${flag} takes no value`);
    if (arg === `${flag}=`) throw new UsageError(`option ${flag} needs a value`);
  }
}

/**
 * " before --format" for `--cluster --format json`: an option written where the value of the one before it should be,
 * which parseArgs refuses as ambiguous where kubectl's pflag would take it as the value.
 */
function optionAfter(argv: readonly string[], option: string): string {
  const next = argv[argv.indexOf(option) + 1];
  return argv.includes(option) && next !== undefined ? ` before ${next}` : '';
}

/**
 * `-output json`, `-strict`: a long name after one dash, as Go's flag package (kubeconform) takes it. parseArgs reads
 * it as short options, `-o utput` (the report silently written to a file named utput) or `-s` ("unknown option -s");
 * refused whole, with the long option it likely is. Short options run together (`-qf json`, `-fjson`) pass.
 */
function checkSingleDashNames(argv: readonly string[]): void {
  for (const [index, arg] of argv.entries()) {
    if (arg === '--') return;
    // the value of the option before it (`--drain -x`), which withAttachedValues attaches
    if (index > 0 && takesValue(argv[index - 1] ?? '')) continue;
    const name = /^-([a-z][a-z-]+)(?:=|$)/.exec(arg)?.[1];
    if (name === undefined || (!(name in OPTIONS) && isShortOptionGroup(name))) continue;
    throw new UsageError(`unknown option -${name}${name in OPTIONS ? ` (did you mean --${name}?)` : optionHint(`--${name}`)}`);
  }
}

/** `qf` (-q -f), `fjson` (-f json): flags, then at most one option taking the rest as its value. */
function isShortOptionGroup(letters: string): boolean {
  for (const letter of letters) {
    const option = optionOf(`-${letter}`);
    if (option === undefined) return false;
    if (option.type === 'string') return true;
  }
  return true;
}

/** " (did you mean --cluster?)" for a misspelt long option (`--clustr`, `--nocolor`), or nothing. */
function optionHint(option: string | undefined): string {
  const suggestion = option?.startsWith('--') ? suggestName(option.slice(2), Object.keys(OPTIONS)) : undefined;
  return suggestion === undefined ? '' : ` (did you mean --${suggestion}?)`;
}

/** `--max-file-size -1` means the value -1, not an option: attach such values (`--max-file-size=-1`) so they get checked. */
function withAttachedValues(argv: readonly string[]): string[] {
  const args: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? '';
    // after --, every argument is a path (`kubefit lint -- -o=x.yaml`)
    if (arg === '--') return [...args, ...argv.slice(index)];
    const next = argv[index + 1];
    const shortWithValue = /^(-[^-])=(.*)$/s.exec(arg);
    if (shortWithValue?.[1] !== undefined && takesValue(shortWithValue[1])) args.push(`${shortWithValue[1]}${shortWithValue[2]}`);
    else if (takesValue(arg) && next !== undefined && /^-[^-]/.test(next) && !isKnownOption(next)) {
      args.push(arg.startsWith('--') ? `${arg}=${next}` : `${arg}${next}`);
      index++;
    } else args.push(arg);
  }
  return args;
}

function optionOf(arg: string): (typeof OPTIONS)[keyof typeof OPTIONS] | undefined {
  if (arg.startsWith('--')) return (OPTIONS as Record<string, (typeof OPTIONS)[keyof typeof OPTIONS]>)[arg.slice(2)];
  return Object.values(OPTIONS).find((option) => 'short' in option && `-${option.short}` === arg);
}

function takesValue(arg: string): boolean {
  return optionOf(arg)?.type === 'string';
}

function isKnownOption(arg: string): boolean {
  return optionOf(arg) !== undefined;
}

/** kubectl's output formats, which its users write after -o out of habit. */
const KUBECTL_FORMATS = ['json', 'yaml', 'wide', 'name'];

/**
 * `-o json` is kubectl's output format but kubefit's output file: it would write the report to a file named json in
 * the working directory and print nothing. A format's bare name is refused; `-o ./json` names such a file.
 */
function outputFile(value: string): string {
  if (!FORMAT_NAMES.includes(value) && !KUBECTL_FORMATS.includes(value)) return value;
  const format = FORMAT_NAMES.includes(value) ? `-f ${value} for the ${value} format` : `-f with one of ${FORMAT_NAMES.join(', ')} for a format`;
  throw new UsageError(`-o, --output names the file to write the report to, not a format: "${value}" would be a file named ${value}`, `Use ${format} (kubectl's -o ${value}), or -o ./${value} for a file of that name.`);
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if (allowed.includes(value as T)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, got "${value}"`);
}

function byteCount(value: string): number {
  const match = /^(\d+)(|k|Ki|M|Mi|G|Gi)$/.exec(value);
  const scale: Record<string, number> = { '': 1, k: 1e3, Ki: 1024, M: 1e6, Mi: 1024 ** 2, G: 1e9, Gi: 1024 ** 3 };
  if (!match) throw new UsageError(`--max-file-size must be a byte count such as 64Mi, got "${value}"`);
  return Number(match[1]) * (scale[match[2] ?? ''] ?? 1);
}

/** "check, lint and fit". */
function listed(names: readonly string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}
