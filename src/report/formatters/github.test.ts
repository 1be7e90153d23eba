import { describe, expect, it } from 'vitest';
import { FIXTURE_CONTEXT, FIXTURE_REPORT } from '../../../test/format-fixture.js';
import { runCli } from '../../../test/run-cli.js';
import { escapeData, escapeProperty, formatGithub } from './github.js';

describe('github formatter', () => {
  it('renders the fixture report as in the golden file', async () => {
    await expect(formatGithub(FIXTURE_REPORT, FIXTURE_CONTEXT)).toMatchFileSnapshot('../../../fixtures/formats/report.github.txt');
  });

  it('escapes %, CR and LF in data, and also : and , in properties', () => {
    expect(escapeData('100% a:b,c\r\nd')).toBe('100%25 a:b,c%0D%0Ad');
    expect(escapeProperty('100% a:b,c\r\nd')).toBe('100%25 a%3Ab%2Cc%0D%0Ad');
    // the toolkit passes other controls through; ESC, C1 and bidi controls would act on the log viewer or the annotation
    expect(escapeData('name\u001b]0;pwned\u0007 \u009b2J \u202eabc\tz')).toBe('name\\x1b]0;pwned\\a \\u009b2J \\u202eabc\tz');
    expect(escapeProperty('a\u001b[31m.yaml')).toBe('a\\x1b[31m.yaml');
  });

  it('writes one command line per problem, columns only for one-line ranges, no file but the position in the message for standard input', () => {
    const lines = formatGithub(FIXTURE_REPORT, FIXTURE_CONTEXT).split('\n');
    expect(lines).toHaveLength(FIXTURE_REPORT.findings.length + 2 + 1);
    expect(lines[4]).toBe(
      '::warning file=k8s/web app.yaml,line=21,col=18,endLine=21,endColumn=30,title=latest-tag::image "nginx:latest" uses the mutable tag latest, 100%25 of pulls may differ',
    );
    expect(lines[1]).toBe('::notice title=not-kubernetes::<stdin>:1:1: document has no apiVersion and kind; skipped');
  });

  it('prints nothing for a clean run through the CLI', async () => {
    const run = await runCli(['lint', '--format', 'github', 'fixtures/load/multi-doc.yaml']);
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('annotates loader findings at their positions through the CLI', async () => {
    const run = await runCli(['lint', '--format', 'github', 'fixtures/load/duplicate-key.yaml']);
    expect(run.stdout).toMatch(/^::error file=fixtures\/load\/duplicate-key\.yaml,line=5,col=3,endLine=5,endColumn=\d+,title=duplicate-key::duplicate key "name"\n$/);
  });
});
