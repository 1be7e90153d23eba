import { describe, expect, it } from 'vitest';
import { itemDocumentText, kubectlListItems } from './list-items.js';
import { loadManifests } from './load-manifests.js';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ITEMS = '- apiVersion: v1\n  kind: Node\n  metadata:\n    name: a\n  status:\n    conditions:\n    - type: Ready\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: p\n';
const LIST = `apiVersion: v1\nitems:\n${ITEMS}kind: List\nmetadata:\n  resourceVersion: ""\n`;

describe('kubectlListItems', () => {
  it('finds the items of a List as kubectl writes it, each read as a document at the same offsets', () => {
    const items = kubectlListItems(LIST, 0, LIST.length, 10);
    expect(items?.map((item) => LIST.slice(item.start, item.end))).toEqual([ITEMS.slice(0, ITEMS.indexOf('- apiVersion', 2)), ITEMS.slice(ITEMS.indexOf('- apiVersion', 2))]);
    const first = items?.[0];
    if (!first) throw new Error('no item');
    expect(itemDocumentText(LIST, first)).toBe(`  ${LIST.slice(first.start + 2, first.end)}`);
    expect(itemDocumentText(LIST, first)).toHaveLength(first.end - first.start);
  });

  it('takes the wrappers older kubectl and CRLF texts write, and nothing else', () => {
    const crlf = LIST.replaceAll('\n', '\r\n');
    expect(kubectlListItems(crlf, 0, crlf.length, 10)).toHaveLength(2);
    const selfLink = LIST.replace('resourceVersion: ""\n', 'resourceVersion: ""\n  selfLink: ""');
    expect(kubectlListItems(selfLink, 0, selfLink.length, 10)).toHaveLength(2);
    const others = [
      LIST.replace('kind: List', 'kind: NodeList'),
      LIST.replace('items:\n- ', 'items:\n  - ').replaceAll('\n  ', '\n    '),
      LIST.replace('- apiVersion: v1\n  kind: Pod', '# a comment\n- apiVersion: v1\n  kind: Pod'),
      LIST.replace('resourceVersion: ""', 'resourceVersion: "12"'),
      `${LIST}extra: 1\n`,
      LIST.replace('apiVersion: v1\nitems', 'apiVersion: v2\nitems'),
      LIST.replace('- apiVersion: v1\n  kind: Pod\n', '- metadata:\n    name: orphan\n- apiVersion: v1\n  kind: Pod\n'),
      LIST.replace('- apiVersion: v1\n  kind: Pod\n', '- kind: Pod\n  apiVersion: v1\n'),
    ];
    for (const text of others) expect(kubectlListItems(text, 0, text.length, 10)).toBeUndefined();
    expect(kubectlListItems(LIST, 0, LIST.length, 1)).toBeUndefined();
  });

  it('reads a cluster snapshot List item by item with the values, positions and problems of reading it whole', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kubefit-list-'));
    try {
      const duplicate = LIST.replace('    name: p\n', '    name: p\n    name: q\n');
      await writeFile(join(dir, 'untyped.yaml'), LIST.replace('- apiVersion: v1\n  kind: Pod\n', '- metadata:\n    name: orphan\n- apiVersion: v1\n  kind: Pod\n'));
      const untyped = await loadManifests(['untyped.yaml'], { cwd: dir, fromCluster: true });
      expect(untyped.findings.map(({ ruleId, line }) => ({ ruleId, line }))).toEqual([{ ruleId: 'type-meta-missing', line: 10 }]);
      await writeFile(join(dir, 'cluster.yaml'), duplicate);
      const asCluster = await loadManifests(['cluster.yaml'], { cwd: dir, fromCluster: true });
      const asManifest = await loadManifests(['cluster.yaml'], { cwd: dir });
      expect(asCluster.objects.map((object) => object.value)).toEqual(asManifest.objects.map((object) => object.value));
      expect(asCluster.findings.map(({ ruleId, message, line, column }) => ({ ruleId, message, line, column }))).toEqual(
        asManifest.findings.map(({ ruleId, message, line, column }) => ({ ruleId, message, line, column })),
      );
      for (const path of [['metadata', 'name'], ['status', 'conditions', 0, 'type'], []]) {
        expect(asCluster.objects.map((object) => object.rangeOf(path))).toEqual(asManifest.objects.map((object) => object.rangeOf(path)));
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
