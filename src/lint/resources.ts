// A container's resources.requests and resources.limits as plain maps, with the paths rules report at.
import type { Path } from '../model/document.js';
import { asRecord } from '../model/object.js';
import { compareQuantities, parseQuantity, ZERO } from '../model/quantity.js';
import type { ContainerView, Workload } from '../model/workload.js';

export interface ContainerResources {
  readonly requests: Readonly<Record<string, unknown>>;
  readonly limits: Readonly<Record<string, unknown>>;
  readonly requestsPath: Path;
  readonly limitsPath: Path;
}

export function containerResources(container: ContainerView): ContainerResources {
  return new ResourcesOf(container);
}

/** The paths are built when a rule reports at them: several rules read every container's resources, few report. */
class ResourcesOf implements ContainerResources {
  readonly requests: Readonly<Record<string, unknown>>;
  readonly limits: Readonly<Record<string, unknown>>;
  readonly #path: Path;

  constructor(container: ContainerView) {
    const resources = asRecord(container.value['resources']);
    this.requests = asRecord(resources?.['requests']) ?? {};
    this.limits = asRecord(resources?.['limits']) ?? {};
    this.#path = container.path;
  }

  get requestsPath(): Path {
    return [...this.#path, 'resources', 'requests'];
  }

  get limitsPath(): Path {
    return [...this.#path, 'resources', 'limits'];
  }
}

/**
 * Pod-level spec.resources (PodLevelResources, beta and on by default since 1.34): a pod-level request or limit
 * covers every container that sets none of its own.
 */
// upstream: pkg/api/v1/resource/helpers.go PodRequests / PodLimits (IsPodLevelResourcesSet)
export function podLevelResources(workload: Workload): Pick<ContainerResources, 'requests' | 'limits'> {
  const resources = asRecord(workload.podSpec['resources']);
  return { requests: asRecord(resources?.['requests']) ?? {}, limits: asRecord(resources?.['limits']) ?? {} };
}

/** A resource a pod may set at the pod level: cpu and memory (the API server refuses others, hugepages aside). */
export function isPodLevelResource(name: string): boolean {
  return name === 'cpu' || name === 'memory';
}

/** Whether the pod sets a pod-level cpu or memory request or limit. */
// upstream: staging/src/k8s.io/component-helpers/resource/helpers.go IsPodLevelResourcesSet
export function isPodLevelResourcesSet(workload: Workload): boolean {
  const { requests, limits } = podLevelResources(workload);
  return [requests, limits].some((values) => Object.keys(values).some((name) => isPodLevelResource(name) && isSet(values[name])));
}

/** True when the value is set (the API server treats an explicit null like an absent field). */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/**
 * Whether a request or limit asks for something: set, and not a zero quantity. A cpu or memory amount of 0 is none at
 * all: the QoS class counts only positive requests and limits, and the kubelet sets no memory limit for 0. A value
 * that is no quantity counts as set (the schema reports it).
 */
// upstream: pkg/apis/core/v1/helper/qos/qos.go ComputePodQOS (quantity.Cmp(zeroQuantity) == 1);
// pkg/kubelet/kuberuntime/kuberuntime_container_linux.go calculateLinuxResources (if memLimit != 0)
export function isNonZero(value: unknown): boolean {
  if (!isSet(value)) return false;
  const quantity = parseQuantity(value);
  return quantity === undefined || compareQuantities(quantity, ZERO) !== 0;
}

/** The request a container or pod gets for a resource: its own, else its limit (the API server copies the limit). */
// upstream: pkg/apis/core/v1/defaults.go SetDefaults_Pod (a limit without a request becomes the request)
export function defaultedRequest(resources: Pick<ContainerResources, 'requests' | 'limits'>, name: string): unknown {
  return isSet(resources.requests[name]) ? resources.requests[name] : resources.limits[name];
}
