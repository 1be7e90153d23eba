// CSI, DRA and device plugins must mount kubelet directories: worth a note for review, not an error.
import { defineRule } from '../src/lint/define-rule.js';
import { hostPathVolumes, isKubeletPluginMount } from '../src/lint/host-path.js';

export default defineRule({
  meta: {
    id: 'kubelet-plugin-mounts',
    severity: 'info',
    category: 'security',
    description: 'pod mounts the kubelet plugin directories a CSI, DRA or device plugin needs',
    rationale:
      'A CSI or DRA node plugin registers with the kubelet through /var/lib/kubelet/plugins_registry, serves its socket under /var/lib/kubelet/plugins and, for CSI, mounts volumes into /var/lib/kubelet/pods (or /var/lib/kubelet) with Bidirectional propagation; a device plugin (GPUs, NICs) registers through the kubelet socket in /var/lib/kubelet/device-plugins and serves its own there; a FlexVolume driver installer writes to /usr/libexec/kubernetes/kubelet-plugins. These mounts are required, so sensitive-host-mounts does not report them as errors; they still give the pod the node\'s volumes, so they are listed as a note for review.',
    remediation: 'Nothing to fix for a CSI, DRA or device plugin; make sure the pod is the driver\'s node plugin and mount only the directories it needs.',
    defaultOn: true,
    appliesTo: { target: 'podSpec' },
    messages: { pluginMount: 'volume "{{volume}}" mounts the kubelet directory {{path}}, as a CSI, DRA or device plugin does' },
  },
  check(workload, { report }) {
    for (const volume of hostPathVolumes(workload)) {
      if (isKubeletPluginMount(workload, volume)) report({ messageId: 'pluginMount', data: { volume: volume.name, path: volume.hostPath }, at: volume.at });
    }
  },
});
