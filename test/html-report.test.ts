// `--format html` in a real browser: the demo report rendered by headless Chromium (Debian's chromium package; the
// test skips where it is absent), checked for every workload, node and reason, with a screenshot and no console error.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Report } from '../src/report/report.js';
import { runCli } from './run-cli.js';

const run = promisify(execFile);
const DEMO = ['check', 'fixtures/demo/app', '--cluster', 'fixtures/demo/cluster'];

function findChromium(): string | undefined {
  for (const binary of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      execFileSync(binary, ['--version'], { stdio: 'ignore' });
      return binary;
    } catch {
      // not installed under this name
    }
  }
  return undefined;
}

const chromium = findChromium();
if (!chromium) console.warn('chromium is not installed (Debian: apt-get install chromium): skipping the browser test of the HTML report');

/** Flags for a headless run on a closed network (no background connections, no sandbox as root, a fresh profile). */
function chromiumArgs(profile: string): string[] {
  return ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, '--enable-logging=stderr', '--v=0', '--window-size=1400,1800'];
}

describe.skipIf(!chromium)('the HTML report in headless Chromium', () => {
  it('renders every workload, node and reason of the demo, takes a screenshot and logs no console error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kubefit-html-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const page = join(dir, 'report.html');
    expect((await runCli([...DEMO, '--format', 'html', '--output', page])).code).toBe(1);
    const report = JSON.parse((await runCli([...DEMO, '--format', 'json'])).stdout) as Report;
    const dom = await run(chromium ?? '', [...chromiumArgs(join(dir, 'profile-dom')), '--dump-dom', `file://${page}`], { maxBuffer: 64 * 1024 * 1024 });
    // the page logs nothing, so any console line (an uncaught exception included) is a failure
    expect(dom.stderr).not.toMatch(/Uncaught|:CONSOLE[:(]/);
    const html = dom.stdout;
    for (const result of report.scheduling) expect(html).toContain(`${result.object.kind} ${result.object.namespace}/${result.object.name}`);
    for (const node of report.nodes ?? []) expect(html).toContain(`>${node.name}<`);
    const reasons = new Set(report.scheduling.flatMap((result) => Object.values(result.rejected ?? {}).flat()));
    expect(reasons.size).toBeGreaterThan(3);
    // reasons sit in the cells' title and aria-label attributes, which the DOM dump serialises with & and " escaped
    for (const reason of reasons) expect(html).toContain(reason.replace(/&/g, '&amp;').replace(/"/g, '&quot;'));
    expect(html).toContain('7 of 7 workloads');
    const screenshot = join(dir, 'report.png');
    await run(chromium ?? '', [...chromiumArgs(join(dir, 'profile-shot')), `--screenshot=${screenshot}`, `file://${page}`]);
    expect((await stat(screenshot)).size).toBeGreaterThan(10_000);
    expect((await readFile(screenshot)).subarray(1, 4).toString()).toBe('PNG');
  }, 120_000);
});
