// Mounting system directories of the node gives the pod the node's configuration, credentials or kernel interfaces.
import { defineRule } from '../src/lint/define-rule.js';
import { hostPathVolumes, isKubeletPluginMount, isMounted, isMountedReadOnly } from '../src/lint/host-path.js';

/** System directories (and everything below them) whose exposure compromises the node. */
const SENSITIVE = ['/', '/boot', '/dev', '/etc', '/lib', '/lib64', '/proc', '/sys', '/usr', '/var/lib/kubelet', '/var/lib/docker', '/var/lib/containerd', '/var/lib/etcd', '/root'];
/**
 * Below these, a file or subdirectory that every container mounts read-only is what the remediation asks for
 * (/etc/localtime, /etc/ssl/certs, /usr/share/zoneinfo, /lib/modules): only a writable mount is reported.
 */
const READ_ONLY_SAFE_BELOW = ['/boot', '/etc', '/lib', '/lib64', '/usr'];
/** The node's credentials, sensitive even read-only. */
const CREDENTIALS = ['/etc/shadow', '/etc/gshadow', '/etc/ssh', '/etc/sudoers', '/etc/sudoers.d'];
/**
 * In /etc/kubernetes, the directory itself, its files (admin.conf, kubelet.conf, a cloud provider's azure.json) and the
 * directories kubeadm and managed nodes keep keys and static pods in are credentials; another directory below it is an
 * add-on's own (node-feature-discovery's features.d), read-only as harmless as one below /etc.
 */
const KUBERNETES_CONFIG = '/etc/kubernetes';
const KUBERNETES_CREDENTIAL_DIRECTORIES = new Set(['pki', 'certs', 'manifests', 'kubelet']);

/** Character devices that are the node's memory and I/O ports, sensitive as any other path below /dev. */
const MEMORY_DEVICES = ['/dev/mem', '/dev/kmem', '/dev/port'];
/** The node's syslog socket, which logging agents and databases mount to write to it. */
const SYSLOG_SOCKET = '/dev/log';
/** Devices that hold nothing of the node (read: empty, zeros or random bytes), mounted whatever their hostPath type. */
const DATA_FREE_DEVICES = ['/dev/null', '/dev/zero', '/dev/full', '/dev/random', '/dev/urandom'];
/** hostPath types that are no directory (upstream: pkg/apis/core/types.go HostPathType). */
const FILE_TYPES = ['File', 'FileOrCreate', 'Socket', 'CharDevice', 'BlockDevice'];

function isKubernetesCredential(path: string): boolean {
  if (!isBelow(path, KUBERNETES_CONFIG)) return false;
  const [entry] = path.slice(KUBERNETES_CONFIG.length + 1).split('/');
  return entry === undefined || entry === '' || entry.includes('.') || KUBERNETES_CREDENTIAL_DIRECTORIES.has(entry);
}

function isBelow(path: string, root: string): boolean {
  return path === root || (root !== '/' && path.startsWith(`${root}/`));
}

function isSensitive(path: string, readOnly: boolean, type: string | undefined): boolean {
  if (!SENSITIVE.some((root) => isBelow(path, root))) return false;
  // one device node (/dev/fuse, /dev/kvm, /dev/sgx_enclave) or socket is how a pod is given a device or the node's syslog, not the node's /dev
  if (path.startsWith('/dev/') && !MEMORY_DEVICES.includes(path) && (type === 'CharDevice' || type === 'Socket' || path === SYSLOG_SOCKET || DATA_FREE_DEVICES.includes(path))) return false;
  if (!readOnly || SENSITIVE.includes(path) || CREDENTIALS.some((root) => isBelow(path, root)) || isKubernetesCredential(path)) return true;
  return !READ_ONLY_SAFE_BELOW.some((root) => isBelow(path, root));
}

export default defineRule({
  meta: {
    id: 'sensitive-host-mounts',
    severity: 'error',
    category: 'security',
    description: 'pod mounts a sensitive directory of the node (/, /etc, /proc, /sys, /dev, /var/lib/kubelet, /var/lib/etcd, ...), or writes below /etc, /usr, /lib, /lib64 or /boot',
    rationale:
      'These directories hold the node\'s configuration and credentials (/etc, /var/lib/kubelet; /var/lib/etcd holds the cluster\'s data, every Secret included), its kernel interfaces (/proc, /sys, /dev) or its binaries (/usr, /lib, /lib64). A pod that mounts them can read secrets of other pods or change the node. A path is read as the node resolves it: //etc/ and /./etc are /etc. A hostPath volume no container mounts gives no container anything and is not reported. One character device or socket below /dev (hostPath type CharDevice or Socket: /dev/fuse, /dev/kvm, a device plugin\'s device node; the syslog socket /dev/log) is how a pod is given a device or the node\'s syslog and is not reported, nor is /dev/null, /dev/zero, /dev/full, /dev/random or /dev/urandom (no data of the node; the NVIDIA runtime reads a mount of /dev/null as a device list), except /dev/mem, /dev/kmem and /dev/port. A file or subdirectory below /etc, /usr, /lib or /boot mounted read-only (the node\'s time zone, CA bundle or kernel modules) is not reported, except the node\'s credentials (/etc/kubernetes itself, its files and its pki, certs, manifests and kubelet directories; /etc/ssh, /etc/shadow); another directory below /etc/kubernetes is an add-on\'s own. Log collectors and node exporters legitimately read some of them; suppress the rule on those objects with a reason. The kubelet plugin directories a CSI, DRA or device plugin must mount (and the directory of the socket its node-driver-registrar registers with --kubelet-registration-path) are reported by kubelet-plugin-mounts instead, as a note.',
    remediation: 'Mount only the specific file or subdirectory the container needs, read-only, or use a ConfigMap, Secret or emptyDir volume instead.',
    defaultOn: true,
    appliesTo: { target: 'podSpec' },
    messages: {
      mounted: 'volume "{{volume}}" mounts the node directory {{path}}',
      mountedFile: 'volume "{{volume}}" mounts the node file {{path}}',
      mountedWritable: 'volume "{{volume}}" mounts the node directory {{path}} writable',
      mountedFileWritable: 'volume "{{volume}}" mounts the node file {{path}} writable',
    },
  },
  check(workload, { report }) {
    for (const volume of hostPathVolumes(workload)) {
      if (!isMounted(workload, volume.name) || !isSensitive(volume.hostPath, isMountedReadOnly(workload, volume.name), volume.type) || isKubeletPluginMount(workload, volume)) continue;
      // reported for being written to only (a CNI installer's /etc/cni/net.d): the message says so
      const writable = !isSensitive(volume.hostPath, true, volume.type);
      const file = FILE_TYPES.includes(volume.type ?? '');
      const messageId = file ? (writable ? 'mountedFileWritable' : 'mountedFile') : writable ? 'mountedWritable' : 'mounted';
      report({ messageId, data: { volume: volume.name, path: volume.hostPath }, at: volume.at });
    }
  },
});
