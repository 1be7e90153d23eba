// Cases after kustomize's kyaml/yaml/merge2 tests (element_test.go, list_test.go, map_test.go), with the merge order
// kustomize builds with (ListIncreaseDirection Prepend: the patch's elements first).
import { describe, expect, it } from 'vitest';
import { locate } from './value-origins.js';
import { MERGE_FAILED, strategicMerge } from './strategic-merge.js';
import { mergeSchemaOf } from './strategic-merge-schema.js';

const deployment = (spec: Record<string, unknown>) => ({ apiVersion: 'apps/v1', kind: 'Deployment', spec: { template: { spec } } });
const range = { file: 'patch.yaml', line: 1, column: 1, endLine: 1, endColumn: 1 };
const patchIndex = { rangeOf: () => range, keyRangeOf: () => range, has: () => true };
const merge = (target: Record<string, unknown>, patch: Record<string, unknown>) =>
  strategicMerge(target, patch, mergeSchemaOf(String(target['apiVersion']), String(target['kind'])), patchIndex);

describe('strategic merge as kustomize applies it (kyaml merge2)', () => {
  it.each([
    ['merge Element -- keep field in dest',
      deployment({ containers: [{ name: 'foo', image: 'foo:v0', command: ['run.sh'] }] }),
      deployment({ containers: [{ name: 'foo', image: 'foo:v1' }] }),
      deployment({ containers: [{ name: 'foo', image: 'foo:v1', command: ['run.sh'] }] })],
    ['merge Element -- add list, empty in dest',
      deployment({ containers: [] }),
      deployment({ containers: [{ name: 'foo', image: 'foo:v1' }] }),
      deployment({ containers: [{ name: 'foo', image: 'foo:v1' }] })],
    ['merge Element -- add list, missing from dest',
      { apiVersion: 'apps/v1', kind: 'Deployment' },
      deployment({ containers: [{ name: 'foo', image: 'foo:v1' }] }),
      deployment({ containers: [{ name: 'foo', image: 'foo:v1' }] })],
    ['merge Element -- add Element third (the patch\'s order first)',
      deployment({ containers: [{ name: 'foo', image: 'foo:v0' }] }),
      deployment({ containers: [{ name: 'bar', image: 'bar:v1' }, { name: 'foo', image: 'foo:v1' }] }),
      deployment({ containers: [{ name: 'bar', image: 'bar:v1' }, { name: 'foo', image: 'foo:v1' }] })],
    ['merge Element -- add Element fourth',
      deployment({ containers: [{ name: 'foo', image: 'foo:v0' }] }),
      deployment({ containers: [{ name: 'foo', image: 'foo:v1' }, { name: 'bar', image: 'bar:v1' }] }),
      deployment({ containers: [{ name: 'foo', image: 'foo:v1' }, { name: 'bar', image: 'bar:v1' }] })],
    ['a new element comes before the ones the patch does not name',
      deployment({ containers: [{ name: 'foo' }, { name: 'baz' }] }),
      deployment({ containers: [{ name: 'bar' }] }),
      deployment({ containers: [{ name: 'bar' }, { name: 'foo' }, { name: 'baz' }] })],
    ['keep element -- empty list in src',
      deployment({ containers: [{ name: 'foo' }, { name: 'bar' }] }),
      deployment({ containers: [] }),
      deployment({ containers: [{ name: 'foo' }, { name: 'bar' }] })],
    ['remove Element -- null in src',
      deployment({ containers: [{ name: 'foo' }], volumes: [] }),
      deployment({ containers: null }),
      deployment({ volumes: [] })],
    ['an element with $patch: delete goes',
      deployment({ containers: [{ name: 'foo', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] }] }),
      deployment({ containers: [{ name: 'foo', env: [{ name: 'A', $patch: 'delete' }] }] }),
      deployment({ containers: [{ name: 'foo', env: [{ name: 'B', value: '2' }] }] })],
    ['a list with a $patch: replace element is replaced',
      deployment({ volumes: [{ name: 'a', emptyDir: {} }, { name: 'b', emptyDir: {} }] }),
      deployment({ volumes: [{ $patch: 'replace' }, { name: 'c', emptyDir: {} }] }),
      deployment({ volumes: [{ name: 'c', emptyDir: {} }] })],
    ['a map with $patch: replace is replaced',
      deployment({ securityContext: { runAsUser: 1, runAsGroup: 2 } }),
      deployment({ securityContext: { $patch: 'replace', runAsNonRoot: true } }),
      deployment({ securityContext: { runAsNonRoot: true } })],
    ['a map with $patch: delete goes',
      deployment({ securityContext: { runAsUser: 1 }, hostNetwork: true }),
      deployment({ securityContext: { $patch: 'delete' } }),
      deployment({ hostNetwork: true })],
    ['a null field is removed',
      deployment({ hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' }),
      deployment({ hostNetwork: null }),
      deployment({ dnsPolicy: 'ClusterFirstWithHostNet' })],
    // the two port cases as kubectl kustomize (kustomize v5.5) writes them: a port matching only through a protocol
    // one side lacks is dropped; the patch's new ports first, then the target's in their order
    ['container ports merge on containerPort and protocol: a protocol one side lacks matches nothing',
      deployment({ containers: [{ name: 'app', ports: [{ containerPort: 8080 }, { containerPort: 53, protocol: 'UDP' }] }] }),
      deployment({ containers: [{ name: 'app', ports: [{ containerPort: 8080, name: 'http', protocol: 'TCP' }, { containerPort: 53, protocol: 'TCP' }] }] }),
      deployment({ containers: [{ name: 'app', ports: [{ containerPort: 53, protocol: 'TCP' }, { containerPort: 8080 }, { containerPort: 53, protocol: 'UDP' }] }] })],
    ['container ports with equal keys merge, in the target\'s order after the new ones',
      deployment({ containers: [{ name: 'a', ports: [{ containerPort: 8080, protocol: 'TCP', name: 'http' }, { containerPort: 9090, name: 'm' }, { containerPort: 7070, name: 'z' }] }] }),
      deployment({ containers: [{ name: 'a', ports: [{ containerPort: 8080, name: 'web' }, { containerPort: 9090, name: 'metrics', protocol: 'TCP' }, { containerPort: 7070, name: 'zz' }, { containerPort: 6060, name: 'new' }] }] }),
      deployment({ containers: [{ name: 'a', ports: [{ containerPort: 6060, name: 'new' }, { containerPort: 8080, protocol: 'TCP', name: 'http' }, { containerPort: 9090, name: 'm' }, { containerPort: 7070, name: 'zz' }] }] })],
    ['ports without any protocol merge on containerPort alone, the patch\'s first',
      deployment({ containers: [{ name: 'a', ports: [{ containerPort: 80 }, { containerPort: 81 }] }] }),
      deployment({ containers: [{ name: 'a', ports: [{ containerPort: 81, name: 'b' }, { containerPort: 82 }] }] }),
      deployment({ containers: [{ name: 'a', ports: [{ containerPort: 81, name: 'b' }, { containerPort: 82 }, { containerPort: 80 }] }] })],
    ['a list without a merge strategy (args, tolerations) is replaced',
      deployment({ containers: [{ name: 'app', args: ['a', 'b'] }], tolerations: [{ key: 'x', operator: 'Exists' }] }),
      deployment({ containers: [{ name: 'app', args: ['c'] }], tolerations: [{ key: 'y', operator: 'Exists' }] }),
      deployment({ containers: [{ name: 'app', args: ['c'] }], tolerations: [{ key: 'y', operator: 'Exists' }] })],
    // a merge key a patch repeats (kubectl kustomize v5.5): the first element where the target's list merges, the last in a new one
    ['a repeated key merging into the target\'s list: the first',
      deployment({ containers: [{ name: 'a', env: [{ name: 'C', value: '0' }] }] }),
      deployment({ containers: [{ name: 'a', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }, { name: 'A', value: '2' }] }] }),
      deployment({ containers: [{ name: 'a', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }, { name: 'C', value: '0' }] }] })],
    ['a repeated key in a container the target lacks: the last, in the first one\'s place',
      deployment({ containers: [{ name: 'a' }] }),
      deployment({ containers: [{ name: 'b', env: [{ name: 'C', value: '2' }, { name: 'A', $patch: 'delete' }, { name: 'C', value: '1' }], ports: [{ containerPort: 81, name: 'web' }, { containerPort: 80 }, { containerPort: 81, name: 'm' }] }] }),
      deployment({ containers: [{ name: 'b', env: [{ name: 'C', value: '1' }], ports: [{ containerPort: 81, name: 'm' }, { containerPort: 80 }] }, { name: 'a' }] })],
    // merge2 walks every list with merge keys of the patched object, also those the patch does not name: key values the
    // target repeats collapse (walk/associative_sequence.go; each case as kubectl kustomize v5.5 writes it)
    ['a metadata-only patch leaves one container of a repeated name: the last, in the first one\'s place',
      deployment({ containers: [{ name: 'op', image: 'op:1' }, { name: 'side' }, { name: 'op', image: 'sidecar:2' }] }),
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { labels: { team: 'a' } } },
      { ...deployment({ containers: [{ name: 'op', image: 'sidecar:2' }, { name: 'side' }] }), metadata: { labels: { team: 'a' } } }],
    ['a repeated env name of a container the patch names: the last',
      deployment({ containers: [{ name: 'op', env: [{ name: 'LOG_LEVEL', value: 'debug' }, { name: 'LOG_LEVEL', value: 'info' }] }] }),
      deployment({ containers: [{ name: 'op', args: ['--metrics'] }] }),
      deployment({ containers: [{ name: 'op', env: [{ name: 'LOG_LEVEL', value: 'info' }], args: ['--metrics'] }] })],
    ['ports repeating a containerPort, without any protocol: the last',
      deployment({ containers: [{ name: 'op', ports: [{ containerPort: 80, name: 'http' }, { containerPort: 80, name: 'https' }] }] }),
      deployment({ containers: [{ name: 'op', args: ['--metrics'] }] }),
      deployment({ containers: [{ name: 'op', ports: [{ containerPort: 80, name: 'https' }], args: ['--metrics'] }] })],
    ['a patched container whose name repeats is the last as the file has it (the patch is lost), its own lists as they are; ports on two keys keep the last one\'s place; volumes and finalizers collapse',
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { finalizers: ['a', 'b', 'a'] }, spec: { template: { spec: {
        containers: [
          { name: 'op', image: 'one', env: [{ name: 'X', value: '1' }, { name: 'X', value: '2' }] },
          { name: 'side', ports: [{ containerPort: 80, protocol: 'TCP', name: 'a' }, { containerPort: 81, name: 'c' }, { containerPort: 80, protocol: 'TCP', name: 'b' }] },
          { name: 'op', image: 'two', env: [{ name: 'Y', value: '1' }, { name: 'Y', value: '2' }] },
        ],
        volumes: [{ name: 'v', emptyDir: {} }, { name: 'v', configMap: { name: 'c' } }] } } } },
      deployment({ containers: [{ name: 'op', args: ['--x'] }] }),
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { finalizers: ['a', 'b'] }, spec: { template: { spec: {
        containers: [
          { name: 'op', image: 'two', env: [{ name: 'Y', value: '1' }, { name: 'Y', value: '2' }] },
          { name: 'side', ports: [{ containerPort: 81, name: 'c' }, { containerPort: 80, protocol: 'TCP', name: 'b' }] },
        ],
        volumes: [{ name: 'v', configMap: { name: 'c' } }] } } } }],
    ['merge_primitive_finalizers: a set, the patch\'s values first',
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { finalizers: ['b', 'c'] } },
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { finalizers: ['a', 'b'] } },
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { finalizers: ['a', 'b', 'c'] } }],
    ['a custom resource has no schema: its lists are replaced',
      { apiVersion: 'example.com/v1', kind: 'Widget', spec: { containers: [{ name: 'a', image: 'a' }] } },
      { apiVersion: 'example.com/v1', kind: 'Widget', spec: { containers: [{ name: 'b', image: 'b' }] } },
      { apiVersion: 'example.com/v1', kind: 'Widget', spec: { containers: [{ name: 'b', image: 'b' }] } }],
    ['Service ports merge on port',
      { apiVersion: 'v1', kind: 'Service', spec: { ports: [{ port: 80, targetPort: 8080 }] } },
      { apiVersion: 'v1', kind: 'Service', spec: { ports: [{ port: 80, targetPort: 'http' }, { port: 443, targetPort: 'https' }] } },
      { apiVersion: 'v1', kind: 'Service', spec: { ports: [{ port: 80, targetPort: 'http' }, { port: 443, targetPort: 'https' }] } }],
  ])('%s', (_name, target, patch, expected) => {
    expect(merge(target, patch)).toEqual(expected);
  });

  it.each([
    ['a map patched with a scalar', deployment({ securityContext: { runAsUser: 1 } }), deployment({ securityContext: 'none' })],
    ['a list patched with a map', deployment({ containers: [{ name: 'a' }] }), deployment({ containers: { name: 'a' } })],
    ['an unknown $patch directive', deployment({ securityContext: {} }), deployment({ securityContext: { $patch: 'merge-all' } })],
  ])('fails the build on %s', (_name, target, patch) => {
    expect(merge(target, patch)).toBe(MERGE_FAILED);
  });

  it('never changes the target', () => {
    const target = deployment({ containers: [{ name: 'foo', image: 'foo:v0' }] });
    const copy = structuredClone(target);
    merge(target, deployment({ containers: [{ name: 'foo', image: 'foo:v1' }, { name: 'bar' }] }));
    expect(target).toEqual(copy);
  });

  it('knows where each merged value is written: in the target\'s file, or in the patch that brought it', () => {
    const target = deployment({ volumes: [{ name: 'data' }, { name: 'socket' }], containers: [{ name: 'app', args: ['x'] }] });
    const patch = deployment({ volumes: [{ name: 'cert' }, { name: 'socket', hostPath: { path: '/x' } }], containers: [{ name: 'app', args: ['y'] }] });
    const merged = merge(target, patch);
    const volumes = ['spec', 'template', 'spec', 'volumes'];
    const containers = ['spec', 'template', 'spec', 'containers'];
    expect(merged).toMatchObject(deployment({ volumes: [{ name: 'cert' }, { name: 'socket' }, { name: 'data' }] }));
    // the target's elements, wherever the merge put them
    expect(locate(merged, [...volumes, 1, 'name'])).toEqual({ path: [...volumes, 1, 'name'] });
    expect(locate(merged, [...volumes, 2, 'name'])).toEqual({ path: [...volumes, 0, 'name'] });
    // what the patch brought: an element, a field of a merged element, a replaced list
    expect(locate(merged, [...volumes, 0, 'name'])).toEqual({ source: { index: patchIndex, path: [...volumes, 0] }, path: [...volumes, 0, 'name'] });
    expect(locate(merged, [...volumes, 1, 'hostPath', 'path'])).toEqual({ source: { index: patchIndex, path: [...volumes, 1, 'hostPath'] }, path: [...volumes, 1, 'hostPath', 'path'] });
    expect(locate(merged, [...containers, 0, 'args', 0])).toEqual({ source: { index: patchIndex, path: [...containers, 0, 'args'] }, path: [...containers, 0, 'args', 0] });
  });
});
