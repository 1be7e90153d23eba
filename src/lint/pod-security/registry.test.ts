// Which checks each level and version run, in which order, after overrides (upstream: policy/registry.go populate).
import { describe, expect, it } from 'vitest';
import { containersOf } from '../../model/workload.js';
import { aggregateForbiddenDetail, type PodInput } from './checks.js';
import { evaluatePod, MAX_VERSION } from './registry.js';

function pod(spec: Record<string, unknown>): PodInput {
  return { podSpec: spec, podAnnotations: {}, containers: containersOf(spec, ['spec']) };
}

/** A pod that breaks every restricted rule it can without breaking baseline's. */
const UNRESTRICTED = pod({ containers: [{ name: 'web', image: 'nginx' }], volumes: [{ name: 'data', nfs: { server: 's', path: '/' } }] });

/** A pod that breaks baseline too: host namespaces, a hostPath, a privileged container. */
const PRIVILEGED = pod({ hostNetwork: true, containers: [{ name: 'agent', securityContext: { privileged: true } }], volumes: [{ name: 'root', hostPath: { path: '/' } }] });

describe('evaluatePod', () => {
  it('runs nothing for privileged', () => {
    expect(evaluatePod('privileged', 'latest', PRIVILEGED)).toEqual([]);
  });

  it('orders baseline reasons by check id, then restricted ones, as upstream sorts check ids', () => {
    expect(aggregateForbiddenDetail(evaluatePod('restricted', 'latest', PRIVILEGED))).toBe(
      'host namespaces (hostNetwork=true), privileged (container "agent" must not set securityContext.privileged=true), ' +
        'allowPrivilegeEscalation != false (container "agent" must set securityContext.allowPrivilegeEscalation=false), ' +
        'unrestricted capabilities (container "agent" must set securityContext.capabilities.drop=["ALL"]), ' +
        'restricted volume types (volume "root" uses restricted volume type "hostPath"), ' +
        'runAsNonRoot != true (pod or container "agent" must set securityContext.runAsNonRoot=true), ' +
        'seccompProfile (pod or container "agent" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
    );
  });

  it('lets restricted checks replace the baseline checks they override (hostPath volumes by restricted volume types)', () => {
    const reasons = evaluatePod('restricted', 'latest', PRIVILEGED).flatMap((result) => (result.allowed ? [] : [result.forbiddenReason]));
    expect(reasons).not.toContain('hostPath volumes');
    expect(evaluatePod('baseline', 'latest', PRIVILEGED).flatMap((result) => (result.allowed ? [] : [result.forbiddenReason]))).toEqual(['host namespaces', 'hostPath volumes', 'privileged']);
  });

  it('admits at baseline what only restricted forbids', () => {
    expect(evaluatePod('baseline', 'latest', UNRESTRICTED).every((result) => result.allowed)).toBe(true);
    expect(evaluatePod('restricted', 'latest', UNRESTRICTED).some((result) => !result.allowed)).toBe(true);
  });

  it('runs only the checks that exist at a pinned version (v1.0 restricted: no allowPrivilegeEscalation, capabilities or seccompProfile field checks)', () => {
    expect(aggregateForbiddenDetail(evaluatePod('restricted', { minor: 0 }, UNRESTRICTED))).toBe(
      'restricted volume types (volume "data" uses restricted volume type "nfs"), runAsNonRoot != true (pod or container "web" must set securityContext.runAsNonRoot=true)',
    );
  });

  it('evaluates a version newer than any check, and latest, as the newest check version', () => {
    const sysctl = pod({ securityContext: { sysctls: [{ name: 'net.ipv4.tcp_notsent_lowat', value: '1' }] } });
    expect(MAX_VERSION).toBe(37);
    expect(evaluatePod('baseline', { minor: 99 }, sysctl).every((result) => result.allowed)).toBe(true);
    expect(evaluatePod('baseline', 'latest', sysctl).every((result) => result.allowed)).toBe(true);
    expect(evaluatePod('baseline', { minor: 36 }, sysctl).some((result) => !result.allowed)).toBe(true);
  });

  it('keeps the unconditional procMount block in restricted from 1.35, where baseline admits user-namespace pods', () => {
    const unmasked = pod({ hostUsers: false, containers: [{ name: 'c', securityContext: { procMount: 'Unmasked' } }] });
    expect(evaluatePod('baseline', 'latest', unmasked).every((result) => result.allowed)).toBe(true);
    expect(evaluatePod('baseline', { minor: 34 }, unmasked).some((result) => !result.allowed)).toBe(true);
    expect(evaluatePod('restricted', 'latest', unmasked).filter((result) => !result.allowed && result.forbiddenReason === 'procMount')).toHaveLength(1);
  });

  it('uses the seccomp annotations check in restricted before 1.19, and the field check from 1.19', () => {
    const annotated: PodInput = { ...UNRESTRICTED, podAnnotations: { 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined' } };
    const seccomp = (minor: number) => evaluatePod('restricted', { minor }, annotated).flatMap((result) => (!result.allowed && result.forbiddenReason === 'seccompProfile' ? [result.forbiddenDetail] : []));
    expect(seccomp(18)).toEqual(['forbidden annotation seccomp.security.alpha.kubernetes.io/pod="unconfined"']);
    expect(seccomp(19)).toEqual(['pod or container "web" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"']);
  });
});
