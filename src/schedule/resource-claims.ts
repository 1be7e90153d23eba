// Pods that claim devices through Dynamic Resource Allocation where kubefit cannot run the DynamicResources filter.
import type { Path } from '../model/document.js';
import { findingAt, type Finding } from '../model/finding.js';
import { asArray, asRecord } from '../model/object.js';
import type { PodSource } from './pod-info.js';
import { RESOURCE_CLAIMS_NOT_CHECKED } from './scheduling-checks.js';
import type { DeviceCatalog } from './dra/device-catalog.js';
import { deviceClassGap, draModelGap, NO_DEVICES } from './dra/model-gap.js';
import { podResourceClaimsOf } from './dra/pod-resource-claims.js';
import { DYNAMIC_RESOURCES_SINCE } from './preemption/dynamic-resources.js';

type ClaimingPod = Pick<PodSource, 'object' | 'spec' | 'specPath' | 'fromTemplate'>;

/**
 * A resource-claims-not-checked finding at the first entry of `resourceClaims` of each pod whose claims kubefit cannot
 * allocate as kube-scheduler's DynamicResources plugin would (model-gap.ts says why): the dry-run places it as if it
 * claimed nothing, so its verdicts may name nodes the pod cannot run on.
 */
export function uncheckedResourceClaims(pods: readonly ClaimingPod[], catalog: DeviceCatalog, minor: number): Finding[] {
  return pods.flatMap(({ object, spec, specPath, fromTemplate }) => {
    const claims = asArray(spec['resourceClaims']);
    if (claims.length === 0) return [];
    const resourceClaims = podResourceClaimsOf(spec, fromTemplate ? undefined : asRecord(object.value['status']));
    const gap = minor < DYNAMIC_RESOURCES_SINCE ? NO_DEVICES : draModelGap({ namespace: object.ref.namespace, resourceClaims }, catalog);
    if (gap === undefined) return [];
    const name = asRecord(claims[0])?.['name'];
    const what = typeof name === 'string' ? `resource claim "${name}"${claims.length > 1 ? ` and ${claims.length - 1} more` : ''}` : 'its resource claims';
    return [notChecked(object, [...specPath, 'resourceClaims'], `the devices of ${what}`, gap)];
  });
}

/**
 * The same finding for each extended resource a pod requests that a DeviceClass backs (`backed`, resource name → class;
 * dra-extended-resources.ts), at its first request, when kubefit cannot allocate the devices of that class as the
 * DynamicResources plugin would on nodes that do not advertise the resource (model-gap.ts deviceClassGap).
 */
export function uncheckedExtendedResources(pods: readonly ClaimingPod[], backed: ReadonlyMap<string, string>, catalog: DeviceCatalog): Finding[] {
  if (backed.size === 0) return [];
  const gaps = new Map<string, string | undefined>();
  const gapOf = (deviceClass: string) => {
    if (!gaps.has(deviceClass)) gaps.set(deviceClass, deviceClassGap(deviceClass, catalog));
    return gaps.get(deviceClass);
  };
  return pods.flatMap(({ object, spec, specPath }) => {
    const requests = new Map<string, Path>();
    for (const [path, resources] of resourceLists(spec, specPath)) {
      for (const name of Object.keys(resources)) if (backed.has(name) && !requests.has(name)) requests.set(name, [...path, name]);
    }
    return [...requests].flatMap(([name, path]) => {
      const deviceClass = backed.get(name) ?? '';
      const gap = gapOf(deviceClass);
      return gap === undefined ? [] : [notChecked(object, path, `the devices of DeviceClass "${deviceClass}", which backs the extended resource "${name}" on nodes that do not advertise it`, gap)];
    });
  });
}

/** The pod's resource requests and limits, pod-level first, then each init container's and container's, with their paths. */
function* resourceLists(spec: Readonly<Record<string, unknown>>, specPath: Path): Generator<[Path, Readonly<Record<string, unknown>>]> {
  const lists = (resources: unknown, path: Path): [Path, Readonly<Record<string, unknown>>][] =>
    (['requests', 'limits'] as const).flatMap((kind) => {
      const list = asRecord(asRecord(resources)?.[kind]);
      return list ? [[[...path, kind], list] as [Path, Readonly<Record<string, unknown>>]] : [];
    });
  yield* lists(spec['resources'], [...specPath, 'resources']);
  for (const field of ['initContainers', 'containers'] as const) {
    const containers = asArray(spec[field]);
    for (let index = 0; index < containers.length; index++) yield* lists(asRecord(containers[index])?.['resources'], [...specPath, field, index, 'resources']);
  }
}

/** `gap`: why the DynamicResources filter did not run for the pod. */
function notChecked(object: ClaimingPod['object'], path: Path, what: string, gap: string): Finding {
  const why = gap === NO_DEVICES ? 'kubefit does not run the DynamicResources filter' : `kubefit did not run the DynamicResources filter: ${gap}`;
  return findingAt(object, path, {
    ruleId: RESOURCE_CLAIMS_NOT_CHECKED.id,
    severity: RESOURCE_CLAIMS_NOT_CHECKED.severity,
    message: `resource claims were not checked: ${why}, so the nodes it names may lack ${what}`,
  });
}
