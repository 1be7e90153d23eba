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
    expect(evaluatePod({ level: 'privileged', version: 'latest' }, PRIVILEGED)).toEqual([]);
  });

  it('orders baseline reasons by check id, then restricted ones, as upstream sorts check ids', () => {
    expect(aggregateForbiddenDetail(evaluatePod({ level: 'restricted', version: 'latest' }, PRIVILEGED))).toBe(
      'host namespaces (hostNetwork=true), privileged (container "agent" must not set securityContext.privileged=true), ' +
        'allowPrivilegeEscalation != false (container "agent" must set securityContext.allowPrivilegeEscalation=false), ' +
        'unrestricted capabilities (container "agent" must set securityContext.capabilities.drop=["ALL"]), ' +
        'restricted volume types (volume "root" uses restricted volume type "hostPath"), ' +
        'runAsNonRoot != true (pod or container "agent" must set securityContext.runAsNonRoot=true), ' +
        'seccompProfile (pod or container "agent" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
    );
  });

  it('lets restricted checks replace the baseline checks they override (hostPath volumes by restricted volume types)', () => {
    const reasons = evaluatePod({ level: 'restricted', version: 'latest' }, PRIVILEGED).flatMap((result) => (result.allowed ? [] : [result.forbiddenReason]));
    expect(reasons).not.toContain('hostPath volumes');
    expect(evaluatePod({ level: 'baseline', version: 'latest' }, PRIVILEGED).flatMap((result) => (result.allowed ? [] : [result.forbiddenReason]))).toEqual(['host namespaces', 'hostPath volumes', 'privileged']);
  });

  it('admits at baseline what only restricted forbids', () => {
    expect(evaluatePod({ level: 'baseline', version: 'latest' }, UNRESTRICTED).every((result) => result.allowed)).toBe(true);
    expect(evaluatePod({ level: 'restricted', version: 'latest' }, UNRESTRICTED).some((result) => !result.allowed)).toBe(true);
  });

  it('runs only the checks that exist at a pinned version (v1.0 restricted: no allowPrivilegeEscalation, capabilities or seccompProfile field checks)', () => {
    expect(aggregateForbiddenDetail(evaluatePod({ level: 'restricted', version: { minor: 0 } }, UNRESTRICTED))).toBe(
      'restricted volume types (volume "data" uses restricted volume type "nfs"), runAsNonRoot != true (pod or container "web" must set securityContext.runAsNonRoot=true)',
    );
  });

  it('evaluates a version newer than any check, and latest, as the newest check version', () => {
    const sysctl = pod({ securityContext: { sysctls: [{ name: 'net.ipv4.tcp_notsent_lowat', value: '1' }] } });
    expect(MAX_VERSION).toBe(37);
    expect(evaluatePod({ level: 'baseline', version: { minor: 99 } }, sysctl).every((result) => result.allowed)).toBe(true);
    expect(evaluatePod({ level: 'baseline', version: 'latest' }, sysctl).every((result) => result.allowed)).toBe(true);
    expect(evaluatePod({ level: 'baseline', version: { minor: 36 } }, sysctl).some((result) => !result.allowed)).toBe(true);
  });

  it('keeps the unconditional procMount block in restricted from 1.35, where baseline admits user-namespace pods', () => {
    const unmasked = pod({ hostUsers: false, containers: [{ name: 'c', securityContext: { procMount: 'Unmasked' } }] });
    expect(evaluatePod({ level: 'baseline', version: 'latest' }, unmasked).every((result) => result.allowed)).toBe(true);
    expect(evaluatePod({ level: 'baseline', version: { minor: 34 } }, unmasked).some((result) => !result.allowed)).toBe(true);
    expect(evaluatePod({ level: 'restricted', version: 'latest' }, unmasked).filter((result) => !result.allowed && result.forbiddenReason === 'procMount')).toHaveLength(1);
  });

  it('uses the seccomp annotations check in restricted before 1.19, and the field check from 1.19', () => {
    const annotated: PodInput = { ...UNRESTRICTED, podAnnotations: { 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined' } };
    const seccomp = (minor: number) => evaluatePod({ level: 'restricted', version: { minor } }, annotated).flatMap((result) => (!result.allowed && result.forbiddenReason === 'seccompProfile' ? [result.forbiddenDetail] : []));
    expect(seccomp(18)).toEqual(['forbidden annotation seccomp.security.alpha.kubernetes.io/pod="unconfined"']);
    expect(seccomp(19)).toEqual(['pod or container "web" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"']);
  });

  describe('TestHostProbesAndHostLifecycleEmulation: an API server evaluates latest at the version it runs or emulates', () => {
    const probed = pod({ containers: [{ name: 'a', livenessProbe: { httpGet: { host: 'example.com', port: 80 } } }] });
    it.each([
      ['no emulation', undefined, false],
      ['emulate 1.34', 34, false],
      ['emulate 1.33', 33, true],
    ])('%s', (_, emulated, allowed) => {
      expect(evaluatePod({ level: 'baseline', version: 'latest' }, probed, emulated).every((result) => result.allowed)).toBe(allowed);
    });

    it('caps a pinned version newer than the API server too, and keeps older pins', () => {
      const sysctl = pod({ securityContext: { sysctls: [{ name: 'net.ipv4.tcp_notsent_lowat', value: '1' }] } });
      expect(evaluatePod({ level: 'baseline', version: { minor: 37 } }, sysctl, 36).some((result) => !result.allowed)).toBe(true);
      expect(evaluatePod({ level: 'baseline', version: { minor: 37 } }, sysctl, 37).every((result) => result.allowed)).toBe(true);
      expect(evaluatePod({ level: 'baseline', version: { minor: 33 } }, probed, 36).every((result) => result.allowed)).toBe(true);
    });
  });
});
