import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { FIXTURE_CONTEXT, FIXTURE_REPORT } from '../../../test/format-fixture.js';
import { runCli } from '../../../test/run-cli.js';
import { attribute, formatJunit, text } from './junit.js';

interface ParsedCase {
  '@_classname': string;
  '@_name': string;
  '@_time': string;
  failure?: { '#text': string; '@_type': string; '@_message': string };
  'system-out'?: string;
}
interface ParsedSuite {
  '@_name': string;
  '@_tests': string;
  '@_failures': string;
  '@_time': string;
  testcase: ParsedCase[];
}

function parse(xml: string): ParsedSuite[] {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testsuite' || name === 'testcase', processEntities: true, htmlEntities: true });
  return (parser.parse(xml) as { testsuites: { testsuite: ParsedSuite[] } }).testsuites.testsuite;
}

describe('junit formatter', () => {
  it('renders the fixture report as in the golden file', async () => {
    await expect(formatJunit(FIXTURE_REPORT, FIXTURE_CONTEXT)).toMatchFileSnapshot('../../../fixtures/formats/report.junit.xml');
  });

  it('writes well-formed XML: one suite per file, one case per object and per workload', () => {
    const suites = parse(formatJunit(FIXTURE_REPORT, FIXTURE_CONTEXT));
    expect(suites.map((suite) => [suite['@_name'], suite.testcase.map((testCase) => testCase['@_name']), suite['@_failures']])).toEqual([
      ['../shared/base.yaml', ['Namespace shop'], '1'],
      ['<stdin>', ['<stdin>'], '0'],
      ['k8s/agent.yaml', ['DaemonSet kube-system/agent fits the cluster'], '0'],
      ['k8s/broken.yaml', ['k8s/broken.yaml'], '1'],
      ['k8s/db.yaml', ['StatefulSet shop/db fits the cluster'], '1'],
      ['k8s/web app.yaml', ['Deployment shop/web fits the cluster', 'Deployment shop/web'], '2'],
    ]);
  });

  // dorny/test-reporter src/parsers/java-junit/java-junit-parser.ts: parseFloat(ts.$.time) and parseFloat(tc.$.time),
  // shown as "NaNms" when the attribute is missing
  it('gives every suite and case a time, as dorny/test-reporter needs', () => {
    const xml = formatJunit(FIXTURE_REPORT, FIXTURE_CONTEXT);
    const suites = parse(xml);
    const times = suites.flatMap((suite) => [suite['@_time'], ...suite.testcase.map((testCase) => testCase['@_time'])]);
    expect(times.map((time) => parseFloat(time))).toEqual(times.map(() => 0));
    expect(xml).toContain('<testsuites name="kubefit" tests="7" failures="5" errors="0" time="0">');
  });

  it('carries every finding of an object in its failure, and keeps line breaks in attributes', () => {
    const web = parse(formatJunit(FIXTURE_REPORT, FIXTURE_CONTEXT))[5]?.testcase[1];
    expect(web?.failure?.['@_type']).toBe('warning');
    expect(web?.failure?.['@_message']).toBe('label team must be one of <a> & <b>,\nnot "ops"\r\nsee \'labels\' (and 1 more)');
    expect(web?.failure?.['#text']).toContain('21:18 warning image "nginx:latest" uses the mutable tag latest, 100% of pulls may differ (latest-tag) at spec.template.spec.containers[0].image');
    expect(web?.failure?.['#text']).toContain('6:11 warning label team must be one of <a> & <b>,\nnot "ops"\r\nsee \'labels\' (team-label) at metadata.labels.team');
  });

  it('escapes markup, quotes, line breaks and characters XML cannot carry', () => {
    expect(text('a < b && c > d')).toBe('a &lt; b &amp;&amp; c &gt; d');
    expect(attribute('say "hi"\n\'now\'\t')).toBe('say &quot;hi&quot;&#10;&apos;now&apos;&#9;');
    expect(text('bell\u0007 \uD800 ok\uD83D\uDE00')).toBe('bell\uFFFD \uFFFD ok\uD83D\uDE00');
  });

  it('writes the bidirectional formatting characters of the inputs as Go escapes, which a test view cannot reorder by', async () => {
    expect(text('evil\u202eabc \u2066x\u2069 \u200f')).toBe('evil\\u202eabc \\u2066x\\u2069 \\u200f');
    const run = await runCli(['lint', '-', '--format', 'junit'], { stdin: 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n  - {name: "c\\u202e", image: nginx}\n' });
    expect(run.stdout).not.toMatch(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
    expect(run.stdout).toContain('container "c\\u202e" has no livenessProbe');
  });

  it('reports loader findings through the CLI', async () => {
    const run = await runCli(['lint', '--format', 'junit', 'fixtures/load/duplicate-key.yaml']);
    expect(run.code).toBe(1);
    const [suite] = parse(run.stdout);
    expect(suite?.['@_name']).toBe('fixtures/load/duplicate-key.yaml');
    expect(suite?.testcase[0]?.failure?.['#text']).toMatch(/^5:3 error duplicate key "name" \(duplicate-key\)/);
  });
});
