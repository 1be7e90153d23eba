// hostPath volumes of a pod spec, with the path of each `hostPath.path` value for reports.
import type { Path } from '../model/document.js';
import { asArray, asRecord } from '../model/object.js';
import type { Workload } from '../model/workload.js';

export interface HostPathVolume {
  readonly name: string;
  /** The host path as written, without trailing slashes ("/" stays "/"). */
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
    out.push({ name, hostPath: path.replace(/(.)\/+$/, '$1'), type: typeof type === 'string' ? type : undefined, at: workload.podSpecPath.concat('volumes', index, 'hostPath', 'path') });
  });
  return out;
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
 * A hostPath a CSI, DRA or device plugin needs: the plugin and registration directories, or the pods directory mounted
 * with Bidirectional propagation (upstream: kubernetes-csi docs, "Deploying a CSI Driver on Kubernetes").
 */
export function isKubeletPluginMount(workload: Workload, volume: HostPathVolume): boolean {
  if (KUBELET_PLUGIN_DIRS.some((dir) => volume.hostPath === dir || volume.hostPath.startsWith(`${dir}/`))) return true;
  return KUBELET_MOUNT_DIRS.includes(volume.hostPath) && isMountedBidirectional(workload, volume.name);
}

function isMountedBidirectional(workload: Workload, volumeName: string): boolean {
  return mountsOf(workload, volumeName).some((mount) => mount['mountPropagation'] === 'Bidirectional');
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
