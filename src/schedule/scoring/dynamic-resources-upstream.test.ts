// Ports of the scoring cases of pkg/scheduler/framework/plugins/dynamicresources/dynamicresources_test.go TestPlugin
// ("single-claim-prioritized-list-scoring", "multiple-claims-prioritized-list-scoring",
// "multiple-requests-prioritized-list-scoring"; the newest stored version), run the way kube-scheduler scores: the
// DynamicResources filter, then its Score and NormalizeScore at weight 1 on the nodes it leaves.
import { describe, expect, it } from 'vitest';
import { node, pod, scoreNodes, schedule, type Value } from '../integration-test-support.js';
import { readSchedulerConfiguration } from '../profile/scheduler-configuration.js';

const CLASS = 'my-resource-class';
const deviceClass: Value = { apiVersion: 'resource.k8s.io/v1', kind: 'DeviceClass', metadata: { name: CLASS }, spec: {} };

/** st.MakeResourceSlice(node, "some-driver") with one device per entry, each with a "healthy" attribute if given. */
function slice(nodeName: string, devices: readonly (boolean | undefined)[]): Value {
  return {
    apiVersion: 'resource.k8s.io/v1',
    kind: 'ResourceSlice',
    metadata: { name: `${nodeName}-some-driver` },
    spec: {
      driver: 'some-driver',
      nodeName,
      pool: { name: nodeName, generation: 1, resourceSliceCount: 1 },
      devices: devices.map((healthy, i) => ({ name: `instance-${i + 1}`, ...(healthy !== undefined && { attributes: { healthy: { bool: healthy } } }) })),
    },
  };
}

/** st.SubRequest(name, class, count) and SubRequestWithSelector. */
const subRequest = (name: string, count: number, expression?: string): Value => ({ name, deviceClassName: CLASS, count, ...(expression && { selectors: [{ cel: { expression } }] }) });

function claim(name: string, requests: readonly (readonly Value[])[]): Value {
  const spec = { devices: { requests: requests.map((firstAvailable, i) => ({ name: `req-${i + 1}`, firstAvailable })) } };
  return { apiVersion: 'resource.k8s.io/v1', kind: 'ResourceClaim', metadata: { name, namespace: 'default' }, spec };
}

function podWithClaims(...claimNames: readonly string[]): Value {
  return pod({ name: 'my-pod', spec: { resourceClaims: claimNames.map((claimName, i) => ({ name: `my-resource${i === 0 ? '' : `-${i + 1}`}`, resourceClaimName: claimName })) } });
}

/** Devices without attributes. */
const plain = (count: number): undefined[] => Array.from({ length: count }, () => undefined);

const workers = (count: number): Value[] => ['worker', 'worker-2', 'worker-3'].slice(0, count).map((name) => node({ name }));

/** The DynamicResources filter and score alone (weight 1). */
const dynamicResourcesOnly = readSchedulerConfiguration(
  JSON.stringify({
    apiVersion: 'kubescheduler.config.k8s.io/v1',
    kind: 'KubeSchedulerConfiguration',
    profiles: [{ plugins: { filter: { disabled: [{ name: '*' }], enabled: [{ name: 'DynamicResources' }] }, score: { disabled: [{ name: '*' }], enabled: [{ name: 'DynamicResources', weight: 1 }] } } }],
  }),
  'test.json',
  36,
).profiles;

const healthy = `device.attributes["some-driver"].healthy`;

describe('DynamicResources Score and NormalizeScore (dynamicresources_test.go TestPlugin, v1.36)', () => {
  it('single-claim-prioritized-list-scoring: the first subrequest scores 8, the second 7, normalized 100 and 87', () => {
    const docs = [...workers(2), deviceClass, slice('worker', [true]), slice('worker-2', [false]), claim('my-pod-my-resource', [[subRequest('subreq-1', 1, healthy), subRequest('subreq-2', 1)]]), podWithClaims('my-pod-my-resource')];
    expect(scoreNodes(docs, dynamicResourcesOnly)).toEqual({ worker: 100, 'worker-2': 87 });
  });

  it('multiple-claims-prioritized-list-scoring: the claims\' scores add up (15 and 13, normalized 100 and 86); worker-3 cannot allocate all claims', () => {
    const claims = [claim('my-pod-my-resource', [[subRequest('subreq-1', 1)]]), claim('my-pod-my-resource-2', [[subRequest('subreq-1', 4), subRequest('subreq-2', 3), subRequest('subreq-3', 2), subRequest('subreq-4', 1)]])];
    const docs = [...workers(3), deviceClass, slice('worker', plain(4)), slice('worker-2', plain(2)), slice('worker-3', plain(1)), ...claims, podWithClaims('my-pod-my-resource', 'my-pod-my-resource-2')];
    expect(scoreNodes(docs, dynamicResourcesOnly)).toEqual({ worker: 100, 'worker-2': 86 });
    expect(schedule(docs, dynamicResourcesOnly)[0]?.rejected).toEqual({ 'worker-3': ['cannot allocate all claims'] });
  });

  it('multiple-requests-prioritized-list-scoring: the requests\' scores add up (16, 15, 14, normalized 100, 93, 87)', () => {
    const twoOrOne = [subRequest('subreq-1', 2), subRequest('subreq-2', 1)];
    const docs = [...workers(3), deviceClass, slice('worker', plain(4)), slice('worker-2', plain(3)), slice('worker-3', plain(2)), claim('my-pod-my-resource', [twoOrOne, twoOrOne]), podWithClaims('my-pod-my-resource')];
    expect(scoreNodes(docs, dynamicResourcesOnly)).toEqual({ worker: 100, 'worker-2': 93, 'worker-3': 87 });
  });

  it('the default profile scores it at weight 2 from 1.36: the node with the preferred subrequest wins over the first by name', () => {
    // apis/config/v1/default_plugins.go applyDynamicResources (v1.36)
    const docs = [...workers(2), deviceClass, slice('worker', [false]), slice('worker-2', [true]), claim('my-pod-my-resource', [[subRequest('subreq-1', 1, healthy), subRequest('subreq-2', 1)]]), podWithClaims('my-pod-my-resource')];
    expect(Object.keys(schedule(docs)[0]?.placement.nodes ?? {})).toEqual(['worker-2']);
  });
});
