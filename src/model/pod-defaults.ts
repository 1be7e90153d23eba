// What API defaulting sets on a Pod before admission and the scheduler see it (pkg/apis/core/v1 defaults.go).
import { asRecord } from './object.js';

/**
 * The hostPort of a container (or init container) port: in a pod with hostNetwork an unset or zero hostPort is its
 * containerPort (SetDefaults_PodSpec defaultHostNetworkPorts).
 */
export function defaultedHostPort(port: unknown, hostNetwork: boolean): unknown {
  const hostPort = asRecord(port)?.['hostPort'];
  return hostNetwork && (hostPort === undefined || hostPort === 0) ? asRecord(port)?.['containerPort'] : hostPort;
}
