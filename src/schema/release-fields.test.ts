import { describe, expect, it } from 'vitest';
import { loadManifests } from '../load/load-manifests.js';
import { validateObjects } from './validate.js';
import { builtinValidator } from './builtin-validators.js';
import { kindDelta } from './release-deltas.js';
import { checkRelease, checkReleaseVisiting } from './release-fields.js';
import { KUBERNETES_RELEASES } from '../model/kubernetes-releases.js';

/** Schema and unknown-kind findings of one fixture under fixtures/schema/releases, checked against `release`. */
async function check(file: string, release: string | undefined): Promise<string[]> {
  const { objects } = await loadManifests([file], { cwd: 'fixtures/schema/releases' });
  return validateObjects(objects, { kubernetesVersion: release, extraSchemas: new Map(), strictKinds: false })
    .filter((finding) => finding.ruleId === 'schema' || finding.ruleId === 'unknown-kind')
    .map((finding) => `${finding.line}:${finding.column} ${finding.severity} ${finding.message}`);
}

describe('a field newer than the checked release', () => {
  it('is an error at its key that names the release that added it and its maturity then', async () => {
    expect(await check('service-traffic-distribution.yaml', '1.29')).toEqual([
      '10:3 error unknown field "trafficDistribution" in spec: added in Kubernetes 1.30 (alpha, on by default from 1.31); this run checks 1.29',
    ]);
  });

  it('is a warning in a release where its feature gate is off by default (the API server drops it)', async () => {
    expect(await check('service-traffic-distribution.yaml', '1.30')).toEqual([
      '10:3 warning field "trafficDistribution" in spec is off by default in Kubernetes 1.30 (feature gate ServiceTrafficDistribution, on by default from 1.31): the API server drops it unless the gate is enabled',
    ]);
  });

  it('passes from the release that turns it on by default, and by default (the newest release)', async () => {
    expect(await check('service-traffic-distribution.yaml', '1.31')).toEqual([]);
    expect(await check('service-traffic-distribution.yaml', undefined)).toEqual([]);
  });

  it('is found deep inside pod templates, list items and nested objects', async () => {
    expect(await check('sidecar-and-sleep.yaml', '1.27')).toEqual([
      '17:11 error unknown field "restartPolicy" in spec.template.spec.initContainers[0]: added in Kubernetes 1.28 (alpha, on by default from 1.29); this run checks 1.27',
      '23:15 error unknown field "sleep" in spec.template.spec.containers[0].lifecycle.preStop: added in Kubernetes 1.29 (alpha, on by default from 1.30); this run checks 1.27',
    ]);
    expect(await check('sidecar-and-sleep.yaml', '1.28')).toEqual([
      '17:11 warning field "restartPolicy" in spec.template.spec.initContainers[0] is off by default in Kubernetes 1.28 (feature gate SidecarContainers, on by default from 1.29): the API server drops it unless the gate is enabled',
      '23:15 error unknown field "sleep" in spec.template.spec.containers[0].lifecycle.preStop: added in Kubernetes 1.29 (alpha, on by default from 1.30); this run checks 1.28',
    ]);
    expect(await check('sidecar-and-sleep.yaml', '1.29')).toEqual([
      '23:15 warning field "sleep" in spec.template.spec.containers[0].lifecycle.preStop is off by default in Kubernetes 1.29 (feature gate PodLifecycleSleepAction, on by default from 1.30): the API server drops it unless the gate is enabled',
    ]);
    expect(await check('sidecar-and-sleep.yaml', '1.30')).toEqual([]);
  });
});

describe('a field the newest release dropped', () => {
  it('is known to the releases that still had it, and unknown after, naming the last one', async () => {
    const gated = (release: string) => [
      `6:3 warning field "resourceClaims" in spec is off by default in Kubernetes ${release} (feature gate DynamicResourceAllocation, on by default from 1.34): the API server drops it unless the gate is enabled`,
      `14:9 warning field "claims" in spec.containers[0].resources is off by default in Kubernetes ${release} (feature gate DynamicResourceAllocation, on by default from 1.34): the API server drops it unless the gate is enabled`,
    ];
    expect(await check('pod-resource-claims.yaml', '1.30')).toEqual(gated('1.30'));
    const [resourceClaims, claims] = gated('1.31');
    expect(await check('pod-resource-claims.yaml', '1.31')).toEqual([
      resourceClaims,
      '8:7 error unknown field "source" in spec.resourceClaims[0]: removed after Kubernetes 1.30; this run checks 1.31',
      claims,
    ]);
    expect(await check('pod-resource-claims.yaml', '1.34')).toEqual([
      '8:7 error unknown field "source" in spec.resourceClaims[0]: removed after Kubernetes 1.30; this run checks 1.34',
    ]);
  });
});

describe('a kind the checked release does not serve yet', () => {
  it('is an error at its apiVersion, and validated normally from the release that serves it', async () => {
    expect(await check('validating-admission-policy.yaml', '1.29')).toEqual([
      '1:13 error no matches for kind "ValidatingAdmissionPolicy" in version "admissionregistration.k8s.io/v1": Kubernetes 1.29 does not serve admissionregistration.k8s.io/v1 ValidatingAdmissionPolicy: it arrived in 1.30',
    ]);
    expect(await check('validating-admission-policy.yaml', '1.30')).toEqual([]);
  });
});

describe('keys that name Object.prototype members', () => {
  it('are plain unknown fields, not lookups into the prototype', async () => {
    expect(await check('prototype-keys.yaml', '1.29')).toEqual([
      '6:3 error unknown field "constructor" in spec',
      '7:3 error unknown field "__proto__" in spec',
      '10:7 error unknown field "toString" in spec.ports[0]',
    ]);
  });
});

describe('a field whose gate is still off by default in the newest release', () => {
  it('warns even by default, and says so when an older release lacks it', async () => {
    expect(await check('lease-strategy.yaml', undefined)).toEqual([
      '8:3 warning field "strategy" in spec is off by default in Kubernetes 1.36 (feature gate CoordinatedLeaderElection, off by default up to the newest release): the API server drops it unless the gate is enabled',
    ]);
    expect(await check('lease-strategy.yaml', '1.30')).toEqual([
      '8:3 error unknown field "strategy" in spec: added in Kubernetes 1.31 (alpha, off by default); this run checks 1.30',
    ]);
  });
});

describe('a field whose gate a later release turns off by default again', () => {
  it('warns from that release on, and passes in the releases where it was on', async () => {
    const warning = (release: string): string =>
      `15:7 warning field "maxUnavailable" in spec.updateStrategy.rollingUpdate is off by default in Kubernetes ${release} (feature gate MaxUnavailableStatefulSet, on by default from 1.35, off by default again from 1.36): the API server drops it unless the gate is enabled`;
    expect(await check('statefulset-max-unavailable.yaml', '1.34')).toEqual([warning('1.34')]);
    expect(await check('statefulset-max-unavailable.yaml', '1.35')).toEqual([]);
    expect(await check('statefulset-max-unavailable.yaml', '1.36')).toEqual([warning('1.36')]);
    expect(await check('statefulset-max-unavailable.yaml', undefined)).toEqual([warning('1.36')]);
  });
});

describe('the walk', () => {
  it('enters only definitions that can hold something to report, and finds what the walk over every definition finds', async () => {
    const { objects } = await loadManifests(['fixtures/schema', 'fixtures/rules', 'fixtures/demo'], { cwd: '.' });
    let compared = 0;
    for (const object of objects) {
      const { apiVersion, kind } = object.ref;
      const graph = builtinValidator(apiVersion, kind)?.fields;
      const delta = kindDelta(apiVersion, kind);
      if (!graph || !delta) continue;
      for (const release of KUBERNETES_RELEASES) {
        const everything = checkReleaseVisiting(object, { release, delta, graph, definitions: new Set(Object.keys(graph)) });
        const pruned = checkRelease(object, release, delta, graph);
        if (!pruned.served) continue;
        expect(pruned).toEqual(everything);
        compared += pruned.findings.length + pruned.droppedKeys.size;
      }
    }
    expect(compared).toBeGreaterThan(20);
  });
});
