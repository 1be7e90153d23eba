// A container that serves traffic without a readinessProbe gets requests before it can answer them.
import { containerLabel, containerNamePath } from '../src/lint/container.js';
import { defineRule } from '../src/lint/define-rule.js';
import { isLongRunning, LONG_RUNNING_KINDS } from '../src/lint/long-running.js';
import { isSet } from '../src/lint/resources.js';
import type { KubeObject } from '../src/model/object.js';
import { asArray, asRecord } from '../src/model/object.js';
import { isRegularOrSidecar, type ContainerView, type Workload } from '../src/model/workload.js';

/** Another regular container or sidecar of the pod has a readiness probe: it gates the pod's readiness for the Service. */
function hasReadyPeer(workload: Workload, container: ContainerView): boolean {
  return workload.containers.some((other) => other !== container && isRegularOrSidecar(other) && isSet(other.value['readinessProbe']));
}

/**
 * Whether another regular container of the pod declares a port the Services send traffic to: a targetPort (the port
 * when unset) naming one of its ports or equal to one of its containerPorts. That container takes the traffic, and is
 * reported itself when it has no probe.
 */
function targetedPeer(workload: Workload, container: ContainerView, services: readonly KubeObject[]): boolean {
  const targets = services.flatMap((service) => asArray(asRecord(service.value['spec'])?.['ports']).map((entry) => asRecord(entry)?.['targetPort'] ?? asRecord(entry)?.['port']));
  return workload.containers.some(
    (other) =>
      other !== container &&
      other.type === 'container' &&
      asArray(other.value['ports']).some((port) => targets.some((target) => target !== undefined && (target === asRecord(port)?.['name'] || Number(target) === asRecord(port)?.['containerPort']))),
  );
}

/**
 * Whether the Service gives the pod an endpoint: a port whose targetPort is a number (or unset: the port), or names a
 * port some container of the pod declares. A Service whose every port names a port the pod lacks sends it nothing.
 * upstream: pkg/controller/endpointslice utils.go getEndpointPorts, podutil.FindPort
 */
function routesToPod(service: KubeObject, portNames: ReadonlySet<unknown>): boolean {
  return asArray(asRecord(service.value['spec'])?.['ports']).some((entry) => {
    const target = asRecord(entry)?.['targetPort'];
    return typeof target !== 'string' || /^\d+$/.test(target) || portNames.has(target);
  });
}

export default defineRule({
  meta: {
    id: 'readiness-probe',
    severity: 'warning',
    category: 'probes',
    description: 'container that serves traffic in a long-running workload has no readinessProbe',
    rationale:
      'Readiness decides when a pod joins its Services\' endpoints and when a rolling update may move on; without a probe a pod counts as ready as soon as its process starts. kube-score asks for a probe only when a Service in the input selects the pod, which misses Services kept in another repository, while Polaris and kube-linter ask for it on every container, which flags workers that serve nothing. kubefit asks for it when a Service in the input selects the pod (one that publishes not-ready addresses does not count: readiness does not decide its endpoints; nor does one whose every targetPort names a port the pod does not declare: it gives the pod no endpoint) or when the container declares ports, except in DaemonSets, where only a selecting Service counts (node agents expose metrics ports but rarely take Service traffic). A sidecar without ports is not reported in a pod whose other container has a readiness probe (the pod is ready only when every container is, and the serving container\'s probe already gates it) or declares a port the selecting Services target (that container takes the traffic, and is reported itself); the probe may be a native sidecar\'s (an init container with restartPolicy: Always), whose readiness is the pod\'s too, and a Service port that names only a plain init container\'s port gives the pod no endpoint. Init and ephemeral containers, Jobs and CronJobs are not checked.',
    remediation:
      'Add a readinessProbe that succeeds only when the container can serve requests, for example an httpGet on a readiness endpoint or a tcpSocket on the serving port.',
    defaultOn: true,
    queries: ['Service'],
    appliesTo: { target: 'container', kinds: LONG_RUNNING_KINDS, containerTypes: ['container'] },
    messages: {
      missing: 'container "{{container}}" declares ports but has no readinessProbe',
      missingSelected: 'container "{{container}}" has no readinessProbe, but Service "{{service}}" selects its pods',
    },
  },
  check(container, { workload, index, report }) {
    if (isSet(container.value['readinessProbe']) || !isLongRunning(workload)) return;
    const data = { container: containerLabel(container) };
    // a Service that publishes not-ready addresses sends traffic whatever readiness says
    // upstream: pkg/controller/endpointslice podToEndpoint (ready := PublishNotReadyAddresses || IsPodReady)
    const selecting = index.servicesSelecting(workload).filter((service) => asRecord(service.value['spec'])?.['publishNotReadyAddresses'] !== true);
    const portNames = selecting.length > 0 ? new Set(workload.containers.filter(isRegularOrSidecar).flatMap((each) => asArray(each.value['ports']).map((port) => asRecord(port)?.['name']))) : new Set();
    const services = selecting.filter((service) => routesToPod(service, portNames));
    const service = services[0];
    const hasPorts = asArray(container.value['ports']).length > 0;
    if (service && !hasPorts && (hasReadyPeer(workload, container) || targetedPeer(workload, container, services))) return;
    if (service) report({ messageId: 'missingSelected', data: { ...data, service: service.ref.name }, at: containerNamePath(container) });
    else if (workload.kind !== 'DaemonSet' && hasPorts) report({ messageId: 'missing', data, at: containerNamePath(container) });
  },
});
