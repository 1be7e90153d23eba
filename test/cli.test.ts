import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Report } from '../src/report/report.js';
import { toolVersion } from '../src/version.js';
import { runCli } from './run-cli.js';

const CLEAN = 'fixtures/load/multi-doc.yaml';

describe('kubefit CLI', () => {
  it('prints its version and help', async () => {
    expect((await runCli(['--version'])).stdout).toBe(`${toolVersion()}\n`);
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('kubefit [check] [paths...]');
  });

  it('exits 0 on clean input and says so in one line', async () => {
    const run = await runCli(['lint', CLEAN]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('✔ 0 problems (0 errors, 0 warnings, 0 infos) in 3 objects from 1 file\n');
  });

  it('exits 1 on errors and prints them grouped by file with line:col', async () => {
    const run = await runCli(['lint', 'fixtures/load/broken.yaml', 'fixtures/load/duplicate-key.yaml']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        'fixtures/load/broken.yaml',
        '  9:9  error    found unexpected end of stream  yaml-syntax',
        '',
        'fixtures/load/duplicate-key.yaml',
        '  5:3  error    duplicate key "name"  duplicate-key',
        '',
        '✖ 2 problems (2 errors, 0 warnings, 0 infos) in 3 objects from 2 files',
        '',
      ].join('\n'),
    );
  });

  // upstream: apimachinery unstructuredJSONScheme.decode (any kind with items is a List) and cli-runtime
  // FlattenListVisitor.Visit (a List holding a List fails whole): which objects the files hold, as kubectl reads them
  it('reads the objects kubectl reads from a kind with top-level items and from a List holding a List', async () => {
    const run = await runCli(['lint', '--format', 'json', 'fixtures/load/lists/items-of-any-kind.yaml', 'fixtures/load/lists/nested-lists.yaml']);
    const report = JSON.parse(run.stdout) as { findings: { line: number; ruleId: string }[]; summary: { objects: number } };
    expect(report.summary.objects).toBe(5);
    expect(report.findings.filter((finding) => finding.ruleId === 'yaml-syntax').map((finding) => finding.line)).toEqual([25, 8]);
  });

  // upstream: cli-runtime pkg/resource/metadata_decoder.go metadataValidatingDecoder.Decode: kubectl refuses a document
  // whose metadata does not decode into ObjectMeta (`name: y` is go-yaml v2's true), so nothing of it is scheduled
  it('does not place a workload kubectl refuses for its metadata, and fit reports it as check does', async () => {
    const runs = await Promise.all(['fit', 'check'].map((command) => runCli([command, '--format', 'json', 'fixtures/schedule/ObjectMetaDecoding'])));
    const reports = runs.map((run) => JSON.parse(run.stdout) as { findings: { line: number; ruleId: string; message: string }[]; scheduling: { object: { name: string } }[] });
    for (const report of reports) expect(report.scheduling.map((result) => result.object.name)).toEqual(['placed']);
    const [fitSchema, checkSchema] = reports.map((report) => report.findings.filter((finding) => finding.ruleId === 'schema').map((finding) => `${finding.line} ${finding.message}`));
    expect(fitSchema).toEqual(['12 metadata.name must be a string, got true', '19 metadata.namespace must be a string, got 3']);
    expect(checkSchema).toEqual(fitSchema);
  });

  it('reads every argument after -- as a path', async () => {
    const run = await runCli(['lint', '--', '-o=x.yaml', '--max-file-size', '-1']);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('kubefit: no input found in "-o=x.yaml", "--max-file-size", "-1"');
  });

  it('takes -f=json as -f json, as kubectl (spf13/pflag parseSingleShortArg) does', async () => {
    const run = await runCli(['lint', '-f=json', CLEAN]);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as Report).summary.objects).toBe(3);
  });

  it('writes a file named as a format when the path says it is one', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'kubefit-output-'));
    onTestFinished(() => rm(folder, { recursive: true, force: true }));
    expect((await runCli(['lint', resolve(CLEAN), '-f', 'json', '-o', './json'], { cwd: folder })).code).toBe(0);
    expect((JSON.parse(await readFile(join(folder, 'json'), 'utf8')) as Report).summary.objects).toBe(3);
  });

  it('takes short options run together, their value attached or not', async () => {
    for (const argv of [['-fjson'], ['-qf', 'text']]) expect((await runCli(['lint', ...argv, CLEAN])).code).toBe(0);
    expect((await runCli(['lint', '-fjson', CLEAN])).stdout.startsWith('{')).toBe(true);
  });

  it('writes no terminal control from the inputs into GitHub annotations', async () => {
    const run = await runCli(['lint', '-', '--format', 'github'], { stdin: 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n  - {name: "c\\e]0;title\\ab\\u202e", image: nginx}\n' });
    expect(run.stdout).toContain('::warning title=liveness-probe::<stdin>:6:12: container "c\\x1b]0;title\\ab\\u202e" has no livenessProbe\n');
    expect(run.stdout).not.toMatch(/[\u001b\u0007\u202e]/);
  });

  it('shows under --quiet every finding that fails the run, the warnings too with --fail-on warning', async () => {
    const stdin = 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n  - {name: c, image: nginx:1.27}\n';
    const failing = await runCli(['lint', '-', '-q', '--fail-on', 'warning'], { stdin });
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('6:12  warning  container "c" has no livenessProbe  liveness-probe');
    const passing = await runCli(['lint', '-', '-q'], { stdin });
    expect({ code: passing.code, stdout: passing.stdout }).toEqual({ code: 0, stdout: '✔ 3 problems (0 errors, 3 warnings, 0 infos) in 1 object from 1 file\n' });
  });

  it('honours --fail-on', async () => {
    expect((await runCli(['lint', 'fixtures/load/not-kubernetes.yaml'])).code).toBe(0);
    expect((await runCli(['lint', '--fail-on', 'info', 'fixtures/load/not-kubernetes.yaml'])).code).toBe(1);
    expect((await runCli(['lint', '--fail-on', 'none', 'fixtures/load/broken.yaml'])).code).toBe(0);
  });

  // the summary's ✔/✖ said "errors or unschedulable" whatever --fail-on said: ✔ above an exit code of 1
  it('marks the text summary as the exit code judges the run, --fail-on included', async () => {
    const summary = async (argv: string[]) => {
      const run = await runCli(argv);
      return [run.code, run.stdout.trimEnd().split('\n').at(-1)?.slice(0, 1)];
    };
    expect(await summary(['lint', 'fixtures/load/not-kubernetes.yaml'])).toEqual([0, '✔']);
    expect(await summary(['lint', '--fail-on', 'info', 'fixtures/load/not-kubernetes.yaml'])).toEqual([1, '✖']);
    expect(await summary(['lint', 'fixtures/load/broken.yaml'])).toEqual([1, '✖']);
    expect(await summary(['lint', '--fail-on', 'none', 'fixtures/load/broken.yaml'])).toEqual([0, '✔']);
  });

  it.each([
    [['--bogus'], 'kubefit: unknown option --bogus\n'],
    [['--clustr', 'nodes.yaml'], 'kubefit: unknown option --clustr (did you mean --cluster?)\n'],
    [['--nocolor'], 'kubefit: unknown option --nocolor (did you mean --no-color?)\n'],
    [['--strict'], 'kubefit: unknown option --strict (did you mean --strict-kinds?)\n'],
    [['--format', 'xml'], 'kubefit: --format must be one of'],
    [['--fail-on', 'sometimes'], 'kubefit: --fail-on must be one of error, warning, info, none, got "sometimes"'],
    [['--kubernetes-version', 'latest'], 'kubefit: --kubernetes-version must look like 1.34'],
    [['--kubernetes-version', '1.26'], 'kubefit: --kubernetes-version 1.26 is not supported: kubefit checks Kubernetes 1.27 to 1.36\n'],
    [['explain', 'no-such-rule'], 'kubefit: unknown rule "no-such-rule"'],
    [['--color=always'], 'kubefit: option --color takes no value\n'],
    // -q=1 was read as -q -= -1 ("unknown option -="); a short flag given a value is refused as --quiet=1 is
    [['-q=1'], 'kubefit: option -q takes no value\n'],
    [['-o=', CLEAN], 'kubefit: option -o needs a value\n'],
    // parseArgs' own wording ("Option '--cluster' argument is ambiguous", "-f, --format <value>") is not kubefit's
    [['--cluster', '--format', 'json', CLEAN], 'kubefit: option --cluster needs a value before --format\n'],
    [['lint', '-f', '-q', CLEAN], 'kubefit: option -f needs a value before -q\n'],
    [['lint', CLEAN, '--format'], 'kubefit: option -f, --format needs a value\n'],
    // a long name after one dash (Go's flag package: kubeconform -output json -strict -summary) was read as short
    // options: -o utput wrote the report to a file named utput, -strict said "unknown option -s"
    [['-output', 'json', CLEAN], 'kubefit: unknown option -output (did you mean --output?)\n'],
    [['-config=ci.yaml', CLEAN], 'kubefit: unknown option -config (did you mean --config?)\n'],
    [['-strict', CLEAN], 'kubefit: unknown option -strict (did you mean --strict-kinds?)\n'],
    [['-summary', CLEAN], 'kubefit: unknown option -summary\n'],
    // a value that starts with a dash is the option's, as before: no Node is named -worker
    [['--drain', '-worker', CLEAN], 'kubefit: --drain -worker: no Node of that name in the cluster\n'],
    // kube-linter version, kubectl version: read as a path, it was "no input found in "version""
    [['version'], 'kubefit: unknown command "version" (did you mean --version?)\n'],
    // kubectl's -o json is an output format: kubefit's -o json wrote the report to a file named json, printing nothing
    [['lint', CLEAN, '-o', 'json'], 'kubefit: -o, --output names the file to write the report to, not a format: "json" would be a file named json\nUse -f json for the json format (kubectl\'s -o json), or -o ./json for a file of that name.\n'],
    [['lint', CLEAN, '--output=yaml'], 'kubefit: -o, --output names the file to write the report to, not a format: "yaml" would be a file named yaml\nUse -f with one of text, json, sarif, github, junit, html for a format (kubectl\'s -o yaml), or -o ./yaml for a file of that name.\n'],
    // an option the command never reads is a mistake, not silently ignored (check and fit read --scheduler-config)
    [['lint', '--scheduler-config', 'missing.yaml', CLEAN], 'kubefit: lint does not use --scheduler-config\n--scheduler-config is for check and fit.'],
    [['lint', '--drain', 'node-a', CLEAN], 'kubefit: lint does not use --drain\n'],
    [['fit', '--strict-kinds', CLEAN], 'kubefit: fit does not use --strict-kinds\n--strict-kinds is for check and lint.'],
    [['rules', '-o', 'rules.txt'], 'kubefit: rules does not use --output\n--output is for check, lint and fit.'],
    [['explain', 'latest-tag', '--quiet'], 'kubefit: explain does not use --quiet\n'],
    [['init', '--config', 'x.yaml'], 'kubefit: init does not use --config\n'],
    [['lint', '-q', '-f', 'json', CLEAN], 'kubefit: --quiet is for the text format, not json\n'],
    [['rules', 'k8s/'], 'kubefit: rules takes no argument, got "k8s/"\n'],
    [['explain', 'latest-tag', 'liveness-probe'], 'kubefit: explain takes one rule id, got "liveness-probe"\n'],
    [['init', 'k8s/'], 'kubefit: init takes no argument, got "k8s/"\n'],
    [['check', 'does-not-exist/'], 'kubefit: no input found in "does-not-exist/"\n  does-not-exist/:1:1: no such file or directory (file-unreadable)\n'],
    [['lint', 'no-such.yaml', 'fixtures/load/empty-dir-*/'], 'kubefit: no input found in "no-such.yaml", "fixtures/load/empty-dir-*/"\n  fixtures/load/empty-dir-*/:1:1: no files match this pattern (file-unreadable)\n  no-such.yaml:1:1: no such file or directory (file-unreadable)\n'],
    // an empty argument ("$FILE" unset) names no file, not the working folder (kubectl: the path "" does not exist)
    [['lint', ''], 'kubefit: no input found in ""'],
  ])('exits 2 with a one-line message for %j', async (argv, message) => {
    const run = await runCli(argv);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.startsWith(message)).toBe(true);
    expect(run.stderr).not.toContain('    at ');
  });

  it('explains a kube-linter, kube-score or Polaris check name as the kubefit rule that covers it', async () => {
    const run = await runCli(['explain', 'no-read-only-root-fs']);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith("kube-linter's no-read-only-root-fs is kubefit's read-only-root-filesystem.\n\nread-only-root-filesystem (warning, security, off by default)\n")).toBe(true);
    expect(run.stdout).toContain('\nIn other tools: kube-linter: no-read-only-root-fs; kube-score: container-security-context-readonlyrootfilesystem; Polaris: notReadOnlyRootFilesystem\n');
    const probes = await runCli(['explain', 'pod-probes']);
    expect(probes.stdout.startsWith("kube-score's pod-probes is kubefit's readiness-probe and liveness-probe (kube-score asks for probes only when a Service selects the pod).\n\nreadiness-probe (")).toBe(true);
    expect(probes.stdout).toContain('\nliveness-probe (warning, probes, on by default)\n');
    const uncovered = await runCli(['explain', 'cpuLimitsMissing']);
    expect(uncovered.code).toBe(2);
    expect(uncovered.stderr).toContain(`kubefit: unknown rule "cpuLimitsMissing" (Polaris's cpuLimitsMissing has no kubefit counterpart: kubefit does not ask for a cpu limit)\n`);
    const misspelt = await runCli(['explain', 'notReadOnlyRootFileSystem']);
    expect(misspelt.code).toBe(2);
    expect(misspelt.stderr).toContain('kubefit: unknown rule "notReadOnlyRootFileSystem" (did you mean notReadOnlyRootFilesystem?)');
  });

  it('reports a peer tool\'s suppression annotation at its key, does not honour it, and names kubefit\'s equivalent', async () => {
    const pod = (annotations: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: shop\n  annotations:\n${annotations}spec:\n  containers:\n    - name: web\n      image: nginx:latest\n`;
    const findings = async (annotations: string) => {
      const run = await runCli(['lint', '-', '--format', 'json'], { stdin: pod(annotations) });
      return (JSON.parse(run.stdout) as Report).findings.filter((finding) => ['latest-tag', 'peer-suppression'].includes(finding.ruleId));
    };
    const exempt = '    polaris.fairwinds.com/tagNotSpecified-exempt: "true"\n';
    expect((await findings(exempt)).map((finding) => [finding.ruleId, `${finding.line}:${finding.column}`, finding.message])).toEqual([
      ['peer-suppression', '7:5', "kubefit does not honour Polaris's polaris.fairwinds.com/tagNotSpecified-exempt annotation; kubefit's equivalent is kubefit.dev/ignore: latest-tag=<reason>"],
      ['latest-tag', '11:14', expect.any(String)],
    ]);
    expect(await findings(`${exempt}    kubefit.dev/ignore: latest-tag=pinned by digest at deploy time\n`)).toEqual([]);
  });

  // as ESLint's lib/linter/linter.js createMissingRuleMessage reports a directive naming an unknown rule, and as an ignore entry's rule is
  // worded in the configuration: a typo in a suppression is not just "unused"
  it('says which rule a suppression naming no check likely meant, in the annotation and in comment directives', async () => {
    const stdin = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n    kubefit.dev/ignore: "latest-tagg, readiness-probe"\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27  # kubefit-disable-line imagee-pull-policy, no-such-check\n';
    const run = await runCli(['lint', '-'], { stdin });
    expect(run.stdout.split('\n').filter((line) => line.endsWith('unused-suppression'))).toEqual([
      '  6:25   info     "readiness-probe" in the kubefit.dev/ignore annotation suppresses no finding  unused-suppression',
      '  6:25   info     unknown rule "latest-tagg" in the kubefit.dev/ignore annotation (did you mean latest-tag?): it suppresses nothing  unused-suppression',
      '  10:26  info     unknown rule "imagee-pull-policy" in kubefit-disable-line (did you mean image-pull-policy?): it suppresses nothing  unused-suppression',
      '  10:26  info     unknown rule "no-such-check" in kubefit-disable-line: it suppresses nothing  unused-suppression',
    ]);
  });

  it('prints the JSON contract', async () => {
    const run = await runCli(['check', '--format', 'json', 'fixtures/load/duplicate-key.yaml', CLEAN]);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.version).toBe(2);
    expect(report.tool).toEqual({ name: 'kubefit', version: toolVersion() });
    expect(report.summary).toMatchObject({ files: 2, objects: 4, errors: 1, warnings: 0, infos: 0 });
    expect(report.findings[0]).toEqual({
      ruleId: 'duplicate-key', severity: 'error', message: 'duplicate key "name"',
      file: 'fixtures/load/duplicate-key.yaml', line: 5, column: 3, endLine: 5, endColumn: 7, object: null, path: null,
    });
    expect(Array.isArray(report.scheduling)).toBe(true);
  });

  it('counts the objects of the --cluster inputs as it counts their files', async () => {
    const run = await runCli(['fit', '--format', 'json', 'fixtures/scheduler/profiles/app.yaml', '--cluster', 'fixtures/scheduler/profiles/cluster.yaml']);
    expect((JSON.parse(run.stdout) as Report).summary).toMatchObject({ files: 2, objects: 7 });
  });

  it('says when an input is also given with --cluster, which reads it as cluster state only', async () => {
    const run = await runCli(['check', 'fixtures/demo/cluster/nodes.yaml', '--cluster', 'fixtures/demo/cluster']);
    expect(run.stderr).toContain('kubefit: warning: fixtures/demo/cluster/nodes.yaml is also given with --cluster: it is read as cluster state');
  });

  it('reads standard input for -', async () => {
    const run = await runCli(['lint', '-', '--format', 'json'], { stdin: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: a, name: b}\n' });
    const report = JSON.parse(run.stdout) as Report;
    expect(report.findings.map((finding) => `${finding.file}:${finding.line}:${finding.column}`)).toEqual(['<stdin>:3:21']);
  });

  it('colours only when asked or on a terminal, and honours NO_COLOR and FORCE_COLOR', async () => {
    const file = 'fixtures/load/broken.yaml';
    expect((await runCli(['lint', file])).stdout).not.toContain('\u001b[');
    expect((await runCli(['lint', file], { tty: true })).stdout).toContain('\u001b[');
    expect((await runCli(['lint', file], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
    expect((await runCli(['lint', file], { env: { FORCE_COLOR: '1' } })).stdout).toContain('\u001b[');
    expect((await runCli(['lint', '--color', file])).stdout).toContain('\u001b[');
  });

  it('runs as a real process from the bundled CLI, with the version set at build time', async () => {
    const run = await promisify(execFile)('node', ['dist/bundle/cli/bin.js', '--version']);
    expect(run.stdout).toBe(`${toolVersion()}\n`);
  });

  it('gives the same report from the bundled CLI as from the sources, scheduler chunk included', async () => {
    const argv = ['check', 'fixtures/demo/app', '--cluster', 'fixtures/demo/cluster', '--format', 'json'];
    const bundled = await promisify(execFile)('node', ['dist/bundle/cli/bin.js', ...argv]).catch((error: { stdout: string; code: number }) => error);
    const inProcess = await runCli(argv);
    expect(bundled.stdout).toBe(inProcess.stdout);
    expect(inProcess.code).toBe(1);
  });
});

describe('kubefit CLI on paths the system refuses', () => {
  it('says what the system said, without Node\'s error code, call and absolute path', async () => {
    const [underFile, tooLong] = [`${CLEAN}/x.yaml`, `${'a'.repeat(300)}.yaml`];
    const run = await runCli(['lint', '--format', 'json', underFile, tooLong, CLEAN]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.findings.map(({ file, ruleId, message }) => `${file} ${ruleId}: ${message}`)).toEqual([
      `${tooLong} file-unreadable: name too long`,
      `${underFile} file-unreadable: not a directory`,
    ]);
  });
});

describe('kubefit CLI on text that would act on a terminal', () => {
  // A key, name or label from the inputs is printed in messages, node lines and headers: an ESC, C1 control or
  // bidirectional override in it would clear the screen, set the window title or reorder the line.
  it('writes control and bidirectional characters from the inputs as Go\'s %q escapes them, in findings and scheduling', async () => {
    const run = await runCli(['check', 'fixtures/hostile/terminal-controls.yaml', '--color']);
    expect(run.code).toBe(1);
    const plain = run.stdout.replace(/\x1b\[\d+m/g, '');
    expect(plain).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]/);
    expect(plain).toContain('unknown field "\\u202eevil" in metadata');
    expect(plain).toContain('Pod default/web\\x1b[2J  1 replica, 0 placed, 1 unschedulable');
    expect(plain).toContain('      node\\x1b]0;title\\a: node(s) didn\'t match Pod\'s node affinity/selector  (node lacks label disk\\u009b31m=ssd)');
  });
});

describe('kubefit CLI without Nodes', () => {
  it('check skips the scheduling dry-run and says so on stderr', async () => {
    const run = await runCli(['check', 'fixtures/load/multi-doc.yaml']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('kubefit: no Node objects in the inputs or --cluster, so the scheduling dry-run was skipped\n');
  });

  it('fit is a usage error', async () => {
    const run = await runCli(['fit', 'fixtures/load/multi-doc.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr.startsWith('kubefit: no Node objects to schedule on\n')).toBe(true);
  });
});

describe('kubefit --schemas', () => {
  const restoreFindings = async (argv: string[]) => {
    const run = await runCli(['lint', 'fixtures/schema/custom-resources.yaml', '--format', 'json', ...argv]);
    return (JSON.parse(run.stdout) as Report).findings.filter((finding) => finding.line >= 50).map((finding) => `${finding.line}:${finding.column} ${finding.ruleId}`);
  };

  it('validates custom resources against schemas in kubeconform\'s layout', async () => {
    expect(await restoreFindings([])).toEqual(['50:7 unknown-kind']);
    expect(await restoreFindings(['--schemas', 'fixtures/schema/schemas'])).toEqual(['55:13 schema']);
  });

  it('exits 2 for a schema folder that cannot be read', async () => {
    const run = await runCli(['lint', 'fixtures/schema/custom-resources.yaml', '--schemas', 'no-such-dir']);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('kubefit: cannot read schema directory no-such-dir: no such file or directory');
  });

  it('says a schema location given as a URL, as kubeconform takes it, is not read', async () => {
    const run = await runCli(['lint', '--schemas', 'https://raw.githubusercontent.com/datreeio/CRDs-catalog/main/{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json', CLEAN]);
    expect([run.code, run.stderr.split('\n')[0]]).toEqual([2, 'kubefit: cannot read schema directory https://raw.githubusercontent.com/datreeio/CRDs-catalog/main/{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json: a URL, and kubefit reads schemas offline, from a folder in the same layout (a clone of datreeio/CRDs-catalog, for one)']);
  });

  it('says a schema folder that is a file is not a directory', async () => {
    const run = await runCli(['lint', 'fixtures/schema/custom-resources.yaml', '--schemas', 'fixtures/schema/custom-resources.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('kubefit: cannot read schema directory fixtures/schema/custom-resources.yaml: not a directory');
  });
});

describe('kubefit with a rulesDir', () => {
  it('runs JS rule modules shaped like the built-in ones, named in the config file', async () => {
    const { mkdtemp, mkdir, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = await mkdtemp(join(tmpdir(), 'kubefit-rulesdir-'));
    try {
      await mkdir(join(dir, 'lint-rules'));
      await writeFile(join(dir, '.kubefit.yaml'), 'rulesDirs: [lint-rules]\n');
      await writeFile(
        join(dir, 'lint-rules', 'no-host-aliases.mjs'),
        `export default {
  meta: { id: 'no-host-aliases', severity: 'warning', category: 'custom', description: 'pod sets hostAliases',
    rationale: 'Host aliases hide DNS problems.', remediation: 'Fix DNS instead.', defaultOn: true,
    appliesTo: { target: 'podSpec' }, messages: { set: 'pod sets hostAliases' } },
  check(workload, { report }) { if (workload.podSpec.hostAliases) report({ messageId: 'set', at: [...workload.podSpecPath, 'hostAliases'] }); },
};
`,
      );
      await writeFile(join(dir, 'pod.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostAliases: [{ip: 10.0.0.1, hostnames: [db]}]\n  containers: [{name: a, image: "a:1"}]\n');
      const run = await runCli(['lint', 'pod.yaml', '--format', 'json'], { cwd: dir });
      const found = (JSON.parse(run.stdout) as Report).findings.filter((finding) => finding.ruleId === 'no-host-aliases');
      expect(found.map((finding) => `${finding.line}:${finding.column} ${finding.message}`)).toEqual(['5:16 pod sets hostAliases']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
