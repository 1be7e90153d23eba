// Hostile inputs generated at test time (too big, binary or filesystem-specific to commit): limits, encodings,
// links. Each is checked beside the healthy control file.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../src/check.js';
import { DEFAULT_LIMITS, loadManifests } from '../src/load/load-manifests.js';
import { generateHostileTree } from './hostile/generate.js';
import { checkBesideControl, loadFindings } from './hostile/hostile-run.js';

let dir = '';
beforeAll(async () => {
  dir = await generateHostileTree();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const at = (name: string) => join(dir, name);

async function findingsOf(name: string): Promise<string[]> {
  return loadFindings(await checkBesideControl([at(name)]), at(name));
}

async function namesOf(name: string): Promise<string[]> {
  return (await loadManifests([at(name)])).objects.map((object) => object.ref.name);
}

describe('kustomize configurations', () => {
  it('skips a field spec deeper than any document instead of building it (200,000 steps)', async () => {
    const loaded = await loadManifests([at('deep-field-spec')]);
    expect(loaded.findings).toEqual([]);
    expect(loaded.objects.map((object) => `${object.ref.namespace}/${object.ref.name}`)).toEqual(['deep/deep']);
  });
});

describe('resource limits (DEFAULT_LIMITS) yield a finding, never a crash or an out-of-memory kill', () => {
  it('documents the limits', () => {
    expect(DEFAULT_LIMITS).toEqual({ maxFileSize: 32 * 1024 * 1024, maxDocuments: 100_000, maxDepth: 256, maxExpandedNodes: 1_000_000 });
  });

  it('rejects a 50 MB file by its size without reading it', async () => {
    expect(await findingsOf('fifty-megabytes.yaml')).toEqual(['1:1 too-large: file is 50 MiB, over the 32 MiB limit']);
  });

  it.each([
    ['deep-flow-sequence.yaml', '5:262'],
    ['deep-flow-mapping.yaml', '5:1024'],
    ['deep.json', '1:1570'],
    ['deep-block.yaml', '260:256'],
  ])('stops 10,000 levels of nesting in %s at level 256', async (name, position) => {
    expect(await findingsOf(name)).toEqual([`${position} too-large: nesting exceeded maxDepth (256)`]);
  });

  it.each([
    ['billion-laughs.yaml', '10:47'],
    ['merge-key-bomb.yaml', '10:79'],
    ['wide-alias-bomb.yaml', '7:3498'],
  ])('stops the alias bomb %s without expanding it', async (name, position) => {
    expect(await findingsOf(name)).toEqual([`${position} too-large: document has more than 1,000,000 values once aliases are expanded`]);
  });

  it.each([['flood-flow.yaml'], ['flood-block.yaml']])('refuses the value flood %s before parsing it (a 32 MiB one would need 2.5 GB)', async (name) => {
    expect(await findingsOf(name)).toEqual(['1:1 too-large: document has more than 1,000,000 values; it is not parsed']);
  });

  it('counts plain values against the same limit, which can be lowered', async () => {
    const report = await checkBesideControl([at('many-values.yaml')], { limits: { maxExpandedNodes: 10_000 } });
    expect(loadFindings(report, at('many-values.yaml'))).toEqual(['1:1 too-large: document has more than 10,000 values; it is not parsed']);
  });

  it('reads a large List and a large block scalar that stay under the value limit', async () => {
    const report = await checkBesideControl([at('big-list.yaml'), at('big-block-scalar.yaml')]);
    expect(loadFindings(report, at('big-list.yaml'))).toEqual([]);
    expect(loadFindings(report, at('big-block-scalar.yaml'))).toEqual([]);
    expect(report.summary.objects).toBe(3000 + 1 + 2);
  });

  it('checks the first 100,000 documents of a file and says the rest is not checked', async () => {
    expect(await findingsOf('too-many-documents.yaml')).toEqual(['200001:1 too-large: file has more than 100000 documents; the rest is not checked']);
    // documents of comments only count too: 5 million of them took minutes before the limit was met
    expect(await findingsOf('too-many-comment-documents.yaml')).toEqual(['200001:1 too-large: file has more than 100000 documents; the rest is not checked']);
  });

  it('reads a 1 MiB line', async () => {
    expect(await findingsOf('long-line.yaml')).toEqual([]);
    expect(await namesOf('long-line.yaml')).toEqual(['long-line']);
  });
});

describe('encodings', () => {
  it.each([
    ['binary.yaml', ['1:1 binary-file: file is binary (it contains NUL bytes)']],
    ['utf16-nul.yaml', ['1:1 binary-file: file is binary (it contains NUL characters)']],
    // kubectl reads the invalid byte as U+FFFD and sends the object on
    ['latin1.yaml', ['4:12 invalid-utf8: file is not valid UTF-8 text: kubectl reads each invalid byte sequence as U+FFFD']],
  ])('reports %s as kubectl reads it', async (name, findings) => {
    expect(await findingsOf(name)).toEqual(findings);
  });

  it.each(['utf16.yaml', 'utf16be.yaml'])('reads %s (UTF-16 with a byte order mark) as kubectl and go-yaml do', async (name) => {
    expect(await findingsOf(name)).toEqual([]);
    const { objects } = await loadManifests([at(name)]);
    expect(objects.map((object) => object.ref.name)).toEqual(['utf16']);
    expect(objects[0]?.rangeOf(['metadata', 'name'])).toMatchObject({ line: 4, column: 9, endColumn: 14 });
  });

  it('reads a BOM and CRLF line endings with exact positions', async () => {
    expect(await findingsOf('bom-crlf.yaml')).toEqual([]);
    const { objects } = await loadManifests([at('bom-crlf.yaml')]);
    expect(objects[0]?.rangeOf(['metadata', 'name'])).toMatchObject({ line: 4, column: 9, endLine: 4, endColumn: 17 });
    expect(objects[0]?.value['data']).toEqual({ key: 'value' });
  });

  it('places a syntax error in a CRLF file on its line', async () => {
    expect(await findingsOf('bom-crlf-broken.yaml')).toEqual(['6:8 yaml-syntax: found unexpected end of stream']);
  });
});

describe('the file system', () => {
  it('walks into a directory named like a manifest, and reports an empty one named on the command line', async () => {
    const report = await checkBesideControl([at('directory.yaml'), at('empty-directory.yaml')]);
    expect(loadFindings(report, at('empty-directory.yaml'))).toEqual(['1:1 file-unreadable: directory has no .yaml, .yml or .json files']);
    expect(loadFindings(report, join(at('directory.yaml'), 'inside.yaml'))).toEqual([]);
    expect(report.summary.files).toBe(2);
  });

  it('reports symbolic link loops and dangling links found in a directory walk', async () => {
    const report = await check([at('links')]);
    const brief = (name: string) => loadFindings(report, join(dir, 'links', name));
    expect(brief('loop-a.yaml')).toEqual(['1:1 file-unreadable: too many levels of symbolic links']);
    expect(brief('loop-b.yaml')).toEqual(['1:1 file-unreadable: too many levels of symbolic links']);
    expect(brief('dangling.yaml')).toEqual(['1:1 file-unreadable: a symbolic link to a missing file (nowhere.yaml)']);
  });

  it('reads each file once however many links lead to it, and never loops', async () => {
    const result = await loadManifests([at('links/tree')]);
    expect(result.objects.map((object) => `${object.file} ${object.ref.name}`)).toEqual([`${at('links/tree')}/once.yaml once`]);
  });

  it('reports a link loop named on the command line, and goes on', async () => {
    expect(await findingsOf('links/loop-a.yaml')).toEqual(['1:1 file-unreadable: too many levels of symbolic links']);
  });

  // Permissions do not stop root, and the suite runs as root in CI containers: then this case cannot be built.
  it.skipIf(process.getuid?.() === 0)('reports an unreadable file', async () => {
    expect(await findingsOf('unreadable.yaml')).toEqual(['1:1 file-unreadable: permission denied']);
  });
});
