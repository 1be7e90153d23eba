import { describe, expect, it } from 'vitest';
import { loadManifests } from './load-manifests.js';
import { replicaCountsOf, withReplicas } from './kustomize-replicas.js';

describe('kustomize replica count transformer (ReplicaCountTransformer, builtinpluginconsts/replicas.go)', () => {
  const rule = { name: 'web', count: 3 };

  it.each([
    ['a Deployment of that name gets spec.replicas', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 1 } },
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 3 } }],
    ['a missing spec is created', { apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'web' } },
      { apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'web' }, spec: { replicas: 3 } }],
    ['another name is left alone', { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'api' }, spec: {} },
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'api' }, spec: {} }],
    ['a kind without a replicas field spec is left alone', { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'web' }, spec: {} },
      { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'web' }, spec: {} }],
  ])('%s', (_name, value, expected) => {
    expect(withReplicas(value, rule)).toEqual(expected);
  });

  it('reads entries with a name and an integer count only', () => {
    expect(replicaCountsOf({ replicas: [{ name: 'web', count: 2 }, { name: 'api' }, { count: 3 }, { name: 'db', count: 1.5 }, 'x'] })).toEqual([{ name: 'web', count: 2 }]);
  });

  it('writes the count of the outermost kustomization that sets one', async () => {
    const loaded = await loadManifests(['kustomize-replicas'], { cwd: 'fixtures' });
    expect(loaded.findings).toEqual([]);
    expect(loaded.objects.map((object) => `${object.ref.name} ${String(asSpec(object.value)['replicas'])}`)).toEqual(['web 6', 'db 3']);
  });
});

function asSpec(value: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return value['spec'] as Record<string, unknown>;
}
