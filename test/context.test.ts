// --context: neighbours for cross-object rules when a hook passes only the changed files, cached per directory.
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { runCli } from './run-cli.js';
import { toolVersion } from '../src/version.js';

const CHANGED = ['app/deployment-web.yaml', 'app/service-api.yaml'];
const DANGLING = 'app/service-api.yaml:7:3 Service selector app=api matches no pod template of namespace "shop" in the inputs';

async function scratch(): Promise<{ cwd: string; env: Record<string, string> }> {
  const root = await mkdtemp(join(tmpdir(), 'kubefit-context-'));
  onTestFinished(() => rm(root, { recursive: true, force: true }));
  await cp('fixtures/context', join(root, 'repo'), { recursive: true });
  return { cwd: join(root, 'repo'), env: { KUBEFIT_CACHE_DIR: join(root, 'cache') } };
}

async function dangling(argv: string[], options: { cwd: string; env: Record<string, string> }): Promise<string[]> {
  const run = await runCli(['lint', '--format', 'json', ...argv], options);
  const report = JSON.parse(run.stdout) as { summary: { files: number }; findings: { ruleId: string; file: string; line: number; column: number; message: string }[] };
  expect(report.findings.every((finding) => finding.file !== 'app/deployment-api.yaml')).toBe(true);
  expect(report.summary.files).toBe(2);
  return report.findings.filter((finding) => finding.ruleId === 'dangling-service').map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.message}`);
}

describe('--context', () => {
  it('without it, a Service whose workload is outside the inputs is not reported (dangling-service needs its evident target)', async () => {
    const options = await scratch();
    expect(await dangling(CHANGED, options)).toEqual([]);
  });

  it('with it, cross-object rules see the unchanged neighbours, which are not reported on themselves', async () => {
    const options = await scratch();
    expect(await dangling([...CHANGED, '--context', '.'], options)).toEqual([]);
  });

  it('caches the neighbours per directory and re-reads a file once its size or mtime changes', async () => {
    const options = await scratch();
    expect(await dangling([...CHANGED, '--context', '.'], options)).toEqual([]);
    expect(await readdir(join(options.env.KUBEFIT_CACHE_DIR ?? '', toolVersion(), 'context-v3'))).toHaveLength(1);
    const renamed = (await readFile(join(options.cwd, 'app/deployment-api.yaml'), 'utf8')).replaceAll('app: api', 'app: api-v2');
    await writeFile(join(options.cwd, 'app/deployment-api.yaml'), renamed);
    expect(await dangling([...CHANGED, '--context', '.'], options)).toEqual([DANGLING]);
  });

  it('reads an unchanged neighbour from the cache, not from its file', async () => {
    const options = await scratch();
    await dangling([...CHANGED, '--context', '.'], options);
    const directory = join(options.env.KUBEFIT_CACHE_DIR ?? '', toolVersion(), 'context-v3');
    const [cacheFile = ''] = await readdir(directory);
    const text = await readFile(join(directory, cacheFile), 'utf8');
    await writeFile(join(directory, cacheFile), text.replaceAll('"app":"api"', '"app":"cached"'));
    expect(await dangling([...CHANGED, '--context', '.'], options)).toEqual([DANGLING]);
  });

  it('rebuilds an unreadable cache instead of trusting it', async () => {
    const options = await scratch();
    await dangling([...CHANGED, '--context', '.'], options);
    const directory = join(options.env.KUBEFIT_CACHE_DIR ?? '', toolVersion(), 'context-v3');
    for (const file of await readdir(directory)) await writeFile(join(directory, file), '{"deployment-api.yaml": ');
    expect(await dangling([...CHANGED, '--context', '.'], options)).toEqual([]);
    for (const file of await readdir(directory)) await writeFile(join(directory, file), '{"deployment-api.yaml": {"mtimeMs": 1, "size": 2, "values": 3}}');
    expect(await dangling([...CHANGED, '--context', '.'], options)).toEqual([]);
  });
});

describe('--context and CustomResourceDefinitions', () => {
  const findings = async (argv: string[]) => {
    const root = await mkdtemp(join(tmpdir(), 'kubefit-context-crd-'));
    onTestFinished(() => rm(root, { recursive: true, force: true }));
    const run = await runCli(['lint', '--format', 'json', ...argv], { cwd: 'fixtures/context-crd', env: { KUBEFIT_CACHE_DIR: join(root, 'cache') } });
    const report = JSON.parse(run.stdout) as { findings: { ruleId: string; file: string; line: number; message: string }[] };
    return report.findings.map((finding) => `${finding.file}:${finding.line} ${finding.ruleId} ${finding.message}`);
  };

  it('without it, a staged custom resource whose CRD is elsewhere in the repository is not validated', async () => {
    expect(await findings(['app/widget.yaml'])).toEqual(['app/widget.yaml:2 unknown-kind no schema for custom resource example.com/v1 Widget: not validated']);
  });

  it('with it, the CRD of a neighbour validates the custom resource, and the neighbour itself is not reported on', async () => {
    expect(await findings(['app/widget.yaml', '--context', '.'])).toEqual([
      'app/widget.yaml:7 schema spec.size must be an integer, got "big"',
      'app/widget.yaml:8 schema unknown field "colour" in spec',
    ]);
  });

  it('a CRD read from the cache, its schema kept apart until a custom resource needs it, validates the same', async () => {
    const root = await mkdtemp(join(tmpdir(), 'kubefit-context-crd-'));
    onTestFinished(() => rm(root, { recursive: true, force: true }));
    const cacheDir = join(root, 'cache');
    const runs = [];
    for (let run = 0; run < 2; run++) runs.push(await runCli(['lint', '--format', 'json', 'app/widget.yaml', '--context', '.'], { cwd: 'fixtures/context-crd', env: { KUBEFIT_CACHE_DIR: cacheDir } }));
    const [first, second] = runs.map((run) => (JSON.parse(run.stdout) as { findings: { message: string }[] }).findings.map((finding) => finding.message));
    expect(first).toHaveLength(2);
    expect(second).toEqual(first);
    const directory = join(cacheDir, toolVersion(), 'context-v3');
    // one cache file per directory (app/, crds/): the first line of each is the cache, the rest its CRDs' schemas
    const files = await Promise.all((await readdir(directory)).map((file) => readFile(join(directory, file), 'utf8')));
    const parts = files.map((text) => text.split('\n'));
    expect(parts.map(([head = '']) => head.includes('"kind":"CustomResourceDefinition"') && !head.includes('"properties"'))).toEqual([true, true]);
    expect(parts.map(([, schemas = '']) => schemas).join('')).toContain('"size":{"type":"integer"}');
  });

  it('a CRD among the inputs wins over the copy in the context, without a duplicate-crd warning', async () => {
    expect(await findings(['app/widget.yaml', 'app/widget-crd-v2.yaml', '--context', '.'])).toEqual([]);
  });
});

describe('--context with a kustomization among the neighbours', () => {
  const FIXTURE = 'fixtures/context-kustomize';
  const findings = async (cwd: string, env: Record<string, string>) => {
    const run = await runCli(['lint', '--format', 'json', 'samples/widget.yaml', '--context', 'config'], { cwd, env });
    return (JSON.parse(run.stdout) as { findings: { ruleId: string; message: string }[] }).findings.map((finding) => `${finding.ruleId} ${finding.message}`);
  };
  const scratchCopy = async () => {
    const root = await mkdtemp(join(tmpdir(), 'kubefit-context-kustomize-'));
    onTestFinished(() => rm(root, { recursive: true, force: true }));
    await cp(FIXTURE, join(root, 'repo'), { recursive: true });
    return { cwd: join(root, 'repo'), env: { KUBEFIT_CACHE_DIR: join(root, 'cache') } };
  };

  it('reads the context as one: the CRD is built with the patch in a sibling folder of its file', async () => {
    const { cwd, env } = await scratchCopy();
    expect(await findings(cwd, env)).toEqual([]);
    // as the inputs themselves, the same build (the check's own reading of kustomizations)
    const run = await runCli(['lint', '--format', 'json', 'samples/widget.yaml', 'config'], { cwd, env });
    expect((JSON.parse(run.stdout) as { findings: unknown[] }).findings).toEqual([]);
  });

  it('a changed file is read again with its kustomization, from the cache or not; a changed patch changes the build', async () => {
    const { cwd, env } = await scratchCopy();
    await findings(cwd, env);
    const crd = join(cwd, 'config/crd/bases/widgets.yaml');
    await writeFile(crd, `${await readFile(crd, 'utf8')}\n`);
    expect(await findings(cwd, env)).toEqual([]);
    await writeFile(join(cwd, 'config/crd/patches/config-free.yaml'), '[]\n');
    expect(await findings(cwd, env)).toEqual(['schema spec.config must be a string, got a mapping']);
  });

  it('a run that checks another file of the context reads its cache as it is (checked files are left out after reading)', async () => {
    const { cwd, env } = await scratchCopy();
    const lint = async (file: string) => (JSON.parse((await runCli(['lint', '--format', 'json', file, '--context', '.'], { cwd, env })).stdout) as { findings: unknown[] }).findings;
    expect(await lint('samples/widget.yaml')).toEqual([]);
    const directory = join(env.KUBEFIT_CACHE_DIR, toolVersion(), 'context-v3');
    const [cacheFile = ''] = await readdir(directory);
    const written = (await stat(join(directory, cacheFile))).mtimeMs;
    expect(await lint('config/crd/patches/config-free.yaml')).toEqual([]);
    expect(await lint('samples/widget.yaml')).toEqual([]);
    expect(await readdir(directory)).toEqual([cacheFile]);
    expect((await stat(join(directory, cacheFile))).mtimeMs).toBe(written);
  });

  it('a checked file edited since the last run (a hook run again after a fix) leaves the cache as it is', async () => {
    const { cwd, env } = await scratchCopy();
    const lint = async () => (JSON.parse((await runCli(['lint', '--format', 'json', 'config/crd/bases/widgets.yaml', '--context', '.'], { cwd, env })).stdout) as { findings: unknown[] }).findings;
    expect(await lint()).toEqual([]);
    const directory = join(env.KUBEFIT_CACHE_DIR, toolVersion(), 'context-v3');
    const [cacheFile = ''] = await readdir(directory);
    const written = (await stat(join(directory, cacheFile))).mtimeMs;
    const crd = join(cwd, 'config/crd/bases/widgets.yaml');
    await writeFile(crd, `${await readFile(crd, 'utf8')}\n# edited\n`);
    expect(await lint()).toEqual([]);
    expect((await stat(join(directory, cacheFile))).mtimeMs).toBe(written);
  });

  it('a file gone from the context has it read again too (a deleted patch changes the build)', async () => {
    const { cwd, env } = await scratchCopy();
    expect(await findings(cwd, env)).toEqual([]);
    await rm(join(cwd, 'config/crd/patches/config-free.yaml'));
    expect(await findings(cwd, env)).toEqual(['schema spec.config must be a string, got a mapping']);
  });
});

describe('--context: a file checked alone that a kustomization of the context names (a pre-commit hook\'s staged file)', () => {
  const errors = async (file: string) => {
    const run = await runCli(['lint', '--format', 'json', file, '--context', '.'], { cwd: 'fixtures/context-kustomize-staged', env: { KUBEFIT_CACHE_DIR: 'off' } });
    return (JSON.parse(run.stdout) as { findings: { ruleId: string; severity: string; message: string }[] }).findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId} ${f.message}`);
  };

  it('a patch the overlay names is a fragment, as when the whole tree is checked (no missing selector or image)', async () => {
    expect(await errors('overlays/prod/privileged.yaml')).toEqual([]);
  });

  it('a resource gets its build\'s transformations (commonLabels adds the selector)', async () => {
    expect(await errors('labels/base/deployment.yaml')).toEqual([]);
  });
});
