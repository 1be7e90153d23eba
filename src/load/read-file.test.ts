import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadManifests } from './load-manifests.js';
import { readSourceFile } from './read-file.js';

const root = mkdtempSync(join(tmpdir(), 'kubefit-read-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('readSourceFile', () => {
  // `kubefit lint <(kustomize build .)` names a pipe: stat gives it no size, its bytes come as they are written
  it.skipIf(process.platform === 'win32')('reads a named pipe to its end, however much more than one buffer it holds', async () => {
    const fifo = join(root, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    const documents = Array.from({ length: 4000 }, (_, index) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: map-${index}\n`);
    const text = documents.join('---\n');
    const writer = createWriteStream(fifo);
    writer.end(text);
    const read = await readSourceFile('pipe.yaml', fifo, 64 * 1024 * 1024);
    expect('source' in read && read.source.text.length).toBe(text.length);
    expect('source' in read && read.source.text === text).toBe(true);
  });

  // upstream: cli-runtime visitor.go FileVisitor.Visit reads through unicode.BOMOverride(unicode.UTF8.NewDecoder());
  // golang.org/x/text unicode.go utf16Decoder.Transform writes U+FFFD for a lone surrogate and another for a single
  // trailing byte (TextDecoder made one of a high surrogate and that byte)
  it.each([
    ['utf-16le, a high surrogate and a single trailing byte', 'fffe6b003a00200061003dd800', 'k: a\uFFFD\uFFFD'],
    ['utf-16be, a single trailing byte', 'feff006b003a0020006100', 'k: a\uFFFD'],
    ['utf-16le, a lone low surrogate', 'fffe6b003a00200000dc6100', 'k: \uFFFDa'],
  ])('reads %s as kubectl does', async (_, hex, text) => {
    const file = join(root, `${hex}.yaml`);
    writeFileSync(file, Buffer.from(hex, 'hex'));
    const read = await readSourceFile('utf16.yaml', file, 1024);
    expect('source' in read && read.source.text).toBe(text);
  });

  // an ASCII file's bytes are searched for what go-yaml's reader refuses (SourceText.readable), so that its text is not
  it.each([
    ['a bell deep in the file', '\x07', false],
    ['DEL', '\x7f', false],
    ['a form feed', '\f', false],
    ['tabs and carriage returns only', '\t\r', true],
  ])('reads an ASCII file with %s as readable: %s', async (_, character, readable) => {
    const file = join(root, `controls-${readable}-${character.charCodeAt(0)}.yaml`);
    writeFileSync(file, `${'# padding past the binary sniff\n'.repeat(400)}k: a${character}b\n`);
    const read = await readSourceFile('controls.yaml', file, 1024 * 1024);
    expect('source' in read && read.source.readable).toBe(readable);
  });

  it('still finds a control character deep in an ASCII file, at its line and column', async () => {
    const file = join(root, 'bell.yaml');
    writeFileSync(file, `${'# padding past the binary sniff\n'.repeat(400)}apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\x07b\n`);
    const { findings } = await loadManifests(['bell.yaml'], { cwd: root });
    expect(findings.map((finding) => `${finding.line}:${finding.column} ${finding.message}`)).toEqual(['404:10 control characters are not allowed']);
  });

  it('leaves a file that opens a JSON object or array to the search of its text, which it needs only when read as YAML', async () => {
    const files: [string, string][] = [['list.json', ' \n\t[{"kind": "List"}]\n'], ['object.json', '{"kind": "List"}']];
    for (const [name, text] of files) {
      const file = join(root, name);
      writeFileSync(file, text);
      const read = await readSourceFile(name, file, 1024);
      expect('source' in read && read.source.readable).toBe(false);
    }
    // a YAML flow mapping opens like JSON: its control character is still found
    writeFileSync(join(root, 'flow.yaml'), '{apiVersion: v1, kind: ConfigMap, metadata: {name: a}}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\x07b\n');
    const { findings } = await loadManifests(['flow.yaml'], { cwd: root });
    expect(findings.map((finding) => `${finding.line}:${finding.column} ${finding.message}`)).toEqual(['6:10 control characters are not allowed']);
  });

  it('leaves a file with non-ASCII text to the search of its text', async () => {
    const file = join(root, 'utf8.yaml');
    writeFileSync(file, 'k: é\n');
    const read = await readSourceFile('utf8.yaml', file, 1024);
    expect('source' in read && read.source.readable).toBe(false);
  });

  it.skipIf(process.platform === 'win32')('says a file is a symbolic link to a missing file (a checkout without its vendor folder)', async () => {
    const link = join(root, 'crd.yaml');
    symlinkSync('../vendor/crd.yaml', link);
    const read = await readSourceFile('config/crd.yaml', link, 1024);
    expect('finding' in read && read.finding.message).toBe('a symbolic link to a missing file (../vendor/crd.yaml)');
  });
});
