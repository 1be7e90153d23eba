// Liveness and readiness answer different questions; the same probe for both restarts pods that are merely busy.
import { containerLabel } from '../src/lint/container.js';
import { defineRule } from '../src/lint/define-rule.js';
import { asArray, asRecord } from '../src/model/object.js';
import type { ContainerView } from '../src/model/workload.js';

export default defineRule({
  meta: {
    id: 'identical-probes',
    severity: 'warning',
    category: 'probes',
    description: 'livenessProbe and readinessProbe are identical',
    rationale:
      'Readiness takes a pod out of its Services while it cannot serve; liveness restarts it. When both are the same probe with the same thresholds, an overloaded pod is restarted at the very moment it should only have been taken out of rotation, which turns load spikes into restart storms. Probes are compared as the API server stores them, defaults filled in (periodSeconds 10, timeoutSeconds 1, successThreshold 1, failureThreshold 3, an httpGet\'s path / and scheme HTTP) and with a named port read as the number of the container\'s port of that name, so periodSeconds: 10 written on one probe only, or port: http on one and 8080 on the other, does not make them differ; probes that differ in any field, such as a higher failureThreshold for liveness, are not reported. A native sidecar (an init container with restartPolicy: Always) is checked too: the kubelet restarts it on its liveness probe and the pod is ready only when it is (plain init containers cannot have these probes).',
    remediation: 'Give the livenessProbe a more tolerant failureThreshold or periodSeconds than the readinessProbe, or point it at a cheaper endpoint that only checks that the process is alive.',
    defaultOn: true,
    appliesTo: { target: 'container', containerTypes: ['container', 'initContainer'] },
    messages: { identical: 'container "{{container}}" uses the same probe for liveness and readiness' },
  },
  check(container, { report }) {
    const liveness = asRecord(container.value['livenessProbe']);
    const readiness = asRecord(container.value['readinessProbe']);
    if (!liveness || !readiness || !isSameValue(asDefaulted(liveness, container), asDefaulted(readiness, container))) return;
    report({ messageId: 'identical', data: { container: containerLabel(container) }, at: container.path.concat('livenessProbe'), on: 'key' });
  },
});

// upstream: pkg/apis/core/v1/defaults.go SetDefaults_Probe, SetDefaults_HTTPGetAction (each fills a field left zero)
const PROBE_DEFAULTS: Readonly<Record<string, unknown>> = { timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 };
const HTTP_GET_DEFAULTS: Readonly<Record<string, unknown>> = { path: '/', scheme: 'HTTP' };

/**
 * The probe as the API server stores it and the kubelet runs it: a field written as its zero value
 * (initialDelaySeconds: 0, host: "", httpHeaders: []) is the same as an absent one, the defaults fill what is left
 * unset, so periodSeconds: 10 on one probe and none on the other is the same probe, and a port named after one of the
 * container's ports is that port's number.
 */
function asDefaulted(probe: Readonly<Record<string, unknown>>, container: ContainerView): unknown {
  const pruned = asRecord(withoutZeroValues(probe)) ?? {};
  const httpGet = asRecord(pruned['httpGet']);
  const tcpSocket = asRecord(pruned['tcpSocket']);
  return {
    ...PROBE_DEFAULTS,
    ...pruned,
    ...(httpGet && { httpGet: { ...HTTP_GET_DEFAULTS, ...httpGet, port: resolvedPort(httpGet['port'], container) } }),
    ...(tcpSocket && { tcpSocket: { ...tcpSocket, port: resolvedPort(tcpSocket['port'], container) } }),
  };
}

/** The number a probe's port names among the container's own ports; the port as written when no port has the name. */
// upstream: pkg/probe/util.go ResolveContainerPort (findPortByName)
function resolvedPort(port: unknown, container: ContainerView): unknown {
  if (typeof port !== 'string') return port;
  const named = asArray(container.value['ports']).map(asRecord).find((entry) => entry?.['name'] === port);
  return named?.['containerPort'] ?? port;
}

function withoutZeroValues(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutZeroValues);
  const record = asRecord(value);
  if (!record) return value;
  const entries = Object.entries(record).map(([key, item]) => [key, withoutZeroValues(item)] as const);
  return Object.fromEntries(entries.filter(([, item]) => !isZeroValue(item)));
}

function isZeroValue(value: unknown): boolean {
  return value === null || value === 0 || value === '' || (Array.isArray(value) && value.length === 0);
}

/**
 * Whether two values are the same JSON: arrays item by item, objects key by key whatever the key order, anything
 * else as JSON.stringify writes it. Compared in place instead of writing both out in a canonical form.
 */
export function isSameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => isSameValue(item, b[index]));
  const recordA = asRecord(a);
  const recordB = asRecord(b);
  if (recordA || recordB) return recordA !== undefined && recordB !== undefined && hasSameEntries(recordA, recordB);
  return typeof a === 'string' && typeof b === 'string' ? a === b : JSON.stringify(a) === JSON.stringify(b);
}

function hasSameEntries(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.prototype.propertyIsEnumerable.call(b, key) && isSameValue(a[key], b[key]));
}
