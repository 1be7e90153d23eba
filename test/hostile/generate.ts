// Builds the hostile inputs that are too big, too binary or too filesystem-specific to commit, in a temp directory.
import { chmod, mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const MIB = 1024 * 1024;
export const NESTING = 10_000;

const configMap = (name: string, eol = '\n') => ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', `  name: ${name}`, ''].join(eol);

/** file name → contents; written by `generateHostileTree`. */
export const GENERATED: Readonly<Record<string, string | Buffer>> = {
  'good.yaml': configMap('good'),
  'billion-laughs.yaml': billionLaughs(),
  'merge-key-bomb.yaml': mergeKeyBomb(),
  'wide-alias-bomb.yaml': wideAliasBomb(),
  'deep-flow-sequence.yaml': `${configMap('deep')}data: ${'['.repeat(NESTING)}${']'.repeat(NESTING)}\n`,
  'deep-flow-mapping.yaml': `${configMap('deep')}data: ${'{a: '.repeat(NESTING)}1${'}'.repeat(NESTING)}\n`,
  'deep.json': `{"apiVersion": "v1", "kind": "ConfigMap", "data": ${'{"a": '.repeat(NESTING)}1${'}'.repeat(NESTING)}}\n`,
  'deep-block.yaml': `${configMap('deep')}data:\n${Array.from({ length: 300 }, (_, depth) => `${' '.repeat(depth + 1)}k:\n`).join('')}`,
  'binary.yaml': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
  'utf16.yaml': Buffer.from(`\uFEFF${configMap('utf16')}`, 'utf16le'),
  'utf16be.yaml': Buffer.from(`\uFEFF${configMap('utf16')}`, 'utf16le').swap16(),
  'utf16-nul.yaml': Buffer.from(`\uFEFF${configMap('utf16')}\0`, 'utf16le'),
  'latin1.yaml': Buffer.from(`${configMap('caf\u00e9')}`, 'latin1'),
  'bom-crlf.yaml': `\uFEFF${configMap('bom-crlf', '\r\n')}data:\r\n  key: value\r\n`,
  'bom-crlf-broken.yaml': `\uFEFF${configMap('crlf', '\r\n')}data:\r\n  key: "unclosed\r\n`,
  'too-many-documents.yaml': '~\n---\n'.repeat(100_001),
  'too-many-comment-documents.yaml': '# nothing here\n---\n'.repeat(100_001),
  'many-values.yaml': `${configMap('values')}data: [${'1,'.repeat(10_001)}]\n`,
  'flood-flow.yaml': `${configMap('flood')}data: [${'{},'.repeat(1_000_001)}]\n`,
  'flood-block.yaml': `${configMap('flood')}data:\n${'- a\n'.repeat(1_000_001)}`,
  'big-list.yaml': bigList(3000),
  'big-block-scalar.yaml': `${configMap('block')}data:\n  script: |\n${'    - name: x\n      value: [1, 2, {a: b}]\n'.repeat(80_000)}`,
  'long-line.yaml': `${configMap('long-line')}data:\n  key: "${'x'.repeat(MIB)}"\n`,
};

/** Writes GENERATED plus the 50 MB file, a directory named like a manifest, symlink loops and dangling links. */
export async function generateHostileTree(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kubefit-hostile-'));
  for (const [name, contents] of Object.entries(GENERATED)) await writeFile(join(dir, name), contents);
  await writeFile(join(dir, 'fifty-megabytes.yaml'), fiftyMegabytes());
  await generateLinks(join(dir, 'links'));
  await mkdir(join(dir, 'directory.yaml'));
  await writeFile(join(dir, 'directory.yaml', 'inside.yaml'), configMap('inside'));
  await generateDeepFieldSpec(join(dir, 'deep-field-spec'));
  await mkdir(join(dir, 'empty-directory.yaml'));
  await writeFile(join(dir, 'unreadable.yaml'), configMap('unreadable'));
  await chmod(join(dir, 'unreadable.yaml'), 0o000);
  return dir;
}

/**
 * deep-field-spec/: a kustomization whose configuration names a namespace field 200,000 steps deep, to be created in
 * every ConfigMap (each step one map; copying the rest of the path at each step took 4 GB before running out).
 */
async function generateDeepFieldSpec(tree: string): Promise<void> {
  await mkdir(tree);
  await writeFile(join(tree, 'kustomization.yaml'), 'namespace: deep\nresources:\n- config.yaml\nconfigurations:\n- field-specs.yaml\n');
  await writeFile(join(tree, 'config.yaml'), configMap('deep'));
  await writeFile(join(tree, 'field-specs.yaml'), `namespace:\n- kind: ConfigMap\n  create: true\n  path: ${Array(200_000).fill('a').join('/')}\n`);
}

/** links/: loops of file links, a dangling link, and directory links that lead back into the tree. */
async function generateLinks(links: string): Promise<void> {
  await mkdir(join(links, 'tree', 'sub'), { recursive: true });
  await symlink('loop-b.yaml', join(links, 'loop-a.yaml'));
  await symlink('loop-a.yaml', join(links, 'loop-b.yaml'));
  await symlink('nowhere.yaml', join(links, 'dangling.yaml'));
  await writeFile(join(links, 'tree', 'once.yaml'), configMap('once'));
  await symlink('once.yaml', join(links, 'tree', 'alias.yaml'));
  await symlink('.', join(links, 'tree', 'self'));
  await symlink('..', join(links, 'tree', 'sub', 'up'));
  await symlink('../tree', join(links, 'tree', 'sub', 'again'));
}

function billionLaughs(): string {
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: lol}', 'data:', '  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let level = 1; level < 10; level++) lines.push(`  a${level}: &a${level} [${Array(10).fill(`*a${level - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

function mergeKeyBomb(): string {
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: merge}', 'data:'];
  lines.push(`  m0: &m0 {${Array.from({ length: 10 }, (_, key) => `k${key}: v`).join(', ')}}`);
  for (let level = 1; level < 10; level++) {
    lines.push(`  m${level}: &m${level} {${Array.from({ length: 10 }, (_, key) => `k${key}: *m${level - 1}`).join(', ')}}`);
  }
  return `${lines.join('\n')}\n`;
}

/** One anchor of 2,000 values referenced 1,000 times: quadratic, not exponential, growth. */
function wideAliasBomb(): string {
  const anchor = `&wide [${Array(2000).fill('x').join(', ')}]`;
  return `${configMap('wide')}data:\n  base: ${anchor}\n  copies: [${Array(1000).fill('*wide').join(', ')}]\n`;
}

/** A `kubectl get -o yaml` style List over the 2 MB where value counting starts, with far fewer values than the limit. */
function bigList(items: number): string {
  const item = (index: number) => [
    '- apiVersion: apps/v1', '  kind: Deployment', '  metadata:', `    name: web-${index}`, '    labels: {app: web, tier: frontend}',
    '  spec:', '    replicas: 2', '    selector: {matchLabels: {app: web}}', '    template:', '      metadata: {labels: {app: web}}',
    '      spec:', '        containers:', '        - name: web', '          image: "registry.example.com/web:1.2.3"',
    '          args: ["--port=8080", "--log-level=info", \'--name=it\'\'s\']', '          env:', '          - {name: MODE, value: production}',
    '          resources:', '            requests: {cpu: 250m, memory: 256Mi}', '            limits: {cpu: "1", memory: 512Mi}',
    '          command:', '          - /bin/sh', '          - -c', '          - |', '            echo starting', '            - not: a list', '            exec web',
  ].join('\n');
  return `apiVersion: v1\nkind: List\nitems:\n${Array.from({ length: items }, (_, index) => item(index)).join('\n')}\n`;
}

function fiftyMegabytes(): Buffer {
  const line = `  key: ${'v'.repeat(90)}\n`;
  return Buffer.from(configMap('fifty') + 'data:\n' + line.repeat(Math.ceil((50 * MIB) / line.length)));
}
