import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { UsageError } from '../model/usage-error.js';
import { loadConfigFile, parseConfig } from './load-config.js';
import { STARTER_CONFIG } from './starter-config.js';

function problemOf(text: string): string {
  try {
    parseConfig(text, '.kubefit.yaml');
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error('expected a UsageError');
}

describe('parseConfig', () => {
  it('reads every setting, with YAML 1.2 scalars so that off stays a string', () => {
    const text = [
      'rules:',
      '  latest-tag: error',
      '  liveness-probe: off',
      'ignore:',
      '  - "vendor/**"',
      '  - { rule: latest-tag, kind: Deployment, name: "legacy-*" }',
      'cluster: [cluster.yaml]',
      'schemas: [crds]',
      'kubernetesVersion: "1.34"',
      'failOn: warning',
      'overrides:',
      '  - files: ["test/**"]',
      '    rules: { latest-tag: off }',
      'rulesDirs: [rules]',
      'customRules:',
      '  - id: team-label',
      '    severity: warning',
      '    message: objects need a team label',
      '    target: object',
      '    schema: { required: [metadata] }',
      '',
    ].join('\n');
    expect(parseConfig(text, '.kubefit.yaml')).toEqual({
      rules: { 'latest-tag': 'error', 'liveness-probe': 'off' },
      ignore: ['vendor/**', { rule: 'latest-tag', kind: 'Deployment', name: 'legacy-*' }],
      cluster: ['cluster.yaml'],
      schemas: ['crds'],
      kubernetesVersion: '1.34',
      failOn: 'warning',
      overrides: [{ files: ['test/**'], rules: { 'latest-tag': 'off' } }],
      rulesDirs: ['rules'],
      customRules: [{ id: 'team-label', severity: 'warning', message: 'objects need a team label', target: 'object', schema: { required: ['metadata'] } }],
    });
  });

  it('reads JSON and treats an empty file as an empty config', () => {
    expect(parseConfig('{ "failOn": "none" }', 'kubefit.config.json')).toEqual({ failOn: 'none' });
    expect(parseConfig('# nothing yet\n', '.kubefit.yaml')).toEqual({});
  });

  it('accepts the starter config that kubefit init writes', () => {
    expect(parseConfig(STARTER_CONFIG, '.kubefit.yaml')).toEqual({ failOn: 'error' });
  });

  it('accepts the starter config with any commented example uncommented, and with all of them', () => {
    const lines = STARTER_CONFIG.split('\n');
    // an example is a commented YAML line: an entry indented under its key, or a top-level `# key: value`
    const isExample = (line: string) => /^# {2}|^# [a-z][A-Za-z]*: /.test(line);
    const uncomment = (line: string) => (isExample(line) ? line.replace(/^# ?(?=[a-z])|^#/, '') : line);
    const blocks: number[][] = [];
    lines.forEach((line, index) => {
      if (!isExample(line)) return;
      const last = blocks.at(-1);
      if (last !== undefined && last.at(-1) === index - 1) last.push(index);
      else blocks.push([index]);
    });
    expect(blocks.length).toBeGreaterThanOrEqual(6);
    for (const block of blocks) {
      const text = lines.map((line, index) => (block.includes(index) ? uncomment(line) : line)).join('\n');
      expect(() => parseConfig(text, '.kubefit.yaml'), block.map((index) => lines[index]).join('\n')).not.toThrow();
    }
    const all = parseConfig(lines.map(uncomment).join('\n'), '.kubefit.yaml');
    expect(all.rules).toEqual({ 'latest-tag': 'error', 'liveness-probe': 'off' });
    expect(all.kubernetesVersion).toBe('1.34');
  });

  it.each([
    ['rules:\n  latest-tag: fatal\n', '.kubefit.yaml:2:15: rules.latest-tag must be one of error, warning, info, off'],
    ['failOn: warning\nrulez: {}\n', '.kubefit.yaml:2:1: unknown key "rulez" in the config'],
    ['rules:\n  Latest_Tag: off\n', '.kubefit.yaml:2:3: "Latest_Tag" in rules is not a rule id (lower-case words joined by "-")'],
    ['rules:\n  cpuRequestsMissing: off\n', `.kubefit.yaml:2:3: "cpuRequestsMissing" in rules is not a rule id (Polaris's cpuRequestsMissing is kubefit's requests-missing)`],
    ['ignore:\n  - rule: notReadOnlyRootFilesystem\n', `.kubefit.yaml:2:11: "notReadOnlyRootFilesystem" in ignore[0].rule is not a rule id (Polaris's notReadOnlyRootFilesystem is kubefit's read-only-root-filesystem)`],
    ['ignore:\n  - "vendor/**"\n  - {kind: Pod, rule: Latest_tag}\n', '.kubefit.yaml:3:23: "Latest_tag" in ignore[1].rule is not a rule id (lower-case words joined by "-")'],
    ['kubernetesVersion: "1.x"\n', '.kubefit.yaml:1:20: kubernetesVersion must match pattern'],
    ['kubernetesVersion: 1.30\n', '.kubefit.yaml:1:20: kubernetesVersion must be a string (quote it, "1.30": unquoted, YAML reads 1.3)'],
    ['ignore:\n  - { rule: latest-tag, name: 007 }\n', '.kubefit.yaml:2:31: ignore[0].name must be a string (quote it, "007": unquoted, YAML reads 7)'],
    ['cluster: nodes.yaml\n', '.kubefit.yaml:1:10: cluster must be an array'],
    ['ignore:\n  - "vendor/**"\n  - { rule: latest-tag, kinds: [Pod] }\n', '.kubefit.yaml:3:25: unknown key "kinds" in ignore[1]'],
    ['overrides:\n  - files: ["a/**"]\n', '.kubefit.yaml:2:5: overrides[0] needs "rules"'],
    ['- just\n- a list\n', '.kubefit.yaml:1:1: the config must be an object'],
    ['rules:\n  a: off\n  a: error\n', '.kubefit.yaml:3:3: map keys must be unique'],
    ['rules: [\n', '.kubefit.yaml:2:1: '],
  ])('reports %j at file:line:col', (text, message) => {
    expect(problemOf(text).startsWith(message), problemOf(text)).toBe(true);
  });

  // the yaml package throws on aliases expanding past its limit, and reads !!set, !!timestamp and !!binary as a Set, a
  // Date and bytes, which the JSON schema took for an empty object
  it('refuses an alias bomb at its first alias, and tagged values as the plain data they are', () => {
    const bomb = `a: &a [x]\n${['b', 'c', 'd', 'e', 'f', 'g'].map((name, index) => `${name}: &${name} [${Array(9).fill(`*${'abcdefg'[index]}`).join(', ')}]`).join('\n')}\n`;
    expect(problemOf(bomb)).toBe('.kubefit.yaml:2:8: document contains excessive aliasing');
    expect(problemOf('rules: !!timestamp 2001-01-01\n')).toBe('.kubefit.yaml:1:20: rules must be an object');
    expect(problemOf('rules: !!binary aGk=\n')).toBe('.kubefit.yaml:1:17: rules must be an object');
    expect(problemOf('rules: !!set {latest-tag}\n')).toMatch(/^\.kubefit\.yaml:\d+:\d+: rules\.latest-tag must be one of error, warning, info, off$/);
  });

  it('suggests quotes only for a plain scalar YAML reads as no string', () => {
    expect(problemOf('kubernetesVersion: {major: 1}\n')).toBe('.kubefit.yaml:1:20: kubernetesVersion must be a string');
    expect(problemOf('kubernetesVersion: [1.30]\n')).toBe('.kubefit.yaml:1:20: kubernetesVersion must be a string');
  });
});

describe('loadConfigFile', () => {
  it('reads a file and remembers its directory', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'kubefit-config-'));
    onTestFinished(() => rm(directory, { recursive: true, force: true }));
    const file = join(directory, '.kubefit.yml');
    await writeFile(file, 'failOn: info\nrules:\n  latest-tag: off\n');
    const content = { failOn: 'info', rules: { 'latest-tag': 'off' } };
    expect(await loadConfigFile(file, '/')).toMatchObject({ file, baseDir: directory, content });
    const relative = await loadConfigFile('.kubefit.yml', directory);
    expect(relative).toMatchObject({ file: '.kubefit.yml', baseDir: directory, content });
    expect([relative.locate?.(['rules', 'latest-tag']), relative.locate?.(['failOn']), relative.locate?.(['rules', 'nothing'])]).toEqual(['.kubefit.yml:3:3', '.kubefit.yml:1:1', undefined]);
  });

  it('says so when the file does not exist', async () => {
    await expect(loadConfigFile('/nonexistent/.kubefit.yaml', '/')).rejects.toThrow('config file /nonexistent/.kubefit.yaml not found');
  });
});
