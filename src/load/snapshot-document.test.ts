import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadManifests } from './load-manifests.js';
import { collectGarbage, externalTextBytes } from './test-support.js';

const NODE = 'apiVersion: v1\nkind: Node\nmetadata:\n  name: node-a\n  labels:\n    topology.kubernetes.io/zone: zone-a\nstatus:\n  allocatable:\n    cpu: "4"\n';
const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web-0\n  namespace: shop\nspec:\n  nodeName: node-a\n  containers:\n    - name: web\n      image: nginx:1.27\n      resources:\n        requests:\n          cpu: 250m\n';
const LIST = `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Node\n  metadata:\n    name: node-b\n- apiVersion: v1\n  kind: Node\n  metadata:\n    name: node-c\n  spec:\n    unschedulable: true\n`;

describe('cluster snapshot documents', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kubefit-snapshot-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('place a cluster object\'s values where they are in the file, read again from it', async () => {
    await writeFile(join(dir, 'cluster.yaml'), `${NODE}---\n${POD}`);
    const { objects } = await loadManifests(['cluster.yaml'], { cwd: dir, fromCluster: true });
    const [node, pod] = objects;
    expect(pod?.rangeOf(['spec', 'containers', 0, 'resources', 'requests', 'cpu'])).toEqual({ file: 'cluster.yaml', line: 23, column: 16, endLine: 23, endColumn: 20 });
    expect(pod?.keyRangeOf(['spec', 'nodeName'])).toMatchObject({ line: 17, column: 3 });
    expect(node?.rangeOf(['metadata', 'labels', 'topology.kubernetes.io/zone'])).toMatchObject({ line: 6, column: 34 });
    expect([node?.has(['status', 'allocatable', 'cpu']), node?.has(['spec'])]).toEqual([true, false]);
  });

  it('place the items of a kubectl List', async () => {
    await writeFile(join(dir, 'list.yaml'), LIST);
    const { objects } = await loadManifests(['list.yaml'], { cwd: dir, fromCluster: true });
    expect(objects.map((object) => object.ref.name)).toEqual(['node-b', 'node-c']);
    expect(objects[1]?.rangeOf(['spec', 'unschedulable'])).toMatchObject({ file: 'list.yaml', line: 13, column: 20 });
  });

  it('point at the start of a file that changed since it was read, not at lines that are no longer the object\'s', async () => {
    await writeFile(join(dir, 'changed.yaml'), `${NODE}---\n${POD}`);
    const { objects } = await loadManifests(['changed.yaml'], { cwd: dir, fromCluster: true });
    await writeFile(join(dir, 'changed.yaml'), `# rewritten\n${POD}---\n${NODE}`);
    expect(objects[1]?.rangeOf(['spec', 'nodeName'])).toEqual({ file: 'changed.yaml', line: 1, column: 1, endLine: 1, endColumn: 1 });
    expect(objects[1]?.value).toMatchObject({ spec: { nodeName: 'node-a' } });
  });

  it('keep the positions of standard input, which cannot be read again', async () => {
    const { objects } = await loadManifests(['-'], { cwd: dir, fromCluster: true, readStdin: async () => Buffer.from(`${NODE}---\n${POD}`) });
    expect(objects[1]?.rangeOf(['spec', 'nodeName'])).toMatchObject({ file: '<stdin>', line: 17, column: 13 });
  });

  it('keep none of the files\' text: a large snapshot\'s objects hold their values, not its megabytes', async () => {
    const pods = (file: number) => Array.from({ length: 6000 }, (_, index) => POD.replace('web-0', `web-${file}-${index}`).replace('nginx:1.27', `registry.example.com/team/web:1.27.${index}`)).join('---\n');
    // two files of some 1.4 MB each: Buffer decodes them to strings outside the heap, which textBytes counts
    for (const file of [1, 2]) await writeFile(join(dir, `pods-${file}.yaml`), pods(file));
    await collectGarbage();
    const before = externalTextBytes();
    const { objects } = await loadManifests(['pods-1.yaml', 'pods-2.yaml'], { cwd: dir, fromCluster: true });
    await collectGarbage();
    expect(objects).toHaveLength(12000);
    expect(externalTextBytes() - before).toBeLessThan(512 * 1024);
    expect(objects[11999]?.rangeOf(['metadata', 'name'])).toMatchObject({ file: 'pods-2.yaml', line: 4 + 5999 * 14, column: 9 });
  });
});
