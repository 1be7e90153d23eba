// hostPath volumes of a pod spec, with the path of each `hostPath.path` value for reports.
import { posix } from 'node:path';
import type { Path } from '../model/document.js';
import { asArray, asRecord } from '../model/object.js';
import type { Workload } from '../model/workload.js';

export interface HostPathVolume {
  readonly name: string;
  /** The node path the volume reaches (see nodePath): `//etc/` and `/./etc` are /etc. */
  readonly hostPath: string;
  /** hostPath.type as written (Directory, File, CharDevice, ...); undefined when unset. */
  readonly type: string | undefined;
  readonly at: Path;
}

export function hostPathVolumes(workload: Workload): HostPathVolume[] {
  const out: HostPathVolume[] = [];
  asArray(workload.podSpec['volumes']).forEach((entry, index) => {
    const volume = asRecord(entry);
    const path = asRecord(volume?.['hostPath'])?.['path'];
    if (typeof path !== 'string') return;
    const name = typeof volume?.['name'] === 'string' ? volume['name'] : `#${index}`;
    const type = asRecord(volume?.['hostPath'])?.['type'];
    out.push({ name, hostPath: nodePath(path), type: typeof type === 'string' ? type : undefined, at: workload.podSpecPath.concat('volumes', index, 'hostPath', 'path') });
  });
  return out;
}

/**
 * A hostPath as the node's kernel resolves it (the kubelet mounts it as written): repeated slashes, `.` and `..`
 * segments and trailing slashes go ("/" stays "/"). A Windows named pipe (`//./pipe/...` or with backslashes) stays as written.
 */
function nodePath(path: string): string {
  if (/^(?:\/\/|\\\\)\.[\\/]/.test(path)) return path;
  const cleaned = posix.normalize(path);
  return cleaned.length > 1 ? cleaned.replace(/\/+$/, '') : cleaned;
}

/**
 * Kubelet directories every CSI or DRA node plugin must mount (registration socket, plugin sockets), the one every
 * device plugin registers through (upstream: k8s.io/kubelet pkg/apis/deviceplugin/v1beta1 constants.go
 * DevicePluginPath, where KubeletSocket lives), and the FlexVolume driver directory its installers write to.
 */
const KUBELET_PLUGIN_DIRS = ['/var/lib/kubelet/plugins', '/var/lib/kubelet/plugins_registry', '/var/lib/kubelet/device-plugins', '/usr/libexec/kubernetes/kubelet-plugins'];
/** Directories a CSI node plugin mounts volumes into, which needs Bidirectional propagation to reach the pods. */
const KUBELET_MOUNT_DIRS = ['/var/lib/kubelet/pods', '/var/lib/kubelet'];

/**
 * A hostPath a CSI, DRA or device plugin needs: the plugin and registration directories, the directory of the socket
 * its node-driver-registrar registers (`--kubelet-registration-path`: the kubelet dials whatever path it is given), or
 * the pods directory mounted with Bidirectional propagation (upstream: kubernetes-csi docs, "Deploying a CSI Driver on
 * Kubernetes"; node-driver-registrar's README).
 */
export function isKubeletPluginMount(workload: Workload, volume: HostPathVolume): boolean {
  const pluginDirs = [...KUBELET_PLUGIN_DIRS, ...registrationDirs(workload)];
  if (pluginDirs.some((dir) => volume.hostPath === dir || volume.hostPath.startsWith(`${dir}/`))) return true;
  return KUBELET_MOUNT_DIRS.includes(volume.hostPath) && isMountedBidirectional(workload, volume.name);
}

const REGISTRATION_PATH = '--kubelet-registration-path';

/**
 * The node directories of the sockets the pod's registrars register with the kubelet: `--kubelet-registration-path=P`
 * (or the value in the next argument), with `$(VAR)` read from the container's own env values as the kubelet expands it.
 */
function registrationDirs(workload: Workload): string[] {
  const dirs: string[] = [];
  for (const container of workload.containers) {
    const args = [...asArray(container.value['command']), ...asArray(container.value['args'])].map((arg) => (typeof arg === 'string' ? arg : ''));
    args.forEach((arg, index) => {
      const value = arg.startsWith(`${REGISTRATION_PATH}=`) ? arg.slice(REGISTRATION_PATH.length + 1) : arg === REGISTRATION_PATH ? args[index + 1] : undefined;
      const path = value === undefined ? undefined : expandEnv(value, container.value['env']);
      const dir = path?.startsWith('/') ? path.slice(0, path.lastIndexOf('/')) : undefined;
      if (dir && dir !== '') dirs.push(dir);
    });
  }
  return dirs;
}

/** `$(NAME)` replaced by the literal env value of that name (a reference to an unknown or computed one stays as written). */
function expandEnv(text: string, env: unknown): string {
  const values = new Map<string, string>();
  for (const entry of asArray(env)) {
    const variable = asRecord(entry);
    if (typeof variable?.['name'] === 'string' && typeof variable['value'] === 'string') values.set(variable['name'], variable['value']);
  }
  return text.replace(/\$\(([A-Za-z_][\w.-]*)\)/g, (whole, name: string) => values.get(name) ?? whole);
}

function isMountedBidirectional(workload: Workload, volumeName: string): boolean {
  return mountsOf(workload, volumeName).some((mount) => mount['mountPropagation'] === 'Bidirectional');
}

/** Whether any container mounts the volume (a volume no container mounts gives none of them the node's files). */
export function isMounted(workload: Workload, volumeName: string): boolean {
  return mountsOf(workload, volumeName).length > 0;
}

/** Whether every container that mounts the volume mounts it with readOnly: true. */
export function isMountedReadOnly(workload: Workload, volumeName: string): boolean {
  return mountsOf(workload, volumeName).every((mount) => mount['readOnly'] === true);
}

/** The volumeMounts of the volume, in every container of the pod. */
function mountsOf(workload: Workload, volumeName: string): Readonly<Record<string, unknown>>[] {
  return workload.containers.flatMap((container) =>
    asArray(container.value['volumeMounts']).flatMap((entry) => {
      const mount = asRecord(entry);
      return mount?.['name'] === volumeName ? [mount] : [];
    }),
  );
}
