// Container facts rules share: where to report about a container, and its effective security settings.
import type { Path } from '../model/document.js';
import { asRecord } from '../model/object.js';
import type { ContainerView, Workload } from '../model/workload.js';

/** The path of a container's name (its identity in a report), or the container itself when it has none. */
export function containerNamePath(container: ContainerView): Path {
  return container.name === undefined ? container.path : container.path.concat('name');
}

/** Fields a container's securityContext inherits from the pod's securityContext when it does not set them. */
export type InheritedSecurityField = 'runAsNonRoot' | 'runAsUser' | 'runAsGroup' | 'seccompProfile' | 'seLinuxOptions' | 'appArmorProfile' | 'windowsOptions';

export interface EffectiveValue {
  readonly value: unknown;
  /** Where the deciding value is written (container first, then pod). */
  readonly path: Path;
}

/**
 * The value that applies to the container: its own securityContext field, else the pod's (upstream:
 * pkg/securitycontext/util.go DetermineEffectiveSecurityContext); undefined when neither sets it.
 */
export function effectiveSecurityValue(workload: Workload, container: ContainerView, field: InheritedSecurityField): EffectiveValue | undefined {
  const own = asRecord(container.value['securityContext'])?.[field];
  if (own !== undefined && own !== null) return { value: own, path: container.path.concat('securityContext', field) };
  const pod = asRecord(workload.podSpec['securityContext'])?.[field];
  if (pod !== undefined && pod !== null) return { value: pod, path: workload.podSpecPath.concat('securityContext', field) };
  return undefined;
}

/**
 * Whether the container runs as a Windows HostProcess container, and where that is written: its own
 * `windowsOptions.hostProcess`, else the pod's (field by field, as validateWindowsHostProcessPod and the kubelet read it).
 */
export function hostProcessOf(workload: Workload, container: ContainerView): EffectiveValue | undefined {
  const at = (context: unknown, path: Path): EffectiveValue | undefined => {
    const value = asRecord(asRecord(context)?.['windowsOptions'])?.['hostProcess'];
    return typeof value === 'boolean' ? { value, path: path.concat('securityContext', 'windowsOptions', 'hostProcess') } : undefined;
  };
  return at(container.value['securityContext'], container.path) ?? at(workload.podSpec['securityContext'], workload.podSpecPath);
}

/** A field of the container's own securityContext (privileged, allowPrivilegeEscalation, capabilities, ...). */
export function containerSecurityValue(container: ContainerView, field: string): EffectiveValue | undefined {
  const value = asRecord(container.value['securityContext'])?.[field];
  return value === undefined || value === null ? undefined : { value, path: container.path.concat('securityContext', field) };
}

/**
 * Whether the pod declares spec.os.name: windows. The API server then forbids the Linux-only security settings
 * (seccompProfile, capabilities, readOnlyRootFilesystem, runAsUser, ...), and Pod Security exempts such pods from the
 * restricted checks on them from 1.25.
 */
// upstream: pkg/apis/core/validation/validation.go validateWindows ("cannot be set for a windows pod")
export function isWindowsPod(pod: Pick<Workload, 'podSpec'>): boolean {
  return asRecord(pod.podSpec['os'])?.['name'] === 'windows';
}

/** How messages name a container: its name, or its position when it has none. */
export function containerLabel(container: ContainerView): string {
  return container.name ?? `#${container.index}`;
}
