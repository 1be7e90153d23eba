// Mounting system directories of the node gives the pod the node's configuration, credentials or kernel interfaces.
import { defineRule } from '../src/lint/define-rule.js';
import { hostPathVolumes, isKubeletPluginMount } from '../src/lint/host-path.js';

/** System directories (and everything below them) whose exposure compromises the node. */
const SENSITIVE = ['/', '/boot', '/dev', '/etc', '/lib', '/proc', '/sys', '/usr', '/var/lib/kubelet', '/var/lib/docker', '/var/lib/containerd', '/root'];

function sensitiveRoot(path: string): string | undefined {
  return SENSITIVE.find((root) => path === root || (root !== '/' && path.startsWith(`${root}/`)));
}

export default defineRule({
  meta: {
    id: 'sensitive-host-mounts',
    severity: 'error',
    category: 'security',
    description: 'pod mounts a sensitive directory of the node (/, /etc, /proc, /sys, /dev, /var/lib/kubelet, ...)',
    rationale:
      'These directories hold the node\'s configuration and credentials (/etc, /var/lib/kubelet), its kernel interfaces (/proc, /sys, /dev) or its binaries (/usr, /lib). A pod that mounts them can read secrets of other pods or change the node. Log collectors and node exporters legitimately read some of them; suppress the rule on those objects with a reason. The kubelet plugin directories a CSI or DRA node plugin must mount are reported by kubelet-plugin-mounts instead, as a note.',
    remediation: 'Mount only the specific file or subdirectory the container needs, read-only, or use a ConfigMap, Secret or emptyDir volume instead.',
    defaultOn: true,
    appliesTo: { target: 'podSpec' },
    messages: { mounted: 'volume "{{volume}}" mounts the node directory {{path}}' },
  },
  check(workload, { report }) {
    for (const volume of hostPathVolumes(workload)) {
      if (sensitiveRoot(volume.hostPath) !== undefined && !isKubeletPluginMount(workload, volume)) report({ messageId: 'mounted', data: { volume: volume.name, path: volume.hostPath }, at: volume.at });
    }
  },
});
