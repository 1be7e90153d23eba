// The same input gives byte-identical output: across runs, across the order of the command-line paths, and
// between a directory and the files in it.
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const APP = ['fixtures/demo/app/shop.yaml', 'fixtures/demo/app/platform.yaml'];
const CLUSTER = ['fixtures/demo/cluster/running-pods.yaml', 'fixtures/demo/cluster/nodes.yaml'];
const HOSTILE = ['fixtures/hostile/duplicate-keys.yaml', 'fixtures/hostile/unclosed-double-quote.yaml', 'fixtures/hostile/control.yaml'];
const FORMATS = ['json', 'sarif', 'text', 'github'];

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) => permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]));
}

async function render(format: string, paths: readonly string[], cluster: readonly string[]) {
  const run = await runCli(['check', '--format', format, ...paths, ...cluster.flatMap((path) => ['--cluster', path])]);
  return `${run.code}\n${run.stdout}`;
}

describe('determinism', () => {
  it.each(FORMATS)('renders the demo as %s byte for byte the same on every run', async (format) => {
    const first = await render(format, [...APP, ...HOSTILE], CLUSTER);
    for (let run = 0; run < 2; run++) expect(await render(format, [...APP, ...HOSTILE], CLUSTER)).toBe(first);
    expect(first.length).toBeGreaterThan(10);
  });

  it.each(['json', 'sarif'])('renders %s the same for every order of the paths and cluster paths', async (format) => {
    const expected = await render(format, [...APP, ...HOSTILE], CLUSTER);
    for (const paths of permutations([APP[1] ?? '', HOSTILE[0] ?? '', HOSTILE[2] ?? ''])) {
      for (const cluster of permutations(CLUSTER)) expect(await render(format, [APP[0] ?? '', ...paths, HOSTILE[1] ?? ''], cluster)).toBe(expected);
    }
  });

  it('renders a directory the same as the files in it', async () => {
    expect(await render('json', ['fixtures/demo/app'], ['fixtures/demo/cluster'])).toBe(await render('json', APP, CLUSTER));
  });

  it('renders a path named twice once', async () => {
    expect(await render('json', [...APP, ...APP], CLUSTER)).toBe(await render('json', APP, CLUSTER));
  });
});
